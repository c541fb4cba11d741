"""The thirteenth review (issues 11 and 17, safetyfix13): the missed-dose reply, which must not
instruct about a medicine: it sends the question to the care team or pharmacist. The level of
each text of the review's families is read by tests/core/test_safety_reviews.py from
tests/cases/safety_reviews/review13.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

MISSED_DOSE = [
    ("forgot my octreotide shot last week, do i take 2 now to catch up", "en"),
    ("se me olvidó la pastilla de ayer, ¿me tomo dos hoy?", "es"),
]


@pytest.mark.parametrize(("text", "language"), MISSED_DOSE)
def test_missed_dose_reply_sends_the_question_to_the_care_team(text: str, language: str) -> None:
    safety = triage(text, language)  # type: ignore[arg-type]
    assert safety.level == "medication"
    said = safety.message.lower()
    assert "double dose" not in said and "dosis doble" not in said
    if language == "en":
        assert "ask them before taking an extra one" in said
    else:
        assert "pregúnteles antes de tomar una dosis de más" in said
