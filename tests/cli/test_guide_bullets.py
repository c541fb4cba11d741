"""Black-box acceptance of issue 3: `islet guide` and POST /api/v1/guide, one row per PDQ bullet.

The rows (tests/cases/guide/bullets.yaml, the one table of PDQ bullets, and the gaps, partial
situations and contradictions of tests/cases/guide/interfaces.yaml) are written by hand from fact
base section 10.A.
Every situation goes through the CLI as JSON on standard input and through the API; both must
give the same result.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from tests.tables import CASES, load_cases

TABLES: dict[str, Any] = yaml.safe_load(
    (CASES / "guide" / "interfaces.yaml").read_text(encoding="utf-8")
)
# The bullet rows run in the patient view unless they name an audience (as in the core test).
BULLETS = [
    pytest.param({"audience": "patient", **case.values[0]}, id=case.id)
    for case in load_cases("guide/bullets.yaml")
]
TOP_KEYS = {"applies", "depends", "excluded", "next_questions", "gaps"}
OPTION_KEYS = {"treatment_id", "name", "why", "source"}


def rows(table: str) -> list[Any]:
    return [pytest.param(row, id=row["id"]) for row in TABLES[table]]


def guide(
    runner: CliRunner, situation: dict[str, Any], audience: str | None = None
) -> dict[str, Any]:
    view = ["--audience", audience] if audience else []
    result = runner.invoke(
        app, ["guide", "--situation", "-", "--json", *view], input=json.dumps(situation)
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def ids(options: list[dict[str, Any]]) -> set[str]:
    return {option["treatment_id"] for option in options}


def applying(data: dict[str, Any], treatment_id: str) -> list[dict[str, Any]]:
    return [o for o in data["applies"] if o["treatment_id"] == treatment_id]


def partners(option: dict[str, Any], key: str) -> set[str]:
    return {p["treatment_id"] if isinstance(p, dict) else p for p in option.get(key, [])}


def check_shape(data: dict[str, Any]) -> None:
    assert set(data) >= TOP_KEYS
    for status in ("applies", "depends", "excluded"):
        for option in data[status]:
            assert set(option) >= OPTION_KEYS, option.keys()
            assert option["name"] and option["why"]
            assert option["source"]["section"] and option["source"]["version_date"]
    for question in data["next_questions"]:
        assert question["question"].rstrip().endswith("?")


def check_row(row: dict[str, Any], data: dict[str, Any]) -> None:
    check_shape(data)
    applies = ids(data["applies"])
    if "applies" in row:
        assert applies == set(row["applies"])
    # exactly, for the bullet rows, in tests/core/test_guide.py
    assert set(row.get("depends", [])) <= ids(data["depends"])
    assert set(row.get("includes", [])) <= applies, set(row["includes"]) - applies
    assert not set(row.get("not_applies", [])) & applies
    if row.get("no_depends"):
        assert data["depends"] == [], ids(data["depends"])
        # only the questions asked for their notes (MEN1) may be left, and they settle nothing
        assert all(q["settles"] == 0 for q in data["next_questions"])
    named = applies | {
        p
        for o in data["applies"]
        for k in ("together_with", "with_or_without")
        for p in partners(o, k)
    }
    assert set(row.get("mentions", [])) <= named
    for treatment_id in row.get("usually", []):
        assert any(o.get("usually") for o in applying(data, treatment_id))
    for treatment_id in row.get("rare", []):
        assert all(o.get("rare") for o in applying(data, treatment_id))
    for key, table in (("with_or_without", "with_or_without"), ("together", "together_with")):
        for treatment_id, wanted in row.get(key, {}).items():
            found = set().union(*(partners(o, table) for o in applying(data, treatment_id)))
            assert set(wanted) <= found, (treatment_id, found)
    if "gap" in row:
        assert bool(data["gaps"]) is row["gap"]
    if "gaps" in row:
        assert [gap["id"] for gap in data["gaps"]] == row["gaps"]
    for fact in row.get("asks", []):
        assert fact in [q["fact"] for q in data["next_questions"]]
    for treatment_id, fact in row.get("deciding", {}).items():
        waiting = [o for o in data["depends"] if o["treatment_id"] == treatment_id]
        assert waiting and any(fact in [d["fact"] for d in o["depends_on"]] for o in waiting)


@pytest.mark.parametrize("row", BULLETS + rows("gaps") + rows("partial"))
def test_guide_gives_pdqs_options_for_each_bullet(
    row: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    data = guide(runner, row["situation"], row.get("audience"))
    check_row(row, data)
    query = {"audience": row["audience"]} if "audience" in row else {}
    answer = web.post("/api/v1/guide", json=row["situation"], params=query)
    assert answer.status_code == 200, answer.text
    assert answer.json() == data, "the API must give the same JSON as `islet guide --json`"


@pytest.mark.parametrize("row", rows("gaps"))
def test_gaps_say_so_and_point_to_the_care_team(row: dict[str, Any], runner: CliRunner) -> None:
    data = guide(runner, row["situation"])
    for gap in data["gaps"]:
        assert "care team" in gap["message"].lower()
        assert gap["source"]["section"]


def test_a_gap_names_the_closest_pdq_entries(runner: CliRunner) -> None:
    row = TABLES["gaps"][0]  # one small insulinoma in the body
    gap = guide(runner, row["situation"])["gaps"][0]
    bullets = " ".join(entry["bullet"].lower() for entry in gap["closest"])
    assert "head" in bullets and "tail" in bullets


@pytest.mark.parametrize("row", rows("contradictions"))
def test_contradictions_are_rejected_naming_the_field(
    row: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    result = runner.invoke(
        app, ["guide", "--situation", "-", "--json"], input=json.dumps(row["situation"])
    )
    assert result.exit_code == 2
    assert row["field"] in result.output
    assert "Traceback" not in result.output
    answer = web.post("/api/v1/guide", json=row["situation"])
    assert answer.status_code == 422
    body = answer.json()
    assert body["field"].split(".")[0] == row["field"], body
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_the_guide_is_deterministic(runner: CliRunner) -> None:
    situation = BULLETS[0].values[0]["situation"]
    assert guide(runner, situation) == guide(runner, situation)


def test_flags_give_the_same_answer_as_json(runner: CliRunner) -> None:
    flags = runner.invoke(
        app,
        ["guide", "--type", "insulinoma", "--sites", "tail", "--size", "small", "--json"],
    )
    assert flags.exit_code == 0, flags.output
    assert json.loads(flags.stdout) == guide(
        runner, {"tumor_type": "insulinoma", "sites": ["tail"], "size": "small"}
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--type", "gastrinoma", "--count", "none_found", "--spread", "none", "--course", "new"],
        [
            "--tumor-type",
            "gastrinoma",
            "--tumor-count",
            "none_found",
            "--spread",
            "none",
            "--course",
            "new",
        ],
    ],
)
def test_flags_spelled_like_the_situation_fields_work(args: list[str], runner: CliRunner) -> None:
    result = runner.invoke(app, ["guide", *args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"parietal-cell-vagotomy", "total-gastrectomy"} <= ids(data["applies"])


def test_a_situation_file_is_read(tmp_path: Any, runner: CliRunner) -> None:
    path = tmp_path / "situation.json"
    path.write_text(json.dumps({"tumor_type": "gastrinoma"}), encoding="utf-8")
    result = runner.invoke(app, ["guide", "--situation", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert {"supportive-care", "acid-lowering-drugs"} <= ids(json.loads(result.stdout)["applies"])


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '"insulinoma"'])
def test_unreadable_situations_exit_2(text: str, runner: CliRunner) -> None:
    result = runner.invoke(app, ["guide", "--situation", "-", "--json"], input=text)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_missing_situation_file_exits_2(tmp_path: Any, runner: CliRunner) -> None:
    result = runner.invoke(app, ["guide", "--situation", str(tmp_path / "nope.json"), "--json"])
    assert result.exit_code == 2
    assert "nope.json" in "".join(result.output.split())  # the console may wrap a long path


def test_interactive_guide_can_skip_every_question(runner: CliRunner) -> None:
    result = runner.invoke(app, ["guide", "--interactive"], input="\n" * 20)
    assert result.exit_code == 0, result.output
    assert "?" in result.stdout


def test_reasons_read_as_sentences(runner: CliRunner) -> None:
    data = guide(runner, {"tumor_type": "other", "course": "new"})
    assert data["excluded"]
    for option in data["excluded"]:
        reason = option["reason"]
        assert reason.startswith("It does not fit.")
        # a choice label inside a sentence starts in lower case ("for came back after treatment")
        assert "for came back" in reason and "for Came" not in reason, reason
        assert "not for newly found" in reason, reason
