"""Figures of speech around a sign the triage found ("this waiting is killing me").

A match is a figure when a ``figures_of_speech`` pattern (``knowledge/safety/triage.yaml``)
found in its clause overlaps it, or when one found in its whole sentence holds its words: a
figure may reach over a comma ("kill me now, hospital parking is 14 a day", where the
everyday complaint after the comma is what makes the words a figure).
"""

from __future__ import annotations

import re


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
) -> bool:
    """Whether the words ``match`` found in ``clause`` are part of a figure of speech:
    ``patterns`` in the clause or the whole ``sentence``, ``clause_only`` in the clause
    (``find``: the scan's own :class:`Finder`, so that each list is read once per text)."""
    find = find or Finder()
    spans = [m.span() for m in (*find(patterns, clause), *find(clause_only, clause))]
    if any(a <= match.start() < b or a < match.end() <= b for a, b in spans):
        return True
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
