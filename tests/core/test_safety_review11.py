"""Families an independent reviewer found (issue 11, safetyfix11), in the project's own words:
what the reply holds beside the level. The level of each text the review gave is read by
tests/core/test_safety_reviews.py from tests/cases/safety_reviews/review11.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a whole supply swallowed, with despair given as the reason ("because", "since", "as"): a crisis
# first, its reply naming the crisis line beside the emergency and Poison Control
SUPPLY_SWALLOWED_FOR_DESPAIR = [
    "swallowed every one of my tablets since i am totally done",
    "took the whole box of sleeping tablets cause i am done with it all",
    "swallowed the whole bottle of my pain meds as none of it matters",
    "took all of my pills at once because i cannot cope with this any more",
]


@pytest.mark.parametrize("text", SUPPLY_SWALLOWED_FOR_DESPAIR)
def test_a_supply_swallowed_for_despair_is_a_crisis_with_the_emergency(text: str) -> None:
    safety = triage(text, "en")
    assert safety.level == "crisis", (safety.signs, safety.words)
    assert "emergency" in safety.also


# the same reason words beside an ordinary dose or an errand: no crisis
DONE_WITH_SOMETHING_ORDINARY = [
    "took my evening tablet because i am done with dinner",
    "i give up on this recipe, took my usual pill anyway",
]


@pytest.mark.parametrize("text", DONE_WITH_SOMETHING_ORDINARY)
def test_an_ordinary_reason_is_no_crisis(text: str) -> None:
    safety = triage(text, "en")
    assert safety.level != "crisis" and "crisis" not in safety.also, (safety.signs, safety.words)
