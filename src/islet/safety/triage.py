"""One safety triage for every place a person types in their own words.

:func:`triage` runs before Ask's retrieval and before the symptom explainer's matching. It sorts
the text into one level, highest first: ``emergency`` (signs that need emergency care now),
``crisis`` (thoughts of suicide or self-harm), ``medication`` (changing, skipping or dosing a
medicine; a possible overdose) or ``none``, and returns what to say, first, on every interface.

Negation and time are respected: "no chest pain", "I fainted once years ago" and "shaky but
fine now after juice" raise nothing. A question about a danger sign in general ("what are the
signs of low blood sugar?") is no emergency: it is answered, and ``danger_topic`` asks the
interface to show when to get urgent care beside the answer. Nothing is stored or logged.

This module holds the entry points and the patterns' reading of a whole text. The patterns
compiled per language are in :mod:`islet.safety.cues`, one sentence's clause scan in
:mod:`islet.safety.clauses`, and what the word model may add in :mod:`islet.safety.modelguard`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from islet.language import SPANISH_MARKS, Language, guess_language, language_scores
from islet.safety.answers import answered
from islet.safety.clauses import scan
from islet.safety.cues import Compiled, compiled
from islet.safety.doses import far_above, not_above
from islet.safety.figures import meant_later
from islet.safety.fragments import across_fragments
from islet.safety.lowreading import (
    lab_named,
    low_reading,
    other_measure,
    told_before,
    without_measure_lows,
)
from islet.safety.modelguard import model_unlike, read_by_model
from islet.safety.readings import NUMBER, UNIT, GlucoseReading, readings
from islet.safety.reply import Found, Safety, leading, reply
from islet.safety.tense import come_back, returned, sentence_tense
from islet.safety.text import Sentence, any_of, sentences, words_of
from islet.safety.vocabulary import LEVELS, Level, Topic
from islet.safety.wordmodel import MODELS

LOW_SUGAR = "low-sugar-words"
# a text that is nothing but a reading and its unit ("3.1 mmol", "45 mg/dl"): no words of either
# language to answer in
BARE_READING = re.compile(rf"{NUMBER}{UNIT}")
# numbers and nothing else ("54", "54 or 40"): a list of numbers after a question asked in
# general is asked about too ("what counts as low, 70? 54?")
BARE_NUMBERS = re.compile(rf"{NUMBER}{UNIT}(?:(?: or| and| o| y)? {NUMBER}{UNIT})*")
NUMBERS = re.compile(r"\d+(?:\.\d+)?")


def triage(text: str, language: Language | None = None) -> Safety:
    """Sort what a person typed into emergency, crisis, medication or none, with the reply.

    ``language`` (``en`` or ``es``) says how to read the text and which language to answer in.
    Without it, a text with English cues and no Spanish one is read as English; any other text
    (one with no cue either way too: "no respira", "me mato") is read both ways and the higher
    level wins ("me desmaye" is an emergency however it is typed), answered in the language its
    cues suggest; a text of numbers and units only ("3.1 mmol") is answered in English.
    """
    if language is not None:
        return _triage(text, language, language)
    spanish, english_cues = language_scores(text)
    if not spanish and english_cues and not SPANISH_MARKS.search(text.lower()):
        return _triage(text, "en", "en")  # English cues and no Spanish one: English only
    guess = guess_language(text)
    english = _triage(text, "en", guess or "en")
    in_spanish = _triage(text, "es", guess or "es")
    if LEVELS.index(in_spanish.level) < LEVELS.index(english.level):
        # only the Spanish words raised it: answer in Spanish unless the text is clearly English,
        # or holds no word at all, only numbers and units (a bare reading, "3.1 mmol")
        bare = BARE_READING.fullmatch(text.strip().lower()) is not None
        clearly_english = english_cues >= spanish + 3 or bare
        return in_spanish if not clearly_english else _triage(text, "es", "en")
    return in_spanish if guess == "es" else english


def _triage(text: str, language: Language, answer_in: Language) -> Safety:
    """The triage reading ``text`` with ``language``'s vocabulary, answering in ``answer_in``."""
    c = compiled(language)
    read = _by_patterns(text, c)
    counted, levels, level = read.counted, read.levels, read.level
    if language in MODELS:
        words = words_of(text, c.vocabulary.rewrites, c.rules.numbers)
        unlike = model_unlike(read.parts, c, level, words, language, "?" in text)
        counted += read_by_model(words, level, language, unlike)
        levels |= {f.signal.level for f in counted}
        level = leading(levels, counted, read.reading)
    asked = read.asked if level == "none" else set()
    return reply(level, counted, read.reading, asked, answer_in)


