"""The PDQ sources named in Islet's data files outside the knowledge collections: the AJCC
staging tables of the calculator, the guide's notes and coverage messages, the explainers' fixed
texts, and the words Ask and the trial finder pair with PDQ's own (``source:`` blocks anywhere
in ``knowledge/<folder>/*.yaml``; the Spanish copies follow their English entries).

Each becomes an entry ``<folder>/<file>/<path>`` that `islet review` flags like any item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from islet.model import Source
from islet.yamlfiles import read_yaml

SKIPPED = {"es", "sources"}  # translations follow their English entries; the records themselves
_TEXT_KEYS = ("message", "text", "patient", "general_note", "reminder", "means", "name", "system")


class DataText(BaseModel):
    """One entry of a data file that names a PDQ source, as `islet review` shows it."""

    id: str  # <folder>/<file>/<path>
    file: str  # the data file, relative to knowledge/
    text: str  # what it says, or what it is


def data_sources(directory: Path) -> Iterator[tuple[str, DataText, Source]]:
    """Every (``key``, entry, PDQ source) of the data files in the folders of ``directory``."""
    for path in sorted(directory.glob("*/*.yaml")):
        if path.parent.name in SKIPPED:
            continue
        relative = f"{path.parent.name}/{path.name}"
        data = read_yaml(path, relative)
        yield from _walk(data, f"{path.parent.name}/{path.stem}", relative)


def _walk(node: Any, key: str, file: str) -> Iterator[tuple[str, DataText, Source]]:
    if isinstance(node, list):
        for index, child in enumerate(node):
            name = child.get("id") if isinstance(child, dict) else None
            yield from _walk(child, f"{key}/{name or index}", file)
        return
    if not isinstance(node, dict):
        return
    for field in ("source", "professional_source"):
        raw = node.get(field)
        if not isinstance(raw, dict):
            continue
        try:
            source = Source.model_validate(raw)
        except ValidationError:
            continue  # the loader of that file reports it
        if source.document != "external":
            yield key, DataText(id=key, file=file, text=_text(node, key)), source
    for name, child in node.items():
        if name not in ("source", "professional_source"):
            yield from _walk(child, f"{key}/{name}", file)


def _text(node: dict[str, Any], key: str) -> str:
    for name in _TEXT_KEYS:
        value = node.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    phrases = node.get("phrases") or node.get("names")
    if isinstance(phrases, list) and phrases:
        return ", ".join(str(p) for p in phrases[:8])
    return key
