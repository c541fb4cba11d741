"""The holes of the fifteenth session's helpers (issue 11, safetyfix15b) the level table cannot
show: the word model may read a figure of speech told as meant now. The level of each text of
the families is read by tests/core/test_safety_reviews.py from
tests/cases/safety_reviews/review15b.yaml.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import for_the_word_model

# (text, language, whether the word model may raise a crisis): a figure of speech keeps the
# word model from a crisis, unless a meant-now cue tells it as meant, in its sentence (before
# the figure too) or in a short sentence after it
FIGURES_AND_THE_MODEL: list[tuple[str, Language, bool]] = [
    ("this commute makes me want to die haha", "en", False),
    ("not kidding, this commute makes me want to die haha", "en", True),
    ("picked up rope for the tree swing. this time it is for me.", "en", True),
    ("picked up rope for the tree swing. going camping tonight.", "en", False),
    ("compré una cuerda para tender la ropa", "es", False),
    ("compré una cuerda para tender la ropa. No es broma, es para mí.", "es", True),
]


@pytest.mark.parametrize(("text", "language", "may_raise"), FIGURES_AND_THE_MODEL)
def test_a_figure_told_as_meant_now_leaves_the_word_model_free(
    text: str, language: Language, may_raise: bool
) -> None:
    unlike = for_the_word_model(text, language)[1]
    assert ("crisis" not in unlike) == may_raise, unlike
