"""The triage's patterns compiled once per language: each signal's patterns and every context
cue of the vocabulary (negation, past, resolved, informational, figures of speech ...), with
the language's grammar rules beside them.

:func:`compiled` builds them once per language, the first time that language is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType

from islet.language import Language
from islet.safety.doses import dose_patterns
from islet.safety.languages import Rules, reading_for
from islet.safety.lowreading import low_signs, reading_patterns
from islet.safety.tense import markers
from islet.safety.vocabulary import LEADING_EDGE, Signal, Vocabulary, compile_pattern


@dataclass(frozen=True)
class Compiled:
    signals: tuple[tuple[Signal, tuple[re.Pattern[str], ...]], ...]
    groups: tuple[tuple[Signal, tuple[tuple[re.Pattern[str], ...], ...]], ...]
    negation: tuple[re.Pattern[str], ...]
    pseudo_negation: tuple[re.Pattern[str], ...]
    past: tuple[re.Pattern[str], ...]
    resolved: tuple[re.Pattern[str], ...]
    explained: tuple[re.Pattern[str], ...]
    told_gone: tuple[re.Pattern[str], ...]
    asked_about: tuple[re.Pattern[str], ...]  # "the nurse asked me about chest pain"
    everyday: tuple[re.Pattern[str], ...]
    present: tuple[re.Pattern[str], ...]
    mild: tuple[re.Pattern[str], ...]
    informational: tuple[re.Pattern[str], ...]
    list_negation: tuple[re.Pattern[str], ...]
    informational_crisis: tuple[re.Pattern[str], ...]
    figures: tuple[re.Pattern[str], ...]
    wishes: tuple[re.Pattern[str], ...]
    # someone elsewhere not answering, or a habit of waking late: no one unresponsive here
    away: tuple[re.Pattern[str], ...]
    # a habit of waking late: no wish not to wake either (the word model may not raise a crisis)
    waking_habits: tuple[re.Pattern[str], ...]
    wish_to_live: tuple[re.Pattern[str], ...]
    meant_now: tuple[re.Pattern[str], ...]
    meant_now_after: tuple[re.Pattern[str], ...]  # said from the next sentence too
    overdose_words: tuple[re.Pattern[str], ...]  # the overdose signal's own patterns
    as_prescribed: tuple[re.Pattern[str], ...]
    contrasts: tuple[re.Pattern[str], ...]  # "but", "pero": a change set against the routine
    routine_told: tuple[re.Pattern[str], ...]
    recovered: tuple[re.Pattern[str], ...]
    clinician_changes: tuple[re.Pattern[str], ...]
    clinician_orders: tuple[re.Pattern[str], ...]
    orders_before: tuple[re.Pattern[str], ...]
    negation_after: re.Pattern[str] | None
    accidental: tuple[re.Pattern[str], ...]
    well_so_far: tuple[re.Pattern[str], ...]
    sugar_context: re.Pattern[str]
    none_since: tuple[re.Pattern[str], ...]
    treatment_asked: tuple[re.Pattern[str], ...]  # "how do they stop that"
    medicine_in_general: tuple[re.Pattern[str], ...]  # "what does a missed dose mean"
    hormone_asked: tuple[re.Pattern[str], ...]  # "symptoms of too much insulin": the disease
    habitual_signs: tuple[re.Pattern[str], ...]  # "faints from low sugar": a sign that recurs
    recent: re.Pattern[str] | None  # "this morning", "yesterday": a time of these last days
    low_signs: re.Pattern[str] | None  # "shaky", "confused": an unclear number is a low one
    language: Language
    vocabulary: Vocabulary
    rules: Rules
    # each signal by its id (a language's second form of a signal, its ``all_of``, shares the
    # id: the first, with the patterns, is the one named)
    by_id: Mapping[str, Signal]

    # one expression per signal (and per part of a signal of several parts) that finds text
    # wherever any of its patterns would: a sentence it finds nothing in is passed over unread
    @cached_property
    def signal_screens(self) -> tuple[re.Pattern[str], ...]:
        return tuple(screen(patterns) for _, patterns in self.signals)

    @cached_property
    def group_screens(self) -> tuple[tuple[re.Pattern[str], ...], ...]:
        return tuple(tuple(screen(part) for part in groups) for _, groups in self.groups)

    def signal(self, signal_id: str) -> Signal:
        """The signal named ``signal_id`` (a KeyError names a signal the vocabulary lacks)."""
        return self.by_id[signal_id]


def _unless_meant_after(figures: list[str], meant_now: list[str]) -> list[str]:
    """Each figure of speech, found only when no words of ``meant_now`` follow it in the text
    (safetyfix14e: "as a joke but i have them counted out for tonight" is no joke)."""
    if not meant_now:
        return figures
    after = "|".join(f"(?:{p})" for p in meant_now)
    return [f"(?:{p})(?!.*(?<![\\w'])(?:{after})(?![\\w']))" for p in figures]


def screen(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One expression that finds text wherever one of ``patterns`` would: each pattern without
    the look-behinds :func:`compile_pattern` opens it with (a pattern that opens with a
    look-behind cannot use the regular expression engine's fast scan for its first words), so
    it finds a little more than they do and never less."""
    return re.compile("|".join(f"(?:{p.pattern.removeprefix(LEADING_EDGE)})" for p in patterns))


