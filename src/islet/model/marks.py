"""Patient text's own format: ``[[term-id]]`` or ``[[term-id|words shown]]`` marks glossary
terms, blank lines separate paragraphs, and lines starting with ``- `` make a list.

Validation (``islet check``) checks that every mark names a glossary term. :func:`blocks` reads
the format into paragraphs, lists and runs of text (no HTML: the web's ``rich_text`` template
partial renders a marked term as an in-place explanation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from islet.model.content import GlossaryTerm

GLOSSARY_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


def _words(mark: re.Match[str]) -> str:
    """The words a mark shows: its own, else its term id in words."""
    return mark.group(2) or mark.group(1).strip().replace("-", " ")


def plain_text(text: str) -> str:
    """Text with glossary marks replaced by the words they show."""
    return GLOSSARY_MARK.sub(_words, text)


def glossary_marks(text: str) -> list[str]:
    """The glossary ids marked in ``text``, in order."""
    return [m.group(1).strip() for m in GLOSSARY_MARK.finditer(text)]


@dataclass(frozen=True)
class Segment:
    """A run of text; a glossary term when ``term`` is set (with its definition)."""

    text: str
    term: str | None = None
    definition: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph (one item) or a bulleted list (one item per bullet)."""

    kind: Literal["para", "list"]
    items: list[list[Segment]]


def segments(text: str, glossary: Mapping[str, GlossaryTerm]) -> list[Segment]:
    """``text`` split into plain runs and glossary terms (marks of unknown ids stay plain)."""
    out: list[Segment] = []
    position = 0
    for mark in GLOSSARY_MARK.finditer(text):
        if mark.start() > position:
            out.append(Segment(text[position : mark.start()]))
        term_id = mark.group(1).strip()
        entry = glossary.get(term_id)
        if entry is None:
            out.append(Segment(_words(mark)))
        else:
            out.append(Segment(_words(mark), term_id, entry.definition))
        position = mark.end()
    if position < len(text):
        out.append(Segment(text[position:]))
    return out


def blocks(text: str, glossary: Mapping[str, GlossaryTerm]) -> list[Block]:
    """Paragraphs (separated by blank lines) and lists (lines starting with ``- ``)."""
    out: list[Block] = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            out.append(Block("list", [segments(line[2:].strip(), glossary) for line in lines]))
        else:
            out.append(Block("para", [segments(" ".join(lines), glossary)]))
    return out
