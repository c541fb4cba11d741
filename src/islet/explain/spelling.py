"""Spanish as people write it, read as the explainer's own words (issue 17).

Many people write Spanish by ear and in diminutives: "ulseras", "asucar", "amariyo" for
"úlceras", "azúcar", "amarillo"; "ronshas", "pesho" for "ronchas", "pecho" (ch written as it is
said in places); "flaquitas", "rapidito", "poquito" for "flacas", "rápido", "poco". A word of a
Spanish text that no phrase uses is read as the phrase word it is a diminutive of, or else as the
one phrase word that sounds the same. The rules are Ask's (:mod:`islet.ask.spanish_sounds`,
:func:`islet.ask.spanish_verbs.plain_words`), so both readers hear Spanish alike. A word a phrase
uses, a whole English word, or a word of fewer than ``MIN_HEARD`` letters is never changed, and
an English word of the phrases is never what a word is heard as ("asi" is "así", not "acid").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from islet.ask.spanish_sounds import KnownWords, by_sound
from islet.ask.spanish_verbs import plain_words
from islet.ask.words import english_words
from islet.explain.matching import stem

MIN_HEARD = 4  # "asi", "ves", "sed": short words sound like too many others


@dataclass(frozen=True)
class SpanishSpelling:
    """The words of the phrases, by stem and by sound."""

    stems: frozenset[str]
    sounds: KnownWords

    @classmethod
    def of(cls, words: Iterable[str]) -> SpanishSpelling:
        known = frozenset(words)
        english = english_words()
        spanish = frozenset(w for w in known if w not in english)
        return cls(frozenset(stem(w) for w in known), by_sound(spanish))

    def read(self, word: str) -> str:
        """``word`` (folded) as the phrase word it is written for, or itself."""
        if stem(word) in self.stems:
            return word
        for plain in plain_words(word):
            if stem(plain) in self.stems:
                return plain
        if "sh" in word:  # "ronshas", "pesho": ch written as it is said in places
            said = word.replace("sh", "ch")
            if stem(said) in self.stems:
                return said
        if len(word) < MIN_HEARD:
            return word
        heard = self.sounds.repair(word)
        return heard if stem(heard) in self.stems else word
