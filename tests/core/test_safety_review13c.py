"""An independent review (issues 11 and 17, safetyfix13c): a goodbye for ever and no answer
gives 911 and 988. The level of each text of the review's families is read by
tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review13c.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a goodbye for ever and no answer: emergency, with the crisis line beside 911, in both languages
GOODBYE_AND_NO_ANSWER = [
    ("my son said goodbye forever and isn't answering", "en"),
    ("mi hijo se despidió para siempre y no contesta", "es"),
]


@pytest.mark.parametrize(("text", "language"), GOODBYE_AND_NO_ANSWER)
def test_goodbye_for_ever_and_no_answer_gives_911_and_988(text: str, language: str) -> None:
    safety = triage(text, language)  # type: ignore[arg-type]
    assert safety.level == "emergency"
    assert "crisis" in safety.also
    assert "911" in safety.message and "988" in safety.message
