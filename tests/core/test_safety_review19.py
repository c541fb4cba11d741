"""Families of w74 and an independent reviewer's texts (issue 11, safety19): a pill shared with a
relative is no crisis. The level of each text of the review's families is read by
tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review19.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage


@pytest.mark.parametrize(
    "text",
    [
        "gave my mum one of my paracetamol for her headache",
        "lent my brother a couple of my allergy pills",
    ],
)
def test_a_pill_shared_with_a_relative_is_no_crisis(text: str) -> None:
    safety = triage(text, "en")
    assert safety.level != "crisis" and "crisis" not in safety.also, (safety.signs, safety.words)
