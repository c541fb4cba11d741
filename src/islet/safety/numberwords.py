"""The words with which the triage reads a number someone tells, per language.

A dose taken above the one set (:mod:`islet.safety.doses`) and a low blood-sugar number told
without a sugar word (:mod:`islet.safety.lowreading`): the code gives each pattern's structure,
``knowledge/safety/numbers.yaml`` its words, validated on load (an entry that is not a valid
expression is a KnowledgeError, and ``islet check`` names it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from islet.kb import load_data_file
from islet.language import Language
from islet.model import Strict
from islet.paths import knowledge_file
from islet.safety.vocabulary import _Patterns

NUMBERS_FILE = knowledge_file("safety", "numbers.yaml")


class _Lists(_Patterns):
    @model_validator(mode="after")
    def _valid_lists(self) -> _Lists:
        for _, value in self:
            if isinstance(value, list):
                self._check(value)
        return self


class DoseWords(_Lists):
    """A dose told as set, then one taken (or the one taken, then ``instead`` the one set)."""

    set: list[str] = Field(min_length=1)
    set_fillers: list[str] = Field(default_factory=list)
    units: list[str] = Field(min_length=1)
    not_doses: list[str] = Field(min_length=1)
    gap: int = Field(ge=0, le=10)
    taken_adverbs: list[str] = Field(default_factory=list)
    taken: list[str] = Field(min_length=1)
    taken_objects: list[str] = Field(default_factory=list)
    taken_hedges: list[str] = Field(default_factory=list)
    instead: list[str] = Field(default_factory=list)


class SaidBefore(_Lists):
    openers: list[str] = Field(min_length=1)
    what: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)


class ReadingWords(_Lists):
    """The words of a bare low reading (see ``numbers.yaml`` for each list's use)."""

    said_before: SaidBefore
    not_a_reading: list[str] = Field(min_length=1)
    glucose_units: list[str] = Field(min_length=1)
    persons: list[str] = Field(min_length=1)
    person_owner: list[str] = Field(min_length=1)
    person_at: list[str] = Field(min_length=1)
    not_after_decimal: list[str] = Field(min_length=1)
    person_is_signs: list[str] = Field(min_length=1)
    said_low_joins: list[str] = Field(min_length=1)
    said_low: list[str] = Field(min_length=1)
    low_then: list[str] = Field(min_length=1)
    low_then_joins: list[str] = Field(min_length=1)
    low_words: list[str] = Field(min_length=1)
    told_done: list[str] = Field(min_length=1)
    earlier_days: list[str] = Field(min_length=1)
    still_now: list[str] = Field(min_length=1)
    dropped_later: list[str] = Field(default_factory=list)
    age_before: list[str] = Field(min_length=1)
    openers: list[str] = Field(min_length=1)
    checks: list[str] = Field(min_length=1)
    checked_what: list[str] = Field(min_length=1)
    checked_gave: list[str] = Field(min_length=1)
    bare_at: list[str] = Field(min_length=1)
    bare_not_after: list[str] = Field(min_length=1)
    bare_followers: list[str] = Field(min_length=1)
    person_down: list[str] = Field(min_length=1)
    person_down_followers: list[str] = Field(min_length=1)
    age_at_openers: list[str] = Field(min_length=1)
    age_at: list[str] = Field(min_length=1)
    age_at_subjects: list[str] = Field(min_length=1)
    age_at_verbs: list[str] = Field(min_length=1)


class LanguageNumbers(Strict):
    doses: DoseWords | None = None
    readings: ReadingWords | None = None


class NumbersFile(Strict):
    en: LanguageNumbers
    es: LanguageNumbers

    @model_validator(mode="after")
    def _english_whole(self) -> NumbersFile:
        if self.en.doses is None or self.en.readings is None:
            raise ValueError("en needs both doses and readings (other languages add to it)")
        return self


@cache
def number_words(path: Path = NUMBERS_FILE) -> NumbersFile:
    """The number words of every language; raises KnowledgeError when the file is invalid."""
    return load_data_file(path, NumbersFile, f"safety/{path.name}")


def english_readings(path: Path = NUMBERS_FILE) -> ReadingWords:
    """The words of a bare low reading (English; every language's reading reads them)."""
    readings = number_words(path).en.readings
    assert readings is not None  # checked on load
    return readings


def dose_words(language: Language, path: Path = NUMBERS_FILE) -> list[DoseWords]:
    """The dose words ``language`` reads a dose with: its own (Spanish reads English too)."""
    data = number_words(path)
    own = [data.en] if language == "en" else [data.en, getattr(data, language)]
    return [n.doses for n in own if n.doses is not None]


def alternatives(words: list[str]) -> str:
    """``words`` as one non-capturing group of alternatives."""
    return "(?:" + "|".join(words) + ")"


def spaced(words: list[str], before: str = "", after: str = "") -> str:
    """Optionally one of ``words``, each with a space on the side given ("(?: it| again)?")."""
    return "(?:" + "|".join(f"{before}{w}{after}" for w in words) + ")?"
