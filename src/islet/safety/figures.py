"""Figures of speech around a sign the triage found ("this waiting is killing me").

A match is a figure when a ``figures_of_speech`` pattern (``knowledge/safety/triage.yaml``)
found in its clause overlaps it, or when one found in its whole sentence holds its words: a
figure may reach over a comma ("kill me now, hospital parking is 14 a day", where the
everyday complaint after the comma is what makes the words a figure).
"""

from __future__ import annotations

import re

# how a figure's pattern says nothing more is told after it in the sentence (the
# `nothing_more_told` form in triage.yaml, both languages): "(?![^.?!]*\b(?:and|but|...)\b)"
REST_OF_SENTENCE = "(?![^.?!]*"


class Finder:
    """Every match of a list of patterns in a text, each list read once per text: a scan asks
    the same clause about the same figures for every sign it checks (kept for one scan only)."""

    def __init__(self) -> None:
        # by the list's identity (hashing compiled patterns reads their whole code); the list
        # is kept beside its matches, so its identity stays its own while this finder lives
        self._found: dict[tuple[int, str], tuple[object, list[re.Match[str]]]] = {}

    def __call__(self, patterns: tuple[re.Pattern[str], ...], text: str) -> list[re.Match[str]]:
        key = (id(patterns), text)
        kept = self._found.get(key)
        if kept is None:
            kept = self._found[key] = (patterns, [m for p in patterns for m in p.finditer(text)])
        return kept[1]


def figured(
    clause: str,
    match: re.Match[str],
    patterns: tuple[re.Pattern[str], ...],
    sentence: str,
    clause_only: tuple[re.Pattern[str], ...] = (),
    find: Finder | None = None,
    at: int | None = None,
) -> bool:
    """Whether the words ``match`` found in ``clause`` are part of a figure of speech:
    ``patterns`` in the clause or the whole ``sentence``, ``clause_only`` in the clause
    (``find``: the scan's own :class:`Finder`, so that each list is read once per text; ``at``:
    where the clause lies in ``sentence``, when it is known).

    safetyfix17d: with the clause's place known, a figure told with nothing more after it (its
    pattern holds ``REST_OF_SENTENCE``) found in the clause counts only when its pattern also
    finds it there in the whole sentence, so that its own "nothing more told after it" sees the
    rest ("me duele el pecho de tanto reírme y estoy sudando frío" is no figure); and a figure
    found in the sentence holds only the words at the sign's own place, never the same words
    told again, as real, later in it."""
    find = find or Finder()
    placed = at is not None and sentence[at : at + len(clause)] == clause
    told = find(patterns, sentence) if placed else []

    def holds(a: int, b: int) -> bool:
        return a <= match.start() < b or a < match.end() <= b

    def in_sentence(m: re.Match[str]) -> bool:
        """Whether ``m``'s pattern finds words at ``m``'s place in the whole sentence too, when
        it is a figure told with nothing more after it (the others read their own clause)."""
        if at is None or not placed or REST_OF_SENTENCE not in m.re.pattern:
            return True
        a, b = at + m.start(), at + m.end()
        return any(s.re is m.re and s.start() < b and s.end() > a for s in told)

    if any(holds(*m.span()) for m in find(clause_only, clause)):
        return True
    if any(holds(*m.span()) and in_sentence(m) for m in find(patterns, clause)):
        return True
    if at is not None and placed:
        start, end = at + match.start(), at + match.end()
        return any(s.start() <= start and end <= s.end() for s in told)
    words = match.group(0)
    return any(words in m.group(0) for m in find(patterns, sentence))


# a later sentence this short says its meant-now cue of the whole thought before it ("Not
# joking, it's for me tonight."); a longer one only when the cue opens it ("This time I mean
# it, ...")
SHORT_SENTENCE = 8
OPENING_WORDS = 3
# how many sentences after a figure a meant-now cue may take it back
SENTENCES_AFTER = 2


def meant_later(texts: list[str], meant_now: tuple[re.Pattern[str], ...]) -> list[bool]:
    """For each sentence, whether one of the next sentences tells it as meant now (issue 11,
    safetyfix15b): "I bought a rope for the washing line. Not joking, it's for me tonight." A
    meant-now cue undoes a figure of speech in its own sentence; told in a short sentence just
    after, or opening one, it undoes the figure of the sentences before it the same way."""

    def says_meant(text: str) -> bool:
        words = text.split()
        if len(words) <= SHORT_SENTENCE:
            return any(p.search(text) for p in meant_now)
        opening = " ".join(words[: OPENING_WORDS + 2])
        return any(
            (m := p.search(opening)) is not None and len(opening[: m.start()].split()) < 3
            for p in meant_now
        )

    meant = [says_meant(t) for t in texts]
    return [any(meant[i + 1 : i + 1 + SENTENCES_AFTER]) for i in range(len(texts))]
