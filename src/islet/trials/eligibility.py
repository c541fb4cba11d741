"""Eligibility text as criterion lines, and the facts a person may know about themselves.

A registry's free-text criteria are split into one line per criterion, each tagged with its
section (inclusion or exclusion) and what it does with the topic it names: ``requires`` it,
``excludes`` it, or ``allows`` it. Negation flips the section's default ("No prior
everolimus" under inclusion excludes everolimus).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from islet.i18n import Text
from islet.model import TumorTypeName
from islet.text import phrase_pattern
from islet.trials.vocabulary import vocabulary

Outcome = Literal["pass", "fail", "undetermined"]
Polarity = Literal["requires", "excludes", "allows"]
SectionName = Literal["inclusion", "exclusion", "record"]
TumorTypeId = TumorTypeName  # the tumor types a person can name, as the guide takes them

_BULLET = re.compile(r"^\s*(?:[*\-•·▪◦]+|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+", re.I)
_ESCAPE = re.compile(r"\\([<>\[\]()*_~#.+-])")


def _grade_number(value: Any) -> Any:
    """JSON's view of a grade: 2.0 is the number 2, but true is not a number (nor grade 1)."""
    if isinstance(value, bool):
        raise ValueError("the grade is 1, 2 or 3, not true or false")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class PersonFacts(BaseModel):
    """What a person chose to tell about themselves; None means "not said", never "no".

    ``prior_treatments``: None = not said; [] = no earlier treatment. Never stored or logged.
    Strict: 1 or "yes" is not read as MEN1, nor "54" as an age.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    age: float | None = Field(default=None, ge=0, le=130)
    sex: Literal["female", "male"] | None = None
    tumor_type: TumorTypeId | None = None
    # WHO grade of a well-differentiated NET
    grade: Annotated[Literal[1, 2, 3], BeforeValidator(_grade_number)] | None = None
    ki67: float | None = Field(default=None, ge=0, le=100)  # Ki-67 index, percent
    men1: bool | None = None
    prior_treatments: list[str] | None = None

    def is_empty(self) -> bool:
        return all(value is None for value in self.model_dump().values())


class CriterionCheck(BaseModel):
    """The result of one rule on one criterion: pass, fail or undetermined, with a message."""

    model_config = ConfigDict(frozen=True)

    rule: str  # the check's name, e.g. "prior-treatment"
    outcome: Outcome
    message: Text  # a Message: English as built, shown in the reader's language
    section: SectionName
    criterion: str | None = None  # the eligibility line it read, when it read one
    polarity: Polarity | None = None  # what that line does with its topic


@dataclass(frozen=True)
class CriterionLine:
    text: str
    section: SectionName
    polarity: Polarity
    conditional: bool = False  # applies only to some people ("For patients with GBM, ...")


@dataclass(frozen=True)
class _Cues:
    inclusion: re.Pattern[str]
    exclusion: re.Pattern[str]
    excludes: re.Pattern[str]
    allows: re.Pattern[str]
    negates_at_start: re.Pattern[str]
    negates: re.Pattern[str]
    conditional_start: re.Pattern[str]


@cache
def _cues() -> _Cues:
    cues = vocabulary().cues
    return _Cues(
        inclusion=phrase_pattern(cues.inclusion_heading),
        exclusion=phrase_pattern(cues.exclusion_heading),
        excludes=phrase_pattern(cues.excludes),
        allows=phrase_pattern(cues.allows),
        negates_at_start=re.compile(
            r"^(?:patients?\s+|subjects?\s+)?(?:"
            + phrase_pattern(cues.negates_at_start).pattern
            + ")",
            re.I,
        ),
        negates=phrase_pattern(cues.negates),
        conditional_start=re.compile(
            r"^(?:" + phrase_pattern(cues.conditional_start).pattern + ")", re.I
        ),
    )


def clean(line: str) -> str:
    """A criterion line without its bullet or numbering and without Markdown escapes."""
    text = _ESCAPE.sub(r"\1", line)
    while True:
        stripped = _BULLET.sub("", text, count=1)
        if stripped == text:
            return " ".join(text.split())
        text = stripped


def criterion_lines(criteria: str | None) -> list[CriterionLine]:
    """Each criterion of a free-text eligibility section, in order, with section and polarity.

    Lines before any heading count as inclusion criteria; headings themselves are dropped.
    """
    if not criteria:
        return []
    cues = _cues()
    section: SectionName = "inclusion"
    lines: list[CriterionLine] = []
    for raw in criteria.splitlines():
        text = clean(raw)
        if not text:
            continue
        heading = _heading(text)
        if heading is not None:
            section = heading
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if not rest:
                continue
            text = rest
        lines.append(
            CriterionLine(text, section, _polarity(text, section, cues), _conditional(text, cues))
        )
    return lines


def _heading(text: str) -> SectionName | None:
    cues = _cues()
    head = text.split(":", 1)[0].strip().lower()
    if len(head.split()) > 6:
        return None
    if cues.exclusion.search(head):
        return "exclusion"
    if cues.inclusion.search(head):
        return "inclusion"
    return None


def _conditional(text: str, cues: _Cues) -> bool:
    if cues.conditional_start.search(text):
        return True
    # "Patients with GBM must ..." / "Patients who received X must ..." set a rule for a subgroup.
    subgroup = r"(?:patients|participants|subjects|those)\s+(?:with|who)\b.*\bmust\b"
    return bool(re.match(subgroup, text, re.I))


def _polarity(text: str, section: SectionName, cues: _Cues) -> Polarity:
    if cues.excludes.search(text):
        return "excludes"
    if cues.allows.search(text):
        return "allows"
    base: Polarity = "excludes" if section == "exclusion" else "requires"
    if cues.negates_at_start.search(text) or cues.negates.search(text):
        return "requires" if base == "excludes" else "excludes"
    return base
