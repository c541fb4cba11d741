"""Words of questions and passages: splitting, stop and everyday words, spelling repair.

The same functions turn passages and questions into terms, so that "tumors", "tumour" and
"tumor" meet in one index term. Folding, the stemmer and the word lists are Islet's shared
ones (:mod:`islet.text`, ``knowledge/language/english.yaml``); everything here is about
English, not about medicine.
"""

from __future__ import annotations

import difflib
import gzip
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from islet import text
from islet.text import WORD, has_vowel

# The whole words of a general English vocabulary (the word-piece vocabulary of the embedding
# model, from English Wikipedia and books): words spelling repair leaves alone.
ENGLISH_VOCABULARY = Path(__file__).resolve().parent / "embeddings" / "vocab.txt"
# The words of a spell-checker's English word list (SCOWL size 50, american-english), less those
# already in the word pieces: ordinary words too rare to be a word piece ("contagious", "itchy").
SPELLING_WORDS = Path(__file__).resolve().parent / "english" / "scowl-50.txt.gz"
_KI67 = re.compile(r"\bki67\b")
# A TNM code as it is written on a report, joined or spaced ("T2N1M0", "pT3 N0 M1", "T1, N0"):
# read as the word "tnm" that names the staging system (ask/lay-terms.yaml).
_TNM = re.compile(
    r"\b[pcy]?t([0-4]|is|x)[a-d]?[\s,/]*n([0-3]|x)[a-c]?([\s,/]*m([01]|x)[a-c]?)?\b"
    r"|\b[pcy]?t([0-4]|is|x)[a-d]?[\s,/]*m([01]|x)[a-c]?\b"
)


def stop_words() -> frozenset[str]:
    """Function words and question fillers: how a question is asked, not what it is about."""
    return text.english().index.stop_words


def everyday_words() -> frozenset[str]:
    """Everyday words that say nothing about health, the body, medicine or the summary."""
    return text.english().index.everyday_words


@cache
def _normal() -> dict[str, str]:
    """Chat spellings, irregular past forms and British spellings, each to its plain word."""
    lists = text.english().index
    return {**lists.chat_spellings, **lists.irregular_forms, **lists.spelling_variants}


def fold(value: str) -> str:
    """Lower case without accents, curly quotes or possessive 's."""
    return text.fold(value, apostrophes=False)


def words(value: str) -> list[str]:
    """The words of ``value`` in order, folded, British spellings made American, chat spellings
    of question words ("wat") and irregular past forms ("wrote") read as the plain word.

    "non" joins the next word, so "non-functional" and "non functioning" meet "nonfunctional".
    """
    normal = _normal()
    out: list[str] = []
    pending = ""
    # "Ki67" is how people type PDQ's "Ki-67".
    for w in WORD.findall(_TNM.sub(" tnm ", _KI67.sub("ki 67", fold(value)))):
        if w == "non":
            pending = "non"
            continue
        out.append(normal.get(pending + w, pending + w))
        pending = ""
    if pending:
        out.append(pending)
    return _senses(out)


def _senses(found: list[str]) -> list[str]:
    """``found`` with each word of two senses read as its other sense next to a word that gives
    it that sense ("how fast" is speed, "a 72-hour fast" is not)."""
    senses = text.english().index.senses
    if senses.keys().isdisjoint(found):
        return found
    out = list(found)
    for i, w in enumerate(found):
        sense = senses.get(w)
        if sense is None:
            continue
        beside = found[max(0, i - 1) : i] + found[i + 1 : i + 2]
        other = [word for word, near in sense.other_senses.items() if not near.isdisjoint(beside)]
        if other:
            out[i] = other[0]
        elif not sense.next_to.isdisjoint(beside):
            out[i] = sense.reads_as
    return out


def stem(word: str) -> str:
    """Ask's stem of a word (:func:`islet.text.stem`, index style)."""
    return text.stem(word)


def content_words(value: str) -> list[str]:
    """The words of ``value`` that are not stop words, unstemmed."""
    stop = stop_words()
    return [w for w in words(value) if w not in stop]


def terms(value: str) -> list[str]:
    """Index terms: content words of ``value``, stemmed, in order (repeats kept)."""
    return [text.stem(w) for w in content_words(value)]


def is_everyday(word: str) -> bool:
    """Whether ``word`` is a stop word or an everyday word (or a regular form of one): a word
    that says nothing about health, the body, medicine or the summary."""
    return word in stop_words() or word in everyday_forms()


@cache
def english_words() -> frozenset[str]:
    """Whole English words of three letters or more; empty when the vocabulary is missing."""
    try:
        lines = ENGLISH_VOCABULARY.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w for w in lines if len(w) >= 3 and w.isascii() and w.isalpha())


@cache
def spelling_words() -> frozenset[str]:
    """Every English word spelling repair leaves alone: :func:`english_words` and the ordinary
    words the word pieces lack ("contagious" is no misspelled "continuous")."""
    try:
        lines = gzip.decompress(SPELLING_WORDS.read_bytes()).decode("utf-8").splitlines()
    except OSError:
        return english_words()
    return english_words() | frozenset(lines)


