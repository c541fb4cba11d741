"""`islet stage`, `islet grade`, `islet symptoms` and `islet tests` as a user sees them."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from typer.testing import CliRunner

from islet.cli import app, main
from tests.tables import load_cases

BOX = str.maketrans("", "", "│╭╮╰╯─┃━┏┓┗┛")


def flat(text: str) -> str:
    """Terminal output as one line of words, without Rich's box drawing."""
    return " ".join(text.translate(BOX).split())


def run_json(runner: CliRunner, args: list[str]) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["stage", "--t", "T2", "--n", "N0", "--m", "M0"], ("T2", "N0", "M0", "II")),
        (
            ["stage", "--size-cm", "4.1", "--invades", "none", "--nodes", "no", "--mets", "none"],
            ("T3", "N0", "M0", "II"),
        ),
        (
            [
                "stage",
                "--size-cm",
                "1.2",
                "--invades",
                "stomach",
                "--nodes",
                "yes",
                "--mets",
                "liver",
                "--mets",
                "lung",
            ],
            ("T4", "N1", "M1c", "IV"),
        ),
        (["stage", "--t", "TX", "--n", "N0", "--m", "M0"], ("TX", "N0", "M0", None)),
    ],
)
def test_stage_json_contract(args: list[str], expect: tuple[Any, ...], runner: CliRunner) -> None:
    data = run_json(runner, args)
    assert {"t", "n", "m", "stage", "system"} <= set(data)
    assert (data["t"], data["n"], data["m"], data["stage"]) == expect
    assert data["system"] == "AJCC 8th edition"
    assert data["enets"]["source"]["document"] == "external"


@pytest.mark.parametrize(
    ("args", "grade", "decided_by"),
    [
        (["grade", "--ki67", "2.9", "--mitoses", "1"], "NET G1", "both"),
        (["grade", "--ki67", "3", "--mitoses", "1"], "NET G2", "ki67"),
        (
            ["grade", "--ki67", "20.1", "--mitoses", "5", "--differentiation", "well"],
            "NET G3",
            "ki67",
        ),
        (
            ["grade", "--ki67", "1", "--mitoses", "21", "--differentiation", "well"],
            "NET G3",
            "mitoses",
        ),
        (["grade", "--ki67", "50", "--differentiation", "poor"], "NEC", "differentiation"),
    ],
)
def test_grade_json_contract(
    args: list[str], grade: str, decided_by: str, runner: CliRunner
) -> None:
    data = run_json(runner, args)
    assert (data["grade"], data["decided_by"]) == (grade, decided_by)
    assert data["source"]["citation"]


def test_symptoms_json_puts_red_flags_first(runner: CliRunner) -> None:
    data = run_json(runner, ["symptoms", "my sugar keeps crashing and I passed out"])
    assert list(data)[:3] == ["urgent", "urgent_notice", "red_flags"]
    assert data["urgent"] is True
    assert data["patterns"][0]["id"] == "insulin-excess"


def test_symptoms_json_for_unknown_text(runner: CliRunner) -> None:
    data = run_json(runner, ["symptoms", "hello"])
    assert data["recognised"] is False and data["examples"]


def test_tests_json_for_a_type(runner: CliRunner) -> None:
    data = run_json(runner, ["tests", "--type", "insulinoma"])
    assert data["tumor_type"]["id"] == "insulinoma"
    assert [t["id"] for t in data["type_specific"]] == ["fasting-serum-glucose-and-insulin-test"]
    assert data["type_specific"][0]["fasting_hours"] == 24


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["stage", "--t", "T4", "--n", "N0", "--m", "M0"], "unverified"),
        (["stage", "--t", "T2", "--n", "NX", "--m", "M0"], "Possible stage groups: II, III"),
        (["grade", "--ki67", "15", "--differentiation", "well"], "NET G2"),
        (["symptoms", "short of breath and a rash on my legs"], "Urgent"),
        (["symptoms", "hello"], "could not recognise"),
        (["tests", "--type", "gastrinoma"], "Basal acid output test"),
        (["tests", "--type", "glucagonoma", "--audience", "professional"], "1,000 pg/mL"),
    ],
)
def test_human_output(args: list[str], shown: str, runner: CliRunner) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert shown in flat(result.stdout)


@pytest.mark.parametrize("case", load_cases("cli_exit_codes.yaml"))
def test_bad_input_exits_2_with_a_message(
    case: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["islet", *case["args"]])
    with pytest.raises(SystemExit) as raised:
        main()
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert case["message"] in flat(captured.err + captured.out)
    assert "Traceback" not in captured.err
