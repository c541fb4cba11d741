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

from islet.ask.spanish_sounds import KnownWords

MIN_LENGTH = 6


def _keys(word: str) -> set[str]:
    """The word and its one-letter deletions (symmetric deletion: two words one insertion,
    deletion or substitution apart share a key)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def by_slip(words: Iterable[str]) -> KnownWords:
    """The words of a reading table by their one-letter deletions; the words one letter shorter
    than ``MIN_LENGTH`` are found too, as a letter added to them makes a word long enough."""
    return KnownWords.of(words, _keys, MIN_LENGTH, indexed_from=MIN_LENGTH - 1)
