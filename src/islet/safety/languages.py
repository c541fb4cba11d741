"""The triage in each language: English as written in ``triage.yaml``, Spanish added to it.

English is the vocabulary file as it is. For Spanish, the triage reads the English vocabulary
*plus* every signal's ``es`` patterns and the ``languages.es`` section (chat spellings, context
cues, blood-sugar words, grammar), so that mixed Spanish and English ("me desmayé after my
octreotide") is read too. The engine is the same for both; only the word lists differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from islet.language import Language
from islet.paths import knowledge_file
from islet.safety.additions import Additions, additions, checked
from islet.safety.text import Clauses, Numbers
from islet.safety.vocabulary import (
    SAFETY_DIR,
    Context,
    GlucoseWords,
    Grammar,
    Replies,
    Signal,
    Vocabulary,
    replies,
    vocabulary,
)

ES_SAFETY_DIR = knowledge_file("es", "safety")


@dataclass(frozen=True)
class Rules:
    """How one language marks clauses, reports, questions and numbers."""

    clauses: Clauses  # breaks; a conjunction ("and") before a new statement; negation stops there
    hypothetical: frozenset[str]
    personal: frozenset[str]
    generic: frozenset[str]  # "someone", "people": a question in general, not a report
    doubled: frozenset[str]  # "le": a pronoun for the person named later in the clause
    own_reading: frozenset[str]  # "meter", "says": a number asked about is one's own reading
    question_openers: frozenset[str]  # "what", "can": a sentence opening so asks, not reports
    supposing: re.Pattern[str]  # "what if", "say": a sentence opening so supposes, not reports
    event: re.Pattern[str]
    negative_start: re.Pattern[str]
    numbers: Numbers
    articles: frozenset[str] = frozenset()  # "the", "el": before a thing or a person named
    people: frozenset[str] = frozenset()  # "mom", "baby": a person named opens a report
    present_verbs: frozenset[str] = frozenset()  # "have", "is", "tengo": told in the present
    verb_negations: frozenset[str] = frozenset()  # "no" before a verb ("no puedo respirar")
    own: frozenset[str] = frozenset()  # "my", "i", "mi": one's own, not in general
    mine: frozenset[str] = frozenset()  # "mine": the sign asked about claimed ("mine is ...")
    examples: frozenset[str] = frozenset()  # "like", "such as", "como": an example follows
    sources: frozenset[str] = frozenset()  # "book", "know": a source or a wish to know


@dataclass(frozen=True)
class Reading:
    """What the triage reads a text with: the vocabulary and the rules of one language."""

    language: Language
    vocabulary: Vocabulary
    rules: Rules


def rules_of(grammar: Grammar) -> Rules:
    """The rules a grammar (``grammar`` in ``triage.yaml``, English) describes."""
    return Rules(
        clauses=Clauses(
            frozenset(grammar.clause_breaks),
            frozenset(grammar.new_statement),
            frozenset(grammar.conjunctions),
            frozenset(grammar.articles),
            frozenset(grammar.people),
            frozenset(grammar.present_conjunctions),
            frozenset(grammar.present_verbs),
        ),
        hypothetical=frozenset(grammar.hypothetical),
        personal=frozenset(grammar.personal) - frozenset(grammar.not_personal),
        generic=frozenset(grammar.generic),
        doubled=frozenset(grammar.doubled),
        own_reading=frozenset(grammar.own_reading),
        question_openers=frozenset(grammar.question_openers),
        supposing=re.compile(rf"^(?:so |and |but )?(?:{'|'.join(grammar.supposing)})\b"),
        event=re.compile(rf"\b(?:{'|'.join(grammar.event)})\b"),
        negative_start=re.compile(rf"(?:{'|'.join(grammar.negative_start)})\b"),
        numbers=Numbers(
            dict(grammar.tens),
            dict(grammar.units),
            frozenset(grammar.joiners),
            grammar.decimal_comma,
            frozenset(grammar.reading_verbs),
            dict(grammar.sound_alike_numbers),
            frozenset(grammar.points),
        ),
        articles=frozenset(grammar.articles),
        people=frozenset(grammar.people),
        present_verbs=frozenset(grammar.present_verbs),
        verb_negations=frozenset(grammar.verb_negations),
        own=frozenset(grammar.own),
        mine=frozenset(grammar.mine),
        examples=frozenset(grammar.examples),
        sources=frozenset(grammar.sources),
    )


def _with(english: Grammar, extra: Grammar) -> Grammar:
    """The English grammar with a language's grammar added (English words stay understood)."""
    return Grammar(
        clause_breaks=[*english.clause_breaks, *extra.clause_breaks],
        new_statement=[*english.new_statement, *extra.new_statement],
        conjunctions=[*english.conjunctions, *extra.conjunctions],
        hypothetical=[*english.hypothetical, *extra.hypothetical],
        personal=[w for w in english.personal if w not in extra.not_personal] + extra.personal,
        generic=[*english.generic, *extra.generic],
        doubled=[*english.doubled, *extra.doubled],
        own_reading=[*english.own_reading, *extra.own_reading],
        question_openers=[*english.question_openers, *extra.question_openers],
        supposing=[*english.supposing, *extra.supposing],
        event=[*english.event, *extra.event],
        negative_start=[*english.negative_start, *extra.negative_start],
        tens={**english.tens, **extra.tens},
        units={**english.units, **extra.units},
        joiners=[*english.joiners, *extra.joiners],
        decimal_comma=english.decimal_comma or extra.decimal_comma,
        reading_verbs=[*english.reading_verbs, *extra.reading_verbs],
        sound_alike_numbers={**english.sound_alike_numbers, **extra.sound_alike_numbers},
        articles=[*english.articles, *extra.articles],
        present_conjunctions=[*english.present_conjunctions, *extra.present_conjunctions],
        people=[*english.people, *extra.people],
        present_verbs=[*english.present_verbs, *extra.present_verbs],
        verb_negations=[*english.verb_negations, *extra.verb_negations],
        own=[*english.own, *extra.own],
        mine=[*english.mine, *extra.mine],
        examples=[*english.examples, *extra.examples],
        sources=[*english.sources, *extra.sources],
        points=[*english.points, *extra.points],
    )


