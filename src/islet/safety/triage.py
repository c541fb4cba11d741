"""One safety triage for every place a person types in their own words.

:func:`triage` runs before Ask's retrieval and before the symptom explainer's matching. It sorts
the text into one level, highest first: ``emergency`` (signs that need emergency care now),
``crisis`` (thoughts of suicide or self-harm), ``medication`` (changing, skipping or dosing a
medicine; a possible overdose) or ``none``, and returns what to say, first, on every interface.

Negation and time are respected: "no chest pain", "I fainted once years ago" and "shaky but
fine now after juice" raise nothing. A question about a danger sign in general ("what are the
signs of low blood sugar?") is no emergency: it is answered, and ``danger_topic`` asks the
interface to show when to get urgent care beside the answer. Nothing is stored or logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import Field

from islet.model import Source, Strict
from islet.safety.readings import GlucoseReading, as_mg_dl, readings
from islet.safety.text import Sentence, sentences, word_set
from islet.safety.vocabulary import (
    LEVELS,
    Contact,
    Level,
    Signal,
    Vocabulary,
    compile_pattern,
    replies,
    vocabulary,
)

# Words just before a match that make it hypothetical ("can it make you pass out", "if he
# faints") or a report ("my husband passed out", "I keep fainting").
HYPOTHETICAL = word_set("can could will would might may should does do did to if whether")
PERSONAL = word_set(
    "i he she we they my his her our their mom mum dad husband wife son daughter mother father "
    "grandma grandpa grandmother grandfather brother sister partner friend patient boyfriend "
    "girlfriend aunt uncle keep keeps kept still"
)
GENERIC = word_set("someone somebody anyone anybody people person patients you one")
EVENT_WORD = re.compile(
    r"\b(?:\w+ed|had|was|were|went|fell|threw|lost|got|took|keeps?|is|are|am)\b"
)
LOW_SUGAR = "low-sugar-words"
# Signs that say an unclear number ("my sugar is 22") is a low one.
LOW_SIGNS = re.compile(r"\b(?:shak|sweat|clammy|trembl|confus|dizz|faint|hypo|low|drop|crash)")
# A match that starts with a negative word is about that negation ("nobody would notice"),
# so an earlier negation does not undo it.
# So does one that starts a question, which begins a new statement ("... does not work can i
# use the other one").
NEGATIVE_START = re.compile(
    r"(?:no|not|never|nobody|noone|none|nothing|neither|can i|could i|should i|is it|how|what)\b"
)


class Safety(Strict):
    """What the triage found, and what to say first."""

    level: Level
    message: str  # the words to lead with ("" for level none without a danger topic)
    actions: list[str]
    contacts: list[Contact]  # numbers to call or text (tel:/sms: links on the web)
    signs: list[str] = Field(default_factory=list)  # what was recognised, in plain words
    words: list[str] = Field(default_factory=list)  # the words of the text that raised it
    also: list[Level] = Field(default_factory=list)  # other levels that apply too
    reading: GlucoseReading | None = None  # a blood sugar number, when one was read
    danger_topic: bool = False  # a question about danger signs in general
    source: Source

    @property
    def urgent(self) -> bool:
        """Emergency or crisis: the reply leads with help, not with tumor passages."""
        return self.level in ("emergency", "crisis")


@dataclass(frozen=True)
class _Found:
    signal: Signal
    words: str


@dataclass(frozen=True)
class _Compiled:
    signals: tuple[tuple[Signal, tuple[re.Pattern[str], ...]], ...]
    groups: tuple[tuple[Signal, tuple[tuple[re.Pattern[str], ...], ...]], ...]
    negation: tuple[re.Pattern[str], ...]
    pseudo_negation: tuple[re.Pattern[str], ...]
    past: tuple[re.Pattern[str], ...]
    resolved: tuple[re.Pattern[str], ...]
    present: tuple[re.Pattern[str], ...]
    mild: tuple[re.Pattern[str], ...]
    informational: tuple[re.Pattern[str], ...]
    informational_crisis: tuple[re.Pattern[str], ...]
    figures: tuple[re.Pattern[str], ...]
    sugar_context: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    vocab = vocabulary()

    def many(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(p) for p in patterns)

    context = vocab.context
    return _Compiled(
        signals=tuple((s, many(s.patterns)) for s in vocab.signals if s.patterns),
        groups=tuple(
            (s, tuple(many(group) for group in s.all_of)) for s in vocab.signals if s.all_of
        ),
        negation=many([re.escape(n) for n in context.negation]),
        pseudo_negation=many([re.escape(n) for n in context.pseudo_negation]),
        past=many(context.past),
        resolved=many(context.resolved),
        present=many(context.present),
        mild=many(context.mild),
        informational=many(context.informational),
        informational_crisis=many(context.informational_crisis),
        figures=many(context.figures_of_speech),
        sugar_context=re.compile("|".join(re.escape(w) for w in vocab.glucose.sugar_context)),
    )


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _negated(clause: str, start: int, c: _Compiled, window: int) -> bool:
    before = clause[:start].split()[-window:]
    if "and" in before:  # "not eating and letting ...": the negation stays with its own verb
        before = before[len(before) - before[::-1].index("and") :]
    text = " ".join(before)
    for cue in c.negation:
        for hit in cue.finditer(text):
            rest = text[hit.start() :]
            if not any(p.match(rest) for p in c.pseudo_negation):
                return True
    return False


def _reported(clause: str, match: re.Match[str], signal: Signal) -> bool:
    """Whether the words report something happening ("he just brought up ..."), rather than
    ask about it in general ("can insulinoma cause seizures", "what if he passes out")."""
    before = clause[: match.start()].split()
    if any(w in HYPOTHETICAL for w in before):
        return False
    if any(w in PERSONAL for w in before):
        return True
    if any(w in GENERIC for w in before):
        return False
    return signal.event and bool(EVENT_WORD.search(match.group(0)))


def _scan(sentence: Sentence, c: _Compiled, vocab: Vocabulary) -> tuple[list[_Found], bool]:
    """The signals found in one sentence, and whether a danger sign was only asked about."""
    found: list[_Found] = []
    asked_about = False
    informational = _any(c.informational, sentence.text) and not _any(c.present, sentence.text)
    about_crisis = _any(c.informational_crisis, sentence.text)
    resolved = _any(c.resolved, sentence.text)
    live = [clause for clause in sentence.clauses if not _any(c.past, clause)]

    def usable(signal: Signal, pattern: re.Pattern[str]) -> str | None:
        """What ``pattern`` finds for ``signal`` in the sentence, unless context undoes it."""
        nonlocal asked_about
        for clause in live:
            match = pattern.search(clause)
            if match is None:
                continue
            figures = [m.span() for f in c.figures for m in f.finditer(clause)]
            if any(a <= match.start() < b or a < match.end() <= b for a, b in figures):
                continue
            if (
                signal.negatable
                and not NEGATIVE_START.match(match.group(0))
                and _negated(clause, match.start(), c, vocab.context.negation_window)
            ):
                continue
            if signal.resolvable and resolved:
                continue
            if signal.mild_excluded and _any(c.mild, clause):
                continue
            hypothetical = not _reported(clause, match, signal)
            if signal.level == "emergency" and informational and hypothetical:
                asked_about = True
                continue
            if signal.level == "crisis" and about_crisis and hypothetical:
                continue
            asked_about = asked_about or (signal.danger_topic and informational)
            return match.group(0)
        return None

    for signal, patterns in c.signals:
        words = next((w for p in patterns if (w := usable(signal, p)) is not None), None)
        if words is not None:
            found.append(_Found(signal, words))
    for signal, groups in c.groups:
        parts = [next((w for p in g if (w := usable(signal, p)) is not None), None) for g in groups]
        if all(part is not None for part in parts):
            found.append(_Found(signal, " … ".join(p for p in parts if p)))
    return found, asked_about


def _low_reading(
    sentence: Sentence, c: _Compiled, vocab: Vocabulary, sugar_in_text: bool, low_context: bool
) -> GlucoseReading | None:
    """The first low reading in the sentence that is not in the past and not resolved. A whole
    number below 25 with no unit is high in mmol/L but very low in mg/dL: with signs of low
    sugar in the text it is read as low, and the reply says to check the unit."""
    if _any(c.resolved, sentence.text):
        return None
    past = [clause for clause in sentence.clauses if _any(c.past, clause)]
    for reading in readings(sentence.text, vocab.glucose, sugar_in_text):
        number = reading.words.split()[-1]
        if any(number in clause.split() for clause in past):
            continue
        if reading.low is None and reading.unit_unclear and low_context:
            reading = as_mg_dl(reading, vocab.glucose)
        if reading.low is not None:
            return reading
    return None


def triage(text: str) -> Safety:
    """Sort what a person typed into emergency, crisis, medication or none, with the reply."""
    vocab = vocabulary()
    c = _compiled()
    parts = sentences(text, vocab.rewrites)
    sugar_in_text = any(c.sugar_context.search(s.text) for s in parts)
    found: list[_Found] = []
    asked_about = False
    for sentence in parts:
        in_sentence, asked = _scan(sentence, c, vocab)
        found += in_sentence
        asked_about = asked_about or asked
    low_context = any(f.signal.kind == "low-sugar" for f in found) or any(
        LOW_SIGNS.search(s.text) for s in parts
    )
    reading: GlucoseReading | None = None
    for sentence in parts:
        reading = reading or _low_reading(sentence, c, vocab, sugar_in_text, low_context)

    present = {f.signal.id for f in found} | ({LOW_SUGAR} if reading else set())
    counted = [
        f
        for f in found
        if f.signal.level != "none" and (not f.signal.needs or present & set(f.signal.needs))
    ]
    levels = {f.signal.level for f in counted} | ({"emergency"} if reading else set())
    level: Level = next((lv for lv in LEVELS if lv in levels), "none")
    return _reply(level, counted, reading, asked_about and level == "none")


def no_alert() -> Safety:
    """The triage's reply when nothing was found (level ``none``, nothing to say)."""
    return _reply("none", [], None, False)


