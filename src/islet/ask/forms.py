"""How a question is asked: the questions each passage answers, read word for word.

BM25 over content words loses the form of a question: "what does the pancreas do" and "what is
the pancreas" are both just "pancreas". Here every question of ``expansions.yaml`` is indexed
with all its words, stop words included, and every pair of neighbouring words ("what_do",
"do_do"), so a question asked the way a passage's questions are asked finds that passage. The
closest questions lift their passages' scores; they never bring in a passage on their own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from islet.ask import bm25
from islet.text import stem

BM25_K1 = 1.2  # the usual BM25 settings: these documents are all short questions
BM25_B = 0.75


def question_form(question_words: Sequence[str]) -> list[str]:
    """Every word of a question, stemmed, and every pair of neighbouring words."""
    stems = [stem(w) for w in question_words]
    return stems + [f"{a}_{b}" for a, b in pairwise(stems)]


class QuestionForms:
    """The questions each of ``n`` passages answers (``asked[i]``, as word lists), indexed."""

    def __init__(self, asked: Sequence[Sequence[Sequence[str]]]) -> None:
        self.size = len(asked)
        self._owner = [i for i, questions in enumerate(asked) for _ in questions]
        forms = [question_form(q) for questions in asked for q in questions]
        self._bm25 = bm25.index(forms, BM25_K1, BM25_B)
        sets = [frozenset(form) for form in forms]
        self._holding: dict[str, list[int]] = {}  # token -> the listed questions that hold it
        for i, listed in enumerate(sets):
            for token in listed:
                self._holding.setdefault(token, []).append(i)
        df = Counter({t: len(held) for t, held in self._holding.items()})
        n = len(sets)
        self._idf = {t: math.log(1 + (n + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)

    def closeness(self, question_words: Sequence[str]) -> list[float]:
        """For each passage, how close its closest question is to this one, as a share of the
        closest question of all (1.0 for the passage that owns it; 0 when none is close)."""
        best = [0.0] * self.size
        form = question_form(question_words)
        if not self._owner or not form:
            return best
        for owner, score in zip(self._owner, self._bm25.scores(form), strict=True):
            if score > best[owner]:
                best[owner] = score
        top = max(best)
        return [b / top for b in best] if top > 0 else best

    def asked_like(self, question_words: Sequence[str]) -> tuple[float, int]:
        """How much of this question one listed question says, and the passage that answers
        that question (-1 when none). Each word and word pair weighs by how rare it is among
        the listed questions, and a word none of them has ("covid") weighs most: 1.0 when a
        listed question holds all of it ("how many people get this" in "how many people get
        this each year")."""
        form = set(question_form(question_words))
        if not form or not self._owner:
            return 0.0, -1
        weight = {t: self._idf.get(t, self._unknown_idf) for t in form}
        said: dict[int, float] = {}
        for token in form:
            for i in self._holding.get(token, ()):
                said[i] = said.get(i, 0.0) + weight[token]
        if not said:
            return 0.0, -1
        best = min(said, key=lambda i: (-said[i], i))  # the first listed of the closest
        return said[best] / sum(weight.values()), self._owner[best]

    def lift(
        self, scores: Sequence[float], question_words: Sequence[str], weight: float, near: float
    ) -> list[float]:
        """``scores`` with each passage whose closest question is at least ``near`` as close as
        the closest of all lifted by ``weight`` times its closeness."""
        share = self.closeness(question_words)
        return [
            score * (1 + weight * (close if close >= near else 0.0))
            for score, close in zip(scores, share, strict=True)
        ]
