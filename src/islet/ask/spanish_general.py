"""A general Spanish -> English dictionary as a fallback of the Spanish reading (issue 17).

``knowledge/es/ask/es-en-general.yaml`` lists everyday health and family words and phrases,
written without sight of the evaluation questions or of the reading table (its header says who
wrote it and how). The reading table is fitted to the writers it was tuned on; a new writer
uses phrases it does not list. Here the dictionary's entries fill the gaps of the table: an
entry is added only where the table (and the items' own Spanish names) has no entry for the
same words and does not list its single word as carrying no meaning, so the table always wins.

How much of it is used (``MODES``) was chosen by the leave-one-writer-out estimate of
scripts/spanish_ask_lowo.py and plain dev, never by the held-out split.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from islet.errors import KnowledgeError
from islet.text import SPANISH_TOKEN, fold
from islet.translations import SPANISH_DIR
from islet.yamlfiles import read_yaml

if TYPE_CHECKING:
    from islet.ask.spanish import Reader

PATH = SPANISH_DIR / "ask" / "es-en-general.yaml"
KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
# "gaps": the phrases with a word the table does not know (a phrase of words it all knows
# would override the table's own reading of them).
# "gaps, words last": the gaps, and the single words read only when nothing else reads a word
# (not the table, its plurals, verb forms, cognates or diminutives: Reader.last_words).
Mode = Literal["phrases", "words", "both", "gaps", "gaps and words", "gaps, words last"]
MODES: tuple[Mode, ...] = (
    "phrases",
    "words",
    "both",
    "gaps",
    "gaps and words",
    "gaps, words last",
)
USED: Mode | None = "gaps, words last"  # chosen on plain dev and leave-one-writer-out


class General(BaseModel):
    """The dictionary: single words and phrases of two words or more, each to its English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[str, str]
    phrases: dict[str, str]

    @field_validator("words", "phrases")
    @classmethod
    def _keys(cls, entries: dict[str, str]) -> dict[str, str]:
        for spanish, english in entries.items():
            if not KEY.fullmatch(spanish) or fold(spanish) != spanish:
                raise ValueError(f"'{spanish}': keys are lowercase words without accents")
            if not english.strip():
                raise ValueError(f"'{spanish}' needs English words")
        return entries

    def entries(self, mode: Mode) -> dict[tuple[str, ...], str]:
        """The entries ``mode`` uses, keyed as the reading table keys its phrases."""
        chosen: dict[str, str] = {}
        if mode in ("phrases", "both", "gaps", "gaps and words", "gaps, words last"):
            chosen |= self.phrases
        if mode in ("words", "both", "gaps and words"):
            chosen |= self.words
        return {tuple(SPANISH_TOKEN.findall(k)): v for k, v in chosen.items()}


def read_general(path: Path = PATH) -> General:
    """The dictionary; KnowledgeError when it is malformed (a key given twice is)."""
    where = f"es/ask/{path.name}"
    document = read_yaml(path, where)
    try:
        return General.model_validate(document)
    except ValueError as error:
        raise KnowledgeError([f"{where}: {error}"]) from error


@cache
def general() -> General:
    """The installed dictionary, read once."""
    return read_general()


def with_general(base: Reader, dictionary: General, mode: Mode | None = USED) -> Reader:
    """``base`` with the dictionary's entries (those of ``mode``) where ``base`` has none; with
    no mode, ``base`` unchanged."""
    if mode is None:
        return base
    phrases = dict(base.phrases)
    for key, english in dictionary.entries(mode).items():
        known = [(w,) in base.phrases or w in base.skip for w in key]
        if mode.startswith("gaps") and len(key) > 1 and all(known):
            continue
        if key and not (len(key) == 1 and key[0] in base.skip):
            phrases.setdefault(key, english)
    if mode != "gaps, words last":
        return replace(base, phrases=phrases)
    last = {
        key[0]: english
        for key, english in {
            tuple(SPANISH_TOKEN.findall(k)): v for k, v in dictionary.words.items()
        }.items()
        if len(key) == 1
        and key[0] not in base.skip
        and key not in phrases
        and fold(english) != key[0]  # a name the same in both ("vipoma") stays as typed
    }
    real = {k: v for k, v in dictionary.words.items() if " " not in k}
    return replace(base, phrases=phrases, last_words=last, real_words=real)
