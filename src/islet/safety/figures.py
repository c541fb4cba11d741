"""Figures of speech around a sign the triage found ("this waiting is killing me").

A match is a figure when a ``figures_of_speech`` pattern (``knowledge/safety/triage.yaml``)
found in its clause overlaps it, or when one found in its whole sentence holds its words: a
figure may reach over a comma ("kill me now, hospital parking is 14 a day", where the
everyday complaint after the comma is what makes the words a figure).
"""

from __future__ import annotations

import re


def figured(
    clause: str,
    match: re.Match[str],
    patterns: tuple[re.Pattern[str], ...],
    sentence: str,
    clause_only: tuple[re.Pattern[str], ...] = (),
) -> bool:
    """Whether the words ``match`` found in ``clause`` are part of a figure of speech:
    ``patterns`` in the clause or the whole ``sentence``, ``clause_only`` in the clause."""
    spans = [m.span() for p in (*patterns, *clause_only) for m in p.finditer(clause)]
    if any(a <= match.start() < b or a < match.end() <= b for a, b in spans):
        return True
    words = match.group(0)
    return any(words in m.group(0) for p in patterns for m in p.finditer(sentence))
