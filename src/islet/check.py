"""Validation of the knowledge base: structure, references, glossary marks and reading level."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from islet.kb import KNOWLEDGE_DIR, KnowledgeBase, read
from islet.model import GlossaryTerm, Item, Section, TextItem, TumorType, plain_text

with warnings.catch_warnings():
    # textstat 0.7.4 (the release that works offline) still imports the deprecated pkg_resources
    warnings.simplefilter("ignore", UserWarning)
    import textstat

MAX_GRADE = 9.0


@dataclass(frozen=True)
class Readability:
    """Flesch-Kincaid grade of one item's patient text."""

    collection: str
    item_id: str
    grade: float
    exempt: bool  # an unavoidable term list

    @property
    def too_hard(self) -> bool:
        return not self.exempt and self.grade > MAX_GRADE


@dataclass(frozen=True)
class Report:
    problems: list[str]
    readability: list[Readability]

    @property
    def ok(self) -> bool:
        return not self.problems and not any(r.too_hard for r in self.readability)


def patient_text(item: Item) -> str:
    """All the plain-language text a patient reads for an item, glossary marks resolved."""
    parts: list[str] = []
    if isinstance(item, TextItem):
        parts.append(item.patient)
    if isinstance(item, Section):
        parts.extend(item.key_points)
    if isinstance(item, TumorType) and item.hormone_action:
        parts.append(item.hormone_action)
    if isinstance(item, GlossaryTerm):
        parts.append(item.definition)
    return " ".join(plain_text(p).strip().rstrip(".") + "." for p in parts if p.strip())


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def readability(kb: KnowledgeBase) -> list[Readability]:
    out = []
    for name, item in kb.items():
        text = patient_text(item)
        if not text:
            continue
        exempt = isinstance(item, TextItem) and item.term_list
        out.append(Readability(name, item.id, round(grade(text), 1), exempt))
    return out


def check(directory: Path = KNOWLEDGE_DIR) -> Report:
    """Every problem in the knowledge base at ``directory``; never raises on bad content."""
    kb, problems = read(directory)
    return Report(problems, readability(kb))
