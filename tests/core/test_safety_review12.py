"""Families of an independent reviewer's texts (issue 11, safetyfix12b): the numbers a reply
to a swallow or a crisis keeps. The level of each text is read by tests/core/test_safety_reviews.py
from tests/cases/safety_reviews/review12.yaml.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a way to die named as a wish or a thought: a gerund or "want to" before the method
METHOD_WISHED_OR_THOUGHT = [
    "thinking about hanging myself",
    "want to slit my wrists",
    "been thinking of slitting my wrists",
    "i keep thinking about drowning myself",
    "estoy pensando en cortarme las venas",
]

# pills swallowed on purpose, or oneself poisoned with them: a crisis first, the emergency
# beside it (medicine swallowed with intent leads with crisis; the reply keeps 911 and Poison
# Control)
POISONED_ON_PURPOSE = [
    "I just drank a bottle of my meds on purpose",
    "poisoned myself with my medicines",
    "me envenené con mis pastillas",
]

# an overdose just taken: told as done ("overdosed on"), a handful, a child who swallowed a pill,
# too many told with the time since or with feeling unwell
OVERDOSE_JUST_TAKEN = [
    "I overdosed on my sleeping pills",
    "i took double handful of tylenol 20 min ago",
    "the baby swallowed one of my pills",
    "my toddler ate two of my tablets",
    "mi hijo se tragó mis pastillas",
    "i think i took my dose 3 times by mistake, feeling very dizzy",
    "took too many everolimus just now",
    "tomé demasiadas pastillas hace media hora",
    "me tomé pastillas de más sin querer y me siento muy mal",
]


@pytest.mark.parametrize("text", POISONED_ON_PURPOSE)
def test_poisoned_on_purpose_is_an_emergency_too(text: str) -> None:
    assert "emergency" in triage(text).also


@pytest.mark.parametrize("text", POISONED_ON_PURPOSE + OVERDOSE_JUST_TAKEN)
def test_a_swallow_keeps_911_and_poison_control(text: str) -> None:
    numbers = " ".join(str(c) for c in triage(text).contacts)
    assert "911" in numbers
    assert "1-800-222-1222" in numbers


@pytest.mark.parametrize("text", POISONED_ON_PURPOSE + METHOD_WISHED_OR_THOUGHT)
def test_a_crisis_keeps_988(text: str) -> None:
    assert "988" in " ".join(str(c) for c in triage(text).contacts)
