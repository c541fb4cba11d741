"""The systems Ask Islet is measured against: plain BM25 and dense embeddings alone.

Both rank the same passages Islet ranks, for the patient audience, and answer in Islet's
``Answer`` shape so that one scorer measures all of them.
"""

from __future__ import annotations

import bm25s
import numpy as np

from islet.ask.answer import Answer, Understood, answer_passage
from islet.ask.passages import Passage, passages
from islet.ask.semantic import Encoder
from islet.kb import KnowledgeBase
from islet.model import Audience

# Dense-only declines a question whose best passage is less similar than this (cosine); it has
# no other way to tell a question the summary does not cover.
DENSE_ONLY_CUT = 0.35


def _answer(question: str, ranked: list[tuple[Passage, float]]) -> Answer:
    return Answer(
        question=question,
        in_scope=True,
        answers=[answer_passage(p, s) for p, s in ranked],
        help="",
        confidence=1.0,
        understood=Understood(),
    )


class PlainBM25:
    """The baseline: bm25s with its own English tokenizer over the same passages.

    No stemming, no lay terms, no spelling repair, no structured answers; a question is out of
    scope only when no passage shares a word with it.
    """

    def __init__(self, kb: KnowledgeBase, audience: Audience = "patient") -> None:
        self.passages: list[Passage] = [p for p in passages(kb) if p.for_audience(audience)]
        corpus = [f"{p.title} {p.text}" for p in self.passages]
        self.retriever = bm25s.BM25()
        self.retriever.index(
            bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False
        )

    def __call__(self, question: str, limit: int = 5) -> Answer:
        tokens = bm25s.tokenize([question], stopwords="en", return_ids=False, show_progress=False)
        known = [t for t in tokens[0] if t in self.retriever.vocab_dict]
        scores = np.asarray(self.retriever.get_scores(known), dtype=float) if known else None
        if scores is None or scores.max() <= 0:
            return Answer.declined(question)
        order = [i for i in np.argsort(-scores, kind="stable")[:limit] if scores[i] > 0]
        top = scores[order[0]]
        return _answer(question, [(self.passages[i], scores[i] / top) for i in order])


class DenseOnly:
    """Embeddings alone: the passages most similar to the question, cosine similarity."""

    def __init__(self, kb: KnowledgeBase, encoder: Encoder, audience: Audience = "patient") -> None:
        self.passages = [p for p in passages(kb) if p.for_audience(audience)]
        self.encoder = encoder
        self.vectors = encoder.encode([f"{p.title}. {p.text}" for p in self.passages])

    def __call__(self, question: str, limit: int = 5) -> Answer:
        similarity = self.vectors @ self.encoder.encode([question])[0]
        order = [int(i) for i in np.argsort(-similarity, kind="stable")[:limit]]
        if similarity[order[0]] < DENSE_ONLY_CUT:
            return Answer.declined(question)
        return _answer(question, [(self.passages[i], float(similarity[i])) for i in order])
