"""Where the word model may raise a level in the triage, and what it adds when it does.

In a language with a word model (:mod:`islet.safety.wordmodel`), the model reads the text after
the patterns (:mod:`islet.safety.triage`). It may not raise a level the text's words are known
to say otherwise for (:func:`model_unlike`): a figure of speech, a wish to live or an everyday
doing (crisis), a medicine taken as prescribed or a change a clinician made or ordered
(medication), anything but a plain report of now or a text the patterns read as a crisis
(emergency), or any level at all for a text too short for it to read. :func:`read_by_model`
gives the signal it raised.
"""

from __future__ import annotations

import re
from functools import cache

from islet.language import Language
from islet.safety.cues import Compiled
from islet.safety.figures import meant_later
from islet.safety.reply import Found
from islet.safety.scope import reports_now, set_against, spans
from islet.safety.tense import sentence_tense
from islet.safety.text import Sentence, any_of
from islet.safety.vocabulary import LEVELS, Level, Signal
from islet.safety.wordmodel import MODELS, raised, word_model

# "can not breathe", "no puedo respirar": a sign, not a denial
UNABLE = re.compile(
    r"\b(?:(?:can|could|cannot|will|would) not|no (?:puedo|puede|pod\w+|despierta|responde))\b"
)
# A sign told as a habit, not as now ("my sugar keeps dropping", "every time i stand up",
# "whenever i skip lunch"; "cada vez que", "siempre que"): the symptom explainer's kind of text,
# no plain report of an emergency now for the word model to raise (the patterns read it as ever)
HABITUAL = re.compile(
    r"\b(?:keeps?|kept) (?:on )?\w+ing\b|\b(?:every|each) time\b|\bwhenever\b"
    r"|\b(?:cada vez|siempre) que\b"
)
# A temperature read with its number ("checked his temp, 36", "temperature 38.5"; "fiebre de 38"):
# a reading the word model might take for a low sugar; the patterns read fevers and sugars
TEMPERATURE = re.compile(
    r"\b(?:temp|temps|temperature|thermometer|fever|degrees|fiebre|temperatura|grados)\b"
    r"(?:\W+\w+){0,3}?\W+\d|\d+(?:\.\d+)?\W*(?:degrees|grados)\b"
)
# words of the grammar's hypothetical list that a plain report uses too ("i need to sit", "do")
ORDINARY_VERBS = frozenset({"to", "do", "did", "can", "could"})

# The fewest content words (not the model's ignored function words) a text needs for the word
# model to raise a level: in three words or fewer one word weighs as much as a whole text's
# words (each feature counts 1/sqrt(n)), so "i think so", "life is good", "take care" read as
# crisis or medication (an independent review, 2026-12-06). Short texts of real need are the
# patterns' ("i want to die", "kms"); on the dev probes the model had found one crisis of three
# words or fewer that the patterns missed, and raised none in Spanish.
MODEL_MIN_WORDS = 4


def model_unlike(
    parts: list[Sentence],
    c: Compiled,
    level: Level,
    words: list[str],
    language: Language,
    asks: bool,
) -> set[Level]:
    """The levels the word model may not raise: :func:`_unlike`'s, or every level for a text
    too short for the model to read (``MODEL_MIN_WORDS``)."""
    ignored = frozenset(word_model(MODELS[language]).ignored)
    content = sum(1 for w in words if w[:1].isalnum() and w not in ignored)
    if content < MODEL_MIN_WORDS:
        return set(LEVELS)
    return _unlike(parts, c, level, asks=asks)


def _unlike(parts: list[Sentence], c: Compiled, level: Level, asks: bool) -> set[Level]:
    """The levels the word model may not raise for these sentences, since their words are known
    to say otherwise: "this is killing me", "I do not want to die" (crisis); "50mg twice a day
    as prescribed" (medication); and emergency unless every sentence reads as a plain report of
    now: no negation, past, resolved, mild, figure of speech or informational cue, no habit ("keeps
    dropping", "every time") nor temperature read with its number, no question (no question
    mark, none opening with a question word: "what causes black stools")."""
    unlike: set[Level] = set()
    # a figure told as meant now, in its sentence or by a later one, leaves the model free
    # (safetyfix15b); before the figure only the strong cues ("not joking, ..."), never a bare
    # "right now" or "tonight", which emergencies tell too
    later = meant_later([s.text for s in parts], c.meant_now_after)
    figured = [
        any_of(c.figures, s.text) and not (after or any_of(c.meant_now_after, s.text))
        for s, after in zip(parts, later, strict=True)
    ]
    if any(figured) or any(any_of(c.wish_to_live, s.text) for s in parts):
        unlike.add("crisis")
    if any(any_of(c.everyday, s.text) for s in parts):
        unlike.add("crisis")  # "i want to go home and sleep": an everyday doing, no crisis
    if level == "none" and any(any_of(c.waking_habits, s.text) for s in parts):
        # "does not wake up early since retiring": a habit, no wish not to wake
        unlike.add("crisis")
    if any(any_of(c.as_prescribed, s.text) for s in parts) or (not asks and _change_told(parts, c)):
        unlike.add("medication")
    if not asks and any(any_of(c.clinician_orders, s.text) for s in parts):
        unlike.add("medication")  # an instruction told, not asked about
    if not asks and _routine_told(parts, c):
        unlike.add("medication")  # a schedule told, nothing asked
    if _only_past(parts, c):  # "i wanted to die back then, not anymore"
        unlike.add("crisis")
    if level == "medication":  # a medicine question ("cutting my pill in half"), not the
        unlike.add("crisis")  # model's "cutting"; the patterns find a crisis said beside it
    # emergency only where the patterns found neither emergency nor crisis: a crisis they found
    # keeps its reply, which gives 911 already ("the only exit I have left" is no emergency)
    told = " ".join(s.text for s in parts)  # a habit or a temperature's number across clauses
    if HABITUAL.search(told) or TEMPERATURE.search(told):
        unlike.add("emergency")
    if asks or level == "crisis" or not all(_plain_report(s, c) for s in parts):
        unlike.add("emergency")
    return unlike


