"""Tables of cases live in tests/cases/*.yaml; `load_cases` turns one into pytest params and
`level_cases` a folder of safety level rows (text, language, level)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[Any]:
    """The rows of tests/cases/NAME, each wrapped in pytest.param with a readable id."""
    rows = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    if isinstance(rows, dict):
        rows = rows["cases"]
    return [
        pytest.param(row, id=str(row.get("id", i)) if isinstance(row, dict) else str(i))
        for i, row in enumerate(rows)
    ]


LEVELS = ("emergency", "crisis", "medication", "none")
LANGUAGES = ("en", "es", "auto")  # auto: the triage is given no language and guesses it
ROW_KEYS = {"text", "level", "language", "id"}


def level_cases(folder: Path) -> list[Any]:
    """The rows of every FOLDER/*.yaml (sorted; each ``cases:``, a list of ``{text, level}`` with an
    optional ``language``, en by default, and ``id``), each as pytest.param(text, language, level)
    with language None for ``auto`` and the id ``<file>:<level>:<language>:<id or text>``.

    A row with no text, a level or language not listed above, or another key raises ValueError
    naming the file and the row."""
    params = []
    for path in sorted(folder.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(cases, dict) or set(cases) != {"cases"} or not cases["cases"]:
            raise ValueError(f"{path.name}: want a mapping with one key, cases: a list of rows")
        for i, row in enumerate(cases["cases"]):
            fault = _row_fault(row)
            if fault:
                raise ValueError(f"{path.name}: row {i} ({row!r}): {fault}")
            language = row.get("language", "en")
            name = f"{path.stem}:{row['level']}:{language}:{row.get('id', row['text'])}"
            given = None if language == "auto" else language
            params.append(pytest.param(row["text"], given, row["level"], id=name))
    return params


def _row_fault(row: object) -> str:
    """What is wrong with one level row, or "" if nothing."""
    if not isinstance(row, dict):
        return "a row is a mapping {text: ..., level: ...}"
    if set(row) - ROW_KEYS:
        return f"unknown key {sorted(set(row) - ROW_KEYS)}; a row has {sorted(ROW_KEYS)}"
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        return "text must be a non-empty string"
    if row.get("level") not in LEVELS:
        return f"level must be one of {', '.join(LEVELS)}"
    if row.get("language", "en") not in LANGUAGES:
        return f"language must be one of {', '.join(LANGUAGES)}"
    if "id" in row and (not isinstance(row["id"], str) or not row["id"]):
        return "id must be a non-empty string"
    return ""
