"""The word tables of the Spanish word readers (issue 17), read and validated once.

``knowledge/es/ask/cognates.yaml`` holds the endings and learned beginnings
:mod:`islet.ask.spanish_cognates` reads a Spanish word's English cognate with;
``knowledge/es/ask/word-forms.yaml`` the verb endings, pronouns, diminutives and superlatives
:mod:`islet.ask.spanish_verbs` reads a written form as its plain word with. Both readers see
folded words (lower case, no accents), so every Spanish entry must be folded; an ending must
come before every shorter ending it ends with (the readers try them in order, and a shorter
one first would hide it). A malformed table is a KnowledgeError naming the file, for the
reader and for ``islet check`` alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, Field, StrictStr, field_validator

from islet.kb import load_data_file
from islet.model import Strict
from islet.translations import SPANISH_DIR

COGNATES = SPANISH_DIR / "ask" / "cognates.yaml"
WORD_FORMS = SPANISH_DIR / "ask" / "word-forms.yaml"
FOLDED = re.compile(r"[a-z]*")


def _folded(text: str) -> str:
    if not FOLDED.fullmatch(text):
        raise ValueError(f"'{text}' is not folded: lower-case letters, no accents")
    return text


def _word(text: str) -> str:
    if not text:
        raise ValueError("an ending or a word is never empty")
    return _folded(text)


Letters = Annotated[StrictStr, AfterValidator(_word)]  # folded, never empty
Tail = Annotated[StrictStr, AfterValidator(_folded)]  # what a plain word ends with: may be ""
Infinitive = Literal["ar", "er", "ir"]


def _one_each(choices: list[str]) -> list[str]:
    """``choices`` when none is given twice."""
    twice = sorted({c for c in choices if choices.count(c) > 1})
    if twice:
        raise ValueError(f"given twice: {', '.join(twice)}")
    return choices


def _in_order(keys: Iterable[str], hides: Callable[[str, str], bool], what: str) -> None:
    """Refuses a key that one listed before it would always hide from the reader."""
    seen: list[str] = []
    for key in keys:
        for earlier in seen:
            if hides(key, earlier):
                raise ValueError(f"'{key}' must come before '{earlier}', {what}")
        seen.append(key)


def _checked_endings(endings: dict[str, list[str]]) -> dict[str, list[str]]:
    """``endings`` when each comes before the shorter endings it ends with and lists each of its
    forms once."""
    _endings_in_order(endings)
    for forms in endings.values():
        _one_each(forms)
    return endings


def _endings_in_order(keys: Iterable[str]) -> None:
    _in_order(keys, str.endswith, "the shorter ending it ends with")


# A list of alternatives: at least one, none twice.
Cognates = Annotated[list[Letters], Field(min_length=1)]
Tails = Annotated[list[Tail], Field(min_length=1)]
Infinitives = Annotated[list[Infinitive], Field(min_length=1)]


class CognateTable(Strict):
    """Spanish endings -> English endings, learned beginnings, letters spelt otherwise."""

    endings: dict[Letters, Cognates] = Field(min_length=1)
    beginnings: dict[Letters, Letters]
    letters: dict[Letters, Letters]

    @field_validator("endings")
    @classmethod
    def _endings(cls, endings: dict[str, list[str]]) -> dict[str, list[str]]:
        return _checked_endings(endings)

    @field_validator("beginnings")
    @classmethod
    def _beginnings(cls, beginnings: dict[str, str]) -> dict[str, str]:
        _in_order(beginnings, str.startswith, "the shorter beginning it begins with")
        return beginnings


class WordForms(Strict):
    """Verb endings and their infinitives, object pronouns, the shortest infinitives, stem vowel
    changes, diminutive and superlative endings and the stem respellings before them."""

    verb_endings: dict[Letters, Infinitives] = Field(min_length=1)
    clitics: list[Letters] = Field(min_length=1)
    short_infinitives: list[Letters]
    stem_changes: dict[Letters, Letters]
    diminutives: dict[Letters, Tails] = Field(min_length=1)
    respellings: dict[Letters, Letters]
    superlatives: dict[Letters, Tails] = Field(min_length=1)

    @field_validator("verb_endings", "diminutives", "superlatives")
    @classmethod
    def _endings(cls, endings: dict[str, list[str]]) -> dict[str, list[str]]:
        return _checked_endings(endings)

    @field_validator("clitics", "short_infinitives")
    @classmethod
    def _clitics(cls, clitics: list[str]) -> list[str]:
        return _one_each(clitics)


M = TypeVar("M", CognateTable, WordForms)


def read_table(path: Path, model: type[M]) -> M:
    """The table in ``path``; KnowledgeError naming the file when it cannot be read or is
    malformed."""
    return load_data_file(path, model, f"es/ask/{path.name}")


def read_cognates(path: Path = COGNATES) -> CognateTable:
    """The cognate table in ``path`` (see :func:`read_table`)."""
    return read_table(path, CognateTable)


def read_word_forms(path: Path = WORD_FORMS) -> WordForms:
    """The word-form table in ``path`` (see :func:`read_table`)."""
    return read_table(path, WordForms)


@cache
def cognate_table() -> CognateTable:
    """The installed cognate table, read once."""
    return read_cognates()


@cache
def word_forms() -> WordForms:
    """The installed word-form table, read once."""
    return read_word_forms()
