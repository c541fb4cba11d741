"""The README stays true to the command line: every command and subcommand Typer knows is named
in README.md as a person types it (``islet trials search``) and has help text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from islet.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command and group below ``command``, with the words that call it."""
    for name, sub in getattr(command, "commands", {}).items():
        yield (*path, name), sub
        yield from commands(sub, (*path, name))


COMMANDS = dict(commands(typer.main.get_command(app)))


def test_the_walk_finds_groups_and_their_subcommands() -> None:
    assert {("show",), ("trials",), ("trials", "search"), ("eval", "safety")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    typed = re.escape("islet " + " ".join(path))
    assert re.search(rf"(?<![\w-]){typed}(?![\w-])", README), f"README never names {typed}"


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_has_help(path: tuple[str, ...]) -> None:
    assert (COMMANDS[path].help or "").strip()
