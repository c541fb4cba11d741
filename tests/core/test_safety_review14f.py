"""The behavioural review of safetyfix14e (issue 11, 17; safetyfix14f): an injury blamed on a
thing or a mishap, then taken back and owned ("it wasn't the stove, i did it to myself"), is a
crisis the accident figure does not silence; the blame only moved to another thing stays none.

Each table: texts -> the level the triage must give.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# an injury blamed on a thing or a fall, the blame taken back and the act owned
TAKEN_BACK: list[tuple[str, Language]] = [
    ("I burned my arm on the stove. it wasn't the stove, I did it to myself", "en"),
    ("I burned my hand on the stove yesterday. ok it wasn't the stove. I did it to myself", "en"),
    ("burned my arm on the iron. it wasn't the iron, i did it to myself", "en"),
    ("I fell down the stairs. it wasn't a fall, I threw myself down", "en"),
    ("The cut on my wrist wasn't the cat. I did it to myself", "en"),
    ("me quemé con la estufa. no fue la estufa, me lo hice yo", "es"),
    ("me quemé con la estufa ayer. no fue la estufa, me lo hice yo", "es"),
    ("me caí por las escaleras. no fue una caída, me tiré yo sola", "es"),
]

# the blame moved to another thing, or the act disowned: an accident still
ACCIDENT: list[tuple[str, Language]] = [
    ("I burned my hand on the stove yesterday, ouch", "en"),
    ("I burned my hand on the stove. it wasn't the stove, it was the kettle", "en"),
    ("the cut was not the knife, it was the tin lid, i did not do it to myself", "en"),
    ("me quemé con la olla. no fue la estufa, fue el horno", "es"),
]

LEVELS = level_rows(crisis=TAKEN_BACK, none=ACCIDENT)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_an_accident_taken_back_is_no_accident(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level


# a low treated, come up, and down again now: the reading told after the rise is the one now
LOW_AGAIN: list[tuple[str, Language]] = [
    ("had juice and crackers, came up to 85, now it's 48 again and i'm shaking", "en"),
    (
        "had a low at 2am, had juice and crackers, came up to 85, now it's 48 again and i'm "
        "shaking and sweaty",
        "en",
    ),
    ("we treated the low, it went up to 90, an hour later it's 55 and she's confused", "en"),
    ("she had a low, we gave juice, now it's 40 again and she's confused", "en"),
    ("le dimos jugo, subió a 90, pero ahora está en 45 otra vez y está confundido", "es"),
]

# ... and one that has stayed up
LOW_STAYED_UP: list[tuple[str, Language]] = [
    ("had juice and crackers, came up to 85, now it's 110 and i feel fine", "en"),
    ("we treated the low, it went up to 90, an hour later it's 95 and she's fine", "en"),
    ("le dimos jugo, subió a 90 y ahora está bien", "es"),
]

LOWS = level_rows(emergency=LOW_AGAIN, none=LOW_STAYED_UP)


@pytest.mark.parametrize(("text", "language", "level"), LOWS)
def test_a_low_back_after_treatment_is_one_now(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level


# a "no" to whether someone is conscious, responsive or breathes, asked with labels or in Spanish
VITAL_NO: list[tuple[str, Language]] = [
    ("Q: Is he conscious? A: no", "en"),
    ("is your daughter responsive? no", "en"),
    ("Q: is she breathing? A: no", "en"),
    ("¿está consciente? no", "es"),
    ("¿respira? no", "es"),
    ("¿mi hijo responde? no", "es"),
]

# ... and a "yes"
VITAL_YES: list[tuple[str, Language]] = [
    ("Is she breathing? Yes, snoring even", "en"),
    ("Q: Is he conscious? A: yes", "en"),
    ("¿respira? sí, normal", "es"),
]

VITALS = level_rows(emergency=VITAL_NO, none=VITAL_YES)


@pytest.mark.parametrize(("text", "language", "level"), VITALS)
def test_a_no_to_a_vital_question_is_the_emergency(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level


# a life ended in a story, or one's own attempt before, then the wish or plan to do it now
DO_THE_SAME: list[tuple[str, Language]] = [
    ("I watched a movie where a girl kills herself. I want to do the same", "en"),
    ("vi una película donde una chica se mata. yo quiero hacer lo mismo", "es"),
    ("I tried to overdose last year. I'm going to try again tonight", "en"),
    ("I tried to overdose last year. I'm going to try again tonight.", "en"),
]

# ... never a wish to do what someone did that ended no life, nor one to live
NOT_THE_SAME: list[tuple[str, Language]] = [
    ("My friend joined a support group and I want to do the same", "en"),
    ("In the book the girl walks into the sea. I don't want to do the same, I want to live.", "en"),
    ("en el libro la chica se tira al mar. yo no quiero hacer lo mismo, quiero vivir", "es"),
    ("I tried to quit smoking last year and I'll try again", "en"),
]

SAME = level_rows(crisis=DO_THE_SAME, none=NOT_THE_SAME)


@pytest.mark.parametrize(("text", "language", "level"), SAME)
def test_a_wish_to_do_what_ended_a_life_is_a_crisis(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level


# the means made ready with a date, goodbyes written and told alone, a wish to join the dead
PLANS: list[tuple[str, Language]] = [
    ("i have the pills counted out and a date picked", "en"),
    ("wrote my goodbyes. done.", "en"),
    ("My mom died last year. I'm going to join her, I've decided", "en"),
    ("My grandma died of this. I'm going to join her, I've decided.", "en"),
    ("mi mamá murió el año pasado. me voy a ir con ella, ya lo decidí", "es"),
]

# ... never a goodbye of a day or a job, a joke letter, nor a week's pills and a scan's date
NOT_PLANS: list[tuple[str, Language]] = [
    ("i wrote my goodbyes to the team at work before i left", "en"),
    ("Goodbye for now, going to bed, thanks for the info!", "en"),
    ("i have the pills counted out for the week and a date picked for my next scan", "en"),
    (
        "My sister wrote me a goodbye letter before her surgery as a joke; she's fine, we "
        "laugh about it",
        "en",
    ),
]

PLAN_ROWS = level_rows(crisis=PLANS, none=NOT_PLANS)


@pytest.mark.parametrize(("text", "language", "level"), PLAN_ROWS)
def test_a_plan_told_short_is_a_crisis(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level
