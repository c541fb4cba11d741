"""The independent review of the safetyfix14 look-alike figures (issue 11, safetyfix14e): a
question about a danger keeps its note (urgent care, Poison Control). The level of each text of
the review's families is read by tests/core/test_safety_reviews.py from
tests/cases/safety_reviews/review14e.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a question about a danger sign, with or without a number: answered, with the urgent-care
# note (danger_topic); about too much of a medicine: Poison Control beside it (overdose_topic)
TOPICS: list[tuple[str, bool, bool]] = [
    ("what if my sugar drops", True, False),
    ("what if my sugar goes low at night", True, False),
    ("what if i get a low while driving", True, False),
    ("what if my sugar drops to 40", True, False),
    ("what happens if you overdose on octreotide", True, True),
]


@pytest.mark.parametrize(("text", "danger", "overdose"), TOPICS)
def test_a_question_about_a_danger_keeps_its_note(text: str, danger: bool, overdose: bool) -> None:
    safety = triage(text, "en")
    assert safety.level == "none"
    assert (safety.danger_topic, safety.overdose_topic) == (danger, overdose)
