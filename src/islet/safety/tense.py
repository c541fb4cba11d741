"""When a crisis sign is said: now, or only in the past.

A wish to die or self-harm said now is a crisis whatever past event or medicine change is told
around it ("stopped octreotide last month, i dont want to live anymore"); a sign that is itself
in the past ("i wanted to die back then, not anymore") is not. :func:`sign_tense` reads the
words of the sign's own verb group; :func:`sentence_tense` reads a whole sentence, for what the
word model may say. The marker words are data: ``knowledge/safety/tense.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from islet.kb import load_data_file
from islet.language import Language
from islet.model import Strict
from islet.paths import knowledge_file
from islet.safety.vocabulary import _Patterns

TENSE_FILE = knowledge_file("safety", "tense.yaml")

Tense = Literal["now", "then"]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])")


class TenseWords(_Patterns):
    window: int = Field(ge=1, le=10)
    subjects: list[str]
    ongoing: list[str]
    then: list[str]
    now: list[str]
    returned: list[str] = Field(default_factory=list)
    # crisis signs said only in the past ("i wanted to die"), which count when ``returned``
    past_signs: list[str] = Field(default_factory=list)
    # a sign said to be back now ("the chest pain has come back and is worse"): in that
    # sentence, a sign told with a past cue is current
    sign_back: list[str] = Field(default_factory=list)

    @field_validator("ongoing", "then", "now", "returned", "past_signs", "sign_back")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return cls._check(value)


class TenseFile(Strict):
    en: TenseWords
    es: TenseWords


@dataclass(frozen=True)
class _Markers:
    window: int
    subjects: frozenset[str]
    ongoing: tuple[re.Pattern[str], ...]
    then: tuple[re.Pattern[str], ...]
    now: tuple[re.Pattern[str], ...]
    returned: tuple[re.Pattern[str], ...]
    past_signs: tuple[re.Pattern[str], ...]
    sign_back: tuple[re.Pattern[str], ...]


@cache
def markers(language: Language, path: Path = TENSE_FILE) -> _Markers:
    """The tense words of ``language``; raises KnowledgeError when the file is invalid."""
    data = load_data_file(path, TenseFile, f"safety/{path.name}")
    own = [data.en] if language == "en" else [data.en, data.es]  # Spanish reads English too

    def many(lists: list[list[str]]) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(p) for words in lists for p in words)

    return _Markers(
        window=max(w.window for w in own),
        subjects=frozenset(s for w in own for s in w.subjects),
        ongoing=many([w.ongoing for w in own]),
        then=many([w.then for w in own]),
        now=many([w.now for w in own]),
        returned=many([w.returned for w in own]),
        past_signs=many([w.past_signs for w in own]),
        sign_back=many([w.sign_back for w in own]),
    )


def _tense(words: str, m: _Markers) -> Tense | None:
    if any(p.search(words) for p in m.ongoing):
        return "now"
    if any(p.search(words) for p in m.then):
        return "then"
    if any(p.search(words) for p in m.now):
        return "now"
    return None


def sign_tense(clause: str, start: int, end: int, language: Language) -> Tense | None:
    """Whether the sign at ``clause[start:end]`` is said now or in the past, from its own verb
    group (back to its subject, a few words at most); None when its words do not say."""
    m = markers(language)
    before = clause[:start].split()[-m.window :]
    subject = max((i for i, w in enumerate(before) if w in m.subjects), default=0)
    return _tense(" ".join([*before[subject:], clause[start:end]]), m)


def sentence_tense(sentence: str, language: Language) -> Tense | None:
    """Whether a whole sentence speaks of now or only of the past: "then" only when it has a
    past form and no present one ("i wanted to die back then, not anymore")."""
    m = markers(language)
    if any(p.search(sentence) for p in (*m.ongoing, *m.now)):
        return "now"
    return "then" if any(p.search(sentence) for p in m.then) else None


def returned(sentences: list[str], language: Language) -> bool:
    """Whether the text says something has come back now ("it started again", "otra vez tengo
    esas ganas"): a crisis sign told in the past is then a crisis now."""
    m = markers(language)
    return any(p.search(s) for s in sentences for p in m.returned)


def sign_back(sentence: str, language: Language) -> bool:
    """Whether a sentence says a sign is back now ("the chest pain i had last week has come
    back and is worse", "el dolor de pecho volvio"): its signs told in the past are current."""
    return any(p.search(sentence) for p in markers(language).sign_back)


def come_back(sentences: list[str], language: Language) -> str | None:
    """The words of a crisis sign told only in the past ("i wanted to die last year") when the
    text says it has come back ("and now it is back"); None otherwise."""
    if not returned(sentences, language):
        return None
    m = markers(language)
    found = (p.search(s) for s in sentences for p in m.past_signs)
    return next((match.group(0) for match in found if match), None)


def crisis_counts(
    clause: str,
    match: re.Match[str],
    live: bool,
    past_in_sentence: bool,
    language: Language,
    back_now: bool = False,
) -> bool:
    """Whether a crisis sign found in ``clause`` counts: said now, always, whatever past event
    or medicine change is told around it; in a past form ("i wanted to"), only when nothing in
    its sentence sets it in the past; otherwise as its clause is (``live``: no past cue).
    ``back_now``: the text says it has come back (:func:`returned`), so a past sign counts."""
    tense = sign_tense(clause, match.start(), match.end(), language)
    if tense == "now" or back_now:
        return True
    if tense == "then":
        return live and not past_in_sentence
    return live
