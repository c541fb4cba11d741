"""Words a question asks the meaning of: "the scan says progressive disease, what does
progressive mean" asks what "progressive" is, and "difference between benign and malignant"
what both words are, whatever story comes with them. The question forms are data
(``word_definition`` in knowledge/ask/answering.yaml): the groups ``term`` and ``other`` hold
the words asked about."""

from __future__ import annotations

import re
from collections.abc import Sequence

from islet.ask.words import stop_words

# Each phrase of the question that named an item: its terms and its targets.
Named = dict[str, tuple[list[str], list[str]]]


def words_defined(
    patterns: Sequence[re.Pattern[str]], asked: Sequence[str], named: Named
) -> tuple[list[str], list[str]] | None:
    """The terms and targets of the names the question asks the meaning of, when every word it
    asks about is part of a name the question used; None otherwise."""
    for pattern in patterns:
        for text in asked:
            match = pattern.search(text)
            if match is None:
                continue
            groups = [group.split() for group in match.groupdict().values() if group]
            found = [_names_in(words, named) for words in groups]
            if not groups or any(f is None for f in found):
                continue
            terms = [t for f in found if f for t in f[0]]
            targets = [t for f in found if f for t in f[1]]
            return terms, list(dict.fromkeys(targets))
    return None


def _names_in(asked: list[str], named: Named) -> tuple[list[str], list[str]] | None:
    """The terms and targets of the naming phrases inside ``asked``; None when a word of it
    other than a stop word is part of no name."""
    stop = stop_words()
    terms: list[str] = []
    targets: list[str] = []
    covered: set[str] = set()
    for phrase, (phrase_terms, phrase_targets) in named.items():
        said = phrase.split()
        if any(asked[i : i + len(said)] == said for i in range(len(asked))):
            terms.extend(phrase_terms)
            targets.extend(phrase_targets)
            covered.update(said)
    if not targets or any(w not in covered and w not in stop for w in asked):
        return None
    return terms, targets
