"""Spanish as people write it, read as the explainer's own words (issue 17).

Many people write Spanish by ear and in diminutives: "ulseras", "asucar", "amariyo" for
"úlceras", "azúcar", "amarillo"; "ronshas", "pesho" for "ronchas", "pecho" (ch written as it is
said in places); "flaquitas", "rapidito", "poquito" for "flacas", "rápido", "poco". A word of a
Spanish text that no phrase uses is read as the phrase word it is a diminutive of, or else as the
one phrase word that sounds the same; a verb in a form no phrase uses, as a form of it on the same
root that a phrase does use ("sudaban" as "sudo", "orinaba" as "orina"). The rules are Ask's
(:mod:`islet.ask.spanish_sounds`, :mod:`islet.ask.spanish_verbs`), so both readers hear Spanish
alike. A word a phrase
uses, a whole English word, or a word of fewer than ``MIN_HEARD`` letters is never changed, and
an English word of the phrases is never what a word is heard as ("asi" is "así", not "acid").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from islet.ask.spanish_sounds import KnownWords, by_sound
from islet.ask.spanish_verbs import infinitives, plain_words
from islet.ask.words import english_words
from islet.explain.matching import stem
from islet.text import english

MIN_HEARD = 4  # "asi", "ves", "sed": short words sound like too many others
INFINITIVE_ENDINGS = ("ar", "er", "ir")
SAME_ROOT = 3  # letters a verb form shares with the form a phrase uses ("suda", "sudo")


@cache
def _small_words() -> frozenset[str]:
    """Words the matcher reads for structure (small words, negations, having, new subjects),
    never read as another verb's form ("tengo" is never a form of another phrase verb)."""
    lists = english().phrases
    return lists.stop_words | lists.negations | lists.having | lists.new_subjects


@dataclass(frozen=True)
class SpanishSpelling:
    """The words of the phrases, by stem and by sound."""

    stems: frozenset[str]
    sounds: KnownWords
    verbs: Mapping[str, str] = field(default_factory=dict)  # infinitive -> a phrase word of it

    @classmethod
    def of(cls, words: Iterable[str]) -> SpanishSpelling:
        known = frozenset(words)
        english = english_words()
        spanish = frozenset(w for w in known if w not in english)
        verbs: dict[str, str] = {}
        for word in sorted(spanish):
            if len(word) >= MIN_HEARD:
                for infinitive in infinitives(word):
                    verbs.setdefault(infinitive, word)
        return cls(frozenset(stem(w) for w in known), by_sound(spanish), verbs)

    def read(self, word: str) -> str:
        """``word`` (folded) as the phrase word it is written for, or itself."""
        if stem(word) in self.stems:
            return word
        for plain in plain_words(word):
            if stem(plain) in self.stems:
                return plain
        if len(word) >= MIN_HEARD and word not in _small_words():
            # "suda", "sudan" for "sudo": another form of the verb, on the same root; an
            # infinitive is its own ("temblar" for "temblando")
            own = [word] if word.endswith(INFINITIVE_ENDINGS) else []
            for infinitive in [*own, *infinitives(word)]:
                form = self.verbs.get(infinitive, "")
                if form[:SAME_ROOT] == word[:SAME_ROOT]:
                    return form
        if "sh" in word:  # "ronshas", "pesho": ch written as it is said in places
            said = word.replace("sh", "ch")
            if stem(said) in self.stems:
                return said
        if len(word) < MIN_HEARD:
            return word
        heard = self.sounds.repair(word)
        return heard if stem(heard) in self.stems else word
