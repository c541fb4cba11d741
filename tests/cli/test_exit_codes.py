"""Black-box acceptance of the command line's exit codes and messages (issues 2-7).

Run two ways: typer's CliRunner on ``islet.cli.app`` (what a test harness does) and the
installed console script ``islet`` (what a person does). Both must give exit 2 and a message,
never a traceback, for bad input.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from islet.cli import app
from islet.kb import KNOWLEDGE_DIR
from tests.tables import load_cases

SCRIPT = Path(sys.executable).parent / "islet"


@pytest.mark.parametrize("case", load_cases("exit_codes.yaml"))
def test_exit_codes_and_messages(case: dict[str, Any], tmp_path: Path, runner: CliRunner) -> None:
    args = [str(a) for a in case["args"]]
    if args[:2] == ["trials", "search"]:
        args += ["--db", str(tmp_path / "empty.sqlite")]
    result = runner.invoke(app, args)
    assert result.exit_code == case["exit"], result.output
    assert "Traceback" not in result.output
    if "says" in case:
        assert str(case["says"]).lower() in " ".join(result.output.lower().split())
    if case.get("json"):
        json.loads(result.stdout)
    if case["exit"] == 2 and "--json" in args:
        assert result.stdout.strip() == "", "an error must not print half a JSON document"


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
@pytest.mark.parametrize(
    ("args", "code"),
    [(["show", "insulinoma", "--json"], 0), (["show", "pancreatoblastoma"], 2)],
)
def test_the_installed_command_gives_the_same_exit_codes(args: list[str], code: int) -> None:
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr


def test_check_exits_1_on_a_broken_knowledge_folder(tmp_path: Path, runner: CliRunner) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, broken)
    (broken / "glossary-extra.yaml").write_text(
        "glossary:\n  - {id: enucleation, term: enucleation, definition: duplicate}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--dir", str(broken), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["ok"] is False


def test_version_prints_the_package_version(runner: CliRunner) -> None:
    from islet import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"islet {__version__}\n")
