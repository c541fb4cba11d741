"""Spanish spellings that sound alike: "bomito" for "vomito", "desmalle" for "desmaye".

People write Spanish as it sounds: b and v, ll and y, s, z and soft c are one sound in most of
the Spanish-speaking world, h is silent, "qu" is a k, and "-ado" is often said (and typed)
"-ao". The triage reads the sound-alike spellings of its key words (``sound_alikes`` in the
``languages.es`` section of ``knowledge/safety/triage.yaml``) as the words themselves, the way
:func:`islet.safety.vocabulary.misspellings` reads slips of medicine names. A spelling that is
another real word ("ciento" is not "siento", "tubo" is not "tuvo") is listed under
``not_sound_alikes`` and left as it is; so is any word the vocabulary already rewrites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
)
DROPPED_D = re.compile(r"([ai])d([oa]s?)$")  # "desmayado" -> "desmayao", "caida" -> "caia"
MAX_CHANGES = 2


def _once(word: str) -> set[str]:
    """Every spelling one sound-alike change away from ``word``."""
    out: set[str] = set()
    for written, said in SWAPS:
        start = word.find(written)
        while start >= 0:
            vowel_next = start + 1 < len(word) and word[start + 1] in "aeiou"
            in_ch = written == "h" and start > 0 and word[start - 1] == "c"  # "ch" is no h
            if (written != "y" or vowel_next) and not in_ch:
                out.add(word[:start] + said + word[start + len(written) :])
            start = word.find(written, start + 1)
    out.add(DROPPED_D.sub(r"\1\2", word))
    return out - {word, ""}


def sound_alikes(words: Iterable[str], keep: set[str]) -> dict[str, str]:
    """Each spelling up to two sound-alike changes away from one of ``words``, mapped to the
    word; never one of the words itself nor a spelling in ``keep`` (a real word, a rewrite)."""
    targets = list(dict.fromkeys(words))
    out: dict[str, str] = {}
    for word in targets:
        seen = {word}
        frontier = {word}
        for _ in range(MAX_CHANGES):
            frontier = {v for w in frontier for v in _once(w)} - seen
            seen |= frontier
        for spelling in sorted(seen - {word}):
            out.setdefault(spelling, word)
    return {s: w for s, w in out.items() if s not in keep and s not in targets}
