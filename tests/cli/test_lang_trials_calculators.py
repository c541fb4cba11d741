"""``--lang`` on ``islet trials search``, ``trials show``, ``stage`` and ``grade`` (issue 17).

The trial commands speak Spanish in full (their own lines through the catalog, the core's
sentences localized); the studies' own texts stay as ClinicalTrials.gov publishes them. The
calculators stay in English, like the web's professional view, and say so in Spanish first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from islet.cli import app
from islet.cli import calculators as cli_calculators
from islet.cli import trials as cli_trials
from islet.i18n import gettext_for
from tests.trials_helpers import net_store

es = gettext_for("es")
ENGLISH_ONLY = "The health professional version is in English only."
SEARCH = ["trials", "search", "--near", "44.02,-92.47", "--radius", "300"]
SHOW = ["trials", "show", "NCT03375320", "--type", "insulinoma", "--grade", "2", "--age", "54"]
SHOW += ["--prior", "everolimus", "--no-men1", "--near", "55905", "--radius", "2000"]
STAGE = ["stage", "--t", "T2", "--n", "N0", "--m", "M0"]
GRADE = ["grade", "--ki67", "5"]

# What each command prints through the catalog: its Spanish must show and its English must not.
# A message with {placeholders} is looked for by its longest fixed part.
CATALOG_WORDING = {
    "trials search": (
        SEARCH,
        [
            "{total} of {searched} stored trials match (records as of {date}).",
            "title",
            "status",
            "nearest recruiting: {place} ({miles} mi)",
            "{places}, including {near} near you",
            "Recruiting",
            "Phase 3",
        ],
    ),
    "trials show": (
        SHOW,
        [
            "Status: {status}   Phase: {phases}   Sponsor: {sponsor}",
            "Conditions: {conditions}",
            "Interventions: {interventions}",
            "Takes: {ages}; {sex}",
            "Where: {places}",
            "Record: {url} (as of {date})",
            "Screening",
            "Met",
            "{met} met, {not_met} not met, {undetermined} undetermined",
            "people aged {low} and older",
            "any sex",
            "Drug",
        ],
    ),
    "stage": (STAGE, [ENGLISH_ONLY]),
    "grade": (GRADE, [ENGLISH_ONLY]),
}


def fixed_part(message: str) -> str:
    """The longest part of ``message`` outside its {placeholders}, without edge spaces."""
    return max((part.strip() for part in re.split(r"\{\w+\}", message)), key=len)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return net_store(tmp_path / "trials.sqlite")


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Consoles wide enough that no line is wrapped in a table cell or a panel."""
    for module in (cli_trials, cli_calculators):
        monkeypatch.setattr(module, "console", Console(width=400, highlight=False))


def run(runner: CliRunner, args: list[str], db: Path) -> Result:
    stored = ["--db", str(db)] if args[0] == "trials" else []
    result = runner.invoke(app, [*args, *stored])
    assert result.exit_code == 0, result.output
    return result


def test_the_table_names_messages_of_the_catalog() -> None:
    """Each message the table names is in the Spanish catalog (so the tests below can fail)."""
    for _, messages in CATALOG_WORDING.values():
        for message in messages:
            assert es(message) != message, message


