"""Blood sugar numbers in people's words: "my sugar is 38", "meter says 2.4", "in the 40s".

A number counts as a reading when it follows a glucose word closely ("sugar", "meter",
"dexcom"...) or carries a glucose unit (mg/dL, mmol/L). Without a unit, a number with a decimal
point or below the vocabulary's ``mmol_if_below`` is read as mmol/L, anything else as mg/dL.
Low is below ``low_mg_dl`` (70 mg/dL, 3.9 mmol/L); serious below ``serious_mg_dl`` (54, 3.0).
A low number is always low: a nearby "high" never changes how a number is read.
A number is no reading when it is someone's age ("mi hijo de 45") or belongs to another measure
named just before the reading word ("el potasio me salio en 3.2", "el ki 67 marca 15").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from islet.model import Strict
from islet.safety.vocabulary import GlucoseWords

MMOL_TO_MG_DL = 18.0
NUMBER = r"(\d+(?:\.\d+)?)(s)?"  # "40", "2.4", "40s" ("in the 40s")
# "mg" alone is how many people shorten mg/dL after a sugar word ("sugar 44mg", "azúcar en 40 mg");
# "50 mg of ..." / "de ..." is a dose, and a number with "mg" and no sugar word is never a reading
UNIT = (
    r"(?: ?(mg/dl|mg dl|mgdl|mg per dl|mmol/l|mmol l|mmol|mmols|mg(?![\w/])(?! (?:of|de|del)\b)))?"
)
NOT_AFTER_WORDS = (
    r"am|pm|a\.m|p\.m|hours?|hrs?|h|minutes?|mins?|seconds?|days?|weeks?|months?|years?|"
    r"yrs?|times|x|%|percent|kg|kgs|lbs?|pounds|cm|mm|o'clock|oclock|units?|mg(?!/| ?dl| per)|"
    r"mcg|ml|grams?|g|hour|year|day|week|month"
)
NOT_A_READING_AFTER = re.compile(rf"^ ?(?:{NOT_AFTER_WORDS})(?![\w])")


THRESHOLD_WORDS = r"under|below|less than|lower than|above|over|greater than|<|>"
THRESHOLD = re.compile(rf"(?:{THRESHOLD_WORDS}) $")


class GlucoseReading(Strict):
    """A blood sugar number found in the text, in its unit and in mg/dL."""

    value: float
    unit: Literal["mg/dL", "mmol/L"]
    mg_dl: float
    low: Literal["serious-low", "low"] | None  # None: not low
    words: str  # the words of the text that hold the number
    # a whole number below ``mmol_if_below`` with no unit: high in mmol/L, very low in mg/dL
    unit_unclear: bool = False

    @property
    def shown(self) -> str:
        """The number with its unit, or alone when the unit is unclear."""
        number = f"{self.value:g}"
        return number if self.unit_unclear else f"{number} {self.unit}"


@dataclass(frozen=True)
class _Patterns:
    after_word: re.Pattern[str]  # "sugar was 38", "meter says 2.4"
    before_word: re.Pattern[str]  # "39 on the cgm"
    with_unit: re.Pattern[str]  # "38 mg/dl"
    not_glucose: re.Pattern[str]
    not_after: re.Pattern[str]  # "40 years": not a reading
    threshold: re.Pattern[str]  # "under 40": a limit, not a reading
    number_first: re.Pattern[str] | None  # "40 de azucar"
    age: re.Pattern[str] | None  # "mi hijo de 45": an age, not a reading
    measure: re.Pattern[str] | None  # "el potasio": another measure named before a reading word
    sugar: re.Pattern[str]  # a word that names blood sugar ("azucar", "glucose")
    onset: re.Pattern[str] | None  # "diabetes ... at": an illness before "at", so an age follows


@cache
def _patterns(
    words: tuple[str, ...],
    gap: int,
    not_glucose: tuple[str, ...],
    extra: tuple[tuple[str, ...], ...] = ((), (), (), (), (), ()),
    gap_stops: tuple[str, ...] = (),
    onsets: tuple[str, ...] = (),
) -> _Patterns:
    alternation = "|".join(words)
    not_after, thresholds, number_before, ages, sugar, measures = extra
    # a stop word ends the gap, unless the number follows it ("sugar was fine at 55" is a reading)
    stop = rf"(?!(?:{'|'.join(gap_stops)})(?![\w'])(?! (?:at|around|about) ))" if gap_stops else ""
    return _Patterns(
        after_word=re.compile(
            rf"(?<![\w'])(?:{alternation})(?:s)?((?: {stop}[a-z']+){{0,{gap}}}?) (?:in the |the )?"
            rf"{NUMBER}{UNIT}(?![\w.])"
        ),
        before_word=re.compile(
            rf"(?<![\w.]){NUMBER}{UNIT} (?:on|from|per) (?:(?:the|my|his|her|their|\w+s) )?"
            rf"(?:\w+ )?(?:{alternation})"
        ),
        with_unit=re.compile(
            rf"(?<![\w.]){NUMBER} ?(mg/dl|mg dl|mgdl|mg per dl|mmol/l|mmol)(?![\w])"
        ),
        not_glucose=re.compile(rf"(?<![\w'])(?:{'|'.join(not_glucose)})(?![\w'])"),
        not_after=re.compile(rf"^ ?(?:{'|'.join([NOT_AFTER_WORDS, *not_after])})(?![\w])")
        if not_after
        else NOT_A_READING_AFTER,
        threshold=re.compile(rf"(?:{'|'.join([THRESHOLD_WORDS, *thresholds])}) $")
        if thresholds
        else THRESHOLD,
        number_first=re.compile(rf"(?<![\w.]){NUMBER}{UNIT} (?:{'|'.join(number_before)})(?![\w])")
        if number_before
        else None,
        age=re.compile(rf"(?<![\w'])(?:{'|'.join(ages)})$") if ages else None,
        sugar=re.compile("|".join(re.escape(w) for w in sugar)),
        measure=re.compile(rf"(?<![\w'])(?:{'|'.join(measures)})(?![\w'])") if measures else None,
        onset=re.compile(rf"(?<![\w'])(?:{'|'.join(onsets)})(?![\w']).* at$") if onsets else None,
    )


def readings(text: str, vocabulary: GlucoseWords, sugar_in_text: bool) -> list[GlucoseReading]:
    """Every blood sugar reading in one normalised sentence or clause.

    Weak words ("reading", "dropped", "level") count only when the whole text names sugar; a
    stretch that names another measure (temperature, blood pressure, potassium...) is skipped.
    """
    weak = set(vocabulary.weak_words)
    words = tuple(
        w for w in (*vocabulary.words, *vocabulary.weak_words) if sugar_in_text or w not in weak
    )
    extra = (
        tuple(vocabulary.not_a_reading_after),
        tuple(vocabulary.thresholds),
        tuple(vocabulary.number_before),
        tuple(vocabulary.ages_before),
        tuple(vocabulary.sugar_context),
        tuple(vocabulary.measures_before),
    )
    patterns = _patterns(
        tuple(dict.fromkeys(words)),
        vocabulary.gap,
        tuple(vocabulary.not_glucose) + tuple(vocabulary.dose_labels),
        extra,
        tuple(vocabulary.gap_stops),
        tuple(vocabulary.onsets),
    )
    found: dict[int, GlucoseReading] = {}
    for match in patterns.after_word.finditer(text):
        if _names_another(patterns, text, match, weak) or _threshold(
            patterns, text, match.start(2)
        ):
            continue
        if match.group(4) is None and patterns.not_after.match(text[match.end() :]):
            continue
        if _age(patterns, text, match.start(2)) or _other_measure(patterns, text, match):
            continue
        if match.group(4) == "mg" and _dose_before(vocabulary, text[: match.start(2)]):
            continue
        if patterns.onset is not None and patterns.onset.search(match.group(1)):
            continue  # "then diabetes out of nowhere at 58": an age, not a level
        found[match.start(2)] = _reading(match.group(2), match.group(4), match.group(0), vocabulary)
    for match in patterns.before_word.finditer(text):
        found.setdefault(
            match.start(1), _reading(match.group(1), match.group(3), match.group(0), vocabulary)
        )
    for match in patterns.number_first.finditer(text) if patterns.number_first else ():
        if not _threshold(patterns, text, match.start(1)):
            found.setdefault(
                match.start(1),
                _reading(match.group(1), match.group(3), match.group(0), vocabulary),
            )
    if sugar_in_text:
        for match in patterns.with_unit.finditer(text):
            if _threshold(patterns, text, match.start(1)) or _other_measure(patterns, text, match):
                continue
            found.setdefault(
                match.start(1), _reading(match.group(1), match.group(3), match.group(0), vocabulary)
            )
    return [found[k] for k in sorted(found)]


LONE = re.compile(rf"^{NUMBER}{UNIT}$")


def lone_number(text: str, vocabulary: GlucoseWords) -> list[GlucoseReading]:
    """A sentence that is only a number ("2.8", "36 mg/dl"): a reading when the rest of the text
    is about blood sugar (the caller decides that)."""
    match = LONE.match(text.strip(" .!?"))
    if match is None or match.group(2):  # "40s" alone is no reading
        return []
    return [_reading(match.group(1), match.group(3), match.group(0), vocabulary)]


# how far before a reading word a named other measure still owns its number ("el potasio me
# salio en 3.2", "el ki 67 marca 15"), and how far after it a sugar word takes it back ("me salio
# 45 el sugar")
MEASURE_BEFORE = 4
SUGAR_AFTER = 2


def _other_measure(patterns: _Patterns, text: str, match: re.Match[str]) -> bool:
    """Whether another measure named just before the match owns its number, which no sugar
    word in the match or just after it claims."""
    before = " ".join(text[: match.start()].split()[-MEASURE_BEFORE:])
    after = " ".join(text[match.end() :].split()[:SUGAR_AFTER])
    if patterns.measure is None or not patterns.measure.search(before):
        return False
    return not patterns.sugar.search(match.group(0)) and not patterns.sugar.search(after)


def _names_another(patterns: _Patterns, text: str, match: re.Match[str], weak: set[str]) -> bool:
    """Whether the match names another measure: in its own words ("temp 38"), or, when it opens
    with a reading word that alone is not about sugar, or with a word for what a device tells
    that names no sugar, with the word before it ("insulin level 45", "pain level 3": the level
    of what that word names; "the scale says 58": what the scale tells)."""
    if patterns.not_glucose.search(match.group(0)):
        return True
    opening = match.group(0).split(" ", 1)[0]
    before = text[: match.start()].split()[-1:]
    return (
        (opening in weak or not patterns.sugar.search(match.group(0)))
        and bool(before)
        and patterns.not_glucose.search(f"{before[0]} {match.group(0)}") is not None
    )


def _dose_before(vocabulary: GlucoseWords, before: str) -> bool:
    """Whether a medicine is named before a number in plain "mg": then it is a dose."""
    pattern = _dose_words(tuple(vocabulary.dose_words))
    return pattern is not None and pattern.search(before) is not None


@cache
def _dose_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf"(?<![\w'])(?:{'|'.join(words)})(?![\w'])") if words else None


def _age(patterns: _Patterns, text: str, start: int) -> bool:
    """Whether the number at ``start`` is someone's age ("mi hijo de 45"), unless sugar is named
    right after it ("mi hijo tiene 45 de azucar")."""
    if patterns.age is None or not patterns.age.search(text[:start]):
        return False
    return not (patterns.number_first and patterns.number_first.match(text, start))


def _threshold(patterns: _Patterns, text: str, start: int) -> bool:
    """Whether the number at ``start`` is a limit ("under 40 mg/dL"), not a reading."""
    return bool(patterns.threshold.search(text[:start]))


def _reading(number: str, unit: str | None, words: str, vocabulary: GlucoseWords) -> GlucoseReading:
    value = float(number)
    mmol = unit.startswith("mmol") if unit else ("." in number or value < vocabulary.mmol_if_below)
    mg_dl = value * MMOL_TO_MG_DL if mmol else value
    low: Literal["serious-low", "low"] | None = None
    if mg_dl < vocabulary.serious_mg_dl:
        low = "serious-low"
    elif mg_dl < vocabulary.low_mg_dl:
        low = "low"
    unclear = not unit and "." not in number and value < vocabulary.mmol_if_below
    return GlucoseReading(
        value=value,
        unit="mmol/L" if mmol else "mg/dL",
        mg_dl=round(mg_dl, 1),
        low=low,
        words=words,
        unit_unclear=unclear,
    )


def as_mg_dl(reading: GlucoseReading, vocabulary: GlucoseWords) -> GlucoseReading:
    """An unclear whole number read the other way, as mg/dL ("my sugar is 22")."""
    low: Literal["serious-low", "low"] | None = None
    if reading.value < vocabulary.serious_mg_dl:
        low = "serious-low"
    elif reading.value < vocabulary.low_mg_dl:
        low = "low"
    return reading.model_copy(
        update={"unit": "mg/dL", "mg_dl": reading.value, "low": low, "unit_unclear": True}
    )
