"""BM25 scores computed once by bm25s, read at question time without numpy.

bm25s works out every (term, passage) score when the index is built and keeps them as a sparse
matrix, one column per term. Scoring a question then only adds up the columns of its terms.
Islet asks one question per run, over a few hundred passages: plain Python adds those few
thousand numbers in well under a millisecond, while importing numpy and bm25s to do it costs
far more than that at start-up. So bm25s (and numpy) are used only to build the index; the
matrix is kept as three flat arrays that the compiled index stores out of band (memory-mapped
when read, see ``islet.compiled``).

The sums are the ones bm25s makes: single precision, each passage's terms added in the order
of the question, so rankings and scores are exactly those of ``bm25s.BM25.get_scores``.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Sequence
from typing import Any


class Scores:
    """The precomputed BM25 scores of ``size`` documents, by term."""

    def __init__(
        self, vocabulary: dict[str, int], data: Any, indices: Any, indptr: Any, size: int
    ) -> None:
        self.vocabulary = vocabulary
        # Views of bytes-like buffers: float32 scores, int32 document numbers, int64 offsets.
        self.data = memoryview(data).cast("B").cast("f")
        self.indices = memoryview(indices).cast("B").cast("i")
        self.indptr = memoryview(indptr).cast("B").cast("q")
        self.size = size

    def scores(self, tokens: Sequence[str]) -> list[float]:
        """Each document's score for the query ``tokens`` (unknown tokens add nothing)."""
        total = array("f", bytes(4 * self.size))  # single precision, as bm25s adds them
        data, indices, indptr = self.data, self.indices, self.indptr
        terms = len(indptr) - 1
        for token in tokens:
            column = self.vocabulary.get(token)
            if column is None or column >= terms:
                continue
            for j in range(indptr[column], indptr[column + 1]):
                document = indices[j]
                total[document] = total[document] + data[j]
        return total.tolist()

    def __reduce__(self) -> tuple[Any, ...]:
        # The arrays go out of band: the compiled index maps them from its file in place.
        buffers = (pickle.PickleBuffer(view) for view in (self.data, self.indices, self.indptr))
        return (Scores, (self.vocabulary, *buffers, self.size))


def index(documents: list[list[str]], k1: float, b: float) -> Scores:
    """The BM25 scores of ``documents`` (each a list of terms), as bm25s computes them."""
    import bm25s  # only to build: with numpy, it takes longer to import than to answer
    import numpy as np

    bm25 = bm25s.BM25(k1=k1, b=b)
    if not documents:
        return Scores({}, b"", b"", np.zeros(1, dtype=np.int64).tobytes(), 0)
    bm25.index(documents, show_progress=False)
    matrix = bm25.scores
    return Scores(
        dict(bm25.vocab_dict),
        np.ascontiguousarray(matrix["data"], dtype=np.float32).tobytes(),
        np.ascontiguousarray(matrix["indices"], dtype=np.int32).tobytes(),
        np.ascontiguousarray(matrix["indptr"], dtype=np.int64).tobytes(),
        int(matrix["num_docs"]),
    )
