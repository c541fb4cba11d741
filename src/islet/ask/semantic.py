"""Dense embeddings, offline only.

The default is a static word-piece embedding shipped in ``islet/ask/embeddings/`` (distilled
from all-MiniLM-L6-v2 by ``scripts/distill_ask_embeddings.py``, model2vec's method): a sentence
is the mean of its word pieces' vectors, so it needs only NumPy and loads in milliseconds. The
full all-MiniLM-L6-v2, run in NumPy by ``islet.minilm``, is used when the static vectors are
missing. Nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from islet import minilm
from islet.wordpieces import basic_words, word_pieces

STATIC_DIR = Path(__file__).resolve().parent / "embeddings"


class Encoder(Protocol):
    """Turns texts into unit-length vectors; similar meaning gives a high dot product."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]: ...


class StaticEncoder:
    """Static word-piece embeddings: BERT's uncased word-piece split, then the mean vector."""

    def __init__(self, directory: Path = STATIC_DIR) -> None:
        self.vectors = np.load(directory / "vectors.npy").astype(np.float32)
        vocab = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.ids = {piece: i for i, piece in enumerate(vocab)}

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]:
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float64)
        for row, text in enumerate(texts):
            ids = [i for word in basic_words(text) for i in self._pieces(word)]
            if ids:
                mean = self.vectors[ids].mean(axis=0)
                norm = float(np.linalg.norm(mean))
                out[row] = mean / norm if norm else mean
        return out

    @lru_cache(maxsize=50_000)  # noqa: B019 - one encoder per process; words repeat
    def _pieces(self, word: str) -> tuple[int, ...]:
        """The word pieces of ``word``; () when one is unknown (the word is left out)."""
        return word_pieces(word, self.ids) or ()


def static_available() -> bool:
    """Whether the static embeddings are in the installed package."""
    return (STATIC_DIR / "vectors.npy").is_file() and (STATIC_DIR / "vocab.txt").is_file()


def semantic_available() -> bool:
    """Whether an embedding model is available: the static one, or MiniLM (``islet.minilm``)."""
    return static_available() or minilm.model_dir() is not None


@cache
def default_encoder() -> Encoder | None:
    """The static encoder (else MiniLM in NumPy), loaded once; None when neither is there."""
    if static_available():
        return StaticEncoder()
    return minilm.encoder()
