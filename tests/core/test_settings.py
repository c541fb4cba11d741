"""The ISLET_* settings: one declared table (islet.settings), every setting in the README, no
variable read anywhere else, and a bad value named in a clear error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from islet import settings
from islet.errors import IsletError

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NAMES = [s.name for s in settings.SETTINGS]


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


def test_each_setting_is_declared_once_with_help() -> None:
    assert len(NAMES) == len(set(NAMES))
    assert all(s.name.startswith("ISLET_") and s.help for s in settings.SETTINGS)


@pytest.mark.parametrize(("raw", "value"), [(None, 7), ("", 7), (" 0 ", 0), ("120", 120)], ids=repr)
def test_a_whole_number(monkeypatch: pytest.MonkeyPatch, raw: str | None, value: int) -> None:
    if raw is None:
        monkeypatch.delenv("ISLET_RATE_LIMIT", raising=False)
    else:
        monkeypatch.setenv("ISLET_RATE_LIMIT", raw)
    assert settings.RATE_LIMIT.whole_number(7) == value


@pytest.mark.parametrize(
    ("raw", "message"),
    [("many", "ISLET_RATE_LIMIT must be a whole number, not 'many'"), ("-1", "must not be")],
)
def test_a_bad_whole_number_is_named(
    monkeypatch: pytest.MonkeyPatch, raw: str, message: str
) -> None:
    monkeypatch.setenv("ISLET_RATE_LIMIT", raw)
    with pytest.raises(IsletError, match=message):
        settings.RATE_LIMIT.whole_number(7)


@pytest.mark.parametrize(
    ("raw", "on"),
    [(None, True), ("1", True), ("yes", True), ("0", False), (" OFF ", False), ("no", False)],
    ids=repr,
)
def test_a_flag(monkeypatch: pytest.MonkeyPatch, raw: str | None, on: bool) -> None:
    if raw is None:
        monkeypatch.delenv("ISLET_TRIALS_LIVE", raising=False)
    else:
        monkeypatch.setenv("ISLET_TRIALS_LIVE", raw)
    assert settings.TRIALS_LIVE.flag() is on


def test_a_bad_flag_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISLET_TRIALS_LIVE", "maybe")
    with pytest.raises(IsletError, match="ISLET_TRIALS_LIVE must be 0 or 1, not 'maybe'"):
        settings.TRIALS_LIVE.flag()
