"""Black-box acceptance of issue 4: `islet symptoms/tests/stage/grade` and their API routes.

Tables: tests/cases/explainers.yaml, written by hand from fact base sections 4, 5 and 8.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from tests.tables import CASES

TABLES: dict[str, Any] = yaml.safe_load((CASES / "explainers.yaml").read_text(encoding="utf-8"))


def rows(table: str) -> list[Any]:
    return [
        pytest.param(row, id=str(row.get("id", i)) if isinstance(row, dict) else str(i))
        for i, row in enumerate(TABLES[table])
    ]


def run_json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def as_body(args: list[str]) -> dict[str, Any]:
    """CLI calculator arguments as the API's JSON body."""
    lists = {"--invades": "invades", "--mets": "mets"}
    numbers = {"--size-cm": "size_cm", "--ki67": "ki67", "--mitoses": "mitoses"}
    body: dict[str, Any] = {}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        if flag in lists:
            body.setdefault(lists[flag], []).append(value)
        elif flag in numbers:
            body[numbers[flag]] = float(value)
        else:
            body[flag.lstrip("-")] = value
    return body


# --- symptoms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", rows("symptoms"))
def test_symptoms_rank_the_pdq_patterns(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    data = run_json(runner, "symptoms", case["text"])
    assert data["recognised"] is True
    assert data["reminder"] and "doctor" in data["reminder"].lower()
    found = {s["id"] for s in data["symptoms"]}
    assert set(case["matched"]) <= found, found
    assert data["urgent"] is case["urgent"]
    if case["urgent"]:
        assert data["urgent_notice"] and data["red_flags"]
    if "top" in case:
        assert data["patterns"][0]["id"] == case["top"], [p["id"] for p in data["patterns"]]
        top = data["patterns"][0]
        assert {s["id"] for s in top["matched"]} & set(case["matched"])
        assert top["explanation"]
    if "absent" in case:
        negated = {s["id"] for s in data["negated"]}
        assert set(case["absent"]) <= negated
        assert not set(case["absent"]) & found
    # every pattern PDQ lists is ranked: six hormone patterns and the nonfunctional one
    assert len(data["patterns"]) == 7
    for pattern in data["patterns"]:
        listed = {s["id"] for s in pattern["matched"]} | {s["id"] for s in pattern["unmatched"]}
        assert listed == set(run_json(runner, "show", pattern["id"])["symptoms"])
    answer = web.post("/api/v1/symptoms", json={"text": case["text"]})
    assert answer.status_code == 200 and answer.json() == data


def test_the_urgent_notice_comes_first_in_the_terminal(runner: CliRunner) -> None:
    result = runner.invoke(app, ["symptoms", "short of breath with chest pain, and diarrhea"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert "urgent" in " ".join(lines[:3]).lower()


@pytest.mark.parametrize("text", TABLES["unrecognised"])
def test_text_without_a_symptom_says_so_with_examples(text: str, runner: CliRunner) -> None:
    data = run_json(runner, "symptoms", text)
    assert data["recognised"] is False
    assert data["patterns"] == []
    assert data["examples"]
    assert "recognise" in data["message"].lower()


def test_symptom_ids_are_accepted_one_argument_each(web: TestClient, runner: CliRunner) -> None:
    data = run_json(runner, "symptoms", "low-blood-sugar", "fast-heartbeat")
    assert {s["id"] for s in data["symptoms"]} == {"low-blood-sugar", "fast-heartbeat"}
    assert data["patterns"][0]["id"] == "insulin-excess"
    assert data["patterns"][0]["unmatched"] == []
    answer = web.post("/api/v1/symptoms", json={"symptoms": ["low-blood-sugar", "fast-heartbeat"]})
    assert answer.status_code == 200
    assert answer.json()["patterns"][0]["id"] == "insulin-excess"


@pytest.mark.parametrize(
    "body", [{}, {"text": ""}, {"text": "   "}, {"text": 5}, {"symptoms": "diarrhea"}]
)
def test_bad_symptom_requests_get_422(body: dict[str, Any], web: TestClient) -> None:
    answer = web.post("/api/v1/symptoms", json=body)
    assert answer.status_code == 422
    assert answer.json()["detail"]


# --- tests ------------------------------------------------------------------------------------


def find_test(tests: list[dict[str, Any]], words: str) -> dict[str, Any]:
    found = [t for t in tests if words in (t["id"].replace("-", " ") + " " + t["name"]).lower()]
    assert found, f"no test named like {words!r}"
    return found[0]


def test_the_13_general_tests_are_listed(runner: CliRunner) -> None:
    general = run_json(runner, "tests")["general"]
    assert len(general) == 13
    for words in TABLES["general_tests"]:
        find_test(general, words)


@pytest.mark.parametrize("case", rows("type_tests"))
def test_type_specific_tests_with_fasting_hours(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    data = run_json(runner, "tests", "--type", case["type"])
    test = find_test(data["type_specific"], case["name"])
    assert test.get("fasting_hours") == case["fasting_hours"]
    assert case["type"] in [t["id"] if isinstance(t, dict) else t for t in test["used_for"]]
    shown = run_json(runner, "show", test["id"])
    assert shown.get("fasting_hours") == case["fasting_hours"]
    if case["fasting_hours"]:
        assert str(case["fasting_hours"]) in json.dumps(shown)
    answer = web.get("/api/v1/tests", params={"type": case["type"]})
    assert answer.status_code == 200 and answer.json() == data


@pytest.mark.parametrize(("tumor_type", "count"), TABLES["type_test_counts"].items())
def test_each_type_lists_its_own_tests(tumor_type: str, count: int, runner: CliRunner) -> None:
    data = run_json(runner, "tests", "--type", tumor_type)
    assert len(data["type_specific"]) == count
    assert len(data["general"]) == 13


def test_an_unknown_type_gives_404_in_the_api(web: TestClient) -> None:
    assert web.get("/api/v1/tests", params={"type": "carcinoidoma"}).status_code == 404


# --- staging ----------------------------------------------------------------------------------


def stage_args(case: dict[str, Any]) -> list[str]:
    args = ["--size-cm", str(case["size"]), "--nodes", case["nodes"]]
    for word in case["invades"]:
        args += ["--invades", word]
    for word in case["mets"]:
        args += ["--mets", word]
    return args


@pytest.mark.parametrize("case", rows("stage_facts"))
def test_stage_from_raw_facts(case: dict[str, Any], web: TestClient, runner: CliRunner) -> None:
    data = run_json(runner, "stage", *stage_args(case))
    assert {"t", "n", "m", "stage", "system"} <= set(data)
    assert (data["t"], data["n"], data["m"], data["stage"]) == (
        case["t"],
        case["n"],
        case["m"],
        case["stage"],
    )
    assert "AJCC" in data["system"] and "8" in data["system"]
    answer = web.post("/api/v1/stage", json=as_body(stage_args(case)))
    assert answer.status_code == 200, answer.text
    assert answer.json() == data


def test_comma_separated_sites_mean_the_same_as_repeated_flags(runner: CliRunner) -> None:
    repeated = run_json(
        runner,
        "stage",
        "--size-cm",
        "1",
        "--invades",
        "none",
        "--nodes",
        "no",
        "--mets",
        "liver",
        "--mets",
        "lung",
    )
    commas = run_json(
        runner,
        "stage",
        "--size-cm",
        "1",
        "--invades",
        "none",
        "--nodes",
        "no",
        "--mets",
        "liver,lung",
    )
    assert commas["m"] == repeated["m"] == "M1c"


@pytest.mark.parametrize("case", rows("stage_groups"))
def test_stage_groups_from_categories(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    data = run_json(runner, "stage", "--t", case["t"], "--n", case["n"], "--m", case["m"])
    assert data["stage"] == case["stage"]
    if case["stage"] is None:
        assert data["needed"], "an open stage names what would settle it"
    else:
        assert data["enets"]["stage"] == case["enets"]
        assert data["enets"]["source"]["document"] == "external"
    answer = web.post("/api/v1/stage", json={"t": case["t"], "n": case["n"], "m": case["m"]})
    assert answer.status_code == 200 and answer.json() == data


# --- grading ----------------------------------------------------------------------------------


def grade_args(case: dict[str, Any]) -> list[str]:
    args: list[str] = []
    for key in ("ki67", "mitoses", "differentiation"):
        if key in case:
            args += [f"--{key}", str(case[key])]
    return args


@pytest.mark.parametrize("case", rows("grades"))
def test_who_grade_and_the_measure_that_decided(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    data = run_json(runner, "grade", *grade_args(case))
    assert {"grade", "decided_by"} <= set(data)
    assert data["grade"] == case["grade"]
    if "decided_by" in case:
        assert data["decided_by"] == case["decided_by"]
    assert data["source"]["document"] == "external"
    answer = web.post("/api/v1/grade", json=as_body(grade_args(case)))
    assert answer.status_code == 200 and answer.json() == data


@pytest.mark.parametrize(
    ("command", "case"),
    [
        pytest.param(command, *row.values, id=f"{command}-{row.id}")
        for command in ("stage", "grade")
        for row in rows(f"bad_{command}")
    ],
)
def test_bad_calculator_input_is_refused(
    command: str, case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    """The same refusal on the command line (exit 2, no traceback) and the API (422, the field)."""
    result = runner.invoke(app, [command, *case["args"], "--json"])
    assert result.exit_code == 2
    assert case["says"].lower() in result.output.lower()
    assert "Traceback" not in result.output
    answer = web.post(f"/api/v1/{command}", json=as_body(case["args"]))
    assert answer.status_code == 422
    assert answer.json()["field"] == case["field"], answer.json()


def test_grading_with_nothing_given_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["grade", "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
