"""Families an independent reviewer found (issues 11 and 17, safetyfix14): a question about an
overdose in general keeps the answer with Poison Control, a danger sign asked about keeps the
urgent-care line. The level of each text of the review's families is read by
tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review14.yaml.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.languages import replies_for
from islet.safety.triage import triage

# a question about an overdose of a medicine in general: answered, with the Poison Control line
# beside the answer (as the urgent-care line beside a question about danger signs)
OVERDOSE_ASKED: list[tuple[str, Language]] = [
    ("what happens if you overdose on octreotide", "en"),
    ("what happens if someone takes too much octreotide", "en"),
    ("que pasa cuando alguien tiene una sobredosis de insulina", "es"),
]


@pytest.mark.parametrize(("text", "language"), OVERDOSE_ASKED)
def test_an_overdose_asked_about_keeps_the_answer_with_poison_control(
    text: str, language: Language
) -> None:
    safety = triage(text, language)
    line = replies_for(language).overdose_topic
    assert safety.level == "none"
    assert safety.overdose_topic
    assert safety.message.startswith(line.message)
    assert [c.number for c in safety.contacts] == [c.number for c in line.contacts]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("what are the signs of low blood sugar", "en"),
        ("the insulinoma makes too much insulin. what are the signs of too much insulin", "en"),
    ],
)
def test_a_danger_sign_or_a_hormone_asked_about_keeps_the_urgent_care_line(
    text: str, language: Language
) -> None:
    safety = triage(text, language)
    assert safety.level == "none" and safety.danger_topic and not safety.overdose_topic
    assert safety.message == replies_for(language).danger_topic


def test_the_overdose_line_is_the_poison_control_wording_islet_has() -> None:
    for language in ("en", "es"):
        texts = replies_for(language)
        assert texts.overdose.message.startswith(texts.overdose_topic.message)
        assert texts.overdose_topic.contacts[0] in texts.overdose.contacts
