"""The behavioural review of safetyfix14g (issue 11, 17): self-harm done recently and told with
its time ("last night", "anoche") is current; a low told as "estoy baja" with a number, or a
later reading that dropped ("luego bajó a 35"), is a low now; a joke taken back before a passive
wish, and a height researched "to be sure", are a crisis. Their look-alikes stay none.

Each table: texts -> the level the triage must give.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# self-harm done last night or again lately: current, whatever the past around it
HARM_LAST_NIGHT: list[tuple[str, Language]] = [
    ("i reopened my old scars last night with a razor", "en"),
    ("he cut open his old scars again yesterday", "en"),
    ("me volví a abrir las cicatrices anoche", "es"),
    ("tried to kill myself last year and again last night", "en"),
    ("intenté matarme el año pasado y anoche otra vez", "es"),
    ("quise morirme hace dos años y ayer otra vez", "es"),
]

# an old scar, a kitchen cut, a past attempt with nothing come back
NOT_HARM: list[tuple[str, Language]] = [
    ("my old scars itch after the contrast", "en"),
    ("the wound from my surgery reopened last night", "en"),
    ("i cut my finger cooking last night", "en"),
    ("me corté cocinando anoche", "es"),
    ("me corté el dedo con el cuchillo anoche", "es"),
    ("intenté matarme hace años, hoy estoy bien", "es"),
    ("i wanted to die when i was diagnosed, and a low again last night", "en"),
]

LEVELS = level_rows(crisis=HARM_LAST_NIGHT, none=NOT_HARM)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_self_harm_told_with_last_night_is_now(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level


# "baja" said of oneself with a number, or a reading that dropped after a treatment or a rise
LOW_BAJA: list[tuple[str, Language]] = [
    ("yo estoy baja, 45", "es"),
    ("yo me siento baja, tengo 40", "es"),
    ("ando bajo, 38", "es"),
    ("estoy baja otra vez, en 50", "es"),
    ("a los 15 minutos ya tenía 70 y luego bajó a 35 y está confundido", "es"),
    ("le dimos jugo, subió a 80 y después bajó a 40 y está sudando", "es"),
    ("yo estoy en 45 y temblando", "es"),
    ("after 15 minutes it was 70 and then dropped to 35 and he is confused", "en"),
    ("gave him juice, it came up to 85, then it dropped to 40 and he is confused", "en"),
]

# low in spirits or energy, an age, a fever or a weight that came down
NOT_LOW_BAJA: list[tuple[str, Language]] = [
    ("estoy baja de ánimo", "es"),
    ("tengo 45 años y me siento baja de energía", "es"),
    ("me siento baja de ánimo, tengo 45 años", "es"),
    ("la fiebre bajó a 37 y ya está mejor", "es"),
    ("bajé de peso, bajé a 60 kilos", "es"),
    ("el precio bajó a 40 y me puse a temblar de la emoción", "es"),
    ("a los 15 minutos ya tenía 90 y está bien", "es"),
    ("en la prueba del ayuno del mes pasado me bajo a 42 alla en el hospital", "es"),
    ("hace dos meses le bajó a 45 en la prueba, ya lo operaron", "es"),
    ("he is 45 yo and fine", "en"),
    ("his fever was 39 and then dropped to 37", "en"),
    ("my sugar was 60 last week and then dropped to 50", "en"),
    ("he had juice, came up to 90, then dropped to 80", "en"),
]

LOW_LEVELS = level_rows(emergency=LOW_BAJA, none=NOT_LOW_BAJA)


@pytest.mark.parametrize(("text", "language", "level"), LOW_LEVELS)
def test_low_told_as_baja_with_a_number(text: str, language: Language, level: str) -> None:
    assert triage(text, language).level == level


# a joke taken back, then a passive wish; a height researched to be sure of dying
TAKEN_BACK_WISH: list[tuple[str, Language]] = [
    ("It was a joke but I really have been thinking about not waking up", "en"),
    ("i have been thinking about not waking up", "en"),
    ("lol jk. but honestly i keep thinking about just not waking up", "en"),
    ("Not suicidal. Just researching how high a bridge has to be to be sure", "en"),
    ("looking up how tall a building has to be to be sure", "en"),
    ("buscando qué tan alto tiene que ser un puente para estar segura", "es"),
]

NOT_WISH: list[tuple[str, Language]] = [
    ("it was a joke, I'm fine", "en"),
    ("researching how high the bridge is for my engineering class", "en"),
    ("how high does a bridge have to be for a double decker bus to be sure it fits", "en"),
    ("researching suicide rates for a class", "en"),
    ("i keep thinking about not waking up in time for my appointment", "en"),
    ("era broma, estoy bien", "es"),
    ("buscando qué tan alto es el puente para mi clase", "es"),
]

WISH_LEVELS = level_rows(crisis=TAKEN_BACK_WISH, none=NOT_WISH)


@pytest.mark.parametrize(("text", "language", "level"), WISH_LEVELS)
def test_a_joke_taken_back_and_a_height_researched(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level
