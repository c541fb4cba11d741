"""The guide's answer: pydantic models whose ``model_dump(mode="json")`` is the public JSON shape.

The CLI prints it, and the web page and REST API return it; keep field names stable.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from islet.model import Situation, Source

Status = Literal["applies", "depends", "excluded"]
Audience = Literal["patient", "professional"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(Out):
    """Where an option comes from: the PDQ version, section heading and date, and the id of the
    Islet section that holds the list (for links)."""

    document: str
    section: str
    version_date: str
    section_id: str | None = None


class TreatmentRef(Out):
    treatment_id: str
    name: str


class DecidingFact(Out):
    """A fact that is not known yet and would help decide an option."""

    fact: str
    label: str
    question: str
    applies_if: list[str | bool]  # answers that would make it apply (or keep it possible)
    applies_if_labels: list[str]
    rules_out: list[str | bool]  # answers that would rule it out


class GuideOption(Out):
    """One treatment option from one PDQ bullet, with its status for this situation."""

    treatment_id: str
    name: str
    explanation: str  # plain words, from the knowledge base's treatment entry
    explanation_marked: str  # the same with [[glossary]] marks, for interfaces that show them
    wording: str  # how PDQ phrases the option, in Islet's words
    status: Status
    why: str  # the PDQ bullet behind it, in words
    reason: str  # why it applies, what it depends on, or why it is ruled out
    rule_id: str
    list_id: str  # the rule's applies_to: a tumor type id or "recurrent-progressive"
    list_name: str
    list_heading: str  # how the list is introduced, e.g. "From PDQ's list for insulinoma"
    bullet: str
    source: SourceRef
    usually: bool
    rare: bool
    with_or_without: list[TreatmentRef]
    together_with: list[TreatmentRef]
    depends_on: list[DecidingFact]  # empty unless status is "depends"
    professional_only: bool  # a bullet only the health professional version lists
    # where the professional version adds what the guide shows with a patient-list bullet (a
    # condition such as "when technically possible"); None when it adds nothing
    professional_source: SourceRef | None = None


class Choice(Out):
    value: str | bool
    label: str


class NextQuestion(Out):
    """A fact worth finding out, with how many open options an answer could settle."""

    fact: str
    question: str
    help: str | None
    multiple: bool
    choices: list[Choice]
    none_label: str | None
    settles: int


class ClosestEntry(Out):
    rule_id: str
    bullet: str
    list_name: str
    differs_on: list[str]  # labels of the facts that rule it out
    source: SourceRef


class Gap(Out):
    """Where PDQ lists nothing for exactly this situation, said out loud."""

    id: str
    message: str
    closest: list[ClosestEntry]
    see_also: list[str]  # section ids to read
    source: SourceRef | None


class Note(Out):
    id: str
    text: str
    source: SourceRef


class Alert(Out):
    """Shown before anything else: ``urgent`` means get care now."""

    level: Literal["urgent", "info"]
    text: str
    source: SourceRef
    # the other sources the text rests on, e.g. Islet's own safety wording (document "external")
    more_sources: list[SourceRef] = []


class GuideResult(Out):
    """Which PDQ options apply to a situation, which depend on what is still unknown, which are
    ruled out, what to find out next, and where PDQ is silent. ``audience`` is the view asked
    for: ``patient`` leaves out bullets only the professional version lists (and a note says
    so), ``professional`` or ``None`` (not asked) shows every bullet."""

    alerts: list[Alert]
    applies: list[GuideOption]
    depends: list[GuideOption]
    excluded: list[GuideOption]
    next_questions: list[NextQuestion]
    gaps: list[Gap]
    notes: list[Note]
    situation: Situation
    audience: Audience | None

    def next_question(self, passed: Collection[str]) -> NextQuestion | None:
        """The most useful question whose fact is not among ``passed`` (answered, asked or
        skipped): what the guide asks next, or None when nothing is left to ask."""
        return next((q for q in self.next_questions if q.fact not in passed), None)

    def excluded_by_rule(self) -> list[list[GuideOption]]:
        """The excluded options, a group per rule (the PDQ bullet that lists them), in order."""
        groups: dict[str, list[GuideOption]] = {}
        for option in self.excluded:
            groups.setdefault(option.rule_id, []).append(option)
        return list(groups.values())

    def cards(self) -> dict[Status, list[TreatmentCard]]:
        """The treatments as cards, grouped by the best status any of their bullets gives them.

        The result lists one option per PDQ bullet, so a treatment named by several bullets
        appears several times; a card gathers them, sits in the best group any of its bullets
        reaches (applies, then depends, then excluded) and lists every bullet that names it."""
        named: dict[str, list[GuideOption]] = {}
        for status in STATUSES:
            for option in getattr(self, status):
                named.setdefault(option.treatment_id, []).append(option)
        grouped: dict[Status, list[TreatmentCard]] = {status: [] for status in STATUSES}
        for treatment_id, options in named.items():
            best = options[0]
            grouped[best.status].append(
                TreatmentCard(
                    treatment_id=treatment_id,
                    name=best.name,
                    explanation_marked=best.explanation_marked,
                    status=best.status,
                    options=tuple(options),
                )
            )
        return grouped


STATUSES: tuple[Status, ...] = ("applies", "depends", "excluded")  # best first


@dataclass(frozen=True)
class TreatmentCard:
    """One treatment and every PDQ bullet that names it, best status first."""

    treatment_id: str
    name: str
    explanation_marked: str
    status: Status
    options: tuple[GuideOption, ...]

    @property
    def professional_only(self) -> bool:
        return all(option.professional_only for option in self.options)


def source_ref(source: Source, section_id: str | None = None) -> SourceRef:
    """The public form of a knowledge item's source, with the section id to link to."""
    return SourceRef(
        document=source.document,
        section=source.section,
        version_date=source.version_date,
        section_id=section_id,
    )
