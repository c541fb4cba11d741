"""Validation of the knowledge base: structure, references, glossary marks, reading level and
the word lists of ``knowledge/language/``."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from islet import compiled
from islet.ask.learned import MODEL_FILE, read_model, unknown_passages
from islet.ask.passages import passages
from islet.check_es import SpanishReadability, SpanishReport, spanish_report
from islet.errors import KnowledgeError
from islet.guide.logic import facts_of
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase, read
from islet.model import GlossaryTerm, Item, Rule, Section, TextItem, TumorType, plain_text
from islet.safety.datacheck import safety_problems
from islet.sources.record import source_report
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

    def as_json(self) -> dict[str, Any]:
        """Its fields in order, ``item_id`` named ``id`` (as ``islet check --json`` gives it)."""
        return {("id" if name == "item_id" else name): v for name, v in asdict(self).items()}


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


def ask_model_problems(kb: KnowledgeBase, directory: Path) -> list[str]:
    """The problems of Ask's learned examples in ``directory`` (none when it has none), the
    English ones (``ask/``) and the Spanish ones (``es/ask/``): each file must validate, and
    every passage an example names must be one of ``kb``'s passages (a renamed or removed item
    would otherwise lose its votes without a word)."""
    problems: list[str] = []
    known = {passage.id for passage in passages(kb)}
    for name in (f"ask/{MODEL_FILE.name}", f"es/ask/{MODEL_FILE.name}"):
        path = directory / name
        if not path.is_file():
            continue
        try:
            model = read_model(path, name)
        except KnowledgeError as error:
            problems += error.problems
            continue
        problems += [
            f"{name}: an example names the passage '{missing}', which the knowledge lacks"
            for missing in unknown_passages(model, known)
        ]
    return problems


def check(directory: Path = KNOWLEDGE_DIR) -> Report:
    """Every problem in the knowledge base at ``directory``; never raises on bad content."""
    kb, problems = read(directory)
    problems = problems + unconditioned_feasibility(list(kb.rules.values()))
    problems += language_problems(directory)
    problems += ask_model_problems(kb, directory)
    problems += safety_problems(directory)
    return Report(problems, readability(kb))


Reading = Readability | SpanishReadability
Most = Callable[[list[float]], float]  # max or min: the worst score in a collection


def section_rows(readings: Sequence[Readability]) -> list[tuple[str, str, str]]:
    """A report's row per summary section: its grade, and whether it is a term list (exempt
    from the limit) or too hard."""
    return [
        (r.item_id, f"{r.grade:.1f}", "term list" if r.exempt else "TOO HARD" if r.too_hard else "")
        for r in readings
        if r.collection == "sections"
    ]


def by_collection(
    readings: Sequence[Reading], score: str, extreme: Most
) -> list[tuple[str, str, str, str, str]]:
    """A report's row per collection: its items, the mean and most ``extreme`` of their
    ``score`` (the name of the readings' field), and those too hard to read."""
    scores: dict[str, list[float]] = {}
    for r in readings:
        scores.setdefault(r.collection, []).append(getattr(r, score))
    return [
        (
            name,
            str(len(values)),
            f"{sum(values) / len(values):.1f}",
            f"{extreme(values):.1f}",
            ", ".join(r.item_id for r in readings if r.collection == name and r.too_hard) or "-",
        )
        for name, values in scores.items()
    ]


@dataclass(frozen=True)
class KnowledgeCheck:
    """All that ``islet check`` reports: the knowledge's problems and reading levels, the
    recorded sources' problems and warnings, and the Spanish texts (``strict``: every patient
    item must have one)."""

    report: Report
    spanish: SpanishReport
    strict: bool
    warnings: list[str]

    @property
    def ok(self) -> bool:
        return self.report.ok and self.spanish.ok(self.strict)

    def as_json(self) -> dict[str, Any]:
        """The check as ``islet check --json`` gives it."""
        return {
            "ok": self.ok,
            "problems": self.report.problems,
            "spanish": self.spanish.as_json(self.strict),
            "warnings": self.warnings,
            "readability": [r.as_json() for r in self.report.readability],
        }


def check_all(
    directory: Path, today: date, max_source_age: int, strict: bool = False
) -> KnowledgeCheck:
    """The whole check of the knowledge at ``directory``: :func:`check`, the recorded PDQ
    sources (warning when one is older than ``max_source_age`` months) and the Spanish texts."""
    report = check(directory)
    with compiled.bypassed():  # every data file is read and validated from its YAML
        source_problems, warnings = source_report(directory, today, max_source_age)
    report.problems.extend(source_problems)
    spanish = spanish_report(read(directory)[0], directory / "es")
    return KnowledgeCheck(report, spanish, strict, warnings)