def _merged_signals(signals: list[Signal], extra: Additions) -> list[Signal]:
    """English signals with their Spanish patterns added, labels in Spanish; a Spanish
    ``all_of`` becomes a second signal with the same id (either may be found). The language's
    own file (``extra``) adds patterns to the Spanish forms (its ``all_of``, a third signal
    with the same id), and signals of its own."""
    merged: list[Signal] = []
    for signal in [*signals, *extra.own_signals]:
        forms = signal.es
        if forms is None:
            merged.append(signal)
            continue
        more = extra.signals.get(signal.id)
        patterns = [*signal.patterns, *forms.patterns, *(more.patterns if more else [])]
        merged.append(signal.model_copy(update={"label": forms.label, "patterns": patterns}))
        for groups in (forms.all_of, more.all_of if more else []):
            if groups:
                merged.append(
                    signal.model_copy(
                        update={"label": forms.label, "patterns": [], "all_of": groups}
                    )
                )
    return merged


def _merged_context(english: Context, spanish: Context, extra: Additions) -> Context:
    data = english.model_dump()
    for name, value in spanish.model_dump().items():
        if isinstance(value, list):
            data[name] = [*data[name], *value, *extra.context.get(name, [])]
    data["negation_window"] = max(english.negation_window, spanish.negation_window)
    return Context.model_validate(data)


def _merged_glucose(english: GlucoseWords, spanish: GlucoseWords) -> GlucoseWords:
    data = english.model_dump()
    for name, value in spanish.model_dump().items():
        if isinstance(value, list):
            data[name] = list(dict.fromkeys([*data[name], *value]))
    return GlucoseWords.model_validate(data)


@cache
def reading_for(language: Language) -> Reading:
    """The vocabulary and rules the triage uses for ``language``."""
    english = vocabulary()
    if language == "en":
        return Reading("en", english, rules_of(english.grammar))
    extra = english.languages[language]
    where = f"{language}/safety/triage.yaml"
    own_file = additions(knowledge_file(language, "safety", "triage.yaml"))
    own = checked(own_file, english.signals, where)
    merged = english.model_copy(
        update={
            # English slips of medicine names stay English ("omeprazol" is Spanish, not a slip),
            # and so do English sound-alike spellings
            "rewrites": {
                **{
                    k: v
                    for k, v in english.rewrites.items()
                    if v not in english.medicine_names and k not in english.spelled_alike
                },
                **extra.rewrites,
            },
            "context": _merged_context(english.context, extra.context, own),
            "glucose": _merged_glucose(english.glucose, extra.glucose),
            "signals": _merged_signals(english.signals, own),
        }
    )
    return Reading(language, merged, rules_of(_with(english.grammar, extra.grammar)))


@cache
def replies_for(language: Language) -> Replies:
    """What Islet says for each level, in ``language``."""
    if language == "en":
        return replies()
    return replies(ES_SAFETY_DIR / "replies.yaml")


def replies_path(language: Language) -> Path:
    return SAFETY_DIR / "replies.yaml" if language == "en" else ES_SAFETY_DIR / "replies.yaml"
