"""The phrases Ask Islet recognises in questions, and the facet a question asks about.

Every name, alias, synonym and glossary term of the knowledge base, and every lay phrase of
``knowledge/ask/lay-terms.yaml``, becomes a phrase of stemmed words that names items (targets)
or adds PDQ's own words (means). A lay phrase can carry words that, near it, give it another
sense ("came back high" is a test result, not a recurrence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from islet.ask.lexicon import KIND_OF_COLLECTION, Facet, Lexicon
from islet.ask.words import stop_words, terms, words
from islet.kb import KnowledgeBase
from islet.text import stem

# Collections whose names and aliases are recognised in questions (sections are found by text).
NAMED_COLLECTIONS = (
    "tumor_types",
    "symptoms",
    "symptom_patterns",
    "tests",
    "treatments",
    "glossary",
)


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # stemmed words of the phrase, stop words included
    surface: str
    targets: tuple[str, ...] = ()
    means: tuple[str, ...] = ()  # stemmed terms added to the question
    unless: frozenset[str] = frozenset()  # stems that, near the phrase, give it another sense


SENSE_WINDOW = 3  # words either side of a phrase that can give it another sense


def other_sense(phrase: Phrase, stems: list[str], start: int) -> bool:
    """Whether a word near the phrase at ``start`` gives it another sense ("came back high")."""
    if not phrase.unless:
        return False
    end = start + len(phrase.words)
    near = stems[max(0, start - SENSE_WINDOW) : start] + stems[end : end + SENSE_WINDOW]
    return not phrase.unless.isdisjoint(near)


def phrase_table(kb: KnowledgeBase, lexicon: Lexicon) -> list[Phrase]:
    """Every phrase that names an item (its labels) or a lay term, merged by wording."""
    targets: dict[tuple[str, ...], list[str]] = {}
    means: dict[tuple[str, ...], list[str]] = {}
    unless: dict[tuple[str, ...], set[str]] = {}
    surface: dict[tuple[str, ...], str] = {}

    def add(
        text: str,
        target: str | None = None,
        meaning: str | None = None,
        unless_near: Sequence[str] = (),
    ) -> None:
        key = tuple(stem(w) for w in words(text))
        # A single stop word names nothing; "who gets" or "come back" as a phrase can.
        if not key or (len(key) == 1 and key[0] in stop_words()):
            return
        surface.setdefault(key, text)
        if target and target not in targets.setdefault(key, []):
            targets[key].append(target)
        if meaning:
            means.setdefault(key, []).extend(terms(meaning))
        if unless_near:
            unless.setdefault(key, set()).update(stem(w) for w in unless_near)

    for name in NAMED_COLLECTIONS:
        kind = KIND_OF_COLLECTION[name]
        for item in kb.collection(name).values():
            labels: list[str] = []
            for attr in ("name", "lay_name", "term"):
                value = getattr(item, attr, None)
                if isinstance(value, str):
                    labels.append(value)
            # A syndrome a tumor type causes is a name people use for it ("Zollinger-Ellison").
            for attr in ("aliases", "synonyms", "syndromes"):
                labels.extend(getattr(item, attr, []))
            for label in labels:
                add(label, target=f"{kind}:{item.id}")
    for lay in lexicon.lay_terms:
        for phrase in lay.phrases:
            add(phrase, target=lay.target, meaning=lay.means, unless_near=lay.unless_near)
    return [
        Phrase(
            key,
            surface[key],
            tuple(targets.get(key, ())),
            tuple(means.get(key, ())),
            frozenset(unless.get(key, ())),
        )
        for key in surface
    ]


def facet_of(facets: Sequence[Facet], question_words: Sequence[str]) -> Facet | None:
    """The facet with the most cue words in the question; the earlier listed wins a tie."""
    stems = {stem(w) for w in question_words}
    text = " ".join(question_words)
    best: Facet | None = None
    best_count = 0
    for facet in facets:
        count = len(stems & _cue_stems(tuple(facet.cues)))
        count += sum(1 for p in facet.patterns if re.search(p, text))
        if count > best_count:
            best, best_count = facet, count
    return best


@cache
def _cue_stems(cues: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(c) for c in cues)
