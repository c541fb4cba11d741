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

import bm25s
import numpy as np
from numpy.typing import NDArray

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
        self._bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        if self._owner:
            self._bm25.index(forms, show_progress=False)
        sets = [frozenset(form) for form in forms]
        self._holding: dict[str, list[int]] = {}  # token -> the listed questions that hold it
        for i, listed in enumerate(sets):
            for token in listed:
                self._holding.setdefault(token, []).append(i)
        df = Counter({t: len(held) for t, held in self._holding.items()})
        n = len(sets)
        self._idf = {t: math.log(1 + (n + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)

    def closeness(self, question_words: Sequence[str]) -> NDArray[np.float64]:
        """For each passage, how close its closest question is to this one, as a share of the
        closest question of all (1.0 for the passage that owns it; 0 when none is close)."""
        best = np.zeros(self.size)
        form = question_form(question_words)
        if not self._owner or not form:
            return best
        scores = np.asarray(self._bm25.get_scores(form), dtype=float)
        np.maximum.at(best, self._owner, scores)
        top = float(best.max())
        return best / top if top > 0 else best

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
        self, scores: NDArray[np.float64], question_words: Sequence[str], weight: float, near: float
    ) -> NDArray[np.float64]:
        """``scores`` with each passage whose closest question is at least ``near`` as close as
        the closest of all lifted by ``weight`` times its closeness."""
        share = self.closeness(question_words)
        return scores * (1 + weight * np.where(share >= near, share, 0.0))
