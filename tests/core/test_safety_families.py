"""Families of wording the safety triage reads in general forms (issue 11, safety13).

Each family is a kind of wording that new writers used, written here in the project's own words:
the sign it must find, and the look-alike beside it that must stay ``none`` (or its own level).
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# blood and vomit typed with a letter doubled or a double letter typed once
SPELT_AS_SAID = [
    ("he keeps vommiting and theres blod in it", "emergency"),
    ("threw up bloood twice since lunch", "emergency"),
    ("my mum is throwing up blod right now", "emergency"),
    ("coughing up bloood this evening", "emergency"),
]

# a plan of one's own death told in two clauses joined by "and"
PLAN_IN_TWO_CLAUSES = [
    ("i have a plan and i know when", "crisis"),
    ("she has a plan now and she has picked the day", "crisis"),
    ("he made a plan and he knows how", "crisis"),
    ("we have a plan for the week and i know when the scan is", "none"),
    ("the oncologist has a plan and i know when we start", "none"),
    ("i have a plan for my diet and i know how to count carbs", "none"),
]

# a clinician's shorthand: SI is suicidal ideation, a plus sign is "positive for"
CLINICAL_SHORTHAND = [
    ("pt +SI, no plan", "crisis"),
    ("+SI since the scan results", "crisis"),
    ("patient SI without plan, lives alone", "crisis"),
    ("pt SI, safety plan in place", "crisis"),
    ("denies SI", "none"),
    ("no SI, mood fine", "none"),
    ("Si, me duele la cabeza", "none"),
]

# the means of self-harm gathered or hidden once more
MEANS_GATHERED_AGAIN = [
    ("started collecting razor blades again", "crisis"),
    ("hiding the blades again under the mattress", "crisis"),
    ("bought a new bread knife again, the old one broke", "none"),
]

# a danger sign or a number asked about in general: answered, no emergency
ASKED_IN_GENERAL = [
    ("what causes black stools", "none"),
    ("what can cause vomiting blood in someone with a gastrinoma", "none"),
    ("why would someone pass out after an octreotide shot", "none"),
    ("what does a sugar of 52 mean", "none"),
    ("what does a reading of 2.9 mean", "none"),
    ("is a sugar of 48 dangerous", "none"),
    ("can a low sugar happen during the night", "none"),
    # ... but a person's own number or sign is a report, whatever question follows
    ("my sugar is 52, what does that mean", "emergency"),
    ("sugar 47 what does it mean", "emergency"),
    ("why do i keep passing out", "emergency"),
    ("is my sugar of 48 dangerous", "emergency"),
    # ... and so is a number a meter or a check just gave, asked about
    ("how worried should i be about 37 on the meter", "emergency"),
    ("what does it mean if the monitor shows 2.6", "emergency"),
]

# a time or an effort "taken" is no medicine swallowed
TIME_TAKEN = [
    ("the chemo infusion took all afternoon", "none"),
    ("getting to the hospital took all my strength", "none"),
    ("the pet scan took all of 40 minutes", "none"),
    ("he took the whole bottle of his sleeping pills", "emergency"),
    ("i took all of the tablets she had left", "emergency"),
    ("my son is on tik tok all evening", "none"),
]

# a poison or a handful of any medicine swallowed is an emergency (Poison Control in the reply)
SWALLOWED = [
    ("my brother drank some drain cleaner", "emergency"),
    ("she popped a handful of ativan", "emergency"),
    ("can you get sick from the smell of bleach", "none"),
    ("cleaned the kitchen with bleach today", "none"),
    ("i had a handful of questions after the scan", "none"),
]

# an everyday activity "taken" is no medicine
EVERYDAY_TAKE = [
    ("is it safe to take a bath after my scan", "none"),
    ("is it ok to take the train after the biopsy", "none"),
    ("is it safe to take a long walk after the whipple", "none"),
    ("is it safe to take ibuprofen with lanreotide", "medication"),
    ("is it ok to take my octreotide after a meal", "medication"),
]

# a reading told as the result of a check, with no sugar word; a meter's LO in any verb form
CHECKED_NUMBERS = [
    ("shaky again, checked and its 47", "emergency"),
    ("rechecked, its still 44 and i feel foggy", "emergency"),
    ("checked just now, its 39, on my own", "emergency"),
    ("the meter keeps saying LO, i have no tabs left", "emergency"),
    ("the monitor is reading LO for her", "emergency"),
    ("checked and its 96 now, feeling better", "none"),
    ("rechecked my temp and its 38", "none"),
    ("checked and its 60 miles to the nearest hospital", "none"),
    ("checked the oven and its 45 minutes to go", "none"),
]

# emergencies said in other words: little urine with fluid loss, someone down and not
# answering, a breath that cannot be taken
OTHER_WORDS = [
    ("she has only peed once today, the diarrhea keeps coming, dizzy standing", "emergency"),
    ("peed a tiny bit, dark, and the watery runs all day", "emergency"),
    ("my husband went down in the hallway and is not answering me", "emergency"),
    ("grandad fell down by the shed and will not respond", "emergency"),
    ("he fell down the stairs last month and is not answering his phone today", "none"),
    ("i can not get my breath since this morning", "emergency"),
    ("I cannot take a full breath and it started an hour ago", "emergency"),
]

FAMILIES = (
    SPELT_AS_SAID
    + PLAN_IN_TWO_CLAUSES
    + CLINICAL_SHORTHAND
    + MEANS_GATHERED_AGAIN
    + ASKED_IN_GENERAL
    + EVERYDAY_TAKE
    + CHECKED_NUMBERS
    + OTHER_WORDS
    + TIME_TAKEN
    + SWALLOWED
)


@pytest.mark.parametrize(("text", "level"), FAMILIES)
def test_a_family_of_wording_reads_as_its_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


ASKED_ABOUT = ["what does a sugar of 52 mean", "what causes black stools", "is a sugar of 48 bad"]


@pytest.mark.parametrize("text", ASKED_ABOUT)
def test_a_danger_asked_about_still_shows_when_to_get_urgent_care(text: str) -> None:
    assert triage(text, "en").danger_topic


# Jamaican speech read through its words ("fi" to, "tek" take, "miself" myself)
JAMAICAN = [
    ("mi cut miself again last night", "crisis"),
    ("mi tired fi live", "crisis"),
    ("mi tink bout tek all mi pills one time", "crisis"),
    ("too tired to live it up this weekend", "none"),
]


@pytest.mark.parametrize(("text", "level"), JAMAICAN)
def test_jamaican_speech_reads_as_its_level(text: str, level: str) -> None:
    assert triage(text, "en").level == level


# safety17: a vowel left out of a short key word ("wnt", "kll"), and "die" spelled "dye" where
# no object follows (dyeing takes one, dying none)
SHORT_SLIPS = [
    ("i just wnt to dye", "crisis"),
    ("honestly i wanna dye tonight", "crisis"),
    ("i wnt to go home after the scan", "none"),
    ("i want to dye my hair red before chemo", "none"),
]

# anger turned to an intent to kill a person named by who they are, with nothing after it that
# makes it a figure (a condition, a time, a joke, a game)
KILLING_A_NAMED_PERSON = [
    ("i am going to kill my landlord", "crisis"),
    ("im gonna murder my ex. i mean it", "crisis"),
    ("i will kill my brother if he eats my chips again", "none"),
    ("i am going to kill my husband when he gets home lol", "none"),
    ("i am going to kill my cravings with fruit", "none"),
]

# someone "is" a whole number with a sign of a low joined straight to it: the number is a
# reading; an age with a sign an age brings, or a phone not answered, is not
PERSON_IS_A_NUMBER_AND_A_SIGN = [
    ("my dad is 39 and not responding", "emergency"),
    ("she is 44 and clammy and wont answer me", "emergency"),
    ("my sister is 44 and not answering her phone", "none"),
    ("he is 48 and shaky on his feet since the op", "none"),
]

# enough of a thing named is no wish to die; an absence bounded in time is a trip, not a farewell
ENOUGH_OF_A_THING_AND_AWAY_FOR_A_WHILE = [
    ("i have had enough of the hospital food", "none"),
    ("i won't be around this weekend, we are going on a trip", "none"),
    ("not going to be around for 2 weeks, visiting my son", "none"),
    ("i have had enough of my life", "crisis"),
    ("i have had enough of it all", "crisis"),
    ("i won't be around for much longer", "crisis"),
]


@pytest.mark.parametrize(
    ("text", "level"),
    SHORT_SLIPS
    + KILLING_A_NAMED_PERSON
    + PERSON_IS_A_NUMBER_AND_A_SIGN
    + ENOUGH_OF_A_THING_AND_AWAY_FOR_A_WHILE,
)
def test_safety17_families_read_as_their_level(text: str, level: str) -> None:
    assert triage(text, "en").level == level


# safetyfix10: the dose taken told first, then the one set ("instead of", "rather than", "in
# place of", "prescribed", "but her dose is"), with any verb of taking: above the one set is a
# possible overdose and the reply leads with Poison Control; equal or below is the plain reply
DOSE_TAKEN_FIRST_THEN_THE_ONE_SET = [
    ("she swallowed 60 mg in place of 6 mg", True),
    ("gave him 8 capsules rather than 4", True),
    ("i injected 30 units instead of 3", True),
    ("had 15mg, prescribed 1.5mg", True),
    ("took 20 mcg but his dose is 2 mcg", True),
    ("took 50 when i was supposed to take 5", True),
    ("took 12 instead of 1.2", True),
    ("took 1 tablet instead of 3", False),
    ("gave her 5 mg rather than 5 mg", False),
    ("took 0.5 mg, prescribed 5 mg", False),
    ("took 2 pills instead of 4 like the nurse said", False),
]


@pytest.mark.parametrize(("text", "above"), DOSE_TAKEN_FIRST_THEN_THE_ONE_SET)
def test_a_dose_taken_told_before_the_one_set(text: str, above: bool) -> None:
    safety = triage(text, "en")
    assert safety.level == "medication", (safety.signs, safety.words)
    assert ("Poison Control" in safety.message) is above, safety.message


# safetyfix10: a named person one "will kill" for a reason of everyday annoyance (for + -ing,
# what they did told in the next clause), at a game after a trailing "...": a figure of speech;
# words that mean it, in the sentence or the next, keep it a crisis. A wish to die trailing off
# into laughing is the same figure as "died laughing".
KILLING_AS_A_FIGURE = [
    ("i am going to kill my manager for booking me on the weekend shift", "none"),
    ("i'm gonna murder my wife, she ate the last of the ice cream", "none"),
    ("i will kill my brother... at chess tonight", "none"),
    ("i want to die... laughing so hard at this cat video", "none"),
    ("i am going to kill my neighbour for mowing at 6am. i have got the knife ready", "crisis"),
    ("i'm going to kill my ex, she never pays on time. i mean it", "crisis"),
    ("i want to die... nothing is helping anymore", "crisis"),
]


@pytest.mark.parametrize(("text", "level"), KILLING_AS_A_FIGURE)
def test_a_killing_or_a_death_said_as_a_figure(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


# safetyfix10: "what is the point of" / "why bother with" a treatment, a test or a medicine asks
# what it is for (Ask answers it); with living, going on or trying in the sentence, or nothing
# named, it is a crisis
POINT_OF_A_TREATMENT = [
    ("what is the point of chemo when the scan shows it has grown", "none"),
    ("why bother with the octreotide shots if the tumour is stable", "none"),
    ("whats the point of radiotherapy now", "none"),
    ("why bother having blood tests every month", "none"),
    ("what is the point of chemo if i am dying anyway", "crisis"),
    ("why bother with my meds, what is the point of living", "crisis"),
    ("whats the point of carrying on", "crisis"),
    ("so what is the point of any of this", "crisis"),
]

# safetyfix10: someone beside the person tells a colour or a skin gone wrong (grey, ashen, blue,
# clammy) with no answer or only mumbling: an emergency; the colour of hair or the sky, or a phone
# not answered, is not
COLOUR_AND_NO_ANSWER = [
    ("my husband is ashen and will not answer me", "emergency"),
    ("came home and mum is clammy and mumbling", "emergency"),
    ("grandpa is grey, he is not talking", "emergency"),
    ("my brother looks pale and is not answering his texts", "none"),
    ("the walls are grey and he is mumbling in his sleep again", "none"),
]


@pytest.mark.parametrize(("text", "level"), POINT_OF_A_TREATMENT + COLOUR_AND_NO_ANSWER)
def test_safetyfix10_families_read_as_their_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


# safetyfix10: a farewell bounded in time or place, bed announced, a treatment as "the last thing
# i want", a story told, an alarm that does not wake the teller, a dose taken as always, and a
# usual dose asked in general: none; the same words unbounded keep their level
BOUNDED_AND_ORDINARY = [
    ("this is my last post for tonight, cheers", "none"),
    ("i just want to be gone from this ward", "none"),
    ("won't be around much longer at my company, retiring in june", "none"),
    ("off to bed now, night everyone", "none"),
    ("honestly the last thing i want is more scans", "none"),
    ("in the film the old man collapsed in the street", "none"),
    ("my alarm will not wake me, any tips for heavy sleepers", "none"),
    ("took my lanreotide shot as usual this morning", "none"),
    ("what is the recommended dose of everolimus", "none"),
    ("this is my last post", "crisis"),
    ("i just want to be gone from this life", "crisis"),
    ("my mum would not wake this morning", "emergency"),
    ("what is the maximum dose of paracetamol i can give him", "medication"),
]


@pytest.mark.parametrize(("text", "level"), BOUNDED_AND_ORDINARY)
def test_safetyfix10_bounded_and_ordinary_wording(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


# safety18: how a number word, a span of readings, a time, a death, a lab value and a clinical
# note are read; each family beside the look-alike that must not move
NUMBER_WORDS_AS_TYPED = [
    # a tens word typed with a letter added, left out or swapped is still the number
    ("the meter reads fourty three and i am sweating", "emergency"),
    ("glucose ninty this morning, all good", "none"),
    ("sugar is eigthy after breakfast", "none"),
    # a decade told as a span is read like "the 30s"
    ("her sugar has been in the thirties since lunch and she is shaky", "emergency"),
    ("his readings are in the thirtys, he is pale", "emergency"),
    ("readings in the nineties all week", "none"),
    # ... but a person's age stays an age
    ("my husband is in his forties and his sugar is fine", "none"),
]

TIMES_DEATHS_AND_OTHER_MEASURES = [
    # a month named with "last" sets a sign in the past
    ("had a reading of 48 last april, nothing like it since", "none"),
    ("i blacked out last october, not once since", "none"),
    ("i blacked out this morning, not once since", "emergency"),
    # a death and the sign it came of: a family's history
    ("my grandmother passed away from a stroke", "none"),
    ("we lost dad to a heart attack when i was small", "none"),
    ("my brother died of a heart attack and now i have crushing chest pain", "emergency"),
    ("she nearly died of a seizure this morning", "emergency"),
    # another measure owns the level named just after it
    ("fasting insulin level came back at 40, is that high", "none"),
    ("potassium level 3.2 on the bloods", "none"),
    ("pain level 3 today, sugar normal", "none"),
    ("took my insulin and now the reading is 41, shaky", "emergency"),
]

WORDS_AND_NOTES = [
    # someone told as not waking while another tries to rouse them is unresponsive; a habit of
    # sleeping through an alarm is not
    ("grandma fall on the stairs, not wake up when we shake her", "emergency"),
    ("my wife on the floor, not respond when i shout", "emergency"),
    ("my son does not wake up before noon at weekends", "none"),
    # hopeless about an errand, money or a skill is no crisis; hopeless about living is
    ("i feel hopeless about the insurance paperwork", "none"),
    ("totally hopeless at maths, can someone explain mg to mmol", "none"),
    ("i feel hopeless and i do not want to go on", "crisis"),
    # a clinician's shorthand for suicidal or homicidal ideation, and greetings that look alike
    ("pt w/ SI since last week", "crisis"),
    ("SI passive x3 days, lives alone", "crisis"),
    ("husband endorses HI toward his boss", "crisis"),
    ("hi with a question about lanreotide", "none"),
    ("hi since the operation i sleep badly", "none"),
    ("please advise re SI screening forms for clinic", "none"),
]


@pytest.mark.parametrize(
    ("text", "level"), NUMBER_WORDS_AS_TYPED + TIMES_DEATHS_AND_OTHER_MEASURES + WORDS_AND_NOTES
)
def test_safety18_structures_read_as_their_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)
