"""How far a cue that lowers a sentence's level reaches (issues 11, 17; safetyscope16).

A lowering cue (a clinician's word that a sign is harmless, a sign told as gone or as over, a
medicine taken by mistake, a question in general, an opening clause in the past) speaks of the
signs told up to it, not of every sign in its sentence. Its place is the first clause by whose
end the cue is found (:func:`found_at`). It covers a sign told in that clause or before it; a sign
told in a later clause only when the cue ``reaches`` on (a question or a past opening: "what are
the signs of a clot, swelling, a warm calf") and no contrast ("but", "pero") stands between them
and no clause up to the sign's has a present marker of its own ("..., and now"); never the sign
of a clause told after the cue otherwise ("the doctor said it is panic, but my lips are blue").
"""

from __future__ import annotations

import re

from islet.safety.cues import Compiled, any_of
from islet.safety.text import Sentence


def _ends(sentence: Sentence) -> list[tuple[int, int]]:
    """Where each clause lies in the sentence's text (the clauses are in order in it)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for clause in sentence.clauses:
        start = sentence.text.find(clause, at)
        start = at if start < 0 else start
        spans.append((start, start + len(clause)))
        at = start + len(clause)
    return spans


def found_at(patterns: tuple[re.Pattern[str], ...], sentence: Sentence) -> int | None:
    """The first clause by whose end one of ``patterns`` is found, or None if none is."""
    if not any_of(patterns, sentence.text):
        return None
    for j, (_, end) in enumerate(_ends(sentence)):
        if any_of(patterns, sentence.text[:end]):
            return j
    return len(sentence.clauses) - 1


def covers(sentence: Sentence, at: int | None, clause: str, c: Compiled, reaches: bool) -> bool:
    """Whether a cue placed at clause ``at`` covers a sign found in ``clause``."""
    if at is None or clause not in sentence.clauses:
        return at is not None
    k = sentence.clauses.index(clause)
    if k <= at:
        return True
    if not reaches:
        return False
    spans = _ends(sentence)
    between = sentence.text[spans[at][1] : spans[k][1]]
    later = sentence.clauses[at + 1 : k + 1]
    return not any_of(c.contrasts, between) and not any(any_of(c.present, k2) for k2 in later)
