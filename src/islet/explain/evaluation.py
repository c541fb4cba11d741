"""``islet eval symptoms``: how well the symptom explainer reads what people write, on blind texts.

The cases (``eval/symptoms.yaml``, Spanish ``eval/symptoms-es.yaml``) were written by people who
saw only the sign ids and the pattern ids, never the word lists. Each case names the signs it
describes as present (``found``; ``[]`` for none of PDQ's), those it says are not there
(``absent``) and, where the whole picture clearly fits one of PDQ's lists, that list (``first``).

Reported per split (``dev`` may be tuned on, ``test`` is held out): sign recall and precision,
negation (``absent`` signs not reported as present), pattern top-1 and top-3, and "none right"
(texts with no PDQ sign that get no sign recognised). Misses are kept for the dev split only:
the held-out split is measured, never read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from islet import kb as kb_module
from islet.errors import IsletError, KnowledgeError
from islet.explain.symptoms import explain_symptoms
from islet.kb import KnowledgeBase, load_data_file
from islet.language import Language
from islet.model import Id, Strict
from islet.paths import eval_file

CASE_FILES: dict[Language, Path] = {
    "en": eval_file("symptoms.yaml"),
    "es": eval_file("symptoms-es.yaml"),
}
SplitName = Literal["dev", "test"]
METRICS = ("recall", "precision", "negation", "top1", "top3", "none_right")
LABELS = {  # each metric as a report names it
    "recall": "sign recall",
    "precision": "sign precision",
    "negation": "negation (absent not reported)",
    "top1": "pattern top-1",
    "top3": "pattern top-3",
    "none_right": "none right (no PDQ sign)",
}


class Case(Strict):
    text: str = Field(min_length=1)
    found: list[Id]
    absent: list[Id] = Field(default_factory=list)
    first: Id | None = None
    persona: str | None = None
    writer: str | None = None
    split: SplitName


class CaseFile(Strict):
    cases: list[Case] = Field(min_length=1)


@dataclass
class Miss:
    """One dev case the explainer did not read right, and how."""

    text: str
    missed: list[str]  # labelled present, not recognised
    extra: list[str]  # recognised, not labelled present (absent ones included)
    absent_reported: list[str]  # labelled absent, reported as present
    first: str | None  # the pattern expected first
    top: str | None  # the pattern ranked first (None when nothing was recognised)

    @property
    def line(self) -> str:
        """The miss as ``islet eval symptoms --misses`` lists it: signs missed or extra, and
        the pattern ranked first."""
        parts = []
        if self.missed:
            parts.append("missed " + ", ".join(self.missed))
        if self.extra:
            parts.append("extra " + ", ".join(self.extra))
        if self.first is not None and self.top != self.first:
            parts.append(f"first {self.first} → {self.top}")
        return f"[{'; '.join(parts)}] {self.text}"


@dataclass
class SplitResult:
    split: str
    count: int
    counts: dict[str, tuple[int, int]]  # metric -> (hits, out of)
    misses: list[Miss] = field(default_factory=list)

    def rate(self, metric: str) -> float:
        hit, total = self.counts[metric]
        return hit / total if total else 1.0

    def as_json(self) -> dict[str, Any]:
        """The split's figures as ``islet eval symptoms --json`` gives them (a rate with
        nothing to count is None)."""
        return {
            "split": self.split,
            "cases": self.count,
            "rates": {m: self.rate(m) if self.counts[m][1] else None for m in METRICS},
            "counts": {m: list(self.counts[m]) for m in METRICS},
        }

    def cell(self, metric: str) -> str:
        """One figure in a report: rate and counts ("0.950 (19/20)"), or "–" with none."""
        hit, total = self.counts[metric]
        return f"{self.rate(metric):.3f} ({hit}/{total})" if total else "–"


def summary_rows(results: Sequence[SplitResult]) -> dict[str, list[str]]:
    """The figures as a report's rows: a row per metric, a cell per split."""
    return {LABELS[metric]: [r.cell(metric) for r in results] for metric in METRICS}


def case_problems(cases: Sequence[Case], kb: KnowledgeBase) -> list[str]:
    """Ids in the cases that the knowledge base does not have."""
    problems = []
    for number, case in enumerate(cases, start=1):
        for sid in (*case.found, *case.absent):
            if sid not in kb.symptoms:
                problems.append(f"case {number}: unknown sign id '{sid}'")
        if case.first is not None and case.first not in kb.symptom_patterns:
            problems.append(f"case {number}: unknown pattern id '{case.first}'")
    return problems


def load_cases(path: Path, kb: KnowledgeBase | None = None) -> list[Case]:
    """Every case of the file; raises IsletError when it is missing, invalid, or names an id
    the knowledge base does not have."""
    if not path.is_file():
        raise IsletError(f"no symptom cases at {path}")
    try:
        cases = load_data_file(path, CaseFile, path.name).cases
    except KnowledgeError as error:
        raise IsletError(str(error)) from error
    problems = case_problems(cases, kb or kb_module.load())
    if problems:
        raise IsletError(str(KnowledgeError([f"{path.name}: {p}" for p in problems])))
    return cases


def score(
    split: str,
    cases: Sequence[Case],
    language: Language,
    keep_misses: bool = False,
) -> SplitResult:
    """Run every case through the explainer in ``language`` and count what it read right."""
    counts = {metric: [0, 0] for metric in METRICS}
    misses: list[Miss] = []

    def add(metric: str, hits: int, total: int) -> None:
        counts[metric][0] += hits
        counts[metric][1] += total

    for case in cases:
        result = explain_symptoms(case.text, language=language)
        got = [s.id for s in result.symptoms]
        top = [p.id for p in result.patterns[:3]]
        labelled = set(case.found)
        add("recall", len(labelled & set(got)), len(labelled))
        add("precision", len([g for g in got if g in labelled]), len(got))
        absent_reported = [a for a in case.absent if a in got]
        add("negation", len(case.absent) - len(absent_reported), len(case.absent))
        if case.first is not None:
            add("top1", int(top[:1] == [case.first]), 1)
            add("top3", int(case.first in top), 1)
        if not case.found:
            add("none_right", int(not got), 1)
        wrong_top = case.first is not None and top[:1] != [case.first]
        missed = [f for f in case.found if f not in got]
        extra = [g for g in got if g not in labelled]
        if keep_misses and (missed or extra or wrong_top):
            misses.append(
                Miss(case.text, missed, extra, absent_reported, case.first, next(iter(top), None))
            )
    return SplitResult(
        split=split,
        count=len(cases),
        counts={metric: (hit, total) for metric, (hit, total) in counts.items()},
        misses=misses,
    )


def evaluate(
    language: Language = "en",
    splits: Sequence[SplitName] = ("dev", "test"),
    path: Path | None = None,
) -> list[SplitResult]:
    """One result per split, in the order asked; misses for the dev split only."""
    cases = load_cases(path or CASE_FILES[language])
    return [
        score(
            split,
            [c for c in cases if c.split == split],
            language,
            keep_misses=split == "dev",
        )
        for split in splits
    ]