@pytest.mark.parametrize("how", ["--lang es", "ISLET_LANG=es"])
@pytest.mark.parametrize("command", CATALOG_WORDING)
@pytest.mark.usefixtures("wide")
def test_spanish_shows_and_english_wording_does_not(
    command: str, how: str, db: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, messages = CATALOG_WORDING[command]
    if how == "--lang es":
        args = [*args, "--lang", "es"]
    else:
        monkeypatch.setenv("ISLET_LANG", "es")
    shown = flat(run(runner, args, db).stdout).lower()  # codes are shown in lower case
    for message in messages:
        assert fixed_part(es(message)).lower() in shown, message
        if message not in {"title", "status", "Met", "Drug", "any sex", "Screening"}:
            assert fixed_part(message).lower() not in shown, message  # a word may be a title's
    assert "near you" not in shown and "not met" not in shown


@pytest.mark.parametrize("command", ["stage", "grade"])
@pytest.mark.usefixtures("wide")
def test_the_calculators_stay_english_and_say_so_first(
    command: str, db: Path, runner: CliRunner
) -> None:
    args = CATALOG_WORDING[command][0]
    english = run(runner, args, db).stdout
    spanish = run(runner, [*args, "--lang", "es"], db).stdout
    first, rest = spanish.split("\n", 1)
    assert (first, rest) == (es(ENGLISH_ONLY), english)
    assert es(ENGLISH_ONLY) not in english


@pytest.mark.parametrize(
    "args", [STAGE, GRADE, [*STAGE, "--fhir", "--basis", "clinical"], [*GRADE, "--fhir"]]
)
def test_calculator_json_is_unchanged_and_the_notice_goes_to_stderr(
    args: list[str], runner: CliRunner
) -> None:
    machine = args if "--fhir" in args else [*args, "--json"]
    english = runner.invoke(app, machine)
    spanish = runner.invoke(app, [*machine, "--lang", "es"])
    fresh = re.compile(r"urn:uuid:[0-9a-f-]+")  # a FHIR bundle's ids are new each time
    assert json.loads(fresh.sub("id", spanish.stdout)) == json.loads(
        fresh.sub("id", english.stdout)
    )
    assert es(ENGLISH_ONLY) in spanish.stderr and es(ENGLISH_ONLY) not in english.stderr


def _ids(value: Any) -> Any:
    """Every key and every "id" value of a JSON document (what never changes with language)."""
    if isinstance(value, dict):
        return [(k, _ids(v) if k != "id" else v) for k, v in value.items()]
    if isinstance(value, list):
        return [_ids(v) for v in value if isinstance(v, dict | list)]
    return None


@pytest.mark.parametrize("args", [SEARCH, SHOW], ids=["search", "show"])
def test_trial_json_keeps_keys_ids_codes_and_records(
    args: list[str], db: Path, runner: CliRunner
) -> None:
    english = json.loads(run(runner, [*args, "--json"], db).stdout)
    spanish = json.loads(run(runner, [*args, "--json", "--lang", "es"], db).stdout)
    assert _ids(spanish) == _ids(english)
    records = [english.get("trial")] + [
        {k: v for k, v in hit.items() if k not in {"ages", "location_summary"}}
        for hit in english.get("hits", [])
    ]
    assert records == [spanish.get("trial")] + [
        {k: v for k, v in hit.items() if k not in {"ages", "location_summary"}}
        for hit in spanish.get("hits", [])
    ]


def test_trial_json_texts_are_spanish(db: Path, runner: CliRunner) -> None:
    english = json.loads(run(runner, [*SHOW, "--json"], db).stdout)
    spanish = json.loads(run(runner, [*SHOW, "--json", "--lang", "es"], db).stdout)
    counts = {k: english["screening"][k] for k in ("met", "not_met", "undetermined")}
    summary = "{met} met, {not_met} not met, {undetermined} undetermined"
    assert spanish["screening"]["summary"] == es(summary).format(**counts)
    for text in ("ages", "location_summary"):
        assert spanish[text] != english[text]
    assert spanish["screening"]["note"] != english["screening"]["note"]
    for en_check, es_check in zip(
        english["screening"]["checks"], spanish["screening"]["checks"], strict=True
    ):
        assert es_check["message"] != en_check["message"]
        assert (es_check["rule"], es_check["outcome"], es_check["criterion"]) == (
            en_check["rule"],
            en_check["outcome"],
            en_check["criterion"],
        )
    hits = json.loads(run(runner, [*SEARCH, "--json", "--lang", "es"], db).stdout)["hits"]
    assert hits[0]["location_summary"].startswith("2 lugares")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["trials", "show", "NCT00510068", "--prior", "x", "--no-prior-treatment"],
            "use either --prior or --no-prior-treatment, not both",
        ),
        (["trials", "show", "NCT00510069"], "unknown {kind} '{term}'."),
        (
            ["trials", "search", "--db", "{none}"],
            "no trial records yet at {path}: run `islet trials update` (online) or "
            "`islet trials import FILE...` first",
        ),
        (
            ["stage", "--t", "T1", "--size-cm", "3"],
            "give either --t/--n/--m or the facts (--size-cm ...), not both",
        ),
    ],
    ids=["prior-and-none", "unknown-trial", "no-store", "stage-mixed"],
)
@pytest.mark.parametrize("how", ["--lang es", "ISLET_LANG=es"])
def test_errors_read_in_spanish(
    args: list[str],
    message: str,
    how: str,
    db: Path,
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = [arg.format(none=tmp_path / "none.sqlite") for arg in args]
    if args[0] == "trials" and "--db" not in args:
        args += ["--db", str(db)]
    english = runner.invoke(app, args)
    assert english.exit_code == 2
    assert fixed_part(message) in flat(english.output)
    if how == "--lang es":
        args = [*args, "--lang", "es"]
    else:
        monkeypatch.setenv("ISLET_LANG", "es")
    spanish = runner.invoke(app, args)
    assert spanish.exit_code == 2
    assert fixed_part(es(message)) in flat(spanish.output)
    assert fixed_part(message) not in flat(spanish.output)
