"""A dose taken above the one prescribed ("the doctor said 5 mg but I took 50 mg").

The dose a clinician or a label set is told first, the dose taken after it (or the dose taken
first, then the one set "instead": "me tomé 25 mg en vez de 2.5 mg"); when the one taken is more
than the one set, it is a possible overdose, and the medication reply leads with Poison Control
(which takes calls about any amount of a medicine taken by mistake). No ratio is drawn: how much
more is harmful depends on the medicine, and no source Islet cites gives one. A lower or equal
dose taken stays the ordinary medicine reply. The words are data, per language
(``knowledge/safety/numbers.yaml``, see :mod:`islet.safety.numberwords`).
"""

from __future__ import annotations

import re
from functools import cache

from islet.language import Language
from islet.safety.numberwords import DoseWords, alternatives, dose_words, spaced

_NUMBER = r"(\d+(?:\.\d+)?)"


def _dose(words: DoseWords) -> str:
    """A number and its unit, never a time nor a count of days ("2 weeks")."""
    not_time = r"(?! ?" + alternatives(words.not_doses) + r"\b)"
    unit = r"(?: ?" + alternatives(words.units) + ")?"
    return _NUMBER + not_time + unit + r"\b"


def _fillers(words: DoseWords) -> str:
    """Words that may follow a word of the dose set ("said to take", "en vez de tomar")."""
    return r"(?: " + alternatives(words.set_fillers) + ")*" if words.set_fillers else ""


def _set(words: DoseWords) -> str:
    """The dose set: "doc said", "prescribed", "supposed to take", "told to give him"."""
    return alternatives(words.set) + _fillers(words) + " "


def _taken(words: DoseWords) -> str:
    """The verb of the dose taken, with what may stand around it ("accidentally gave him about")."""
    objects = r"(?: " + alternatives(words.taken_objects) + ")?" if words.taken_objects else ""
    taken = alternatives(words.taken) + objects + " "
    return spaced(words.taken_adverbs, after=" ") + taken + spaced(words.taken_hedges, after=" ")


@cache
def dose_patterns(language: Language) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """``language``'s patterns of a dose set and one taken, each with whether the one taken
    comes first (group 1 is then the dose taken, group 2 the one set)."""
    out: list[tuple[re.Pattern[str], bool]] = []
    for words in dose_words(language):
        gap = r"(?: [\w,]+){0," + str(words.gap) + "}? "
        out.append(
            (re.compile(_set(words) + _dose(words) + gap + _taken(words) + _dose(words)), False)
        )
        if words.instead:
            instead = alternatives(words.instead) + _fillers(words) + " "
            first = _taken(words) + _dose(words) + gap + instead + _dose(words)
            out.append((re.compile(first), True))
    return tuple(out)


def _told_and_taken(sentence: str, language: Language) -> list[tuple[float, float, str]]:
    """Each dose set and dose taken the sentence tells, with their words."""
    out: list[tuple[float, float, str]] = []
    for pattern, taken_first in dose_patterns(language):
        for match in pattern.finditer(sentence):
            told, taken = float(match.group(1)), float(match.group(2))
            if taken_first:
                told, taken = taken, told
            out.append((told, taken, match.group(0)))
    return out


def far_above(sentence: str, language: Language = "en") -> str | None:
    """The words telling a dose taken above the one set, or ``None``."""
    for told, taken, words in _told_and_taken(sentence, language):
        if told > 0 and taken > told:
            return words
    return None


def not_above(sentence: str, language: Language = "en") -> bool:
    """Whether the sentence tells a dose taken and the one set, and none taken above it ("took 2
    tablets instead of 4"): no overdose, whatever a count of pills alone would suggest."""
    read = _told_and_taken(sentence, language)
    return bool(read) and all(taken <= told for told, taken, _ in read)
