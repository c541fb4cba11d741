"""The low blood sugar reading in one sentence, as the triage reads it.

A number counts when :func:`islet.safety.readings.readings` finds it, or when the sentence is
only a number and the text is about sugar ("im alone. 2.8. had juice"), or when it carries a
glucose unit and the text names signs of low sugar ("2.9 mmol and sweaty"); never in a clause set
in the past, nor in a sentence that says it has resolved ("fine now after juice").
"""

from __future__ import annotations

import re
from functools import cache

from islet.safety.readings import (
    NOT_AFTER_WORDS,
    GlucoseReading,
    as_mg_dl,
    lone_number,
    readings,
)
from islet.safety.text import Sentence
from islet.safety.vocabulary import GlucoseWords

# a sentence that gives the sentence before it as a reading: "I know 31 is not compatible with
# clear thinking. That is what my meter shows." (English; the number is the last one before it)
SAID_BEFORE = re.compile(
    r"^(?:that is|that s|thats|this is|which is|it is) (?:what|the number|the reading)"
    r" (?:\w+ ){0,2}?((?:blood )?sugar|glucose|meter|glucometer|monitor|sensor|cgm|dexcom|libre)"
    r" (?:\w+ )?(?:shows|showed|says|said|reads|read|gave|gives)\b"
)
# what a number that is no reading has after it: the readings' own list, and a few more
NOT_A_READING = rf"(?:{NOT_AFTER_WORDS}|steps|miles?|km|degrees|pills?|tablets?|tabs?|doses?|of)"
NUMBER = re.compile(rf"(?<![\w.])\d{{1,3}}(?:\.\d)?(?![\w.])(?! {NOT_A_READING}(?![\w]))")


def told_before(parts: list[Sentence]) -> list[Sentence]:
    """``parts`` with a sentence that gives the one before as a reading ("That is what my
    meter shows") read as that reading: "meter shows 31"."""
    out = list(parts)
    for i in range(1, len(parts)):
        said = SAID_BEFORE.match(parts[i].text)
        numbers = NUMBER.findall(parts[i - 1].text)
        if said and numbers:
            text = f"{said.group(1)} shows {numbers[-1]}"
            out[i] = Sentence(text, (text,))
    return out


# a glucose unit written out: with signs of low sugar, the number is a reading without a sugar word
GLUCOSE_UNIT = re.compile(r"(?:mmol|mg ?/? ?dl|mg per dl)")
# a person "at", "down to" or simply "is" a number with a decimal point (mmol/L; an age has
# none: "she is 2.4 and will not answer", "my husband is 1.9 and not responding"), not a
# dose, a weight, a time or a distance ("she is at 3.5 weeks after the op")
PERSON_AT = re.compile(
    r"\b(?:i am|he is|she is|they are|we are|you are|(?:my|his|her|our|their) \w+ is) "
    r"(?:(?:at|down to|down at|only|just) )?"
    r"(\d{1,2}\.\d)"
    rf"(?![\w.])(?! (?:{NOT_A_READING}|seconds?|wks?)(?![\w]))"
)


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def low_reading(
    sentence: Sentence,
    glucose: GlucoseWords,
    cues: tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]],
    sugar_in_text: bool,
    low_context: bool,
) -> GlucoseReading | None:
    """The first low reading in the sentence that is not in the past (``cues[0]``) and not
    resolved (``cues[1]``). A whole number below 25 with no unit is high in mmol/L but very low
    in mg/dL: with signs of low sugar in the text it is read as low, and the reply says to check
    the unit."""
    past_cues, resolved = cues
    if _any(resolved, sentence.text):
        return None
    past = [clause for clause in sentence.clauses if _any(past_cues, clause)]
    found = readings(sentence.text, glucose, sugar_in_text)
    if not found and (sugar_in_text or low_context):  # "im alone. 2.8. had juice"
        found = lone_number(sentence.text, glucose)
    if not found and low_context:  # "2.9 mmol and sweaty"
        found = [r for r in readings(sentence.text, glucose, True) if GLUCOSE_UNIT.search(r.words)]
    if not found and low_context:  # "he is at 2.8 and sweating": a person "at" a decimal
        at = PERSON_AT.search(sentence.text)
        found = lone_number(at.group(1), glucose) if at and not _other(sentence, glucose) else []
    if not found and low_context and not _other(sentence, glucose):  # "41 and shaky"
        found = _bare_number(sentence.text, glucose)
    if not found and sugar_in_text and not _other(sentence, glucose):
        # "just checked 3.1"; "diabética, me dio 40"
        found = _bare_number(sentence.text, glucose, checked_only=True) or _told_bare(
            sentence.text, glucose
        )
    told_then = _any(past_cues, sentence.text)
    if (
        not found
        and (sugar_in_text or low_context)
        and not told_then
        and not _other(sentence, glucose)
    ):
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


