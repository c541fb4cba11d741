"""Tables of cases live in tests/cases/*.yaml; `load_cases` turns one into pytest params."""

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


def level_rows(**tables: list[tuple[str, str]]) -> list[Any]:
    """The rows of level tables given as ``level=[(text, language), ...]`` (level ``none``,
    ``medication``, ``crisis`` or ``emergency``), each as pytest.param(text, language, level)
    with its text as id: the shape of the safety review tables, read by one test."""
    return [
        pytest.param(text, language, level, id=f"{level}:{language}:{text}")
        for level, rows in tables.items()
        for text, language in rows
    ]
