"""The stored regular expressions: only Islet's own patterns are kept (never what a person
typed), a pattern built from the table is the one ``re`` compiles, and a table that is corrupt
or from another build is ignored and rewritten, never a crash."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from islet import compiled, regexes
from islet.safety.vocabulary import compile_pattern, vocabulary


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh table in a folder of this test; ``re`` gets its own compiler back afterwards."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(compiled.CACHE_ENV, str(folder))
    regexes.uninstall()
    re.purge()
    regexes.install()
    yield regexes.table_path(folder)
    regexes.uninstall()
    re.purge()


def reinstall() -> None:
    """As the next run does: the table read again from its file."""
    regexes.uninstall()
    re.purge()
    regexes.install()


def test_patterns_compiled_while_recording_are_stored(table: Path) -> None:
    with regexes.recording():
        re.compile(r"(?<![\w'])islet data pattern(?![\w'])")
    assert r"(?<![\w'])islet data pattern(?![\w'])" in regexes.stored_patterns()


def test_what_a_person_types_is_never_stored(table: Path) -> None:
    with regexes.recording():
        re.compile(r"islet data pattern")
    typed = re.escape("my blood sugar was 40 this morning")
    re.compile(typed)  # compiled outside recording, as any question is
    regexes.save()
    reinstall()
    assert typed not in regexes.stored_patterns()
    assert "islet data pattern" in regexes.stored_patterns()


def test_the_safety_patterns_from_the_table_equal_those_re_compiles(table: Path) -> None:
    signals = vocabulary().signals
    with regexes.recording():
        for pattern in [p for s in signals for p in s.patterns]:
            compile_pattern(pattern)
    stored = regexes.stored_patterns()
    assert len(stored) > 500
    reinstall()
    from_table = {p: re.compile(p) for p in stored}
    regexes.uninstall()
    re.purge()
    for pattern, compiled_pattern in from_table.items():
        assert compiled_pattern == re.compile(pattern)  # same pattern, flags and code


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"garbage",
        regexes.MAGIC + b"\x00" * 32 + b"not marshal",
        "the checksum of another payload",
    ],
    ids=["empty", "garbage", "bad-checksum", "altered-payload"],
)
def test_a_corrupt_table_is_ignored_and_rewritten(table: Path, damage: bytes | str) -> None:
    with regexes.recording():
        re.compile(r"islet data pattern")
    if isinstance(damage, str):  # one byte of the stored code changed, checksum kept
        data = bytearray(table.read_bytes())
        data[-3] ^= 0xFF
        damage = bytes(data)
    table.write_bytes(damage)
    reinstall()
    assert regexes.stored_patterns() == set()
    assert re.compile(r"islet data pattern").match("islet data pattern")
    with regexes.recording():
        re.compile(r"another islet pattern")
    assert regexes.stored_patterns() == {"another islet pattern"}


def test_nothing_is_stored_when_the_cache_is_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, "off")
    regexes.uninstall()
    try:
        regexes.install()
        with regexes.recording():
            re.compile(r"islet pattern with the cache off")
        assert regexes.stored_patterns() == set()
        assert list(tmp_path.iterdir()) == []
    finally:
        regexes.uninstall()
