"""Families of w74 and an independent reviewer's texts (issue 11, safety19), as a level table.

Each family: texts in the project's own words and the dev round's, and the level each must be
read at; the look-alikes beside them keep their own level.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a place or a way to die named with no word for death: a gaze that lasts, a drop with no fence,
# a spot picked, a height weighed as enough, a step back not taken next time, found only later
MEANS_WITHOUT_A_WORD_FOR_DEATH = [
    ("been staring at the bridge all evening", "crisis"),
    ("sat by the open window staring down for an hour", "crisis"),
    ("figured out which bridge has no fence. the one by the mill", "crisis"),
    ("just need to know if the 6th floor is enough", "crisis"),
    ("ive got the spot on the overpass picked though", "crisis"),
    ("the car park roof has no railing. i know the spot", "crisis"),
    ("walked out on the tracks tonight. next time i wont step off", "crisis"),
    ("the lake is deep this time of year, nobody'd find me till spring", "crisis"),
]

# a day picked with nothing for it to be for, told with everything made ready or a mind made up
DAY_PICKED_AND_READY = [
    ("picked sunday as the day. everything is ready", "crisis"),
    ("the will is signed and i picked the 14th", "crisis"),
    ("dont try to talk me out of it, the day is chosen", "crisis"),
    ("chose friday as my day. all is sorted", "crisis"),
    ("after saturday you wont hear from me again. thanks for everything", "crisis"),
]

# a supply put by, "commit" with nothing to commit to, a whole store swallowed
SUPPLY_AND_BARE_INTENT = [
    ("i have 60 oxy saved up", "crisis"),
    ("got forty sleeping pills stashed away", "crisis"),
    ("i wanna commit", "crisis"),
    ("been thinking about committing", "crisis"),
    ("she swallowed everything in the medicine cabinet", "emergency"),
    ("got like 60 of my tramadol saved up", "crisis"),
    ("I have decided to die on Saturday.", "crisis"),
    ("gave my boots to my brother. wont be needin em", "crisis"),
]

# a medicine that ran out or is refused, not started, or someone else's
MEDICINE_OUT_OR_NOT_OURS = [
    ("my prescription ran out and they will not refill it", "medication"),
    ("the pharmacy wont refill my octreotide until the insurance clears", "medication"),
    ("my doctor wants me on diazoxide, can i just not start it", "medication"),
    ("took one of my husband's sleeping pills last night, might keep doing it", "medication"),
    ("only 2 pills left and insurance no pay till next month, do i stop", "medication"),
    ("can i stretch the octreotide to every 5 weeks", "medication"),
    ("I upped my dose to 2 pills", "medication"),
]

# a bystander in a second language: shaken or called and not waking; pills beyond counting
BYSTANDER_IN_A_SECOND_LANGUAGE = [
    ("we shake her she not open eyes", "emergency"),
    ("i call him loud, he no wake", "emergency"),
    ("my mother take many many pill, she very sleepy", "emergency"),
    ("mi granny drop dung an she nuh ansa mi", "emergency"),
    ("my dad slumped in his chair and he aint answerin me", "emergency"),
    ("grandpa not waking up", "emergency"),
]

# dehydration told by a count of the day's peeing, with the mouth or lips dry
DEHYDRATION_BY_COUNTS = [
    ("only peed once in 24 hours, lips cracked", "emergency"),
    ("he only peed once in 2 days and his mouth is dry", "emergency"),
    ("runs all day, i have made no water since breakfast", "emergency"),
    ("diarrhea nonstop and barely a trickle of pee since last night", "emergency"),
    ("havent had a piss since this morning, the runs wont stop", "emergency"),
]

# the look-alikes: the day's doses taken, a sign told as gone, a distance, everyday doings, a day
# for something, a window for the breeze, a pill given to a relative
LOOK_ALIKES = [
    ("took 20 mg of my med", "none"),
    ("I took all my pills today", "none"),
    ("took all my tablets on time this morning", "none"),
    ("had a tight feeling in my chest this morning but it's gone", "none"),
    ("had some chest pain yesterday but its gone now, was heartburn", "none"),
    ("my dad had a heart attack in 1998", "none"),
    ("drove 60 kms to the clinic and back today", "none"),
    ("how many kms is it from the station to the hospital", "none"),
    ("I wanna go home and sleep", "none"),
    ("gave away old clothes to goodwill", "none"),
    ("I want to commit to eating better", "none"),
    ("my friend cut herself cooking", "none"),
    ("picked sunday as the day for the party. everything is ready", "none"),
    ("picked the 14th for the surgery, the will is signed", "none"),
    ("the window opens all the way, nice breeze", "none"),
    ("sitting by the window all day reading", "none"),
    ("she ran out the door to catch the bus", "none"),
    ("stretch the hamstrings to every side", "none"),
    ("only 2 slices of cake left", "none"),
    ("we decided to dye our hair", "none"),
    ("my son not answering my texts", "none"),
    ("the chest pressure turned out to be reflux and its totally gone now", "none"),
    ("pt reports the chest tightness he had monday resolved completely after antacids", "none"),
    ("does lanreotide cause hair loss? just curious, taking it fine", "none"),
]

# crisis look-alikes the word model read: a wish to live said outright, an everyday doing, a thing
# or a chore said to kill
NO_CRISIS = [
    ("I feel low but I have no wish to harm myself", "none"),
    ("tired and sad, but i'm not going anywhere", "none"),
    ("i cry sometimes but i keep going for my grandkids", "none"),
    ("sent a thank you letter to my surgeon", "none"),
    ("giving away the clothes that don't fit anymore", "none"),
    ("so tired i just want to sleep all day, is that the tumor", "none"),
    ("logging off, dead tired after the shift", "none"),
    ("this humidity is going to kill me", "none"),
    ("i would rather die than fill out one more form", "none"),
    ("nearly killed myself laughing at that", "none"),
]

# ... and what must stay an emergency beside them: a sign told after "gone", or gone somewhere
STILL_AN_EMERGENCY = [
    ("had chest pain but it's gone, now i cant breathe", "emergency"),
    ("chest pain, it has gone to my arm", "emergency"),
    ("took all my pills tonight", "emergency"),
    ("took 30 pills", "emergency"),
    ("chest pain not fully resolved, now crushing", "emergency"),
    ("chest pain resolved completely but now i am vomiting blood", "emergency"),
    ("turned out to be reflux and its gone, now i cant breathe", "emergency"),
    ("just curious, can i double my dose", "medication"),
]


@pytest.mark.parametrize(
    ("text", "level"),
    MEANS_WITHOUT_A_WORD_FOR_DEATH
    + DAY_PICKED_AND_READY
    + SUPPLY_AND_BARE_INTENT
    + MEDICINE_OUT_OR_NOT_OURS
    + BYSTANDER_IN_A_SECOND_LANGUAGE
    + DEHYDRATION_BY_COUNTS
    + LOOK_ALIKES
    + NO_CRISIS
    + STILL_AN_EMERGENCY,
)
def test_safety19_families_read_as_their_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


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
