"""Which language a person wrote in, and the languages Islet speaks.

Islet's patient side speaks English (``en``) and Spanish (``es``). Interfaces take the language
from ``--lang``, ``ISLET_LANG``, ``?lang=`` or ``Accept-Language``; when none is given for a text a
person typed, :func:`guess_language` reads simple cues (Spanish-only letters and punctuation,
common Spanish and English words) so that a question in Spanish gets a Spanish answer.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
DEFAULT: Language = "en"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Letters and marks English never uses, and words that are common in one language and rare in
# the other (short words shared by both, such as "no", "me", "a", are left out on purpose).
SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóúü]")
SPANISH_WORDS = _word_set(
    "que qué el los las del y mi mis es por para con una pero muy estoy esta está están tengo "
    "tiene tienen puedo puede quiero hace hay yo lo le les nos su sus son sin más mas cuando "
    "cuándo donde dónde porque cómo como cuál cual cuáles cuales cuánto cuanto ya también "
    "tambien ella ellos usted ustedes eso esto este ese sí siento duele dolor azúcar azucar "
    "desmayé desmaye desmayó desmayo pecho respirar sangre mamá mama papá papa esposo esposa "
    "hijo hija médico medico tumores cirugía cirugia operación operacion tratamiento "
    "tratamientos páncreas pancreas síntomas sintomas puedes debo hacer ser vivir morir "
    "morirme dejar pastillas medicina medicamento dosis"
)
ENGLISH_WORDS = _word_set(
    "the and is are was were my i i'm im to of it you your with what how can not have has had "
    "he she they we this that do does did be been on for should will would could about if "
    "when why which there their his her our just get got feel feeling pain sugar"
)


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


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def language_scores(text: str) -> tuple[int, int]:
    """How many Spanish and how many English cue words the text holds."""
    words = _words(text)
    spanish = sum(1 for w in words if w in SPANISH_WORDS or _plain(w) in SPANISH_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
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