def for_the_word_model(text: str, language: Language) -> tuple[Level, set[Level], list[str]]:
    """What the word model is given in the triage (``scripts/train_safety_model.py`` measures
    with it): the level the patterns alone found, the levels the model may not raise, and the
    text's normalised words."""
    c = compiled(language)
    read = _by_patterns(text, c)
    words = words_of(text, c.vocabulary.rewrites, c.rules.numbers)
    return read.level, model_unlike(read.parts, c, read.level, words, language, "?" in text), words


@dataclass
class _PatternRead:
    parts: list[Sentence]
    counted: list[Found]
    levels: set[Level]
    level: Level
    reading: GlucoseReading | None
    asked: set[Topic]  # topics asked about in general (see islet.safety.clauses.scan)


def _by_patterns(text: str, c: Compiled) -> _PatternRead:
    vocab = c.vocabulary
    parts = sentences(text, vocab.rewrites, c.rules.clauses, c.rules.numbers)
    parts = answered(parts, c.language)  # "Chest pain? No." read as "no chest pain"
    sugar_in_text = any(c.sugar_context.search(s.text) for s in parts)
    found: list[Found] = []
    asked: set[Topic] = set()
    back_now = returned([s.text for s in parts], c.language)
    partial: list[dict[int, list[str | None]]] = []
    over = _over_since(parts, c)
    meant = meant_later([s.text for s in parts], c.meant_now_after)
    for sentence, meant_after in zip(parts, meant, strict=True):
        in_sentence, topics, held = scan(sentence, c, vocab, back_now, meant_after)
        if sentence in over:
            in_sentence = [f for f in in_sentence if f.signal.level != "emergency"]
        if not_above(sentence.text, c.language):
            # "took 2 tablets instead of 4": a dose told below the one set is no overdose
            in_sentence = [f for f in in_sentence if f.signal.id != "overdose"]
        found += in_sentence
        partial.append(held)
        asked |= topics
    whole = {f.signal.id for f in found}
    found += [f for f in across_fragments(parts, partial, c.groups) if f.signal.id not in whole]
    if "overdose" not in whole:
        # a dose taken above the one set ("doc said 2.5 mg but i took 25"): Poison Control
        above = [w for p in parts if (w := far_above(p.text, c.language))]
        found += [Found(c.signal("overdose"), w) for w in above][:1]
    back = come_back([s.text for s in parts], c.language)
    # "... and now it is back"; a crisis sign that needs another to count is not yet one
    if back and not any(f.signal.level == "crisis" and not f.signal.needs for f in found):
        found.append(Found(c.signal("suicidal"), back))
    # signs that say an unclear number ("my sugar is 22") is a low one: "shaky", "confused"
    signs = c.low_signs
    low_context = any(f.signal.kind == "low-sugar" for f in found) or (
        signs is not None
        and any(signs.search(without_measure_lows(s.text, vocab.glucose)) for s in parts)
    )
    reading: GlucoseReading | None = None
    # with no sugar word in the text, another measure named in a sentence owns the bare numbers
    # of the sentences after it ("i have a fever. 38 and i feel awful")
    named = [not sugar_in_text and other_measure(s, vocab.glucose) for s in parts]
    labs = [not sugar_in_text and lab_named(s.text, vocab.glucose) for s in parts]
    listed = _numbers_listed(parts, c)
    for i, sentence in enumerate(told_before(parts)):
        if i in listed or _asks_in_general(sentence, c) or c.rules.supposing.match(sentence.text):
            # "what does a sugar of 54 mean", "what if it is 50", "what if my sugar drops": a
            # question about a danger sign, no reading; the urgent-care note beside the answer
            # (safetyfix15b: and the bare numbers listed after it: "what counts as low, 70? 54?")
            asked.add("danger")
            continue
        cues = (c.past, c.resolved)
        before = any(named[:i])
        reading = reading or low_reading(
            sentence,
            vocab.glucose,
            cues,
            sugar_in_text,
            low_context,
            before,
            any(labs[:i]),
            contrasts=c.contrasts,
            rules=c.rules,
        )
    latest = [r for p in parts for r in readings(p.text, vocab.glucose, sugar_in_text)]
    # "sugar 95mg": the number a sugar word names is a reading in mg/dL, not a medicine's dose
    found = [f for f in found if f.signal.kind != "dose" or not _inside(f.words, latest)]
    if reading is not None and latest and latest[-1].low is None and not latest[-1].unit_unclear:
        # a later normal reading: the low one has come back up ("... now 92"); not one told
        # before the low ("it came up to 110 after juice but now its 40")
        reading = None if _told_after(latest[-1], reading, parts) else reading

    if latest and latest[-1].low is None and not latest[-1].unit_unclear:
        # a normal number after "the sensor said LOW" ("fingerstick was 92"): it came back up
        found = [f for f in found if f.signal.kind != "low-sugar" or f.signal.level == "none"]
    present = {f.signal.id for f in found} | ({LOW_SUGAR} if reading else set())
    counted = [
        f
        for f in found
        if f.signal.level != "none" and (not f.signal.needs or present & set(f.signal.needs))
    ]
    levels: set[Level] = {f.signal.level for f in counted} | ({"emergency"} if reading else set())
    level = leading(levels, counted, reading)
    return _PatternRead(parts, counted, levels, level, reading, asked)


