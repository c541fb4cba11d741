"""Kinds of wording the safety triage reads in general forms (issue 11, safety14).

Each kind is one that new writers used, written here in the project's own words: the sign that
must be found, beside the look-alike that must stay ``none`` (or its own level).
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a low number with no sugar word: said low beside it, or alone next to "low" / "hypo"; never a
# number told as an age, a weight or a price, nor one told in the past
LOW_WITHOUT_A_SUGAR_WORD = [
    ("just checked, is 41 low?", "emergency"),
    ("44 and dropping, hands shaking", "emergency"),
    ("going low, 39, cant think straight", "emergency"),
    ("im 41 and feeling low about it all this week", "none"),
    ("my weight is 48 kg, feeling low since the surgery", "none"),
    ("paid 45 dollars for the parking, low on cash now", "none"),
    ("had a hypo last week, 3.4, juice fixed it", "none"),
]

# a number only supposed, not read: a question about what if
SUPPOSED_NUMBERS = [
    ("what if his sugar drops to 45 in the night", "none"),
    ("say my glucose is 3.1, what do i do", "none"),
    ("my sugar is 45 and im shaky, what if it keeps falling", "emergency"),
]

# a key word typed with a letter left out or one added
ONE_LETTER_OUT_OR_IN = [
    ("he had a seizre at the table", "emergency"),
    ("crushing chesst pain right now", "emergency"),
    ("i keep vomitting bloood", "emergency"),
]

# shorthand of a note: SOB, SI read positive, a screen said positive
NOTE_SHORTHAND = [
    ("pt acutely SOB, sats dropping", "emergency"),
    ("c/o SOB and chest tightness since 6am", "emergency"),
    ("i sob at every sad film", "none"),
    ("PHQ done, SI+", "crisis"),
    ("screen came back positive SI, GP informed", "crisis"),
    ("denies SI", "none"),
]

# tired of living in other words; a wish to be dead already; whether anyone would miss one gone
# for good; quitting life as a gamer says it; death as a mercy; a wish not to wake said gently
CRISIS_IN_OTHER_WORDS = [
    ("honestly so sick of living like this", "crisis"),
    ("fed up with being alive", "crisis"),
    ("why cant i just die already", "crisis"),
    ("would anybody even miss me if i was gone for good", "crisis"),
    ("might just rage quit life tbh", "crisis"),
    ("dying would be such a relief at this point", "crisis"),
    ("i would prefer to just not wake up some morning", "crisis"),
    ("mi waan dead, mi cyaan tek it", "crisis"),
    ("sick of living in this flat with the damp", "none"),
    ("we sorted my life insurance, quit life admin for the day", "none"),
]

# an outing one cannot go on is no crisis; "can not go on" alone or "like this" still is
OUTINGS = [
    ("gutted i cant go on the family holiday after the op", "none"),
    ("cannot go on the hospital ward trip this year", "none"),
    ("i cant go on like this anymore", "crisis"),
    ("i can not go on this way", "crisis"),
]

# a gun told with hunting or a range is no crisis; sitting with it, loaded, still is
GUNS = [
    ("got the shotgun out for duck season with my son", "none"),
    ("taking my rifle to the range on sunday", "none"),
    ("my hunting rifle is loaded and im sitting with it", "crisis"),
]

# a fear of fainting at a time to come is a worry; fainting again and again is a report
FEARED_SIGNS = [
    ("so nervous about fainting at the blood test tomorrow", "none"),
    ("worried she will pass out during the long infusion", "none"),
    ("terrified, i keep fainting in the shower", "emergency"),
]

# insulin taken twice or too much is emergency help too, with the medication reply beside it
TOO_MUCH_INSULIN = [
    ("my husband injected his insulin twice tonight", "emergency"),
    ("gave her double the insulin by mistake", "emergency"),
]

# a dose to draw up, two doses after a missed one, doses held
DOSE_QUESTIONS = [
    ("how much should i draw up for the lanreotide", "medication"),
    ("missed last night, should i take two tablets today", "medication"),
    ("ok to hold a few doses of the everolimus while the mouth sores heal?", "medication"),
]

# An independent review's families (2026-12-06), in our own words --------------------------

# a way of living is no wish to die; living in pain or like this still is
WAYS_OF_LIVING = [
    ("so sick of living out of boxes since the move", "none"),
    ("fed up of living paycheck to paycheck with these bills", "none"),
    ("sick of living in this tiny flat", "none"),
    ("im sick of living in pain like this", "crisis"),
    ("honestly sick of living", "crisis"),
]

# pills taken to die: a crisis first, with the emergency and Poison Control
PILLS_TO_DIE = [
    ("swallowed 20 of my sleeping pills to die", "crisis"),
    ("took my pills so i can end it tonight", "crisis"),
    ("took two paracetamol to get rid of the headache", "none"),
]

# a number hoped never to be seen, a test feared to come, a definition asked for
NOT_NOW = [
    ("if her sugar ever gets to 40 what do we do", "none"),
    ("just in case his glucose is 45 at night, where is the kit", "none"),
    ("will she faint during the colonoscopy tomorrow", "none"),
    ("might black out at the blood test, needles get me", "none"),
    ("what is a dvt exactly", "none"),
    ("i might pass out, everything is spinning", "emergency"),
    ("sugar 44 right now in case you need the number, shaking", "emergency"),
]

# a low said just before its number, and a meter's LO with no verb
LOW_BEFORE_ITS_NUMBER = [
    ("hypo 2.7 and sweating", "emergency"),
    ("low 42, cant find the juice", "emergency"),
    ("cgm LO and he wont wake properly", "emergency"),
    ("low 120 this morning, fine", "none"),
    ("my sugar is lo carb friendly these days?", "none"),
]

# a prayer to be taken now; a tool or a colour called a gun
PRAYERS_AND_TOOLS = [
    ("lord just take me already", "crisis"),
    ("lord take me through this operation", "none"),
    ("sewer side thoughts are back", "crisis"),
    ("glue gun burn on my thumb, is that ok", "none"),
    ("we picked the gun metal grey paint for the hall", "none"),
]

KINDS = (
    WAYS_OF_LIVING
    + PILLS_TO_DIE
    + NOT_NOW
    + LOW_BEFORE_ITS_NUMBER
    + PRAYERS_AND_TOOLS
    + LOW_WITHOUT_A_SUGAR_WORD
    + SUPPOSED_NUMBERS
    + ONE_LETTER_OUT_OR_IN
    + NOTE_SHORTHAND
    + CRISIS_IN_OTHER_WORDS
    + OUTINGS
    + GUNS
    + FEARED_SIGNS
    + TOO_MUCH_INSULIN
    + DOSE_QUESTIONS
)


@pytest.mark.parametrize(("text", "level"), KINDS)
def test_a_kind_of_wording_reads_as_its_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


def test_too_much_insulin_brings_the_medication_reply_too() -> None:
    assert "medication" in triage("he took double his insulin this morning", "en").also


def test_pills_taken_to_die_give_the_crisis_line_and_poison_control() -> None:
    safety = triage("took a handful of his tablets to die", "en")
    numbers = {contact.number for contact in safety.contacts}
    assert safety.level == "crisis" and {"988", "911", "1-800-222-1222"} <= numbers


def test_a_goodbye_with_its_return_and_feeling_better_are_no_farewell() -> None:
    assert triage("bye all, see you after the scan on friday", "en").level == "none"
    assert triage("gave up fizzy drinks and feel heaps better", "en").level == "none"
    assert triage("dejé los refrescos y me siento mucho mejor", "es").level == "none"
    assert triage("me voy al pueblo, nos vemos el lunes", "es").level == "none"


def test_a_past_wish_that_has_come_back_counts_whatever_else_the_text_holds() -> None:
    assert triage("i wanted to die back in may and now it is back", "en").level == "crisis"


def test_too_much_insulin_asked_about_is_no_emergency() -> None:
    assert triage("is double the usual insulin dose ever prescribed?", "en").level != "emergency"
