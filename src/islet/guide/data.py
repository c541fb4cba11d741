"""The guide's own wording data: questions, value labels, PDQ lists, coverage notes.

It lives in ``knowledge/guide/questions.yaml`` (a subfolder, so ``islet.kb`` does not load it) and
is validated here: every Situation fact has exactly one question whose choices are exactly the
values the fact can take.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from islet.kb import KNOWLEDGE_DIR, load_data_file
from islet.language import Language
from islet.model import (
    Condition,
    FactName,
    Id,
    Situation,
    Source,
    Strict,
    TumorTypeName,
    fact_kind,
    fact_values,
)
from islet.text import in_sentence

GUIDE_DATA = KNOWLEDGE_DIR / "guide" / "questions.yaml"
# The same data in Spanish (issue 17): same ids, facts, values, conditions and sources.
SPANISH_GUIDE_DATA = KNOWLEDGE_DIR / "es" / "guide" / "questions.yaml"


class Choice(Strict):
    value: str | bool
    label: str = Field(min_length=1)


class Question(Strict):
    """How the guide asks for one fact and names its values."""

    fact: FactName
    label: str = Field(min_length=1)
    question: str = Field(min_length=1)
    help: str | None = None
    none_label: str | None = None  # what an empty list means, for list facts
    choices: list[Choice] = Field(min_length=1)
    # Asked even when no option turns on it, because PDQ ties notes (outlook) to it (MEN1).
    always_ask: bool = False

    @model_validator(mode="after")
    def _choices_are_the_fact_values(self) -> Question:
        given = [c.value for c in self.choices]
        if sorted(map(str, given)) != sorted(map(str, fact_values(self.fact))):
            raise ValueError(f"choices of '{self.fact}' must be exactly {fact_values(self.fact)}")
        if fact_kind(self.fact) == "many" and not self.none_label:
            raise ValueError(f"list fact '{self.fact}' needs a none_label")
        return self

    @property
    def multiple(self) -> bool:
        return fact_kind(self.fact) == "many"

    def label_of(self, value: str | bool) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return str(value)

    def words_of(self, value: Any) -> str | None:
        """An answer in words (a list's labels joined, or its "none" label), None if unknown."""
        if value is None:
            return None
        if isinstance(value, list):
            return ", ".join(self.label_of(v) for v in value) or self.none_label
        return self.label_of(value)


@dataclass(frozen=True)
class Answered:
    """A fact as the guide shows what it knows: its question's label (also as it reads inside a
    sentence) and the answer in words, None while it is not known."""

    fact: str
    label: str
    inline: str
    answer: str | None


class ListInfo(Strict):
    """One PDQ treatment list: the rules with this ``applies_to``."""

    id: Id
    name: str
    section: Id
    heading: str | None = None  # how results introduce the list, else phrases.list_title
    # how an option's "why" names this list when PDQ has no list of its own; {bullet} is the bullet
    why: str | None = None


class Coverage(Strict):
    """A tumor type PDQ gives no list for, and what the guide says about it."""

    tumor_type: TumorTypeName
    id: Id
    message: str
    see_also: list[Id] = Field(default_factory=list)
    source: Source


class Aspect(Strict):
    """Facts that describe the tumor itself; ``message`` may use {list} and {described}."""

    id: Id
    facts: list[FactName] = Field(min_length=1)
    message: str


class Note(Strict):
    id: Id
    text: str
    when: Condition | None = None
    source: Source


class Alert(Strict):
    """Shown first: something that needs care now (``urgent``) or must not be missed."""

    id: Id
    level: Literal["urgent", "info"]
    text: str
    when: Condition | None = None
    source: Source
    more_sources: list[Source] = Field(default_factory=list)


class Statement(Strict):
    text: str
    source: Source


class Phrases(Strict):
    """The words that join facts into an option's reason (placeholders in braces)."""

    list_title: str  # {list}
    fits: str  # {reasons}
    every_case: str  # {list}
    rules_out: str  # {fact}
    does_not_fit: str  # {reasons}
    depends: str  # {facts}
    depends_fact: str  # {label}, {values}
    misfit: str  # {label}, {wanted}, {said}
    misfit_left_out: str  # {label}, {said}, {left_out}
    any_of: str  # joins values: " or "
    all_of: str  # joins values: " and "


class GuideData(Strict):
    questions: list[Question]
    dont_know: str
    lists: list[ListInfo]
    coverage: list[Coverage] = Field(default_factory=list)
    aspects: list[Aspect] = Field(default_factory=list)
    nothing_fits: str
    # an option's "why": {list} is the list's name, {bullet} the PDQ bullet in Islet's words
    why_list: str
    why_professional_only: str
    notes: list[Note] = Field(default_factory=list)
    professional_lists_more: Statement
    phrases: Phrases
    islet_safety: Source  # Islet's own safety wording (not PDQ's), cited by alerts
    alerts: list[Alert] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_question_per_fact(self) -> GuideData:
        asked = [q.fact for q in self.questions]
        facts = list(Situation.model_fields)
        if sorted(asked) != sorted(facts):
            raise ValueError(f"need exactly one question per Situation fact: {facts}")
        return self

    def question(self, fact: str) -> Question:
        return next(q for q in self.questions if q.fact == fact)

    def answered(self, answers: Mapping[str, Any]) -> list[Answered]:
        """Every Situation fact, in order, with its answer in ``answers`` in words."""
        return [
            Answered(q.fact, q.label, in_sentence(q.label), q.words_of(answers.get(q.fact)))
            for q in map(self.question, Situation.model_fields)
        ]

    def list_info(self, list_id: str) -> ListInfo | None:
        return next((item for item in self.lists if item.id == list_id), None)

    def coverage_for(self, tumor_type: str | None) -> Coverage | None:
        return next((c for c in self.coverage if c.tumor_type == tumor_type), None)


@cache
def load_guide_data(path: Path = GUIDE_DATA) -> GuideData:
    """The validated guide data; raises KnowledgeError naming each problem."""
    return load_data_file(path, GuideData, path.name)


def guide_data_in(language: Language) -> GuideData:
    """The guide data in ``language`` (Spanish: ``knowledge/es/guide/questions.yaml``)."""
    return load_guide_data(SPANISH_GUIDE_DATA if language == "es" else GUIDE_DATA)
