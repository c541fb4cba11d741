"""Readings and signs told across clauses and sentences (issue 11, safetyfix14d): a count of
pills just taken gets the overdose reply. The level of each text of the review's families is read
by tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review14d.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a count of pills just taken, well over a dose
PILLS_JUST_TAKEN = [
    "took about 12 of them an hour ago",
    "she took 20 of them just now",
]


@pytest.mark.parametrize("text", PILLS_JUST_TAKEN)
def test_a_count_of_pills_just_taken_gets_the_overdose_reply(text: str) -> None:
    told_as_pills = triage("took about 12 pills an hour ago", "en")
    safety = triage(text, "en")
    assert (safety.message, safety.signs) == (told_as_pills.message, told_as_pills.signs)
