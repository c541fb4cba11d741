"""Spanish written by ear (issue 17): a word spelled as it sounds read as the word it sounds like.

People who learned to write Spanish mostly by hearing it mix the letters that sound alike:
"operasion" for "operación", "ormonas" for "hormonas", "aser" for "hacer", "ban" for "van".
:func:`sound_key` writes a word the way it sounds (a silent h dropped; b and v, s, z and soft c,
j and soft g, y and ll, k, qu and hard c each written one way; a doubled letter once), and
:class:`Sounds` reads a word the reading table does not know as the one word of the table that
sounds the same, when there is exactly one. A word the table knows, or a whole English word
(Spanglish), is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
class Sounds:
    """The words of a reading table by their sound: a key heard for one word only."""

    known: frozenset[str]
    by_sound: dict[str, str]

    @classmethod
    def of(cls, words: Iterable[str]) -> Sounds:
        known = frozenset(words)
        heard: dict[str, set[str]] = {}
        for word in known:
            if len(word) >= MIN_LENGTH and word.isalpha():
                heard.setdefault(sound_key(word), set()).add(word)
        return cls(known, {k: next(iter(v)) for k, v in heard.items() if len(v) == 1})

    def repair(self, word: str) -> str:
        """The known word that ``word`` sounds like, or ``word`` itself."""
        if word in self.known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        if word in english_words():
            return word
        return self.by_sound.get(sound_key(word), word)
