"""The low blood sugar reading in one sentence, as the triage reads it.

A number counts when :func:`islet.safety.readings.readings` finds it, or when the sentence is
only a number and the text is about sugar ("im alone. 2.8. had juice"), or when it carries a
glucose unit and the text names signs of low sugar ("2.9 mmol and sweaty"); never in a clause set
in the past, nor in a sentence that says it has resolved ("fine now after juice").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from islet.safety.languages import Rules
from islet.safety.numberwords import NUMBERS_FILE, alternatives, english_readings, spaced
from islet.safety.readings import (
    NOT_AFTER_WORDS,
    GlucoseReading,
    as_mg_dl,
    lone_number,
    readings,
)
from islet.safety.scope import reports_now, set_against
from islet.safety.text import Sentence
from islet.safety.vocabulary import GlucoseWords


@dataclass(frozen=True)
class _Patterns:
    said_before: re.Pattern[str]
    not_a_reading: str
    number: re.Pattern[str]
    glucose_unit: re.Pattern[str]
    person_at: re.Pattern[str]
    person_is: re.Pattern[str]
    said_low: re.Pattern[str]
    low_then: re.Pattern[str]
    low_word: re.Pattern[str]
    told_done: re.Pattern[str]
    earlier: re.Pattern[str]
    age_before: re.Pattern[str]
    bare: re.Pattern[str]
    checked: re.Pattern[str]
    person_down: re.Pattern[str]
    age_at: re.Pattern[str]
    told_now: re.Pattern[str]


@cache
def reading_patterns(path: Path = NUMBERS_FILE) -> _Patterns:
    """The patterns of a bare low reading, built from the words of ``numbers.yaml``."""
    w = english_readings(path)
    said = w.said_before
    # a sentence that gives the sentence before it as a reading: "I know 31 is not compatible
    # with clear thinking. That is what my meter shows." (the number is the last one before it)
    said_before = (
        f"^{alternatives(said.openers)} {alternatives(said.what)}"
        rf" (?:\w+ ){{0,2}}?({'|'.join(said.sources)}) (?:\w+ )?{alternatives(said.verbs)}\b"
    )
    # what a number that is no reading has after it: the readings' own list, and a few more
    not_a_reading = alternatives([NOT_AFTER_WORDS, *w.not_a_reading])
    number = rf"(?<![\w.])\d{{1,3}}(?:\.\d)?(?![\w.])(?! {not_a_reading}(?![\w]))"
    # a person "at", "down to" or simply "is" a number with a decimal point (mmol/L; an age has
    # none: "she is 2.4 and will not answer"), not a dose, a weight, a time or a distance
    person_at = (
        rf"\b{alternatives([*w.persons, *w.person_owner])} "
        f"(?:{alternatives(w.person_at)} )?"
        r"(\d{1,2}\.\d)"
        rf"(?![\w.])(?! (?:{not_a_reading}|{'|'.join(w.not_after_decimal)})(?![\w]))"
    )
    # a number said low in the same breath ("is 38 low", "40 and dropping") or just after it
    said_low = rf"({number}) {spaced(w.said_low_joins, after=' ')}{alternatives(w.said_low)}\b"
    low_then = rf"\b{alternatives(w.low_then)}{spaced(w.low_then_joins, before=' ')} ({number})"
    openers = rf"^(?:{alternatives(w.openers)} )*"
    checks = f"(?:re)?{alternatives(w.checks)}"
    # a bare number told as where one is now (see _bare_number)
    bare = (
        openers
        + f"(?:{checks}{spaced(w.checked_what, before=' ')}(?: and)?"
        + f"{spaced(w.checked_gave, before=' ')} |{alternatives(w.bare_at)} )?"
        + r"((?:\d\.\d|[2-9]\d))(?![\w.])"
        + rf"(?! ?(?:{not_a_reading}|{'|'.join(w.bare_not_after)})\b)"
        + rf"(?= ?$| {alternatives(w.bare_followers)}\b)"
    )
    person_down = (
        rf"\b{alternatives(w.persons)} {alternatives(w.person_down)} ([2-9]\d)(?![\w.])"
        rf"(?= ?$| {alternatives(w.person_down_followers)}\b)"
    )
    age_at = (
        rf"^(?:{alternatives(w.age_at_openers)} )*{alternatives(w.age_at)} [2-9]\d "
        rf"(?:{alternatives(w.age_at_subjects)} ){alternatives(w.age_at_verbs)}\b"
    )
    return _Patterns(
        said_before=re.compile(said_before),
        not_a_reading=not_a_reading,
        number=re.compile(number),
        glucose_unit=re.compile(alternatives(w.glucose_units)),
        person_at=re.compile(person_at),
        person_is=re.compile(
            rf"\b{alternatives([*w.persons, *w.person_owner])} ([2-5]\d)(?![\w.]) and "
            rf"{alternatives(w.person_is_signs)}\b"
        ),
        said_low=re.compile(said_low),
        low_then=re.compile(low_then),
        low_word=re.compile(rf"\b{alternatives(w.low_words)}\b"),
        told_done=re.compile(rf"\b{alternatives(w.told_done)}\b"),
        # told done on a day before today, with nothing that says it is still so
        earlier=re.compile(
            rf"^(?!.*\b{alternatives(w.still_now)}\b)"
            rf"(?=.*\b{alternatives(w.told_done)}\b).*\b{alternatives(w.earlier_days)}\b"
        ),
        age_before=re.compile(f"{alternatives(w.age_before)}$"),
        bare=re.compile(bare),
        checked=re.compile(rf"{openers}{checks}\b"),
        person_down=re.compile(person_down),
        age_at=re.compile(age_at),
        # a clause told as now ("now it is 40", "right now its 38"): after a rise told in the
        # clause before it, the sugar has come down again
        # ... or one that dropped after it ("it was 70 and then dropped to 35")
        told_now=re.compile(
            rf"^(?:{alternatives(w.openers)} )?{alternatives([*w.still_now, *w.dropped_later])}\b"
        ),
    )


def told_before(parts: list[Sentence]) -> list[Sentence]:
    """``parts`` with a sentence that gives the one before as a reading ("That is what my
    meter shows") read as that reading: "meter shows 31"."""
    p = reading_patterns()
    out = list(parts)
    for i in range(1, len(parts)):
        said = p.said_before.match(parts[i].text)
        numbers = p.number.findall(parts[i - 1].text)
        if said and numbers:
            text = f"{said.group(1)} shows {numbers[-1]}"
            out[i] = Sentence(text, (text,))
    return out


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def low_reading(
    sentence: Sentence,
    glucose: GlucoseWords,
    cues: tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]],
    sugar_in_text: bool,
    low_context: bool,
    named_before: bool = False,
    lab_before: bool = False,
    *,
    contrasts: tuple[re.Pattern[str], ...],
    rules: Rules,
) -> GlucoseReading | None:
    """The first low reading in the sentence that is not in the past (``cues[0]``) and not
    resolved (``cues[1]``). A whole number below 25 with no unit is high in mmol/L but very low
    in mg/dL: with signs of low sugar in the text it is read as low, and the reply says to check
    the unit. ``named_before``: an earlier sentence of a text with no sugar word names another
    measure ("i have a fever. 38 and i feel awful"), which owns a bare number as the sentence's
    own would; ``lab_before``: one names a measure of ``measures_before`` ("potassium"), which
    owns a number with no sugar unit too; ``contrasts``: words ("but", "pero") after which a
    resolved cue no longer reaches, and ``rules`` the language's words that tell where a new
    statement starts (islet.safety.scope)."""
    p = reading_patterns()
    past_cues, resolved = cues
    other = named_before or other_measure(sentence, glucose)
    if p.earlier.search(sentence.text):
        return None  # "my sugar was 60 last week"
    if _any(resolved, sentence.text):
        # "fine now after juice": resolved, unless a clause after it is told as now ("it came up
        # to 110 after juice but now its 40", safetyscope16: "... fine now, but it is 45"): only
        # those clauses are read
        later = _after_resolved(sentence, resolved, glucose, contrasts, rules)
        if not later:
            return None
        sentence = Sentence(" ".join(later), later)
    past = [clause for clause in sentence.clauses if _any(past_cues, clause)]
    found = readings(sentence.text, glucose, sugar_in_text)
    if (lab_before or lab_named(sentence.text, glucose)) and not sugar_in_text and not low_context:
        # "is low potassium cramps? hers came out 3.2": with no word of sugar nor sign of a low,
        # the measure named owns a number given with no sugar unit (safetyfix14c)
        found = [r for r in found if p.glucose_unit.search(r.words)]
    if not found and (sugar_in_text or low_context):  # "im alone. 2.8. had juice"
        found = lone_number(sentence.text, glucose)
    if not found and low_context:  # "2.9 mmol and sweaty"
        found = [
            r for r in readings(sentence.text, glucose, True) if p.glucose_unit.search(r.words)
        ]
    if not found and low_context:  # "he is at 2.8 and sweating": a person "at" a decimal
        at = p.person_at.search(sentence.text)
        found = lone_number(at.group(1), glucose) if at and not other else []
    if not found and low_context and not other:  # "he is 40 and clammy"
        told = p.person_is.search(sentence.text)
        found = lone_number(told.group(1), glucose) if told else []
    if not found and low_context and not other:  # "41 and shaky"
        found = _bare_number(sentence.text, glucose)
    if not found and low_context and not other:
        # safetyfix14f: ... or in a later clause told as now, after a treatment and a rise
        # ("had juice, came up to 85, now it is 48 again")
        found = next((r for k in _told_now(sentence) if (r := _bare_number(k, glucose))), [])
    if not found and sugar_in_text and not other:
        # "just checked 3.1"; "diabética, me dio 40"
        found = _bare_number(sentence.text, glucose, checked_only=True) or _told_bare(
            sentence.text, glucose
        )
    told_then = _any(past_cues, sentence.text)
    if not found and (sugar_in_text or low_context) and not told_then and not other:
        found = _said_low(sentence, glucose)
    for reading in found:
        number = reading.words.split()[-1]
        if any(number in clause.split() for clause in past):
            continue
        if reading.low is None and reading.unit_unclear and low_context:
            reading = as_mg_dl(reading, glucose)
        if reading.low is not None:
            return reading
    return None


