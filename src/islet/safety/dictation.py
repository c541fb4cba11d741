"""Numbers as voice dictation writes them, read back as numbers.

A phone that takes dictation writes a number it did not catch as words that sound the same:
"my sugar is for tea" (40), "the meter says to point to" (2.2), "three point one". Just after a
word that gives a reading ("is", "says", "shows", ``grammar.reading_verbs`` in
``knowledge/safety/triage.yaml``), such words are read as the number word they sound like
(``grammar.sound_alike_numbers``), and a unit, a point word and a unit as one decimal number.
Two digits said one by one ("my sugar is too eight") are one number (28) when the reading ends
there, unless the first is "for" ("was for two days"). Nowhere else: "we stopped for tea" and
"i want to point to the scan" stay words. Two digits said as number words around a point word
("sugar now two point two") are a decimal wherever they are.
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
            pair = _digits_said(words, i, used, whole, sound_alikes, units, longest)
            if pair is not None:  # "is too eight": two digits said one by one (28)
                out.append(pair)
                i = after + 1
                continue
            if said is not None and said != words[i] and said not in units:
                out.append(said)  # a ten ("for tea" -> "forty"): the number words read it
                i = after
                continue
        if _said_decimal(words, i, points, units):  # "sugar now two point two": 2.2 anywhere
            out.append(f"{_digit(words[i], units)}.{_digit(words[i + 2], units)}")
            i += 3
            continue
        out.append(words[i])
        i += 1
    return out


def _said_decimal(
    words: list[str], i: int, points: frozenset[str], units: Mapping[str, int]
) -> bool:
    """Whether ``words[i:i + 3]`` is a decimal said in number words ("two point two"): two
    digits as words, a point word between. Unlike a sound-alike ("to point to"), that is a
    number wherever it is said."""
    if i + 2 >= len(words) or words[i + 1] not in points:
        return False
    return all(w in units and _digit(w, units) is not None for w in (words[i], words[i + 2]))


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


# what may follow two digits said as one reading: the end, a mark, a new clause or a unit
# ("is too eight and he is confused"); anything else may count ("was for two days", "of two
# five milligram pills")
ENDS = frozenset(
    {"and", "but", "so", "now", "then", "again", "today", "tonight", "mmol", "mg/dl", "mgdl"}
    | {"he", "she", "i", "we", "they", "it", "my", "his", "her", "their"}
)


def _digits_said(
    words: list[str],
    i: int,
    used: int,
    whole: int | None,
    sound_alikes: Mapping[str, str],
    units: Mapping[str, int],
    longest: int,
) -> str | None:
    """Two digits said one after another as one two-digit number ("too eight" -> "28")."""
    if whole is None or whole == 0 or words[i] == "for":
        return None
    after = i + used
    said, more = _number_at(words, after, sound_alikes, longest)
    second = _digit(said, units) if more == 1 else None
    if second is None:
        return None
    follows = words[after + 1] if after + 1 < len(words) else "."
    if follows.isalnum() and follows not in ENDS:
        return None
    return f"{whole}{second}"
