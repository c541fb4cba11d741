"""Long words mistyped by one letter, read as meant ("palpitatons", "hyperglicemia").

Any word of the phrases of ``MIN_LONG_SLIP`` letters or more is read through one slip: a letter
left out, added or changed, or two neighbours swapped. Only the words of the text are looked
up, through an index of each long word with one letter left out, so nothing is built for every
possible slip. A whole English word ("swearing", one letter from "sweating") is never a slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from islet.ask.words import english_words
from islet.explain.matching import stem, words_of

MIN_LONG_SLIP = 8  # any phrase word this long is read through one slip


@dataclass(frozen=True)
class LongWords:
    """The long words of the phrases, by each form with one letter left out."""

    known: frozenset[str]  # the stems the phrases use
    by_deletion: dict[str, tuple[str, ...]]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def long_words(texts: tuple[str, ...], known: frozenset[str]) -> LongWords:
    by_deletion: dict[str, set[str]] = {}
    for word in {w for text in texts for w in words_of(text) if len(w) >= MIN_LONG_SLIP}:
        for form in _deletions(word) | {word}:
            by_deletion.setdefault(form, set()).add(word)
    return LongWords(known, {k: tuple(sorted(v)) for k, v in by_deletion.items()})


def long_slips(texts: list[str], long: LongWords) -> dict[str, str]:
    """Each word of the texts that is a long phrase word mistyped by one letter ("palpitatons",
    "hyperglicemia") -> that word, when only one word is that near; never a whole English word
    ("swearing" is not "sweating") nor one whose stem a phrase uses."""
    real = english_words()
    out: dict[str, str] = {}
    for word in {w for text in texts for w in words_of(text) if len(w) >= MIN_LONG_SLIP - 1}:
        if word in real or stem(word) in long.known:
            continue
        near = {
            candidate
            for form in _deletions(word) | {word}
            for candidate in long.by_deletion.get(form, ())
            if _one_apart(word, candidate)
        }
        if len(near) == 1:
            out[word] = near.pop()
    return out


def _one_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter left out, added or changed, or two
    neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == short for i in range(len(longer)))