def _told_now(sentence: Sentence) -> list[str]:
    """The clauses after the first told as now, each without its words of now ("now it is 48
    again" -> "it is 48 again")."""
    p = reading_patterns()
    return [k[m.end() :].strip() for k in sentence.clauses[1:] if (m := p.told_now.match(k))]


def _after_resolved(
    sentence: Sentence,
    resolved: tuple[re.Pattern[str], ...],
    glucose: GlucoseWords,
    contrasts: tuple[re.Pattern[str], ...],
    rules: Rules,
) -> tuple[str, ...]:
    """The clauses after the last one that says the sugar resolved, when the first of them is
    told as now (in English, or the language's own ``told_now``), or as islet.safety.scope reads a
    report of now: told in the present ("..., la glucosa está en 40") or set against it by a
    contrast ("..., but it is 45"); none when no single clause says so or none comes after it."""
    p = reading_patterns()
    told = [i for i, clause in enumerate(sentence.clauses) if _any(resolved, clause)]
    later = sentence.clauses[told[-1] + 1 :] if told else ()
    own = [re.match(f"^(?:{w})", later[0]) for w in glucose.told_now] if later else []
    if later and (p.told_now.match(later[0]) or any(own)):
        return later
    if not later:
        return ()
    at = told[-1]
    now = reports_now(later[0], rules) or set_against(sentence, at, at + 1, contrasts, rules)
    return later if now else ()


