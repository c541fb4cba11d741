"""Islet's own knowledge texts avoid the wording the clinical review corrected (issue 13); the
rows and their reasons are in tests/cases/statements.yaml."""

from __future__ import annotations

import re
from typing import Any

import pytest

from islet.paths import KNOWLEDGE_DIR
from tests.tables import load_cases

# What Islet writes: every knowledge file except PDQ's recorded text and the Ask index's
# word lists (which map what people type, right or wrong, to terms).
OWN_FILES = sorted(
    path
    for path in KNOWLEDGE_DIR.rglob("*.yaml")
    if "sources" not in path.relative_to(KNOWLEDGE_DIR).parts
    and "ask" not in path.relative_to(KNOWLEDGE_DIR).parts
)


@pytest.mark.parametrize("case", load_cases("statements.yaml"))
def test_own_texts_avoid_corrected_wording(case: dict[str, Any]) -> None:
    pattern = re.compile(case["pattern"], re.IGNORECASE | re.MULTILINE)
    found = [
        f"{path.relative_to(KNOWLEDGE_DIR)}: {match.group(0)!r}"
        for path in OWN_FILES
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"{case['why']} Found: {found}"


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ("octreotide-is-a-drug", "Octreotide is a hormone that sticks to tumors."),
        ("octreotide-is-a-drug", "radioactive octreotide (a hormone that attaches to tumors)"),
        ("confidence-interval-not-range", "(hazard ratio 0.35, range 0.27-0.45)"),
        ("option-not-indication", "is an indication for chemotherapy"),
        ("diabetes-is-no-synonym-of-high-blood-sugar", "    synonyms:\n      - diabetes\n"),
    ],
)
def test_each_row_finds_the_wording_it_forbids(row: str, text: str) -> None:
    case = next(c.values[0] for c in load_cases("statements.yaml") if c.values[0]["id"] == row)
    assert re.search(case["pattern"], text, re.IGNORECASE | re.MULTILINE)
