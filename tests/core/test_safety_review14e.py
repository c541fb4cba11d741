"""The independent review of the safetyfix14 look-alike figures (issue 11, safetyfix14e): real
crises and emergencies told in the same words as a joke, a story, a character, an old scar, a
worry or a workout, a faint in the heat of the 70s, a death that comes to all; each read right
before the look-alike figures and silenced by them. A sign told as meant now ("but now",
"tonight", "esta vez lo digo en serio", "lo voy a hacer") is undone by no figure of speech.

Each table: texts -> the level the triage must give.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# a crisis told beside a joke marker, a story, a character, old scars, a death that comes to all
CRISIS: list[tuple[str, Language]] = [
    ("i told my sister about the pills as a joke but i have them counted out for tonight", "en"),
    ("my therapist says i have a strong character but i want to kill myself", "en"),
    (
        "like that movie scene where the guy takes all the pills, that is what i am "
        "going to do tonight",
        "en",
    ),
    ("we all die someday, i am just choosing when, tonight with his morphine", "en"),
    ("i want to end it all jk", "en"),
    ("tengo una navaja guardada por si acaso, para cortar con todo de una vez", "es"),
    (
        "dejé todo en orden, los papeles y una carta para mis hijos, como hace uno a mi "
        "edad antes de irse para siempre",
        "es",
    ),
    ("i have old self harm scars and tonight i want to cut so deep", "en"),
    ("i want to die and im not just kidding", "en"),
    ("i want to kill myself tonight and no i am not just joking", "en"),
    ("everyone thinks i say it as a joke but i really want to kill myself", "en"),
    ("i feel like a side character in my own life and i want to kill myself", "en"),
    ("i am the villain of my family and i am going to kill myself tonight", "en"),
    ("i cut over my old scars again tonight", "en"),
    ("everyone dies someday, i just want mine to be tonight, i have the pills ready", "en"),
    (
        "i watched a video where someone explains how to hang yourself and i am going to "
        "do it tonight",
        "en",
    ),
    (
        "in the show i am watching the main character kills himself and i want to do the "
        "same tonight",
        "en",
    ),
    ("i keep giving myself paper cuts on purpose to feel something", "en"),
    ("si me vuelven a pinchar me tiro por la ventana y esta vez lo digo en serio", "es"),
    ("regalé mis cosas a todos porque me voy de viaje y no pienso volver nunca", "es"),
    ("ya escribí mi carta de despedida y regalé todo, como hace uno a esta altura", "es"),
    (
        "me voy a tomar todas las pastillas esta noche, como hace cualquiera a esta "
        "altura de la vida",
        "es",
    ),
    ("vi un video donde explican como ahorcarse y lo voy a hacer esta noche", "es"),
    ("busqué videos donde enseñan a cortarse las venas y ya tengo la navaja", "es"),
]

# an emergency told beside a worry, a workout, a joke, a faint in the heat, gums denied
EMERGENCY: list[tuple[str, Language]] = [
    (
        "chest aching after the workout and now the pain is spreading to my jaw and left "
        "arm and i am sweating",
        "en",
    ),
    ("grandpa fainted at the picnic in the 90s heat and wont wake up", "en"),
    ("grandpa fainted at church today in the 70s heat and is not breathing", "en"),
    ("she took all her pills as a joke and now she wont wake up", "en"),
    (
        "she is having a seizure right now and i never knew what to do if she ever has a seizure",
        "en",
    ),
    (
        "my chest gets tight when i think about it but now the pain goes down my left "
        "arm and i am sweating",
        "en",
    ),
    ("my chest has been sore after the gym but now it is crushing and i cant breathe", "en"),
    ("i took the whole bottle of my pills as a joke and now i feel really sleepy", "en"),
    ("escupo sangre cuando toso, no es de las encias", "es"),
    (
        "se me aprieta el pecho cuando me pongo nerviosa pero esta vez no se me quita y "
        "me duele el brazo izquierdo",
        "es",
    ),
]

LEVELS = level_rows(crisis=CRISIS, emergency=EMERGENCY)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_a_sign_meant_now_is_no_figure_of_speech(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level


# a question about a danger sign, with or without a number: answered, with the urgent-care
# note (danger_topic); about too much of a medicine: Poison Control beside it (overdose_topic)
TOPICS: list[tuple[str, bool, bool]] = [
    ("what if my sugar drops", True, False),
    ("what if my sugar goes low at night", True, False),
    ("what if i get a low while driving", True, False),
    ("what if my sugar drops to 40", True, False),
    ("what happens if you overdose on octreotide", True, True),
]


@pytest.mark.parametrize(("text", "danger", "overdose"), TOPICS)
def test_a_question_about_a_danger_keeps_its_note(text: str, danger: bool, overdose: bool) -> None:
    safety = triage(text, "en")
    assert safety.level == "none"
    assert (safety.danger_topic, safety.overdose_topic) == (danger, overdose)
