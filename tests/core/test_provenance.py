"""No medical statement without a source, and no sentence copied from the references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from islet.kb import KnowledgeBase

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
SHINGLE = 9  # this many consecutive words shared with a reference counts as copying


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


def own_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string an item says in its own words (not its source labels)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("source", "professional_source", "citation"):
                yield from own_strings(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from own_strings(inner, f"{path}[{i}]")


@pytest.fixture(scope="module")
def reference_shingles() -> set[tuple[str, ...]]:
    if not REFERENCE.is_dir():
        pytest.fail(f"reference folder missing: {REFERENCE}")
    out: set[tuple[str, ...]] = set()
    for path in REFERENCE.iterdir():
        out |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    return out


def test_no_sentence_is_copied_from_the_references(
    kb: KnowledgeBase, reference_shingles: set[tuple[str, ...]]
) -> None:
    copied = []
    for name, item in kb.items():
        for path, text in own_strings(item.model_dump()):
            common = shingles(text) & reference_shingles
            if common:
                copied.append(f"{name}/{item.id}{path}: '{' '.join(sorted(common)[0])}…'")
    assert not copied, "text copied from the references:\n" + "\n".join(copied[:40])


def test_every_item_names_its_source(kb: KnowledgeBase) -> None:
    for _, item in kb.items():
        assert item.source.section.strip()
        assert item.source.version_date