# a number said low in the same breath, with no sugar word: "is 38 low", "40 and dropping"; or
# a clause that is only a number next to one that says low ("hypo, 40, can not swallow")
SAID_LOW = re.compile(
    rf"({NUMBER.pattern}) (?:and |is |so |too |very |pretty |that s |thats |feels )?"
    r"(?:low|hypo|dropping|crashing)\b"
)
# ... or just after it: "hypo 2.5", "low 45", "going low at 50"
LOW_THEN = re.compile(
    rf"\b(?:low|hypo|hypoing|crashing|dropping)(?: at| of| to| again| now)? ({NUMBER.pattern})"
)
LOW_WORD = re.compile(r"\b(?:low|hypo\w*|crash\w*|dropping)\b")
# ... told as past ("had a hypo last week, 3.4"): no reading now
TOLD_DONE = re.compile(r"\b(?:had|was|were|got|went|did)\b")


# a person's age, just before the number ("i am 38 and feeling low")
AGE_BEFORE = re.compile(
    r"(?:i am|i m|im|he is|she is|we are|they are|turned|turning|aged?|age of)$"
)


def _said_low(sentence: Sentence, glucose: GlucoseWords) -> list[GlucoseReading]:
    """The readings of a sentence that names no other measure: a number with "low" or "hypo"
    beside it, or a clause that is only a number next to "low" or after a check ("checked
    him, 36") (the caller checks that the text is about sugar or low-sugar signs); never a
    number told as an age."""
    found: list[GlucoseReading] = []
    clauses = sentence.clauses
    for i, clause in enumerate(clauses):
        said = SAID_LOW.search(clause) or LOW_THEN.search(clause)
        if said is None:
            beside = " ".join(clauses[max(0, i - 1) : i] + clauses[i + 1 : i + 2])
            low = LOW_WORD.search(beside) and not TOLD_DONE.search(beside)
            checked = i > 0 and CHECKED.match(clauses[i - 1])  # "checked him, 36, sweating"
            found += lone_number(clause, glucose) if low or checked else []
        elif not AGE_BEFORE.search(clause[: said.start(1)].rstrip()):
            found += lone_number(said.group(1), glucose)
    return found


def _other(sentence: Sentence, glucose: GlucoseWords) -> bool:
    """Whether the sentence names another measure ("she is at 3.2 on her a1c")."""
    other = [w for w in glucose.not_glucose if w.split()[0] not in {"i", "he", "she"}]
    return bool(re.search(rf"\b(?:{'|'.join(other)})\b", sentence.text))


# a bare number told as where one is now, with signs of low sugar in the text and no sugar word:
# at the start of a sentence ("41 and shaky", "just checked 3.1"), or a person "at" or "down to"
# it ("im at 38 now"); a decimal below 10 or a whole number from 20 to 99, never followed by a
# word that makes it a count, an age, a weight, a dose, a time or a price ("2 kids", "45 kg")
BARE = re.compile(
    r"^(?:(?:ok|okay|so|just|now|um|uh|omg|ugh|help) )*"
    r"(?:(?:re)?(?:checked|tested)(?: it| again| myself| him| her| just now)?(?: and)?"
    r"(?: it is| its| got| get| it says| says)? |(?:at|down to|only) )?"
    rf"((?:\d\.\d|[2-9]\d))(?![\w.])(?! ?(?:{NOT_A_READING}|f|m|yo|y o|female|male|years?)\b)"
    r"(?= ?$| (?:and|now|right now|again|lol|so|but|then|is|i|my|what|help|please|still|"
    r"feel\w*|mg|mmol|can|could)\b)"
)
# a check told with the number it gave ("just checked 3.1", "tested and got 38"): in a text about
# sugar, a reading without a sugar word
CHECKED = re.compile(
    r"^(?:(?:ok|okay|so|just|now|um|uh|omg|ugh|help) )*(?:re)?(?:checked|tested)\b"
)
PERSON_DOWN = re.compile(
    r"\b(?:i am|he is|she is|they are|we are|you are) (?:at|down to|down at) ([2-9]\d)(?![\w.])"
    r"(?= ?$| (?:and|now|right now|again|already|so|but|then|is|what|help|please)\b)"
)


# "at 45" opening a clause that tells what happened to someone then is an age: "at 45 i was
# diagnosed", "at 39 she had her whipple" (a reading "at 38" goes on with how one is now)
AGE_AT = re.compile(
    r"^(?:(?:ok|okay|so|um|uh|well) )*at [2-9]\d (?:(?:i|he|she|we|they|my \w+) )"
    r"(?:was|were|had|got|went|did|became|began|started|found|learned|moved|lost|\w+ed)\b"
)


def _bare_number(
    text: str, glucose: GlucoseWords, checked_only: bool = False
) -> list[GlucoseReading]:
    """The bare number of ``BARE`` or ``PERSON_DOWN``, or of a language's own ``bare_readings``,
    as a reading (the caller checks that the text names signs of low sugar and the sentence no
    other measure); never an age told as when something happened ("at 45 i was diagnosed")."""
    if AGE_AT.match(text):
        return []
    match = BARE.match(text) or PERSON_DOWN.search(text)
    if checked_only and (match is None or not CHECKED.match(text)):
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
    after = re.compile(rf"^ ?(?:{'|'.join([NOT_A_READING, *not_after])})(?![\w])")
    age = re.compile(rf"(?<![\w'])(?:{'|'.join(ages)})$") if ages else None
    return tuple(re.compile(f) for f in forms), after, age


@cache
def low_signs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A language's own signs beside which a bare number is read as a low sugar (``low_signs``)."""
    return re.compile("|".join(patterns)) if patterns else None
