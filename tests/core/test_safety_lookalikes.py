"""Look-alikes the English triage must leave at ``none``, beside the real signs that share their
words (issue 11): numbers that are not blood sugar, everyday waking, animals, figures of speech,
fears of not waking, questions about a sign in general; and wording of real danger that no
pattern read before."""

from __future__ import annotations

import pytest

from islet.safety import triage

NOT_A_READING = [
    "my 45 year old son has an insulinoma and his sugar keeps dropping",
    "we are in room 38, his sugar has been ok today",
    "sugar was fine, he is in room 38",
    "she is 38 weeks pregnant and her sugar is fine",
    "sugar has been ok, day 40 of chemo today",
    "sugar readings were fine, he turned 60 today",
    "sugar fine, on floor 3, ward 44",
    "insulinoma patient, bed 36, sugar normal",
    "day 40 of chemo and my sugar checks are all fine",
    "38 weeks pregnant and my glucose test was fine",
    "his sugar is stable, my 45 year old son sits with him at night",
    # an age: when an illness began, or a person's years, is never a level
    "then diabetes out of nowhere at 58",
    "my sugar was fine for years, then type 2 at 61 and the tumour at 63",
    "the sugar trouble hit my mum at 52, the insulinoma was found later",
    "glucose problems began when he was 48",
    "my husband got his sugar diagnosis aged 57",
    "dad's blood sugar went funny in his 50s",
    "he was diabetic by 40",
    "sugar's fine, I'm 58 years old and booked for a scan",
]

A_READING = [
    ("my sugar 45", 45),
    ("sugar is now 45", 45),
    ("his sugar was ok at 60 and then he fainted", 60),
    ("2.9 mmol and sweaty", 2.9),
    ("he is 80 and his sugar was 52", 52),
    # a level at a time of day, or still low after sugar, is a reading whatever follows "at"
    ("sugar 58 at breakfast", 58),
    ("my meter showed 49 at 6am", 49),
    ("had three glucose tabs and still at 46", 46),
    ("diabetic for years, my sugar dropped at 50 and I'm shaking", 50),
]

NONE = [
    # everyday waking, a fear of not waking after an operation
    "i cant wake my son up for school, he is a teenager, any tips",
    "cant wake my husband up in the mornings since the new tablets, is tiredness a side effect",
    "scared I won't wake up after the surgery",
    "terrified i will not wake up from the anaesthetic tomorrow",
    # an animal's sign
    "my dog had a seizure last night, vet says epilepsy",
    "the cat collapsed yesterday and the vet says she is fine",
    # figures of speech
    "i nearly keeled over when the consultant said it was benign, best news ever",
    "my husband says he will kill me if i forget his birthday",
    "he said he'd jump off a bridge if he has to drink one more of those shakes",
    "so tired of fighting the insurance company over every scan",
    "i feel so tired of all this waiting",
    # a sign asked about in general, or whether it can come back
    "is shortness of breath a side effect of everolimus",
    "since the op my sugars are fine, can the fainting come back",
    "is dark poo from iron different from the black tarry stool they warn about",
    # an amount that is not a dose; everyday words that end like a medicine's name
    "what counts as a normal amount of pee a day with diarrhoea",
    "my late husband did the computer, i had a fall in april",
    "we decide later whether he goes in the side room",
    "where do I start, had the op in 2019 and now on creon and insulin",
    # a clinician's word that the sign is harmless; fine again the same day; as always
    "black stools since i started the iron, the gp said that is normal",
    "my chest gets tight when i am anxious, the gp says it is panic",
    "i felt faint in the heat yesterday but i'm fine today",
    "breathless with my copd, same as always",
    # figures of speech
    "i can't breathe through my nose with this cold",
    "i could not breathe for laughing at the grandkids",
    "i want to die my hair but is it safe during chemo",
    "i give up trying to understand these letters",
    "end of my rope with the insurance",
    "i want to go to sleep and not wake up until the scan is over",
    "i read that people can have seizures from low sugar, is that true",
    "my neighbours husband had the same thing and collapsed, could that happen to us",
    # whether a relative will get the tumour too (the word model once read it as crisis)
    "will my kids get it as well",
]

REAL = [
    ("my wife just colapsed in the garden", "emergency"),
    ("my dog was barking and then i collapsed", "emergency"),
    ("cant wake my husband up, his sugar is low", "emergency"),
    ("hes 79, runs for 3 days, now drowsy, hasnt been for a wee since yesterday", "emergency"),
    ("whats the easiest way to die with out it hurting", "crisis"),
    ("my granny keeps scraping her wrists with a nail file", "crisis"),
    ("would it even matter to anyone if i stopped being here", "crisis"),
    ("cant picture a future at all", "crisis"),
    ("im not waiting around for the tumours to finish me", "crisis"),
    ("i will kill myself if the cancer comes back", "crisis"),
    ("i put two everolimus in her slot and shes taken both", "medication"),
    ("took another zopiclone because the first didnt work", "medication"),
    ("didnt eat any dinner, do i still take my insulin dose", "medication"),
    ("black stools and dizzy, the gp is closed", "emergency"),
    ("suddenly breathless and my chest hurts", "emergency"),
    ("i want to die, i cant do this any more", "crisis"),
    ("i want to go to sleep and not wake up", "crisis"),
    ("stopped my amlodipine last week", "medication"),
]


@pytest.mark.parametrize("text", NOT_A_READING)
def test_a_number_that_is_not_a_blood_sugar_is_no_reading(text: str) -> None:
    safety = triage(text, "en")
    assert safety.reading is None and safety.level == "none", safety.words


@pytest.mark.parametrize(("text", "value"), A_READING)
def test_a_low_blood_sugar_number_is_still_read(text: str, value: float) -> None:
    safety = triage(text, "en")
    assert safety.level == "emergency"
    assert safety.reading is not None and safety.reading.value == value


@pytest.mark.parametrize("text", NONE)
def test_a_look_alike_raises_nothing(text: str) -> None:
    safety = triage(text, "en")
    assert safety.level == "none", (safety.signs, safety.words)


@pytest.mark.parametrize(("text", "level"), REAL)
def test_the_real_sign_still_raises_its_level(text: str, level: str) -> None:
    assert triage(text, "en").level == level