def _over_since(parts: list[Sentence], c: Compiled) -> list[Sentence]:
    """The sentences whose emergency signs are over: told in the past, in a text that sets them
    in the past ("in 2021", "before the diagnosis") and says they have not come back since
    ("blacked out once. 2021. doesn't happen now"); never a sign of today ("this morning")."""
    since = next((i for i, s in enumerate(parts) if any_of(c.none_since, s.text)), None)
    if since is None or not any(any_of(c.past, s.text) for s in parts):
        return []
    return [
        s
        for s in parts[: since + 1]
        if sentence_tense(s.text, c.language) != "now"
        and not (c.recent is not None and c.recent.search(s.text))
    ]


def _numbers_listed(parts: list[Sentence], c: Compiled) -> set[int]:
    """The sentences that are only numbers listed after a question about a number in general,
    two numbers or more in the list ("what counts as low, 70? 54?"): asked about, no reading. One
    number alone after it may be the asker's own ("what counts as low? 54"), and none is listed
    when another sentence tells signs of a low ("... 54? i am shaky")."""
    asks = [_asks_in_general(s, c) for s in parts]
    signs = c.low_signs
    glucose = c.vocabulary.glucose
    if signs is not None and any(
        not asked and signs.search(without_measure_lows(s.text, glucose))
        for s, asked in zip(parts, asks, strict=True)
    ):
        return set()
    listed: set[int] = set()
    for i, sentence in enumerate(parts):
        if not asks[i]:
            continue
        after = list(itertools.takewhile(lambda s: BARE_NUMBERS.fullmatch(s.text), parts[i + 1 :]))
        own = [k for k in sentence.clauses[1:] if BARE_NUMBERS.fullmatch(k)]
        numbers = [m for s in [*own, *(s.text for s in after)] for m in NUMBERS.finditer(s)]
        if len(numbers) >= 2:
            listed |= set(range(i + 1, i + 1 + len(after)))
    return listed


def _asks_in_general(sentence: Sentence, c: Compiled) -> bool:
    """Whether the sentence asks about a number in general: it opens with a question word, has an
    informational cue and no person nor present cue ("what does a sugar of 54 mean", "is a
    reading of 3.0 dangerous"); "my sugar is 54, what does that mean" is a reading."""
    words = sentence.text.split()
    return (
        bool(words)
        and words[0] in c.rules.question_openers
        and any_of(c.informational, sentence.text)
        and not any_of(c.present, sentence.text)
        and not set(words) & (c.rules.personal | c.rules.own_reading)
    )


def _told_after(normal: GlucoseReading, low: GlucoseReading, parts: list[Sentence]) -> bool:
    """Whether the normal reading's words come after the low reading's in the text."""
    text = " ".join(p.text for p in parts)

    def last(words: str) -> int:
        found = re.finditer(rf"(?<![\w.]){re.escape(words)}", text)
        return max((m.start() for m in found), default=-1)

    return last(normal.words) > last(low.words)


def _inside(words: str, latest: list[GlucoseReading]) -> bool:
    """Whether ``words`` are all part of one of the readings' own words."""
    return any(words in reading.words for reading in latest)
