"""Spanish written by ear (issue 17): a word spelled as it sounds read as the word it sounds like.

People who learned to write Spanish mostly by hearing it mix the letters that sound alike:
"operasion" for "operación", "ormonas" for "hormonas", "aser" for "hacer", "ban" for "van".
:func:`sound_key` writes a word the way it sounds (a silent h dropped; b and v, s, z and soft c,
j and soft g, y and ll, k, qu and hard c each written one way; a doubled letter once), and
:func:`by_sound` reads a word the reading table does not know as the one word of the table that
sounds the same, when there is exactly one. A word the table knows, or a whole English word
(Spanglish), is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from islet.ask.words import english_words

MIN_LENGTH = 3  # "a", "e", "ha" and the like are left alone

# Order matters: "ch" is kept before h is dropped, "qu" before c is read.
_RULES: tuple[tuple[str, str], ...] = (
    (r"ch", "C"),
    (r"h", ""),
    (r"qu(?=[ei])", "k"),
    (r"c(?=[ei])", "s"),
    (r"g(?=[ei])", "j"),
    (r"c", "k"),
    (r"z", "s"),
    (r"v", "b"),
    (r"ll", "y"),
    (r"x(?=[^aeiou]|$)", "s"),  # "esplicar", "estraño": x before a consonant sounds as s
    (r"(?<=\w\w)d$", ""),  # "verda", "salu": a final d is often not said
)


def sound_key(word: str) -> str:
    """``word`` (folded: lower case, no accents) written the way it sounds."""
    for pattern, sound in _RULES:
        word = re.sub(pattern, sound, word)
    return re.sub(r"(.)\1+", r"\1", word)


@dataclass(frozen=True)
class KnownWords:
    """The words of a reading table by their ``keys`` (a word's sound, its one-letter deletions):
    a word the table does not know is read as the one known word it shares a key with, when
    there is exactly one. Words shorter than ``min_length`` (or not all letters), the table's own
    words and whole English words (Spanglish) are never changed."""

    known: frozenset[str]
    by_key: dict[str, str]  # only the keys of one known word
    keys: Callable[[str], set[str]]
    min_length: int

    @classmethod
    def of(
        cls,
        words: Iterable[str],
        keys: Callable[[str], set[str]],
        min_length: int,
        indexed_from: int | None = None,
    ) -> KnownWords:
        """The table of ``words``; those of ``indexed_from`` letters or more (by default
        ``min_length``) are found by their keys."""
        known = frozenset(words)
        shortest = min_length if indexed_from is None else indexed_from
        found: dict[str, set[str]] = {}
        for word in known:
            if word.isalpha() and len(word) >= shortest:
                for key in keys(word):
                    found.setdefault(key, set()).add(word)
        unique = {key: next(iter(v)) for key, v in found.items() if len(v) == 1}
        return cls(known, unique, keys, min_length)

    def repair(self, word: str) -> str:
        """The one known word that ``word`` shares a key with, or ``word`` itself."""
        if word in self.known or len(word) < self.min_length or not word.isalpha():
            return word
        if word in english_words():
            return word
        found = {self.by_key.get(key) for key in self.keys(word)} - {None}
        return str(found.pop()) if len(found) == 1 else word


def by_sound(words: Iterable[str]) -> KnownWords:
    """The words of a reading table by their sound: a key heard for one word only."""
    return KnownWords.of(words, lambda word: {sound_key(word)}, MIN_LENGTH)
