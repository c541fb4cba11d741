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
from islet.safety.text import (
    CLAUSE_BREAKS,
    ENGLISH_NUMBERS,
    NEW_STATEMENT,
    Clauses,
    Numbers,
    word_set,
)
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

# English: words just before a match that make it hypothetical ("can it make you pass out", "if
# he faints") or a report ("my husband passed out", "I keep fainting").
HYPOTHETICAL = word_set("can could will would might may should does do did to if whether")
PERSONAL = word_set(
    "i he she we they my his her our their mom mum dad husband wife son daughter mother father "
    "grandma grandpa grandmother grandfather brother sister partner friend patient boyfriend "
    "girlfriend aunt uncle keep keeps kept still"
)
GENERIC = word_set("someone somebody anyone anybody people person patients you one")
EVENT_WORDS = r"\w+ed|had|was|were|went|fell|threw|lost|got|took|keeps?|is|are|am"
EVENT_WORD = re.compile(rf"\b(?:{EVENT_WORDS})\b")
# A match that starts with a negative word is about that negation ("nobody would notice"),
# so an earlier negation does not undo it.
# So does one that starts a question, which begins a new statement ("... does not work can i
# use the other one").
NEGATIVE_STARTS = (
    r"no|not|never|nobody|noone|none|nothing|neither|can i|could i|should i|is it|how|what"
)
NEGATIVE_START = re.compile(rf"(?:{NEGATIVE_STARTS})\b")


@dataclass(frozen=True)
class Rules:
    """How one language marks clauses, reports, questions and numbers."""

    clauses: Clauses  # breaks; a conjunction ("and") before a new statement; negation stops there
    hypothetical: frozenset[str]
    personal: frozenset[str]
    generic: frozenset[str]  # "someone", "people": a question in general, not a report
    event: re.Pattern[str]
    negative_start: re.Pattern[str]
    numbers: Numbers


ENGLISH_RULES = Rules(
    clauses=Clauses(CLAUSE_BREAKS, NEW_STATEMENT, frozenset({"and"})),
    hypothetical=HYPOTHETICAL,
    personal=PERSONAL,
    generic=GENERIC,
    event=EVENT_WORD,
    negative_start=NEGATIVE_START,
    numbers=ENGLISH_NUMBERS,
)


@dataclass(frozen=True)
class Reading:
    """What the triage reads a text with: the vocabulary and the rules of one language."""

    language: Language
    vocabulary: Vocabulary
    rules: Rules


def _with(rules: Rules, grammar: Grammar) -> Rules:
    """The English rules with a language's grammar added (English words stay understood)."""
    events = "|".join([EVENT_WORDS, *grammar.event])
    negatives = "|".join([NEGATIVE_STARTS, *grammar.negative_start])
    return Rules(
        clauses=Clauses(
            rules.clauses.breaks | frozenset(grammar.clause_breaks),
            rules.clauses.new_statement | frozenset(grammar.new_statement),
            rules.clauses.conjunctions | frozenset(grammar.conjunctions),
        ),
        hypothetical=rules.hypothetical | frozenset(grammar.hypothetical),
        personal=(rules.personal - frozenset(grammar.not_personal)) | frozenset(grammar.personal),
        generic=rules.generic | frozenset(grammar.generic),
        event=re.compile(rf"\b(?:{events})\b"),
        negative_start=re.compile(rf"(?:{negatives})\b"),
        numbers=Numbers(
            {**rules.numbers.tens, **grammar.tens},
            {**rules.numbers.units, **grammar.units},
            rules.numbers.joiners | frozenset(grammar.joiners),
        ),
    )


def _merged_signals(signals: list[Signal]) -> list[Signal]:
    """English signals with their Spanish patterns added, labels in Spanish; a Spanish
    ``all_of`` becomes a second signal with the same id (either may be found)."""
    merged: list[Signal] = []
    for signal in signals:
        forms = signal.es
        if forms is None:
            merged.append(signal)
            continue
        merged.append(
            signal.model_copy(
                update={"label": forms.label, "patterns": [*signal.patterns, *forms.patterns]}
            )
        )
        if forms.all_of:
            merged.append(
                signal.model_copy(
                    update={"label": forms.label, "patterns": [], "all_of": forms.all_of}
                )
            )
    return merged


def _merged_context(english: Context, spanish: Context) -> Context:
    data = english.model_dump()
    for name, value in spanish.model_dump().items():
        if isinstance(value, list):
            data[name] = [*data[name], *value]
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
        return Reading("en", english, ENGLISH_RULES)
    extra = english.languages[language]
    merged = english.model_copy(
        update={
            # English slips of medicine names stay English ("omeprazol" is Spanish, not a slip)
            "rewrites": {
                **{k: v for k, v in english.rewrites.items() if v not in english.medicine_names},
                **extra.rewrites,
            },
            "context": _merged_context(english.context, extra.context),
            "glucose": _merged_glucose(english.glucose, extra.glucose),
            "signals": _merged_signals(english.signals),
        }
    )
    return Reading(language, merged, _with(ENGLISH_RULES, extra.grammar))


@cache
def replies_for(language: Language) -> Replies:
    """What Islet says for each level, in ``language``."""
    if language == "en":
        return replies()
    return replies(ES_SAFETY_DIR / "replies.yaml")


def replies_path(language: Language) -> Path:
    return SAFETY_DIR / "replies.yaml" if language == "en" else ES_SAFETY_DIR / "replies.yaml"
