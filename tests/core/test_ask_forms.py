"""How a question is asked (issue 12): the questions each passage answers, read word for word,
lift the passages asked about the same way, and only those."""

from __future__ import annotations

import numpy as np
import pytest

from islet.ask.forms import QuestionForms, question_form
from islet.ask.words import words

ASKED = [
    ["what does the pancreas do", "what are islet cells"],  # passage 0: the pancreas
    ["what is the pancreas made of"],  # passage 1
    [],  # passage 2 answers no listed question
]


@pytest.fixture
def forms() -> QuestionForms:
    return QuestionForms([[words(q) for q in asked] for asked in ASKED])


def test_a_question_is_its_words_and_their_neighbouring_pairs() -> None:
    assert question_form(["what", "does", "it", "do"]) == [
        "what", "doe", "it", "do", "what_doe", "doe_it", "it_do",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("What does the pancreas do?", 0),
        ("what is a pancreas made of", 1),
    ],
)
def test_the_passage_asked_about_the_same_way_is_closest(
    forms: QuestionForms, question: str, closest: int
) -> None:
    share = forms.closeness(words(question))
    assert int(np.argmax(share)) == closest
    assert share[closest] == pytest.approx(1.0)
    assert share[2] == 0.0


def test_lifting_reorders_close_scores_but_never_adds_a_passage(forms: QuestionForms) -> None:
    scores = np.array([1.0, 1.2, 0.0])
    lifted = forms.lift(scores, words("what does the pancreas do"), weight=0.5, near=0.8)
    assert lifted[0] > lifted[1]  # asked the same way as passage 0's question
    assert lifted[1] == scores[1]  # passage 1's question is not close enough to be lifted
    assert lifted[2] == 0.0


def test_no_questions_lift_nothing() -> None:
    empty = QuestionForms([[], []])
    scores = np.array([0.5, 0.25])
    assert list(empty.lift(scores, words("what is it"), weight=1.0, near=0.5)) == [0.5, 0.25]


@pytest.mark.parametrize(
    ("question", "share", "owner"),
    [
        ("what are islet cells", 1.0, 0),  # a listed question, word for word
        ("what does the pancreas do", 1.0, 0),
        ("what is the pancreas made of", 1.0, 1),
    ],
)
def test_a_question_asked_word_for_word_is_said_in_full_by_its_passage(
    forms: QuestionForms, question: str, share: float, owner: int
) -> None:
    assert forms.asked_like(words(question)) == (pytest.approx(share), owner)


def test_a_word_no_listed_question_has_weighs_most(forms: QuestionForms) -> None:
    # "covid" is in no listed question: most of this question is not said by any of them.
    share, _ = forms.asked_like(words("what are the covid cells"))
    assert share < 0.5
    assert forms.asked_like([]) == (0.0, -1)
