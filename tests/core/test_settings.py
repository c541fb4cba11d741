"""The ISLET_* settings: one declared model (islet.settings), every setting in the README, no
variable read anywhere else, and a bad value named in a clear error on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from islet import settings
from islet.cli import app
from islet.errors import IsletError

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VARIABLES = settings.variables()
NAMES = list(VARIABLES)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the test's own values (the session's compiled cache folder stays)."""
    for name in NAMES:
        if name != settings.name("cache_dir"):
            monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("name", NAMES)
def test_each_setting_is_in_the_readme(name: str) -> None:
    assert re.search(rf"\b{name}\b", README), f"README never names {name}"


def test_every_islet_variable_in_the_code_is_declared() -> None:
    used = {
        name
        for path in (ROOT / "src" / "islet").rglob("*.py")
        for name in re.findall(r"\bISLET_[A-Z_]+\b", path.read_text(encoding="utf-8"))
    }
    assert used <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_setting_is_described(name: str) -> None:
    assert name.startswith("ISLET_") and VARIABLES[name]


def test_a_setting_that_is_not_declared_has_no_name() -> None:
    with pytest.raises(KeyError):
        settings.name("colour")


@pytest.mark.parametrize(("raw", "value"), [(None, 600), ("", 600), (" 0 ", 0), ("120", 120)])
def test_a_whole_number(monkeypatch: pytest.MonkeyPatch, raw: str | None, value: int) -> None:
    if raw is not None:
        monkeypatch.setenv("ISLET_RATE_LIMIT", raw)
    assert settings.current().rate_limit == value


@pytest.mark.parametrize(
    ("raw", "on"),
    [(None, True), ("", True), ("1", True), ("yes", True), ("0", False), (" OFF ", False)],
)
def test_a_flag(monkeypatch: pytest.MonkeyPatch, raw: str | None, on: bool) -> None:
    if raw is not None:
        monkeypatch.setenv("ISLET_TRIALS_LIVE", raw)
    assert settings.current().trials_live is on


def test_the_environment_is_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISLET_PUBLIC_URL", "https://a.example")
    assert settings.current().public_url == "https://a.example"
    monkeypatch.setenv("ISLET_PUBLIC_URL", "https://b.example")
    assert settings.current().public_url == "https://b.example"


def test_the_trusted_issuers_are_a_json_object(monkeypatch: pytest.MonkeyPatch) -> None:
    issuers = {"https://ehr.example": "https://ehr.example/jwks.json"}
    monkeypatch.setenv(
        "ISLET_CDS_TRUSTED_ISSUERS",
        f' {{"https://ehr.example": "{issuers["https://ehr.example"]}"}} ',
    )
    assert settings.current().cds_trusted_issuers == issuers


# Each typed setting, a bad value and the error naming it.
BAD = [
    ("ISLET_RATE_LIMIT", "many", "ISLET_RATE_LIMIT must be a whole number, not 'many'"),
    ("ISLET_RATE_LIMIT", "-1", "ISLET_RATE_LIMIT must not be negative"),
    ("ISLET_MAX_BODY_BYTES", "1e6", "ISLET_MAX_BODY_BYTES must be a whole number, not '1e6'"),
    ("ISLET_WORKERS", "two", "ISLET_WORKERS must be a whole number, not 'two'"),
    ("ISLET_MAX_SOURCE_AGE_MONTHS", "-3", "ISLET_MAX_SOURCE_AGE_MONTHS must not be negative"),
    ("ISLET_TRIALS_LIVE", " Maybe ", "ISLET_TRIALS_LIVE must be 0 or 1, not 'maybe'"),
    (
        "ISLET_CDS_TRUSTED_ISSUERS",
        '{"https://ehr.example": "ftp://x"}',
        "ISLET_CDS_TRUSTED_ISSUERS must be a JSON object of issuer -> JWKS address, e.g. {",
    ),
    ("ISLET_CDS_TRUSTED_ISSUERS", "[not json", "ISLET_CDS_TRUSTED_ISSUERS must be a JSON object"),
]


@pytest.mark.parametrize(("name", "raw", "message"), BAD)
def test_a_bad_value_is_named(
    monkeypatch: pytest.MonkeyPatch, name: str, raw: str, message: str
) -> None:
    monkeypatch.setenv(name, raw)
    with pytest.raises(IsletError) as raised:
        settings.current()
    assert str(raised.value).startswith(message)


def test_leniently_a_bad_value_is_its_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an error message reads (its language) while another setting is bad."""
    monkeypatch.setenv("ISLET_LANG", "es")
    monkeypatch.setenv("ISLET_RATE_LIMIT", "many")
    monkeypatch.setenv("ISLET_TRIALS_LIVE", "maybe")
    found = settings.current(lenient=True)
    assert (found.lang, found.rate_limit, found.trials_live) == ("es", 600, True)


@pytest.mark.parametrize(("name", "raw", "message"), BAD)
def test_a_bad_value_stops_a_command_with_its_name(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, name: str, raw: str, message: str
) -> None:
    monkeypatch.setenv(name, raw)
    result = runner.invoke(app, ["show", "insulinoma"])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output and not isinstance(result.exception, IsletError)


@pytest.mark.parametrize(
    ("name", "command", "option"),
    [
        ("ISLET_WORKERS", "serve", "--workers"),
        ("ISLET_MAX_SOURCE_AGE_MONTHS", "check", "--max-source-age"),
    ],
)
def test_an_option_reads_its_setting(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, name: str, command: str, option: str
) -> None:
    """A setting that is also a command-line option is read (and checked) by that option."""
    monkeypatch.setenv(name, "0")  # both options start at 1
    result = runner.invoke(app, [command])
    said = " ".join(result.output.replace("│", " ").split())
    assert result.exit_code == 2 and f"'{option}' (env var: '{name}')" in said, result.output
