"""Each command imports only what it uses: reading the knowledge never loads the Ask, trials,
reading-level or PDF stacks (they cost most of a second to import)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from islet.cli.trials import DEFAULT_RADIUS_MILES
from islet.trials.search import DEFAULT_RADIUS_MILES as SEARCH_DEFAULT

# Run a command in a fresh interpreter, then write the names of the imported modules to a file.
PROBE = """
import json, sys
from islet.cli import app
try:
    app(sys.argv[2:], prog_name="islet")
except SystemExit:
    pass
open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules)))
"""
ASK = ("islet.ask", "bm25s", "numpy")
TRIALS = ("islet.trials", "httpx", "zipcodes", "sqlite3")
READING_LEVEL = ("islet.check", "textstat")
PDF = ("weasyprint", "islet.web")
HEAVY = ASK + TRIALS + READING_LEVEL + PDF


def imported_by(args: list[str], tmp_path: Path) -> set[str]:
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.exists(), done.stderr
    return set(json.loads(out.read_text()))


def loaded(modules: set[str], stacks: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == s or m.startswith(s + ".") for s in stacks))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["show"],
        ["show", "insulinoma"],
        ["show", "gastrinoma", "--audience", "professional", "--json"],
        ["glossary", "enucleation"],
        ["types", "--json"],
        ["treatments"],
        ["cite"],
        ["stage", "--t", "T1", "--n", "N0", "--m", "M0"],
        ["grade", "--ki67", "4"],
    ],
    ids=lambda args: " ".join(args),
)
def test_reading_commands_leave_the_heavy_stacks_unloaded(args: list[str], tmp_path: Path) -> None:
    assert loaded(imported_by(args, tmp_path), HEAVY) == []


@pytest.mark.parametrize(
    ("args", "stack"),
    [
        (["ask", "what is a whipple", "--json"], ASK),
        (["trials", "search", "--db", "{tmp}/none.sqlite", "--json"], TRIALS),
        (["check", "--json"], READING_LEVEL),
    ],
    ids=["ask", "trials", "check"],
)
def test_the_command_that_needs_a_stack_loads_it(
    args: list[str], stack: tuple[str, ...], tmp_path: Path
) -> None:
    """The probe above can see a stack being imported."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert loaded(imported_by(args, tmp_path), stack)


def test_the_trials_command_shows_the_same_default_radius_as_the_search() -> None:
    assert DEFAULT_RADIUS_MILES == SEARCH_DEFAULT
