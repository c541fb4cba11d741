"""Families an independent reviewer found (issue 11, safetyfix11), in the project's own words.

Each family: the sign it must find, and a look-alike beside it that must keep its own level.
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


# someone who does not answer a phone, a text or an email, or who is somewhere else and busy
# (at the office, in a lesson, on a trip), or who does not respond to a treatment, or who no
# longer wakes early: nobody lying unresponsive; someone here who cannot be roused stays an
# emergency
NOT_ANSWERING = [
    ("mama not answer when i ring, she is at the office", "none"),
    ("my wife not answer her mobile since lunch", "none"),
    ("dad not answer, he is busy at the shop", "none"),
    ("my daughter not answer my messages, she is at college", "none"),
    ("brother not answer the phone all week, he is on holiday", "none"),
    ("he not respond to my texts today", "none"),
    ("she not respond well to the chemo", "none"),
    ("my son is not answering, he is probably in a meeting", "none"),
    ("he not wake up before noon any more since he retired", "none"),
    ("grandma not answer, we shake her and she not open eyes", "emergency"),
    ("my husband not respond when i shout at him", "emergency"),
    ("she is not answering me, she is on the kitchen floor", "emergency"),
    ("dad is not answering me, he is lying on the floor at work", "emergency"),
    ("mom not responding to us, she was fine at work this morning", "emergency"),
    ("he not wake up, i call and call", "emergency"),
]

# a low reading told in number words slipped or run together: a tens word spelt from its unit
# ("fourty", "sixtys"), a decade of it, a tens word and a unit typed as one
NUMBER_WORDS_SLIPPED = [
    ("her glucose is in the low fivetys", "emergency"),
    ("my sugar dropped into the fourtys", "emergency"),
    ("glucose is thirtyeight", "emergency"),
    ("sugar is fourtysix", "emergency"),
    ("my grandson turned thirtyeight today", "none"),
]

# marks of self-harm found by someone, or kept from explanation, or its means hidden: a crisis;
# a mishap at a task, or marks with their cause told, stays none
SELF_HARM_FOUND = [
    ("her dad noticed her fresh burn marks", "crisis"),
    ("scratches on his thighs he will not explain", "crisis"),
    ("there were blades hidden under her mattress", "crisis"),
    ("he noticed my scratches from the cat", "none"),
]


@pytest.mark.parametrize(("text", "level"), NOT_ANSWERING + NUMBER_WORDS_SLIPPED + SELF_HARM_FOUND)
def test_safetyfix11_families_read_as_their_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)