def _regular_forms(word: str) -> set[str]:
    """``word`` with the endings of regular plurals and verb forms ("store", "stores", "opened")."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "ly"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and not has_vowel(word[-2]):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) <= 4 and word[-1] not in "aeiouwxy" and has_vowel(word[-2]):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stop -> stopped
    return forms


class Speller:
    """Repairs misspelled words against a known vocabulary ("insulinoma" for "insulnoma").

    Stop words and everyday words are never the result of a repair and are never repaired
    themselves: "weather" is a word, not a misspelling of "whether". Between close candidates
    the ``preferred`` words (the names the knowledge base gives its items) win.
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        cutoff: float = 0.8,
        preferred: Iterable[str] = (),
        english: Iterable[str] = (),
        elsewhere: Iterable[str] = (),
    ) -> None:
        self.known = frozenset(vocabulary)
        # Real English words are never repaired: "peeling" is not a misspelling of "peeing".
        self.english = frozenset(english)
        self._stems = frozenset(stem(w) for w in self.known)
        self.preferred = frozenset(preferred)
        # each preferred name's first letter and length: a repair keeps the first letter, so a
        # word can only be repaired to a name of its own first letter (islet.ask.pieces)
        self.preferred_shapes = frozenset((w[:1], len(w)) for w in self.preferred)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self.known | self.preferred):
            if word.isalpha() and not is_everyday(word):
                self._by_initial.setdefault(word[0], []).append(word)
        # The names of what the summary does not cover ("pancreatitis", "lupus") compete with its
        # own words: "pancreatitus" is a misspelled neighbour, never a misspelled "pancreatic",
        # and is repaired to the neighbour so that the out-of-scope rules see it.
        self.elsewhere = frozenset(
            w for w in elsewhere if w.isalpha() and w not in self.known and not is_everyday(w)
        )
        for word in sorted(self.elsewhere - self.preferred):
            self._by_initial.setdefault(word[0], []).append(word)
        self.cutoff = cutoff

    @property
    def targets(self) -> frozenset[str]:
        """Every word a repair can land on."""
        return frozenset(w for group in self._by_initial.values() for w in group) - self.elsewhere

    def looks_misspelled(self, word: str, cutoff: float = 0.75) -> bool:
        """Whether ``word`` is close to a known or everyday word ("somthing", "gastronoma"):
        then it is more likely a misspelling Islet could not repair than a new topic."""
        if word in self.known or word in self.english or is_everyday(word):
            return False
        pool = [w for w in self.known | everyday_forms() if w[:1] == word[:1]]
        return bool(difflib.get_close_matches(word, pool, n=1, cutoff=cutoff))

    def correct(self, word: str) -> str:
        """``word`` itself when known, everyday, too short or a number; else its closest known
        word that is not an everyday word, or ``word`` when none is close enough."""
        if word in self.known or len(word) < 3 or not word.isalpha() or is_everyday(word):
            return word
        if word in self.english:
            return word
        if stem(word) in self._stems:  # another form of a known word: "glucagonomas"
            return word
        # Misspellings rarely change the first letter; looking only there keeps this fast.
        candidates = self._by_initial.get(word[0], [])
        # Short words need a closer match: "rain" is not a misspelling of "rating".
        cutoff = max(self.cutoff, 0.85) if len(word) <= 6 else self.cutoff
        close = difflib.get_close_matches(word, candidates, n=_SPELLING_CHOICES, cutoff=cutoff)
        if len(word) < _ELSEWHERE_MIN:  # "creo" (Spanish: I think) is no misspelled "creon"
            close = [c for c in close if c not in self.elsewhere]
        if not close:
            return word
        # A medical ending carries the meaning: "pancreatitis" is not a misspelled "pancreatic".
        ending = _medical_ending(word)
        close = [c for c in close if not ending or _medical_ending(c) == ending]
        if not close:
            return word
        best = _similarity(word, close[0])
        near = [c for c in close if _similarity(word, c) >= best - _PREFERENCE_MARGIN]
        return next((c for c in near if c in self.preferred), close[0])


@cache
def everyday_forms() -> frozenset[str]:
    """Everyday words with their regular forms ("store", "stores", "opened")."""
    return frozenset(form for w in everyday_words() for form in _regular_forms(w))


_SPELLING_CHOICES = 4
# A word shorter than this is never repaired into the name of something the summary does not
# cover: a short word one letter from a neighbour's name is far more often another word.
_ELSEWHERE_MIN = 6
_PREFERENCE_MARGIN = 0.05  # a knowledge-base name this close to the best match is taken instead


def _medical_ending(word: str) -> str:
    """The ending that names a kind of disease, procedure or finding (inflammation, tumor,
    removal, ...): a word typed with one is never repaired into a word without it, or with
    another."""
    endings = text.english().index.medical_endings
    return next((e for e in endings if word.endswith(e) and len(word) > len(e) + 2), "")


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
