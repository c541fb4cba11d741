"""An independent reviewer's families (issues 11 and 17, safetyfix13d): a low reading told
with sleepiness leads with 911. The level of each text of the review's families is read by
tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review13d.yaml.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.languages import replies_for
from islet.safety.triage import triage

# a low reading told with sleepiness: the reply leads with calling 911 (the emergency's own
# words), as with confusion, not with fast sugar for someone awake who can swallow
SLEEPY_LOW: list[tuple[str, Language]] = [
    ("I can hardly stay awake and my sugar is 48", "en"),
    ("my sugar is 48 and im very sleepy", "en"),
    ("sugar 2.6 and she keeps dozing off", "en"),
    ("tengo el azúcar en 48 y casi no puedo mantenerme despierto", "es"),
    ("azúcar de 45 y casi no puedo tener los ojos abiertos", "es"),
]


@pytest.mark.parametrize(("text", "language"), SLEEPY_LOW)
def test_a_low_reading_with_sleepiness_leads_with_911(text: str, language: Language) -> None:
    safety = triage(text, language)
    texts = replies_for(language)
    assert safety.level == "emergency"
    assert texts.levels["emergency"].message in safety.message
    assert texts.low_sugar.first not in safety.message


def test_a_low_reading_alone_still_gives_fast_sugar_first() -> None:
    safety = triage("my sugar is 48", "en")
    assert replies_for("en").low_sugar.first in safety.message
