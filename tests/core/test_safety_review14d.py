"""Readings and signs told across clauses and sentences (issue 11, safetyfix14d): a low reading
told as "it is N" after a first reading or a rise; a short answer sentence ("No.", "it wasn't.")
read with the sentence before it; a goodbye for good; a count of pills just taken.

Each table: texts -> the level the triage must give; the look-alikes beside them keep theirs.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# a low told as "it is N" / "its N" after a first reading or a rise, in a text that names blood
# sugar or signs of a low
IT_IS_A_LOW: list[tuple[str, Language]] = [
    ("my sugar came up to 110 after juice but now it is 40 and he is shaking", "en"),
    ("now it is 40 and he is shaking", "en"),
    ("it came up to 110 after juice but now its 40", "en"),
    ("sugar was 110 after juice, now 40 and shaking", "en"),
    ("his glucose went up to 95 after the snack but now it is 45", "en"),
    ("she was sweaty and confused, now it is 38", "en"),
]

# ... and "it is N" of a temperature, a time, an age or a count, or a rise that stays up
IT_IS_SOMETHING_ELSE: list[tuple[str, Language]] = [
    ("my sugar is fine, it is 40 degrees out", "en"),
    ("shaky after the walk, it is 40 minutes to the clinic", "en"),
    ("my sugar came up to 110 after juice, it's 40 years since i had a hypo like that", "en"),
    ("sugar came up to 110 after juice and now it is fine", "en"),
]

# a sign asked and denied in the next sentence; a chore said after "I can't do this anymore"
ANSWERED_NEXT: list[tuple[str, Language]] = [
    ("Chest pain? No. Heartburn from pizza, yes", "en"),
    ("Trouble breathing? Nope. Just a stuffy nose.", "en"),
    ("I can't do this anymore. The laundry, I mean.", "en"),
    ("I can't do this anymore. The sheets.", "en"),
    ("cant do this anymore. the paperwork.", "en"),
]

# ... and the sign told in the sentence after, or the words alone
STILL_A_SIGN: list[tuple[str, Language]] = [
    ("Chest pain? Yes. It is crushing.", "en"),
    ("Chest pain. Started an hour ago.", "en"),
    ("i cant breathe. no", "en"),
]

# a "No." after a sign told, not asked, denies nothing; a "no" to whether someone breathes, wakes
# or answers is the emergency itself
NO_AFTER_A_STATEMENT_OR_A_VITAL_QUESTION: list[tuple[str, Language]] = [
    ("chest pain. no. it is crushing", "en"),
    ("is he breathing? no", "en"),
    ("Is she awake? No.", "en"),
    ("does he respond? no", "en"),
    ("is my husband still breathing? no", "en"),
    ("can the baby wake up? nope", "en"),
]

# ... while a "yes" to it, or a "no" with what is happening instead, is no alarm
VITAL_QUESTION_ANSWERED_WELL: list[tuple[str, Language]] = [
    ("is she breathing? yes", "en"),
    ("is he awake? no, he is asleep, he is fine", "en"),
]

# a "No." after a wish told with a person or a verb is no denial of it
STILL_A_CRISIS: list[tuple[str, Language]] = [
    ("I want to die. No.", "en"),
    ("want to die? no", "en"),
    ("I can't do this anymore. The pain is too much.", "en"),
    ("I can't do this anymore. The pain.", "en"),
    ("I can't do this anymore. This is it.", "en"),
    ("cant do this anymore. the kids.", "en"),
]

# a goodbye for good with nowhere named; self-harm told as hidden
GOODBYE_AND_HIDDEN: list[tuple[str, Language]] = [
    ("you won't hear from me again. take care", "en"),
    ("this is my last message here, thank you for everything", "en"),
    ("told the ER it was a kitchen accident. it wasn't.", "en"),
]

# ... and a goodbye to a site that names where they go
GOODBYE_TO_A_SITE: list[tuple[str, Language]] = [
    ("I'm switching to the patient portal, you won't hear from me here again", "en"),
    ("moving to the facebook group, you won't hear from me here again. take care", "en"),
    ("told the ER it was a kitchen accident. it was, the knife slipped.", "en"),
]

# a count of pills just taken, well over a dose
PILLS_JUST_TAKEN: list[tuple[str, Language]] = [
    ("took about 12 of them an hour ago", "en"),
    ("she took 20 of them just now", "en"),
]

# ... and a dose's count, or many spread over days
PILLS_AS_USUAL: list[tuple[str, Language]] = [
    ("took 2 of them an hour ago", "en"),
    ("took 12 of them over the week", "en"),
]


@pytest.mark.parametrize(
    ("text", "language", "level"),
    level_rows(
        emergency=IT_IS_A_LOW
        + PILLS_JUST_TAKEN
        + STILL_A_SIGN
        + NO_AFTER_A_STATEMENT_OR_A_VITAL_QUESTION,
        crisis=GOODBYE_AND_HIDDEN + STILL_A_CRISIS,
        none=IT_IS_SOMETHING_ELSE
        + ANSWERED_NEXT
        + GOODBYE_TO_A_SITE
        + PILLS_AS_USUAL
        + VITAL_QUESTION_ANSWERED_WELL,
    ),
)
def test_safety14d_families_read_as_their_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.signs, safety.words)


@pytest.mark.parametrize("text", [t for t, _ in PILLS_JUST_TAKEN])
def test_a_count_of_pills_just_taken_gets_the_overdose_reply(text: str) -> None:
    told_as_pills = triage("took about 12 pills an hour ago", "en")
    safety = triage(text, "en")
    assert (safety.message, safety.signs) == (told_as_pills.message, told_as_pills.signs)
