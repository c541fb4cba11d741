"""`islet trials ...` as a person uses it: import, search, show, and clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from rich.console import Console
from typer.testing import CliRunner

from islet.cli import app, main
from islet.cli import trials as cli_trials
from tests.tables import load_cases
from tests.trials_helpers import NET, REAL, SNAPSHOT, net_files, net_store


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return net_store(tmp_path / "trials.sqlite")


def test_import_reports_what_it_did(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "new.sqlite"
    result = runner.invoke(
        app, ["trials", "import", str(NET), "--db", str(path), "--snapshot-date", SNAPSHOT]
    )
    assert result.exit_code == 0, result.output
    assert "added or updated 4 trial records (snapshot 2022-10-27)" in flat(result.stdout)
    again = runner.invoke(
        app,
        [
            "trials",
            "import",
            str(REAL / "ctgov-v2-study-NCT02576665-selected-fields.json"),
            "--db",
            str(path),
            "--replace",
            "--json",
        ],
    )
    report = json.loads(again.stdout)
    assert (report["imported"], report["replaced"], report["total_in_store"]) == (1, True, 1)


def test_the_store_location_comes_from_the_environment(
    db: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.setenv("ISLET_TRIALS_DB", str(db))
    result = runner.invoke(app, ["trials", "search", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 4


def test_search_json(db: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "trials",
            "search",
            "--type",
            "insulinoma",
            "--status",
            "recruiting",
            "--age",
            "54",
            "--sex",
            "female",
            "--phase",
            "3",
            "--intervention-type",
            "drug",
            "--near",
            "55905",
            "--radius",
            "300",
            "--db",
            str(db),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [hit] = data["hits"]
    assert hit["nct_id"] == "NCT03375320"
    assert hit["location_summary"] == "2 locations, including 1 near you"
    assert hit["nearest_recruiting_site"]["facility"] == "Sanford Joe Lueken Cancer Center"
    assert data["snapshot_date"] == SNAPSHOT


def test_search_for_people(db: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    monkeypatch.setattr(cli_trials, "console", Console(width=200))
    result = runner.invoke(
        app, ["trials", "search", "--near", "50.85,4.35", "--radius", "50", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert "1 of 4 stored trials match (records as of 2022-10-27)" in shown
    assert "NCT00510068" in shown
    assert "7 locations, including 3 near you" in shown


def test_show_with_facts_screens_the_criteria(db: Path, runner: CliRunner) -> None:
    args = [
        "trials",
        "show",
        "NCT03375320",
        "--type",
        "insulinoma",
        "--grade",
        "2",
        "--age",
        "54",
        "--prior",
        "everolimus",
        "--no-men1",
        "--db",
        str(db),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert "NCT03375320: Testing Cabozantinib" in shown
    assert "Screening: 6 met, 0 not met, 0 undetermined" in shown
    assert "only the study team can say who can join" in shown.lower()
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert data["screening"]["met"] == 6
    assert data["url"] == "https://clinicaltrials.gov/study/NCT03375320"


def test_show_without_facts_does_not_screen(db: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["trials", "show", "NCT00353496", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["screening"] is None
    assert data["location_summary"] == "no locations listed"


@pytest.mark.parametrize("case", load_cases("trials_cli_errors.yaml"))
def test_bad_input_exits_2_with_a_message(
    case: dict[str, Any],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    places = {"db": str(db), "real": str(REAL), "empty": str(tmp_path / "none")}
    args = [a.format(**places) for a in case["args"]]
    before = db.read_bytes()
    monkeypatch.setattr(sys, "argv", ["islet", *args])
    with pytest.raises(SystemExit) as raised:
        main()
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert case["message"] in flat(captured.err + captured.out)
    assert "Traceback" not in captured.err
    assert db.read_bytes() == before
    assert not (tmp_path / "none").exists()


def test_update_saves_what_the_registry_sends(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    page = {"studies": [json.loads(p.read_text(encoding="utf-8")) for p in net_files()]}
    httpserver.expect_request("/api/v2/studies").respond_with_json(page)
    monkeypatch.setenv("ISLET_CTGOV_API", httpserver.url_for("/api/v2"))
    path = tmp_path / "live.sqlite"
    result = runner.invoke(
        app, ["trials", "update", "--type", "insulinoma", "--status", "open", "--db", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "replaced the store with 4 trial records" in flat(result.stdout)
    [request] = [entry[0] for entry in httpserver.log]
    assert (
        request.args["filter.overallStatus"]
        == "RECRUITING,NOT_YET_RECRUITING,ENROLLING_BY_INVITATION"
    )
    assert '"Insulinoma"' in request.args["query.cond"]


def test_record_texts_are_printed_as_written_never_as_markup(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A registry text with square brackets ("[/b]", "[bold]") is shown as it is, not read as
    Rich markup (which would swallow it or stop the command with a traceback)."""
    from islet.trials import import_files
    from tests.trials_helpers import study, write_page

    title = "Drug [bold]X[/bold] for NET [/phase 2]"
    page = write_page(
        tmp_path / "page.json",
        [
            study(
                nct_id="NCT09999901",
                title=title,
                conditions=["Pancreatic Neuroendocrine Tumor [/pNET]"],
                criteria="Inclusion Criteria:\n- Age [/x] 18 or older",
            )
        ],
    )
    db = tmp_path / "trials.sqlite"
    import_files([page], db, snapshot_date=SNAPSHOT)
    found = runner.invoke(app, ["trials", "search", "--any-condition", "--db", str(db)])
    assert found.exit_code == 0, found.output
    assert "[bold]X[/bold]" in found.stdout
    shown = runner.invoke(app, ["trials", "show", "NCT09999901", "--age", "54", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "[/phase 2]" in shown.stdout and "[/pNET]" in shown.stdout