@cache
def compiled(language: Language = "en") -> Compiled:
    reading = reading_for(language)
    vocab = reading.vocabulary

    def many(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(p) for p in patterns)

    context = vocab.context
    markers(language)  # the tense and number words too: broken data stops start-up, not a question
    reading_patterns()
    dose_patterns(language)
    return Compiled(
        signals=tuple((s, many(s.patterns)) for s in vocab.signals if s.patterns),
        groups=tuple(
            (s, tuple(many(group) for group in s.all_of)) for s in vocab.signals if s.all_of
        ),
        negation=many([re.escape(n) for n in context.negation]),
        pseudo_negation=many([re.escape(n) for n in context.pseudo_negation]),
        past=many(context.past),
        resolved=many(context.resolved),
        explained=many(context.explained),
        told_gone=many(context.told_gone),
        asked_about=many(context.asked_about),
        everyday=many(context.everyday_doings),
        present=many(context.present),
        mild=many(context.mild),
        informational=many(context.informational),
        list_negation=many([re.escape(n) for n in context.list_negation]),
        informational_crisis=many(context.informational_crisis),
        figures=many(_unless_meant_after(context.figures_of_speech, context.meant_now)),
        wishes=many(
            [
                *context.not_waking_wishes,
                *context.away_not_answering,
                *context.not_of_a_person,
                *context.feared_or_over,
            ]
        ),
        away=many([*context.away_not_answering, *context.waking_habits]),
        waking_habits=many(context.waking_habits),
        wish_to_live=many(context.wish_to_live),
        meant_now=many(context.meant_now),
        meant_now_after=many(context.meant_now_after),
        overdose_words=tuple(
            p for s in vocab.signals if s.id == "overdose" and s.patterns for p in many(s.patterns)
        ),
        as_prescribed=many(context.as_prescribed),
        contrasts=many([rf"\b(?:{p})\b" for p in context.contrasts]),
        routine_told=many(context.routine_told),
        recovered=many(context.recovered_after_sugar),
        clinician_changes=many(context.clinician_changes),
        clinician_orders=many(context.clinician_orders),
        orders_before=many([f"(?:{p})$" for p in context.clinician_orders]),
        accidental=many(context.accidental),
        well_so_far=many(context.well_so_far),
        negation_after=re.compile(
            rf"^ (?:{'|'.join(re.escape(n) for n in context.negation_after)})(?![\w])"
        )
        if context.negation_after
        else None,
        sugar_context=re.compile("|".join(re.escape(w) for w in vocab.glucose.sugar_context)),
        none_since=many(context.none_since),
        treatment_asked=many(context.treatment_asked),
        medicine_in_general=many(context.medicine_asked_in_general),
        hormone_asked=many(context.hormone_asked),
        habitual_signs=many(context.habitual_signs),
        recent=re.compile(rf"\b(?:{'|'.join(context.recent)})\b") if context.recent else None,
        low_signs=low_signs(tuple(vocab.glucose.low_signs)),
        language=language,
        vocabulary=vocab,
        rules=reading.rules,
        by_id=_by_id(vocab.signals),
    )


def _by_id(signals: list[Signal]) -> Mapping[str, Signal]:
    found: dict[str, Signal] = {}
    for signal in signals:
        found.setdefault(signal.id, signal)
    return MappingProxyType(found)
