"""The Ask Islet quality gate (issue 12): Islet on whole evaluation splits, held to floors a
little under its measured figures (tests/cases/ask_quality.yaml), and ahead of plain BM25. Only
aggregate figures of the held-out test split are used: never its questions."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from islet.ask.evaluation import HELD_OUT, evaluate_splits, load_split
from tests.tables import CASES

FLOORS: dict[str, dict[str, float]] = yaml.safe_load(
    (CASES / "ask_quality.yaml").read_text(encoding="utf-8")
)["splits"]


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    by_split = evaluate_splits(list(FLOORS), semantic=False)
    return {name: {r.system: r for r in rows} for name, rows in by_split.items()}


@pytest.mark.parametrize("split", list(FLOORS))
def test_islet_stays_above_its_floors(split: str, results: dict[str, Any]) -> None:
    floor = FLOORS[split]
    islet = results[split]["islet"]
    assert islet.top1 >= floor["top1"]
    assert islet.top3 >= floor["top3"]
    assert islet.wrong_declines <= floor["max_wrong_declines"]
    assert (islet.oos_precision or 0.0) >= floor["oos_precision"]
    assert islet.oos_recall >= floor["oos_recall"]


@pytest.mark.parametrize("split", list(FLOORS))
def test_islet_beats_plain_bm25(split: str, results: dict[str, Any]) -> None:
    gain = FLOORS[split]["gain_over_bm25"]
    assert results[split]["islet"].top1 >= results[split]["bm25-baseline"].top1 + gain


def test_the_held_out_split_keeps_no_questions(results: dict[str, Any]) -> None:
    rows = list(results[HELD_OUT].values())
    assert rows and all(r.misses == [] for r in rows)
    assert rows[0].in_scope + rows[0].out_of_scope == len(load_split(HELD_OUT))
