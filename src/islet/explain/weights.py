"""Weight loss told as two numbers: "went from 84 to 75", "bajé de 70 a 61 kilos".

People often give the numbers rather than the words: a word of falling or of losing, then "from"
(or "de") one number "to" (or "a") a smaller one. Such a pair is weight loss unless its sentence
is about blood sugar as the safety triage reads it ("my dexcom went from 120 to 45": its
``sugar_context``), or names another measure (``WeightNumbers.other_measures``: "potassium").
The words are data (``knowledge/explain/symptom-matching.yaml``, ``weight_numbers``).
"""

from __future__ import annotations

import re
from functools import cache

from islet.model import Strict
from islet.text import fold

NUMBER = r"(\d+(?:[.,]\d+)?)"
GAP = 3  # words that may stand between the word of falling and "from" ("lost a lot, from")


class WeightNumbers(Strict):
    """The words around two numbers that tell weight lost, in English and Spanish."""

    falls: list[str]  # "lost", "dropped", "went", "bajé"
    starts: list[str]  # "from", "de"
    ends: list[str]  # "to", "down to", "a"
    units: list[str]  # "kg", "kilos", "lbs", "pounds", "stone"
    other_measures: list[str]  # "sugar", "glucose", "potassium", "pressure" ...


def _alternatives(values: tuple[str, ...]) -> str:
    return "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))


@cache
def _pattern(
    falls: tuple[str, ...], starts: tuple[str, ...], ends: tuple[str, ...], units: tuple[str, ...]
) -> re.Pattern[str]:
    unit = rf"(?:\s*(?:{_alternatives(units)})\b)?"
    return re.compile(
        rf"\b(?:{_alternatives(falls)})\b(?:\s+[a-z]+){{0,{GAP}}}?\s+"
        rf"(?:{_alternatives(starts)})\s+{NUMBER}{unit}\s+"
        rf"(?:{_alternatives(ends)})\s+{NUMBER}{unit}"
    )


def weight_lost(text: str, words: WeightNumbers, sugar: re.Pattern[str]) -> str | None:
    """The words telling a weight lost as two numbers, or None. ``sugar``: what tells the
    safety triage a text is about blood sugar; a sentence it finds holds no weight."""
    measures = re.compile(rf"\b(?:{_alternatives(tuple(words.other_measures))})\b")
    pattern = _pattern(*(tuple(w) for w in (words.falls, words.starts, words.ends, words.units)))
    for sentence in re.split(r"[.;!?\n]", fold(text)):
        if measures.search(sentence) or sugar.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            before, after = (float(n.replace(",", ".")) for n in match.groups())
            if after < before:
                return match.group(0)
    return None
