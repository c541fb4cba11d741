"""The figures of speech and the answered questions of the safety triage, as their modules read
them (islet.safety.figures, islet.safety.answers; safetyfix17d). Made-up patterns and texts in
our own words; the triage's own tables are in tests/cases/safety_reviews/review17d.yaml."""

from __future__ import annotations

import re

import pytest

from islet.safety.answers import answered
from islet.safety.figures import figured
from islet.safety.text import Sentence

# a figure told with nothing more after it (the `nothing_more_told` form)
LAUGHING = (re.compile(r"(?:me|le) duele el pecho de tanto reir(?![^.?!]*\b(?:y|pero)\b)"),)
# a figure that reaches over a comma
PARKING = (re.compile(r"kill me now \w+ parking is \d+ a day"),)


@pytest.mark.parametrize(
    ("sentence", "clause", "at", "figure"),
    [
        # the clause alone, nothing told after it: a figure
        ("me duele el pecho de tanto reir", "me duele el pecho de tanto reir", 0, True),
        # more told after it in the sentence: no figure, though the clause alone holds it
        (
            "me duele el pecho de tanto reir y estoy sudando frio",
            "me duele el pecho de tanto reir",
            0,
            False,
        ),
        # the clause's place unknown: read on its own, as before
        (
            "me duele el pecho de tanto reir y estoy sudando frio",
            "me duele el pecho de tanto reir",
            None,
            True,
        ),
    ],
)
def test_a_figure_with_nothing_told_after_it_is_read_on_its_whole_sentence(
    sentence: str, clause: str, at: int | None, figure: bool
) -> None:
    sign = re.search("me duele el pecho", clause)
    assert sign is not None
    assert figured(clause, sign, LAUGHING, sentence, at=at) is figure


@pytest.mark.parametrize(
    ("clause", "at", "figure"),
    [
        ("kill me now", 0, True),  # the words the figure holds
        ("kill me now", 41, False),  # the same words told again after it
    ],
)
def test_a_figure_of_the_sentence_holds_only_the_words_at_its_own_place(
    clause: str, at: int, figure: bool
) -> None:
    sentence = "kill me now hospital parking is 14 a day kill me now"
    assert sentence[at : at + len(clause)] == clause
    sign = re.search("kill me", clause)
    assert sign is not None
    assert figured(clause, sign, PARKING, sentence, at=at) is figure


@pytest.mark.parametrize(
    ("asked", "answer", "read"),
    [
        # a sign asked with its verb, denied
        ("le duele el pecho", ("no",), ["no le duele el pecho"]),
        ("se desmayo", ("no",), ["no se desmayo"]),
        # a "no" opening a longer answer: the rest read on its own
        ("se desmayo", ("no", "nomas se sento"), ["no se desmayo", "nomas se sento"]),
        (
            "le duele el pecho",
            ("no", "pero no despierta"),
            ["no le duele el pecho", "pero no despierta"],
        ),
        # no denial: the question as asked
        ("le duele el pecho", ("no se",), ["le duele el pecho", "no se"]),
        ("le duele el pecho", ("si",), ["le duele el pecho", "si"]),
        # a wish to die, or a question asked with a question word: kept as said
        ("quieres morirte", ("no",), ["quieres morirte", "no"]),
        ("que hago si se desmaya", ("no",), ["que hago si se desmaya", "no"]),
    ],
)
def test_a_spanish_no_denies_a_sign_asked_with_its_verb(
    asked: str, answer: tuple[str, ...], read: list[str]
) -> None:
    parts = [Sentence(asked, (asked,), True), Sentence(" ".join(answer), answer)]
    assert [s.text for s in answered(parts, "es")] == read
