"""The static word-piece encoder (issue 12), on a tiny vocabulary made here: the same loading and
splitting code as the distilled model, no model files needed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from islet.ask.semantic import StaticEncoder
from islet.wordpieces import basic_words

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "whip", "##ple", "surgery", "?", "tumor"]


@pytest.fixture
def encoder(tmp_path: Path) -> StaticEncoder:
    (tmp_path / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    vectors = np.eye(len(VOCAB), 4, dtype=np.float16)[:, :4]
    vectors[VOCAB.index("whip")] = [1, 0, 0, 0]
    vectors[VOCAB.index("##ple")] = [0, 1, 0, 0]
    vectors[VOCAB.index("surgery")] = [0, 0, 1, 0]
    vectors[VOCAB.index("tumor")] = [0, 0, 0, 1]
    np.save(tmp_path / "vectors.npy", vectors)
    return StaticEncoder(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is a Whipple?", ["what", "is", "a", "whipple", "?"]),
        ("Ki-67, café", ["ki", "-", "67", ",", "cafe"]),
    ],
)
def test_text_splits_into_lower_case_words_and_punctuation(text: str, expected: list[str]) -> None:
    assert basic_words(text) == expected


def test_a_word_is_its_longest_word_pieces(encoder: StaticEncoder) -> None:
    assert encoder._pieces("whipple") == (VOCAB.index("whip"), VOCAB.index("##ple"))
    assert encoder._pieces("zebra") == ()  # a word with an unknown piece is left out


def test_a_text_is_the_unit_mean_of_its_pieces(encoder: StaticEncoder) -> None:
    whipple, surgery, unknown = encoder.encode(["Whipple", "surgery", "zebra"])
    assert np.allclose(whipple, [2**-0.5, 2**-0.5, 0, 0], atol=1e-3)
    assert np.allclose(surgery, [0, 0, 1, 0])
    assert not unknown.any()
    assert float(whipple @ surgery) == pytest.approx(0.0)
