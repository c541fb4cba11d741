"""Crisis told through preparations, harm to others, and their everyday look-alikes (issue 11,
safety16).

Each family is a structure of wording, written here in the project's own words: a crisis with no
word for death (a last occasion decided, affairs handed over, a time chosen, letters for each
child, a means looked up), thoughts of hurting someone else, and the look-alikes that must stay
``none``: where one lives, a goodbye to a place, an agreement ended, a dose told as taken.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a last birthday or holiday, told as decided; a prognosis or a move is no plan
LAST_OCCASION = [
    ("i have made up my mind, this christmas will be my last", "crisis"),
    ("next birthday is going to be my final one, it is my choice", "crisis"),
    ("this will be my last thanksgiving, i have made all the arrangements", "crisis"),
    ("this will be my last christmas in this flat, we are moving in march", "none"),
    ("the oncologist thinks this may be my last christmas", "none"),
    ("this will be my last chemo cycle, i have decided to celebrate", "none"),
]

# affairs handed over, or the time chosen, beside words of farewell
AFFAIRS_HANDED_OVER = [
    ("gave my son the pin numbers for my accounts so he will not have problems later", "crisis"),
    ("signed the house over to my daughter. i do not expect to need it", "crisis"),
    ("sent goodbye messages to my old team while i can still pick the day", "crisis"),
    ("gave my son the pin numbers for my accounts while i am in hospital next week", "none"),
    ("we set the date for the surgery and said bye to the nurses", "none"),
]

# a letter left for each of the family; a thank-you letter is none
LETTERS_FOR_EACH = [
    ("i am writing a letter for each of my grandchildren to open later", "crisis"),
    ("left each of my boys a note in their drawer", "crisis"),
    ("i have written a letter to each of my children for after i am gone", "crisis"),
    # a letter to the children's own people, read at a celebration, or about a practical matter
    ("wrote a note to each of my kids' swim coaches", "none"),
    ("my wife will read a short letter to each of our grandchildren at the christening", "none"),
    ("left a note for each of my boys about the new bus times", "none"),
]

# a pet given a new family, a worry waved off, someone who will be around
PET_AND_FAREWELL = [
    ("found a kind couple for my two cats, i will not be needing to feed them", "crisis"),
    ("gave all my rings to my niece. no need to worry about me", "crisis"),
    ("rehomed the cat with someone who will be around more, since i work nights now", "none"),
]

# a last time together, told as the speaker leaving
LAST_SEEN = [
    ("tell him today is the last time he will see me", "crisis"),
    ("this is the last time you will see me with hair, chemo starts monday", "none"),
]

# thoughts of hurting another person, in the first person; a body part, feelings, care or a thing
# are not this, and a killing said in anger needs words that mean it
HARM_TO_OTHERS = [
    ("i want to hurt my brother", "crisis"),
    ("i am going to hurt that nurse if she talks down to me again", "crisis"),
    ("some days i feel like i could strangle my husband, it scares me", "crisis"),
    ("i keep having thoughts of harming my son", "crisis"),
    ("i am going to kill my neighbour, i mean it", "crisis"),
    ("i will kill my sister if she eats my last biscuit", "none"),
    ("i hurt my wrist lifting him out of the bath", "none"),
    # "could" with a violent verb, or a threat over one more everyday annoyance, is a figure;
    # backed by an oath, a weapon at hand or a fear of the urge, it is not
    ("honestly i could strangle my sister when she hums at breakfast", "none"),
    ("i could choke my flatmate sometimes haha", "none"),
    ("i will strangle the cat if she knocks over one more plant", "none"),
    ("i could smother him with a pillow, i swear i will", "crisis"),
    ("i am going to kill my stepdad, i have got the knife in my bag", "crisis"),
    ("scared i will hurt her feelings if i tell her", "none"),
]

# a way out made ready, a firearm's ordinary use denied
MEANS = [
    ("i have my exit prepared", "crisis"),
    ("the rifle is loaded and it is not for hunting", "crisis"),
    ("we planned an exit route for the fire drill", "none"),
    ("the rifle is for deer season", "none"),
]

# how much of a medicine would be too much, looked up: a crisis, with the medicine reply too
MEANS_RESEARCHED = [
    ("been googling how much insulin would be too much", "crisis"),
    ("reading up on how many sleeping pills it takes to not wake up", "crisis"),
]

# where or with whom one lives is no wish about living; a wish not to live stays a crisis
WHERE_TO_LIVE = [
    ("i do not want to live on my own after the operation", "none"),
    ("mum does not want to live in a care home", "none"),
    ("i do not want to live with my in laws", "none"),
    ("i do not want to live like this any more", "crisis"),
    ("i do not want to live with this pain", "crisis"),
]

# goodbyes to places, things and groups, a move, an agreement ended, everyday cutting, faith
EVERYDAY_LOOKALIKES = [
    ("said goodbye to the old farm today, the new owners move in friday", "none"),
    ("goodbye to this ward at last, home tomorrow", "none"),
    ("saying goodbye to the choir, we are moving to leeds", "none"),
    ("ending the contract on my flat next month", "none"),
    ("cutting my son's hair in the kitchen again", "none"),
    ("i trust god with all of this and pray every morning", "none"),
    ("if i have to fill in one more form i am going to shoot myself haha", "none"),
]

# a dose told as taken, nothing asked, is no medicine question; asked, or with a symptom, it is
DOSE_TOLD = [
    ("i take 40 mg of pantoprazole", "none"),
    ("took 1.5 mg this morning", "none"),
    ("she is on 7.5 mg of prednisolone and keeps fainting", "emergency"),
    ("he takes 2.5 mg of prednisone and feels dizzy", "medication"),
    ("can i take 2.5 mg more of prednisone", "medication"),
]

# ... two doses told together, or an injection told as had, is no question either
DOSE_TOLD += [
    ("she takes 5 mg of sunitinib and 20 mg octreotide", "none"),
    ("had my 90 mg lanreotide jab this morning", "none"),
    ("had my 90 mg lanreotide jab and now my chest hurts and my arm is numb", "emergency"),
]

# a low told as over once sugar was taken; a person who sleeps late is no emergency
OVER_OR_HABIT = [
    ("her sugar fell to 3.2 last night but she had some juice and she is fine", "none"),
    ("dropped to 2.9 this afternoon, ate a few jelly beans and am ok", "none"),
    ("sugar 2.4 and shaking, had juice but not better", "emergency"),
    ("my son would not wake up until noon on saturday", "none"),
    ("she will not wake up, i have been shaking her", "emergency"),
]

# a body making too much of a hormone, asked about, is no overdose
HORMONE_MADE = [
    ("his tumour produces too much insulin, how is that treated", "none"),
    ("i took too many of my pills this morning", "medication"),
]

# medicine changes in other words, and a limit asked for a medicine named
OTHER_CHANGES = [
    ("may i omit my octreotide on the morning of the scan", "medication"),
    ("thinking about coming off my citalopram", "medication"),
    ("started magnesium last week, how much is too much", "medication"),
    ("how many glucose tablets make a dose", "medication"),
    ("how much water is too much on a hot day", "none"),
]

# a person's eyes that do not open when called; urine next to none
EMERGENCY_TOLD_BY_SOMEONE = [
    ("mum slid off the chair, her eyes will not open even when i shake her", "emergency"),
    ("runs all day and my urine output is next to nothing", "emergency"),
]

# a sign set in the past by months or years without one since; a sign of today stays one
NONE_FOR_MONTHS = [
    ("fitted twice before the operation, none in the ten months since", "none"),
    ("blacked out at work. have not had one in three years", "none"),
    ("she blacked out at lunch, nothing since", "emergency"),
]

FAMILIES = (
    NONE_FOR_MONTHS
    + LAST_OCCASION
    + AFFAIRS_HANDED_OVER
    + LETTERS_FOR_EACH
    + PET_AND_FAREWELL
    + LAST_SEEN
    + HARM_TO_OTHERS
    + MEANS
    + MEANS_RESEARCHED
    + WHERE_TO_LIVE
    + EVERYDAY_LOOKALIKES
    + DOSE_TOLD
    + HORMONE_MADE
    + OTHER_CHANGES
    + EMERGENCY_TOLD_BY_SOMEONE
    + OVER_OR_HABIT
)


@pytest.mark.parametrize(("text", "level"), FAMILIES)
def test_a_preparation_or_its_look_alike_reads_as_its_level(text: str, level: str) -> None:
    safety = triage(text, "en")
    assert safety.level == level, (safety.signs, safety.words)


@pytest.mark.parametrize(("text", "level"), MEANS_RESEARCHED)
def test_a_means_looked_up_also_gets_the_medicine_reply(text: str, level: str) -> None:
    assert "medication" in triage(text, "en").also


@pytest.mark.parametrize(
    ("text", "dose"),
    [("is 2.5 mg of prednisone too much", "2.5 mg"), ("should she have 12.5 units", "12.5 units")],
)
def test_a_decimal_dose_is_read_whole(text: str, dose: str) -> None:
    assert dose in triage(text, "en").words


@pytest.mark.parametrize(
    "text",
    [
        "she is 2.4 and will not answer me",
        "he is only 2.7 and not responding to us",
        # someone named, and one who will not talk or who mumbles
        "my husband is 1.9 and not responding",
        "she is 2.3. would not talk to us",
        "my dad is 2.6 and mumbling",
    ],
)
def test_a_bare_decimal_about_someone_who_does_not_answer_is_a_low(text: str) -> None:
    safety = triage(text, "en")
    assert safety.level == "emergency"
    assert safety.reading is not None


# a medicine someone else found and swallowed (a child most often) is a possible poisoning: an
# emergency with the medicine reply and Poison Control, never a crisis; a dose taken several
# times the one set is a possible overdose (Poison Control); a lower one is not
POISON_CONTROL = "1-800-222-1222"


@pytest.mark.parametrize(
    "text",
    [
        "the baby found her grandad's pills and ate two",
        "our toddler got hold of my meds and swallowed some",
    ],
)
def test_a_medicine_found_and_swallowed_by_someone_else_is_a_poisoning(text: str) -> None:
    safety = triage(text, "en")
    assert (safety.level, safety.also) == ("emergency", ["medication"])
    assert POISON_CONTROL in [c.number for c in safety.contacts]


@pytest.mark.parametrize(
    "text", ["my son is 2.5 and not talking yet", "my wife is 1.8 and not answering her phone"]
)
def test_a_bare_decimal_beside_a_toddler_or_a_phone_is_no_low(text: str) -> None:
    assert triage(text, "en").level == "none"


# a plan made ready (pills set out, a jump said as what one will do now), a doubled or mistaken
# count of a medicine; an organiser, a jump into water, blankets and wrong turns are none
READY_OR_MISTAKEN = [
    ("the tablets are all lined up on my bedside table", "crisis"),
    ("i keep my pills lined up in the dosette for the week", "none"),
    ("okay i am about to jump", "crisis"),
    ("i am going to jump in the pool", "none"),
    ("do i double up tomorrow then", "medication"),
    ("should we double up on blankets tonight", "none"),
    ("he took three by mistake", "medication"),
    ("took two wrong turns by accident", "none"),
]


@pytest.mark.parametrize(("text", "level"), READY_OR_MISTAKEN)
def test_a_plan_made_ready_or_a_count_mistaken_reads_as_its_level(text: str, level: str) -> None:
    assert triage(text, "en").level == level


def test_a_medicine_found_and_put_away_is_no_poisoning() -> None:
    assert triage("the nurse found my old pills and took them away", "en").level != "emergency"


@pytest.mark.parametrize(
    ("text", "poison_control"),
    [
        ("the pharmacist said 5 mg but he took 50 mg", True),
        ("was told to give 2 units and i gave her 10 units", True),
        ("she was prescribed 5 mg and took 7.5 mg by mistake", True),
        ("the doctor said 10 mg but i only took 5 mg", False),
        ("the label says 20 mg and i took 20 mg", False),
        ("the nurse said 2 weeks and she took 10 days off", False),
    ],
)
def test_a_dose_taken_above_the_one_set_is_a_possible_overdose(
    text: str, poison_control: bool
) -> None:
    safety = triage(text, "en")
    assert (POISON_CONTROL in [c.number for c in safety.contacts]) == poison_control, safety.signs
