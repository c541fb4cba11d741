"""Which language a person wrote in, and the languages Islet speaks.

Islet's patient side speaks English (``en``) and Spanish (``es``). Interfaces take the language
from ``--lang``, ``ISLET_LANG``, ``?lang=`` or ``Accept-Language``; when none is given for a text a
person typed, :func:`guess_language` reads simple cues (Spanish-only letters and punctuation,
common Spanish and English words, ``knowledge/language/cues.yaml``) so that a question in
Spanish gets a Spanish answer.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
DEFAULT: Language = "en"


# Letters and marks English never uses.
SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóúü]")
# A Spanish gerund ("convulsionando", "viviendo"): no English word ends so, bar a few names.
SPANISH_GERUND = re.compile(r"[a-z]{3,}(?:ando|iendo|yendo)")


def parse_language(value: str | None) -> Language | None:
    """``es``, ``es-MX``, ``ES``... as a language Islet speaks; None when empty or not spoken."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    for language in LANGUAGES:
        if code == language:
            return language
    return None


def from_accept_language(header: str | None) -> Language | None:
    """The first language of an HTTP ``Accept-Language`` header that Islet speaks, by q-value."""
    if not header:
        return None
    ranked: list[tuple[float, int, Language]] = []
    for position, part in enumerate(header.split(",")):
        code, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        language = parse_language(code)
        if language is not None and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zñáéíóúü']+", text.lower())


def language_scores(text: str) -> tuple[int, int]:
    """How many Spanish and how many English cue words the text holds."""
    # Imported here: only a guess needs the word lists (and pydantic, which validates them).
    from islet.text import cues, plain

    words, lists = _words(text), cues()
    spanish = sum(
        1
        for w in words
        if w in lists.spanish or plain(w) in lists.spanish or SPANISH_GERUND.fullmatch(w)
    )
    english = sum(1 for w in words if w in lists.english)
    return spanish, english


def guess_language(text: str) -> Language | None:
    """``es`` or ``en`` when the cues are clear; None when they are not (too few, or a tie).

    A Spanish-only letter or mark (ñ, ¿, ¡, an accented vowel) counts as two Spanish words."""
    spanish, english = language_scores(text)
    if SPANISH_MARKS.search(text.lower()):
        spanish += 2
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return None


def language_of(text: str, default: Language = DEFAULT) -> Language:
    """The language to answer ``text`` in: the guess, or ``default`` when the cues are unclear."""
    return guess_language(text) or default
