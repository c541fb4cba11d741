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


# Tools for the people who run Islet (a server, a PDQ review, a static export, filling the trial
# store): they print for operators, in English. Every other command takes --lang (issue 17).
OPERATOR_TOOLS = {("serve",), ("review",), ("export-static",), ("trials", "import")}
OPERATOR_TOOLS |= {("trials", "update")}
LEAVES = [path for path, command in COMMANDS.items() if not getattr(command, "commands", None)]


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
def test_each_command_a_person_reads_takes_lang(path: tuple[str, ...]) -> None:
    options = {name for param in COMMANDS[path].params for name in getattr(param, "opts", [])}
    assert ("--lang" in options) == (path not in OPERATOR_TOOLS)


def test_the_readme_shows_the_trial_commands_in_spanish() -> None:
    for typed in ("islet trials search", "islet trials show"):
        assert re.search(rf"{typed} [^`]*--lang es", README), typed


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_has_help(path: tuple[str, ...]) -> None:
    assert (COMMANDS[path].help or "").strip()


ROOT = Path(__file__).resolve().parents[1]
README_IMAGES = re.findall(r"\]\((docs/screenshots/[\w-]+\.png)\)", README)


def screenshot_names() -> set[str]:
    """The shots ``make screenshots`` takes (scripts/screenshots.py's SHOTS table)."""
    script = (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    return set(re.findall(r'^\s+\(\s*"([\w-]+)",', script, re.M))


def test_make_screenshots_makes_every_readme_image() -> None:
    """Each image the README shows exists and is one ``make screenshots`` regenerates; among
    them a guide result on a phone and the trial pages (issue 14)."""
    shots = screenshot_names()
    assert {"guide-results-phone", "trials-results", "trials-fresh-install-offline"} <= shots
    assert README_IMAGES
    for image in README_IMAGES:
        assert (ROOT / image).is_file(), image
        assert Path(image).stem in shots, image
    for name in ("guide-results-phone", "trials-results", "trials-fresh-install-offline"):
        assert f"docs/screenshots/{name}.png" in README_IMAGES


# The README's folder map names every module and package at the top of ``src/islet``.
PACKAGE = Path(__file__).resolve().parents[1] / "src" / "islet"
FOLDER_MAP = README.split("## Architecture", 1)[1].split("\n## ", 1)[0]
TOP_LEVEL = sorted(
    p.name if p.is_dir() else p.stem
    for p in PACKAGE.iterdir()
    if not p.name.startswith(("_", ".")) and (p.is_dir() or p.suffix == ".py")
)


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_the_folder_map_names_each_top_level_module(name: str) -> None:
    assert re.search(rf"(?<![\w/]){re.escape(name)}(\.py|/)", FOLDER_MAP), name