def _said_low(sentence: Sentence, glucose: GlucoseWords) -> list[GlucoseReading]:
    """The readings of a sentence that names no other measure: a number with "low" or "hypo"
    beside it, or a clause that is only a number next to "low" or after a check ("checked
    him, 36") (the caller checks that the text is about sugar or low-sugar signs); never a
    number told as an age."""
    p = reading_patterns()
    found: list[GlucoseReading] = []
    clauses = sentence.clauses
    for i, clause in enumerate(clauses):
        said = p.said_low.search(clause) or p.low_then.search(clause)
        if said is None:
            beside = " ".join(clauses[max(0, i - 1) : i] + clauses[i + 1 : i + 2])
            low = p.low_word.search(beside) and not p.told_done.search(beside)
            checked = i > 0 and p.checked.match(clauses[i - 1])  # "checked him, 36, sweating"
            found += lone_number(clause, glucose) if low or checked else []
        elif not p.age_before.search(clause[: said.start(1)].rstrip()):
            found += lone_number(said.group(1), glucose)
    return found


def without_measure_lows(text: str, glucose: GlucoseWords) -> str:
    """``text`` without the "low" another measure takes ("el potasio bajo", "low potassium"),
    which is no sign of low sugar (safetyfix14c)."""
    other = "|".join(_measures(glucose))
    low = f"(?:{'|'.join(glucose.measure_low)})"
    return re.sub(rf"\b(?:(?:{other}) (?:\w+ )?{low}|{low} (?:{other}))\b", " ", text)


