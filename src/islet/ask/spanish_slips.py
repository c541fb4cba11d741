"""Spanish words one letter off a word of the reading table, read as that word (issue 17).

People type on a phone and dictate: "examemes", "pancreaas", "operacon". Words spelled by ear
are read by their sound (:mod:`islet.ask.spanish_sounds`); a word the table does not know and
that does not sound like one of its words is read as the one word of the table that one letter
more, less or different makes it, for words of ``MIN_LENGTH`` letters or more (a letter off a
shorter word is often another word: "pesa", "pega"). A word that is itself English is never
changed. Nothing here is fitted to questions: the words are the table's own.

Chosen by a leave-one-writer-out estimate on the tuned Spanish questions (scripts/
spanish_ask_lowo.py), against reading a word by its Snowball stem and English cognate endings
("-ción" as "-tion"), which did not help there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from islet.ask.words import english_words

MIN_LENGTH = 6


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True)
class Slips:
    """The words of a reading table by their one-letter deletions (symmetric deletion: two
    words one insertion, deletion or substitution apart share a key)."""

    known: frozenset[str]
    by_deletion: dict[str, str]

    @classmethod
    def of(cls, words: Iterable[str]) -> Slips:
        known = frozenset(words)
        keys: dict[str, set[str]] = {}
        for word in known:
            if word.isalpha() and len(word) >= MIN_LENGTH - 1:
                for key in {word} | _deletions(word):
                    keys.setdefault(key, set()).add(word)
        return cls(known, {k: next(iter(v)) for k, v in keys.items() if len(v) == 1})

    def repair(self, word: str) -> str:
        """The one known word ``word`` is a slip of, or ``word`` itself."""
        if word in self.known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        if word in english_words():
            return word
        found = {self.by_deletion.get(key) for key in {word} | _deletions(word)} - {None}
        return str(found.pop()) if len(found) == 1 else word
