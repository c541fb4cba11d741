"""Validation of the knowledge base: structure, references, glossary marks, reading level and
the word lists of ``knowledge/language/``."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from islet.guide.logic import facts_of
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase, read
from islet.model import GlossaryTerm, Item, Rule, Section, TextItem, TumorType, plain_text
from islet.text import language_problems

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


# PDQ's words for surgery that is done only when it can be: "when possible", "if feasible", "if
# technically possible", "where possible", "technically feasible", "whenever possible", "if
# resectable", "when it is feasible", "if they can be removed"...
FEASIBILITY = re.compile(
    r"\b(?:(?:when|where|if)(?:ever)?\s+(?:it\s+is\s+|this\s+is\s+)?"
    r"(?:technically\s+|medically\s+|surgically\s+)?(?:and\s+medically\s+)?"
    r"(?:possible|feasible|resectable|operable)"
    r"|technically\s+(?:and\s+medically\s+)?(?:possible|feasible)"
    r"|(?:when|where|if)\s+(?:it|they|the\s+\w+)\s+can\s+(?:all\s+|fully\s+|completely\s+)?"
    r"be\s+(?:all\s+|fully\s+|completely\s+)?(?:removed|resected|taken\s+out))\b",
    re.IGNORECASE,
)


# Operations whose "if feasible" is about the way of operating, which the surgeon judges, not
# about whether surgery can take the whole tumor out ("Enucleation, if feasible. Resect body and
# tail otherwise."): `unless: resectable is false` is enough for them.
SURGEON_JUDGES = frozenset({"enucleation"})


def unconditioned_feasibility(rules: list[Rule]) -> list[str]:
    """Options whose PDQ text makes them conditional on surgery being possible but whose rule
    has no condition on ``resectable``: they would apply while that is unknown. Enucleation
    may instead be ruled out by ``unless: resectable is false`` (see ``SURGEON_JUDGES``)."""
    problems = []
    for rule in rules:
        for option in rule.options:
            text = f"{rule.bullet} {option.wording or ''}"
            conditions = [c for c in (rule.condition, option.condition) if c is not None]
            if option.treatment in SURGEON_JUDGES and option.unless is not None:
                conditions.append(option.unless)
            if FEASIBILITY.search(text) and "resectable" not in facts_of(conditions):
                problems.append(
                    f"rules/{rule.id}: '{option.treatment}' says it is done only when possible "
                    "but has no condition on 'resectable'"
                )
    return problems


def check(directory: Path = KNOWLEDGE_DIR) -> Report:
    """Every problem in the knowledge base at ``directory``; never raises on bad content."""
    kb, problems = read(directory)
    problems = problems + unconditioned_feasibility(list(kb.rules.values()))
    problems += language_problems(directory)
    return Report(problems, readability(kb))