def lab_named(text: str, glucose: GlucoseWords) -> bool:
    """Whether ``text`` names a measure of ``measures_before`` ("el potasio"), never a pronoun."""
    return bool(re.search(rf"\b(?:{'|'.join(glucose.measures_before)})\b", text))


def other_measure(sentence: Sentence, glucose: GlucoseWords) -> bool:
    """Whether the sentence names another measure ("she is at 3.2 on her a1c")."""
    return bool(re.search(rf"\b(?:{'|'.join(_measures(glucose))})\b", sentence.text))


def _measures(glucose: GlucoseWords) -> list[str]:
    """The other measures of ``not_glucose``, never a person ("i am", "he is")."""
    return [w for w in glucose.not_glucose if w.split()[0] not in {"i", "he", "she"}]


def _bare_number(
    text: str, glucose: GlucoseWords, checked_only: bool = False
) -> list[GlucoseReading]:
    """The bare number of a ``bare`` or ``person_down`` pattern, or of a language's own
    ``bare_readings``, as a reading (the caller checks that the text names signs of low sugar
    and the sentence no other measure); never an age told as when something happened ("at 45 i
    was diagnosed")."""
    p = reading_patterns()
    if p.age_at.match(text):
        return []
    match = p.bare.match(text) or p.person_down.search(text)
    if checked_only and (match is None or not p.checked.match(text)):
        return []  # with no sign of a low, only a number a check just gave
    return lone_number(match.group(1), glucose) if match else _told_bare(text, glucose)


def _told_bare(text: str, glucose: GlucoseWords) -> list[GlucoseReading]:
    """The number of a ``bare_readings`` form ("40 y temblando", "mi mamá está en 35", "tiene
    2.9"): never one a word after it makes a count, an age, a weight, a dose, a time, a price
    or a temperature ("tengo 45 años"), nor a whole number told as someone's age ("mi hijo
    tiene 45")."""
    if not glucose.bare_readings:
        return []
    forms, after, age = _bare_forms(
        tuple(glucose.bare_readings), tuple(glucose.not_a_reading_after), tuple(glucose.ages_before)
    )
    for form in forms:
        for match in form.finditer(text):
            number = match.group(1)
            if after.match(text[match.end(1) :]):
                continue
            if "." not in number and age is not None and age.search(text[: match.start(1)]):
                continue
            return lone_number(number, glucose)
    return []


@cache
def _bare_forms(
    forms: tuple[str, ...], not_after: tuple[str, ...], ages: tuple[str, ...]
) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str] | None]:
    after = re.compile(
        rf"^ ?(?:{'|'.join([reading_patterns().not_a_reading, *not_after])})(?![\w])"
    )
    age = re.compile(rf"(?<![\w'])(?:{'|'.join(ages)})$") if ages else None
    return tuple(re.compile(f) for f in forms), after, age


@cache
def low_signs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A language's own signs beside which a bare number is read as a low sugar (``low_signs``)."""
    return re.compile("|".join(patterns)) if patterns else None
