"""Spellings that sound alike: Spanish "bomito" for "vomito", English "coffing" for "coughing".

People write Spanish as it sounds: b and v, ll and y, s, z and soft c are one sound in most of
the Spanish-speaking world, h is silent, "qu" is a k, and "-ado" is often said (and typed)
"-ao". The triage reads the sound-alike spellings of its key words (``sound_alikes`` in the
``languages.es`` section of ``knowledge/safety/triage.yaml``) as the words themselves, the way
:func:`islet.safety.vocabulary.misspellings` reads slips of medicine names. A spelling that is
another real word ("ciento" is not "siento", "tubo" is not "tuvo") is listed under
``not_sound_alikes`` and left as it is; so is any word the vocabulary already rewrites. A key
word with one letter typed twice ("moriir", "matarmee") is read as the word too, but for the
letters Spanish itself doubles (c, l, r, n: "pero" is not "perro").

English is written as it sounds too: "ough" as "off", a doubled letter as one ("pils"), "oo"
as "u" ("tuk"), "-le" as "-el" ("rifel"), "-or" as "-er" ("docter"), a dropped final g
("mornin"), a double vowel as one ("blod") and one consonant as two ("vommiting"). The English
key words (``sound_alikes`` at the top of ``triage.yaml``) are read through
:func:`english_sound_alikes`, which never turns a real English word into another: every
spelling found in a general English word list (the one Ask's spelling repair leaves alone) is
kept as it is ("hole" stays "hole", "strait" stays "strait").
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

# (what is written, what it may be written as): each applied at one place at a time
SWAPS: tuple[tuple[str, str], ...] = (
    ("v", "b"),
    ("b", "v"),
    ("ll", "y"),
    ("y", "ll"),
    ("z", "s"),
    ("s", "z"),
    ("ce", "se"),
    ("ci", "si"),
    ("se", "ce"),
    ("si", "ci"),
    ("sc", "s"),
    ("cc", "c"),
    ("cc", "cs"),
    ("qu", "k"),
    ("ca", "ka"),
    ("co", "ko"),
    ("ge", "je"),
    ("gi", "ji"),
    ("je", "ge"),
    ("ji", "gi"),
    ("h", ""),
    ("ch", "sh"),  # Andalusian and Caribbean "pesho" for "pecho"
    ("y", "i"),  # "desmaie" for "desmaye" (before a vowel only, as ll/y)
)
# English: (what is written, what it may be written as), each applied at one place at a time
ENGLISH_SWAPS: tuple[tuple[str, str], ...] = (
    ("ough", "off"),
    ("ough", "of"),
    ("ck", "k"),
    ("c", "k"),
    ("oi", "oy"),
    ("oy", "oi"),
    ("le", "el"),
    ("oo", "u"),
    ("u", "oo"),
    ("ll", "l"),
    ("ss", "s"),
    ("tt", "t"),
    ("pp", "p"),
    ("ff", "f"),
    ("rr", "r"),
    ("or", "er"),
    ("er", "or"),
    ("ai", "a"),
    ("air", "are"),
    ("o", "u"),
    ("ph", "f"),
    ("ee", "ea"),
    ("ea", "ee"),
    ("ie", "ee"),
    ("ea", "e"),
    ("wh", "w"),
    ("kn", "n"),
    ("wr", "r"),
    ("ou", "ow"),
    ("oo", "o"),
    ("ee", "e"),
    ("ight", "ite"),
    ("z", "s"),
    ("s", "z"),
    ("ou", "au"),  # "caughing" for "coughing"
    ("scious", "science"),  # "unconscience": conscious and conscience, said alike
)
ENGLISH_MIN = 4  # shorter key words have too many real words a sound away ("die", "dye")
# general English word lists, the words Ask's spelling repair leaves alone (islet.ask.words)
_ASK = Path(__file__).resolve().parent.parent / "ask"
ENGLISH_WORD_FILES = (_ASK / "embeddings" / "vocab.txt", _ASK / "english" / "scowl-50.txt.gz")
DROPPED_D = re.compile(r"([ai])d([oa]s?)$")  # "desmayado" -> "desmayao", "caida" -> "caia"
MAX_CHANGES = 2


def _once(word: str) -> set[str]:
    """Every spelling one sound-alike change away from ``word``."""
    out: set[str] = set()
    for written, said in SWAPS:
        start = word.find(written)
        while start >= 0:
            vowel_next = start + 1 < len(word) and word[start + 1] in "aeiou"
            in_ch = written == "h" and start > 0 and word[start - 1] in "cs"  # "ch", "sh": no h
            if (written != "y" or vowel_next) and not in_ch:
                out.add(word[:start] + said + word[start + len(written) :])
            start = word.find(written, start + 1)
    out.add(DROPPED_D.sub(r"\1\2", word))
    return out - {word, ""}


def sound_alikes(words: Iterable[str], keep: set[str]) -> dict[str, str]:
    """Each spelling up to two sound-alike changes away from one of ``words``, mapped to the
    word; never one of the words itself nor a spelling in ``keep`` (a real word, a rewrite)."""
    targets = list(dict.fromkeys(words))
    out = _within_changes(targets, _once)
    for word in targets:  # a key letter held down a moment too long ("moriir", "matarmee")
        for spelling in _one_letter_doubled(word):
            out.setdefault(spelling, word)
    return {s: w for s, w in out.items() if s not in keep and s not in targets}


# Letters Spanish itself writes twice ("llama", "perro", "acción", "innato"): one of them typed
# twice is often another word ("pero" and "perro", "ala" and "allá"), so it is left alone.
SPANISH_DOUBLES = "clrn"


def _one_letter_doubled(word: str) -> set[str]:
    """Every spelling of ``word`` with one letter typed twice, but for a letter Spanish doubles
    (``SPANISH_DOUBLES``); three or more of one letter are folded earlier ("ayudaaa")."""
    return {
        word[: i + 1] + letter + word[i + 1 :]
        for i, letter in enumerate(word)
        if letter not in SPANISH_DOUBLES
        and word[i - 1 : i] != letter
        and word[i + 1 : i + 2] != letter
    }


def _within_changes(targets: list[str], once: Callable[[str], set[str]]) -> dict[str, str]:
    """Each spelling up to ``MAX_CHANGES`` changes of ``once`` away from one of ``targets``,
    mapped to the first target it comes from."""
    out: dict[str, str] = {}
    for word in targets:
        seen = {word}
        frontier = {word}
        for _ in range(MAX_CHANGES):
            frontier = {v for w in frontier for v in once(w)} - seen
            seen |= frontier
        for spelling in sorted(seen - {word}):
            out.setdefault(spelling, word)
    return out


def _english_once(word: str) -> set[str]:
    """Every spelling one English sound-alike change away from ``word``, and the word without
    the g of a final "-ing" ("goin")."""
    out: set[str] = set()
    for written, said in ENGLISH_SWAPS:
        start = word.find(written)
        while start >= 0:
            out.add(word[:start] + said + word[start + len(written) :])
            start = word.find(written, start + 1)
    if word.endswith("ing"):
        out.add(word[:-1])
    for i, letter in enumerate(word):  # a consonant typed twice ("vommiting", "bledding")
        if letter not in "aeiouy" and word[i - 1 : i] != letter and word[i + 1 : i + 2] != letter:
            out.add(word[: i + 1] + letter + word[i + 1 :])
    return out - {word, ""}


def english_sound_alikes(words: Iterable[str], keep: set[str]) -> dict[str, str]:
    """Each spelling up to two English sound-alike changes away from one of ``words`` (of four
    letters or more), mapped to the word; never one of the words, a spelling in ``keep``, nor
    a word of the general English word lists."""
    targets = [w for w in dict.fromkeys(words) if len(w) >= ENGLISH_MIN]
    real = english_words()
    if not real:  # no word list to tell real words by: rewrite nothing
        return {}
    out = _within_changes(targets, _english_once)
    return {
        s: w
        for s, w in out.items()
        if s not in keep and s not in targets and s not in real and len(s) >= 3
    }


def english_swaps(words: Iterable[str], keep: set[str]) -> dict[str, str]:
    """Each spelling of one of ``words`` (of four letters or more) with two neighbouring letters
    typed the wrong way round ("wnat" for "want"), one vowel between consonants left out ("wnt"),
    or (five letters or more) one letter left out or added ("seizur", "cheast"), mapped to the
    word; never one of the words, a spelling in ``keep``, nor a word of the general English word
    lists ("form" stays "form")."""
    targets = [w for w in dict.fromkeys(words) if len(w) >= ENGLISH_MIN]
    real = english_words()
    if not real:  # no word list to tell real words by: rewrite nothing
        return {}
    out: dict[str, str] = {}
    for word in targets:
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            out.setdefault(swapped, word)
    for word in (w for w in targets if len(w) >= SLIP_MIN):
        for slip in _one_letter_out_or_in(word):
            out.setdefault(slip, word)
    for word in targets:  # a vowel left out of a shorter word too ("wnt", "kll")
        for slip in _one_vowel_out(word):
            out.setdefault(slip, word)
    return {s: w for s, w in out.items() if s not in keep and s not in targets and s not in real}


# Key words of five letters or more are read through one letter left out or one added too
# ("seizur", "cheast"); a letter changed is not: too many real words are one letter changed.
SLIP_MIN = 5


def _one_letter_out_or_in(word: str) -> set[str]:
    """Every spelling of ``word`` with one letter left out or one letter added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + c + b for a, b in splits for c in "abcdefghijklmnopqrstuvwxyz"}
    return out - {word}


def _one_vowel_out(word: str) -> set[str]:
    """Every spelling of ``word`` with one vowel between consonants left out ("wnt" for "want");
    never the first letter, which a reader keeps."""
    return {
        word[:i] + word[i + 1 :]
        for i in range(1, len(word) - 1)
        if word[i] in "aeiou" and word[i - 1] not in "aeiou" and word[i + 1] not in "aeiou"
    }


@cache
def english_words() -> frozenset[str]:
    """The words of the general English word lists; empty when they are missing."""
    found: set[str] = set()
    for path in ENGLISH_WORD_FILES:
        try:
            raw = path.read_bytes()
            text = gzip.decompress(raw) if path.suffix == ".gz" else raw
        except OSError:
            continue
        found.update(w for w in text.decode("utf-8").splitlines() if w.isascii() and w.isalpha())
    return frozenset(found)