def _change_told(parts: list[Sentence], c: Compiled) -> bool:
    """Whether the text only tells of a change a clinician made ("my oncologist switched me to
    lanreotide", "el oncólogo me cambió ..."), with no question word (nor, the caller checks, a
    question mark)."""
    prescribers = set(c.vocabulary.context.prescribers)
    told = False
    for sentence in parts:
        words = sentence.text.split()
        if set(words) & (c.rules.hypothetical - {"to"}):
            return False
        told = told or any(
            set(words[max(0, i - 3) : i]) & prescribers
            for i, word in enumerate(words)
            if any(p.fullmatch(word) for p in c.clinician_changes)
        )
    return told


def _routine_told(parts: list[Sentence], c: Compiled) -> bool:
    """Whether the text tells a routine with its schedule ("i take my insulin twice a day") and
    no sentence asks anything (no question word; the caller checks for a question mark)."""
    if any(set(s.text.split()) & (c.rules.hypothetical - {"to"}) for s in parts):
        return False
    return any(any_of(c.routine_told, s.text) for s in parts)


def _only_past(parts: list[Sentence], c: Compiled) -> bool:
    """Whether the text speaks only of the past: a past cue, a past form, no present one."""
    tenses = {sentence_tense(s.text, c.language) for s in parts}
    return any(any_of(c.past, s.text) for s in parts) and "now" not in tenses and "then" in tenses


def reported_part(sentence: Sentence, c: Compiled) -> str:
    """The sentence's words from its last clause that starts a report of now, as
    islet.safety.scope reads one ("last month i fainted, i have crushing chest pain": "i have
    crushing chest pain"), or all of them: a lowering cue told before it does not reach it."""
    for k in range(len(sentence.clauses) - 1, 0, -1):
        told = reports_now(sentence.clauses[k], c.rules)
        if told or set_against(sentence, k - 1, k, c.contrasts, c.rules):
            return sentence.text[spans(sentence)[k][0] :]
    return sentence.text


def _plain_report(sentence: Sentence, c: Compiled) -> bool:
    text = sentence.text
    # scopefix16: a lowering cue reads only as far as it reaches
    told = reported_part(sentence, c)
    if text.split()[:1] and text.split()[0] in c.rules.question_openers:
        return False
    if any_of(c.informational, told) or any_of(c.informational_crisis, text):
        return False
    if any(any_of(cue, told) for cue in (c.past, c.resolved, c.explained, c.told_gone)):
        return False
    cues = (c.mild, c.figures, c.wish_to_live)
    if any_of(c.treatment_asked, text):  # "how do they stop that": a question, not a report
        return False
    if any(any_of(cue, text) for cue in (*cues, c.list_negation)):
        return False
    # "can not breathe", "will not wake up": a sign, not a denial nor a question
    plain = UNABLE.sub(" ", text)
    if set(plain.split()) & c.rules.hypothetical - ORDINARY_VERBS:
        return False
    return not any(cue.search(plain) for cue in c.negation)


def read_by_model(
    words: list[str], level: Level, language: Language, unlike: set[Level]
) -> list[Found]:
    """What the word model adds: a level above ``level`` that the patterns did not find, unless
    the text's words are known to say otherwise for it (``unlike``)."""
    said = raised(word_model(MODELS[language]), words, unlike)
    if said is None or LEVELS.index(said) >= LEVELS.index(level):
        return []
    return [Found(_model_signal(said, language), "")]


@cache
def _model_signal(level: Level, language: Language) -> Signal:
    """The signal shown when the word model raised ``level`` (its label from the model file)."""
    label = word_model(MODELS[language]).labels[level]
    kinds = {"emergency": "other", "crisis": "suicidal", "medication": "change"}
    return Signal(
        id=f"word-model-{level}", level=level, kind=kinds[level], label=label, patterns=["(?!)"]
    )
