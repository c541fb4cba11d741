"""How a question is asked: the questions each passage answers, read word for word.

BM25 over content words loses the form of a question: "what does the pancreas do" and "what is
the pancreas" are both just "pancreas". Here every question of ``expansions.yaml`` is indexed
with all its words, stop words included, and every pair of neighbouring words ("what_do",
"do_do"), so a question asked the way a passage's questions are asked finds that passage. The
closest questions lift their passages' scores; they never bring in a passage on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import bm25s
import numpy as np
from numpy.typing import NDArray

from islet.ask.words import stem

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
        self._bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        if self._owner:
            self._bm25.index(
                [question_form(q) for questions in asked for q in questions],
                show_progress=False,
            )

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

    def lift(
        self, scores: NDArray[np.float64], question_words: Sequence[str], weight: float, near: float
    ) -> NDArray[np.float64]:
        """``scores`` with each passage whose closest question is at least ``near`` as close as
        the closest of all lifted by ``weight`` times its closeness."""
        share = self.closeness(question_words)
        return scores * (1 + weight * np.where(share >= near, share, 0.0))
