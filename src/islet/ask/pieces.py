"""Words typed in pieces ("insu linoma", "glue cagon oma"): joined before spelling repair.

A phone's dictation or a spell-checker splits a long medical word it does not know into
shorter ones. Two to four neighbouring words are read as one when at least one of them is no
word at all, none of those is a misspelling of a word of its own, and the pieces together make
(or are close to, with no letters left over) the name of one of the summary's items (askfix17).
"""

from __future__ import annotations

from collections.abc import Collection

from islet.ask.words import Speller, is_everyday

_LONGEST = 4  # pieces joined at most ("glue ca gon oma")
_SHORTEST_WORD = 6  # the joined word's letters at least: "vipoma", "insulinoma"
_LEFT_OVER = 2  # letters the joined word may have more or fewer than the name it is repaired to


def _no_word(piece: str, speller: Speller, stop: Collection[str]) -> bool:
    """A piece that is no word: not a stop, everyday, English or known word, nor a misspelling
    of one that spelling repair would mend on its own."""
    if piece in stop or piece in speller.known or piece in speller.english or is_everyday(piece):
        return False
    return speller.correct(piece) == piece


def _may_name(whole: str, speller: Speller) -> bool:
    """Whether ``whole`` could be, or be repaired to, one of the summary's names of nearly its
    length: one of the same first letter (a repair keeps it) within ``_LEFT_OVER`` letters."""
    return any(
        (whole[:1], len(whole) + d) in speller.preferred_shapes
        for d in range(-_LEFT_OVER, _LEFT_OVER + 1)
    )


def joined_pieces(raw: list[str], speller: Speller, stop: Collection[str]) -> list[str]:
    """``raw`` with each run of pieces that makes one of the summary's words joined into it."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        for n in range(_LONGEST, 1, -1):
            span = raw[i : i + n]
            if len(span) < n or not all(p.isalpha() for p in span):
                continue
            whole = "".join(span)
            if len(whole) < _SHORTEST_WORD or not _may_name(whole, speller):
                continue
            if not any(_no_word(p, speller, stop) for p in span):
                continue
            mended = whole if whole in speller.known else speller.correct(whole)
            if mended in speller.preferred and abs(len(whole) - len(mended)) <= _LEFT_OVER:
                out.append(whole)
                i += n
                break
        else:
            out.append(raw[i])
            i += 1
    return out


# Punctuation said aloud to a phone's dictation ("question mark what is a biopsy period"): the
# pairs are never part of a question about the summary; a lone "period" or "comma" is a mark
# only beside one of them ("her period stopped" is a period).
_SPOKEN_PAIRS = frozenset(
    (
        ("question", "mark"),
        ("exclamation", "mark"),
        ("exclamation", "point"),
        ("full", "stop"),
        ("new", "paragraph"),
    )
)
_SPOKEN_ALONE = frozenset(("period", "comma", "colon"))


def unspoken_marks(raw: list[str]) -> list[str]:
    """``raw`` without the punctuation marks said aloud in it (askfix17)."""
    pairs = [i for i in range(len(raw) - 1) if (raw[i], raw[i + 1]) in _SPOKEN_PAIRS]
    if not pairs:
        return raw
    dropped = {j for i in pairs for j in (i, i + 1)}
    dropped |= {i for i, w in enumerate(raw) if w in _SPOKEN_ALONE}
    return [w for i, w in enumerate(raw) if i not in dropped]
