"""Numbers as voice dictation writes them, read back as numbers.

A phone that takes dictation writes a number it did not catch as words that sound the same:
"my sugar is for tea" (40), "the meter says to point to" (2.2), "three point one". Just after a
word that gives a reading ("is", "says", "shows", ``grammar.reading_verbs`` in
``knowledge/safety/triage.yaml``), such words are read as the number word they sound like
(``grammar.sound_alike_numbers``), and a unit, a point word and a unit as one decimal number.
Nowhere else: "we stopped for tea" and "i want to point to the scan" stay words.
"""

from __future__ import annotations

from collections.abc import Mapping


def dictated(
    words: list[str],
    sound_alikes: Mapping[str, str],
    reading_verbs: frozenset[str],
    points: frozenset[str],
    units: Mapping[str, int],
) -> list[str]:
    """``words`` with dictated numbers after a reading verb as number words or decimals."""
    if not sound_alikes and not points:
        return words
    longest = max((len(k.split()) for k in sound_alikes), default=1)
    out: list[str] = []
    i = 0
    while i < len(words):
        if out and out[-1] in reading_verbs:
            said, used = _number_at(words, i, sound_alikes, longest)
            whole = _digit(said, units)
            after = i + used
            if whole is not None and after < len(words) and words[after] in points:
                tail, more = _number_at(words, after + 1, sound_alikes, longest)
                decimal = _digit(tail, units)
                if decimal is not None:
                    out.append(f"{whole}.{decimal}")
                    i = after + 1 + more
                    continue
            if said is not None and said != words[i] and said not in units:
                out.append(said)  # a ten ("for tea" -> "forty"): the number words read it
                i = after
                continue
        out.append(words[i])
        i += 1
    return out


def _number_at(
    words: list[str], i: int, sound_alikes: Mapping[str, str], longest: int
) -> tuple[str | None, int]:
    """The number word said at ``words[i]`` (itself or what it sounds like) and how many words."""
    for size in range(longest, 0, -1):
        part = words[i : i + size]
        if len(part) == size and " ".join(part) in sound_alikes:
            return sound_alikes[" ".join(part)], size
    return (words[i], 1) if i < len(words) else (None, 0)


def _digit(word: str | None, units: Mapping[str, int]) -> int | None:
    """A single digit said as a unit word ("two") or written ("2")."""
    if word is None:
        return None
    if word.isdigit() and len(word) == 1:
        return int(word)
    value = units.get(word)
    return value if value is not None and value < 10 else None