def _reply(
    level: Level, found: list[_Found], reading: GlucoseReading | None, danger_topic: bool
) -> Safety:
    texts = replies()
    base = texts.levels[level]
    message = [base.message] if base.message else []
    actions = list(base.actions)
    contacts = list(base.contacts)
    levels = {f.signal.level for f in found}
    kinds = {f.signal.kind for f in found if f.signal.level == level}
    low = level == "emergency" and reading is not None and reading.low is not None
    if low and not kinds:  # a low number is the only sign: fast sugar first, 911 if it fails
        message = [texts.low_sugar.first]
        actions = list(texts.low_sugar.actions)
    elif level == "emergency" and (low or "low-sugar" in kinds or "confusion" in kinds):
        message.append(texts.low_sugar.with_danger)
    if low and reading is not None and reading.low is not None:
        if reading.unit_unclear:
            message.insert(0, texts.low_sugar.unit)
        message.insert(0, texts.reading[reading.low].format(reading=reading.shown))
    if level == "emergency" and "crisis" in levels:
        message.append(texts.crisis_also)
        contacts += [k for k in texts.levels["crisis"].contacts if k not in contacts]
    overdose = any(f.signal.kind == "overdose" for f in found)
    if overdose and level == "medication":
        message.insert(0, texts.overdose.message)
        actions = [*texts.overdose.actions, *actions]
        contacts += [k for k in texts.overdose.contacts if k not in contacts]
    elif overdose and level == "emergency":
        message.append(texts.overdose_emergency)
        contacts += [k for k in texts.overdose.contacts if k not in contacts]
    elif level == "medication" and "missed" in kinds:
        message.insert(0, texts.missed)
    if danger_topic:
        message = [texts.danger_topic]
    signs = [f.signal.label for f in found if f.signal.level == level]
    if reading is not None and level == "emergency":
        signs.insert(0, "a low blood sugar reading")
    return Safety(
        level=level,
        message=" ".join(message),
        actions=actions,
        contacts=contacts,
        signs=list(dict.fromkeys(signs)),
        words=list(
            dict.fromkeys([*(f.words for f in found), *([reading.words] if reading else [])])
        ),
        also=[lv for lv in LEVELS if lv in levels and lv != level and lv != "none"],
        reading=reading,
        danger_topic=danger_topic,
        source=texts.source,
    )
