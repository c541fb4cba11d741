"""`islet guide` as a person or a script uses it (typer CliRunner on islet.cli.app)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from islet.cli import app
from islet.guide import options_for, situation_from


def guide(runner: CliRunner, *args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, ["guide", *args], input=stdin)


def as_json(runner: CliRunner, *args: str, stdin: str | None = None) -> dict[str, Any]:
    result = guide(runner, *args, "--json", stdin=stdin)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def treatment_ids(options: list[dict[str, Any]]) -> set[str]:
    return {option["treatment_id"] for option in options}


FLAG_CASES = [
    pytest.param(
        [
            *("--type", "insulinoma", "--count", "single", "--sites", "tail"),
            *("--size", "small", "--resectable"),
        ],
        {"enucleation"},
        id="small-insulinoma-in-tail",
    ),
    pytest.param(
        ["--type", "gastrinoma", "--count", "none_found"],
        {"supportive-care", "acid-lowering-drugs", "parietal-cell-vagotomy", "total-gastrectomy"},
        id="gastrinoma-no-tumor-found",
    ),
    pytest.param(
        ["--type", "insulinoma", "--not-resectable"],
        {
            "combination-chemotherapy",
            "insulin-lowering-drugs",
            "hormone-therapy",
            "radiofrequency-ablation",
            "cryosurgical-ablation",
        },
        id="insulinoma-cannot-be-removed",
    ),
    pytest.param(
        [
            *("--type", "nonfunctional", "--course", "recurrent", "--spread", "none"),
            *("--resectable", "--audience", "patient"),
        ],
        {
            "tumor-removal-surgery",
            "chemotherapy",
            "hormone-therapy",
            "targeted-therapy",
            "clinical-trial",
        },
        id="recurrent-with-spread-none",
    ),
    pytest.param(
        ["--type", "glucagonoma", "--spread", "liver", "--liver-dominant", "--resectable"],
        {"tumor-removal-surgery", "hepatic-arterial-occlusion", "chemoembolization"},
        id="liver-dominant-flag",
    ),
    pytest.param(
        ["--type", "gastrinoma", "--count", "multiple", "--sites", "head,body", "--residual"],
        {
            "supportive-care",
            "acid-lowering-drugs",
            "distal-pancreatectomy",
            "parietal-cell-vagotomy",
            "total-gastrectomy",
        },
        id="comma-separated-sites",
    ),
    pytest.param(
        ["--type", "gastrinoma", "--acid-drugs-do-not-help"],
        {"supportive-care", "acid-lowering-drugs", "chemotherapy", "hormone-therapy"},
        id="acid-drugs-do-not-help",
    ),
]


@pytest.mark.parametrize(("args", "applies"), FLAG_CASES)
def test_flags_describe_the_situation(
    args: list[str], applies: set[str], runner: CliRunner
) -> None:
    assert treatment_ids(as_json(runner, *args)["applies"]) == applies


def test_json_is_exactly_the_library_result(tmp_path: Path, runner: CliRunner) -> None:
    facts = {
        "tumor_type": "insulinoma",
        "tumor_count": "single",
        "size": "small",
        "sites": ["body"],
    }
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    expected = options_for(situation_from(facts)).model_dump(mode="json")
    assert as_json(runner, "--situation", str(path)) == expected
    assert as_json(runner, "--situation", "-", stdin=json.dumps(facts)) == expected
    assert set(expected) >= {"applies", "depends", "excluded", "next_questions", "gaps"}


def test_flags_add_to_a_situation_file(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "situation.json"
    path.write_text('{"tumor_type": "insulinoma", "tumor_count": "single"}', encoding="utf-8")
    data = as_json(runner, "--situation", str(path), "--sites", "head", "--size", "large")
    assert treatment_ids(data["applies"]) == {"pancreatoduodenectomy"}


BAD_INPUT = [
    pytest.param(["--count", "none_found", "--sites", "head"], "sites", id="contradiction"),
    pytest.param(["--type", "carcinoid"], "tumor_type", id="unknown-type"),
    pytest.param(["--spread", "bone"], "spread", id="unknown-spread"),
    pytest.param(["--situation", "/no/such/file.json"], "situation", id="missing-file"),
]


@pytest.mark.parametrize(("args", "field"), BAD_INPUT)
def test_bad_input_is_a_clear_error(args: list[str], field: str, runner: CliRunner) -> None:
    result = guide(runner, *args)
    assert result.exit_code == 2
    assert f"error: {field}:" in result.stderr
    assert "Traceback" not in result.output


def test_bad_json_on_stdin_is_a_clear_error(runner: CliRunner) -> None:
    result = guide(runner, "--situation", "-", stdin="{not json")
    assert result.exit_code == 2
    assert "situation: is not valid JSON" in result.stderr


def test_without_a_terminal_or_input_it_explains_and_does_not_wait(runner: CliRunner) -> None:
    result = guide(runner, stdin="")
    assert result.exit_code == 2
    assert "No situation given" in result.stderr
    assert "--situation" in result.stderr


def test_human_output_is_grouped_and_says_gaps(runner: CliRunner) -> None:
    result = guide(
        runner, "--type", "insulinoma", "--count", "single", "--size", "small", "--sites", "body"
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "information, not advice" in out
    assert "PDQ lists nothing for exactly this" in out
    assert "Closest PDQ entries" in out
    assert "Options that depend on what is not known yet" in out
    assert "Not for this situation" in out
    assert "Questions that would help" in out


def test_human_output_lists_applying_options_with_source(runner: CliRunner) -> None:
    result = guide(runner, "--type", "gastrinoma", "--count", "single", "--sites", "head")
    out = " ".join(result.stdout.split())
    assert "Options PDQ lists for this situation" in out
    assert "Total gastrectomy [rare]" in out
    assert "Source: PDQ patient version, 'Treatment of Gastrinoma', 2025" in out


def test_interactive_asks_and_each_question_can_be_skipped(runner: CliRunner) -> None:
    # The guide asks the question that settles most first, so the order follows the answers:
    # type 2 (insulinoma), can it be removed 1 (yes), course 1 (new), count 1 (one),
    # where 1 (head), spread 0 (not spread), size 1 (small); MEN1 is asked last and skipped.
    answers = "\n".join(["2", "1", "1", "1", "1", "0", "1"]) + "\n" * 10
    result = guide(runner, "--interactive", "--json", stdin=answers)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["situation"]["tumor_type"] == "insulinoma"
    assert treatment_ids(data["applies"]) == {"enucleation"}
    assert not data["depends"]
    assert "MEN1" in result.stderr, "MEN1 is asked although no option turns on it"
    assert data["situation"]["men1"] is None


def test_interactive_dont_know_leaves_facts_unknown(runner: CliRunner) -> None:
    result = guide(runner, "--interactive", "--json", "--type", "vipoma", stdin="\n" * 10)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["situation"]["resectable"] is None
    assert "I don't know" in result.stderr
    # surgery for a VIPoma that has not spread far waits for where it has spread (error 5)
    assert treatment_ids(data["applies"]) == {"fluid-replacement", "hormone-therapy"}


def test_interactive_rejects_a_contradiction_and_asks_again(runner: CliRunner) -> None:
    # Only the place is left to ask: two places for one tumor are refused, then one is taken.
    stdin = "\n".join(["1,3", "1"]) + "\n" * 10
    result = guide(
        runner,
        *("--interactive", "--json", "--type", "gastrinoma", "--count", "single"),
        *("--spread", "none", "--course", "new", "--acid-drugs-help"),
        stdin=stdin,
    )
    assert result.exit_code == 0, result.output
    assert "neighbouring parts" in result.stderr
    data = json.loads(result.stdout)
    assert data["situation"]["sites"] == ["head"]
