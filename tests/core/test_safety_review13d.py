"""Families an independent reviewer found (issues 11 and 17, safetyfix13d): emergencies told in
lay words, overdoses just taken, and medicine questions, in English and Spanish.

Each table: texts -> the level the triage must give; the look-alikes beside them keep theirs.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.languages import replies_for
from islet.safety.triage import triage

EMERGENCY: list[tuple[str, Language]] = [
    # someone else (a child, a relative) who drank, swallowed or injected a medicine not theirs
    ("my daughter drank some of my liquid medicine, the whole bottle", "en"),
    ("my kid found my insulin and injected it", "en"),
    ("my grandson drank some of my cough syrup", "en"),
    ("the baby got hold of my insulin pen and injected himself", "en"),
    ("el niño se comió un montón de mis pastillas", "es"),
    ("mi hija se bebió mi jarabe", "es"),
    # turning blue or grey
    ("he's turning blue", "en"),
    ("the baby is going purple", "en"),
    ("se está poniendo morado", "es"),
    ("tiene los labios grises", "es"),
    # severe dehydration told in lay words
    ("Im peeing nothing and so so thirsty and dizzy and confused after days of diarrhea", "en"),
    # a clot's signs in lay words (PDQ: pain, swelling, warmth or redness of a leg)
    ("my leg got big and red and warm and my breathing is off", "en"),
    ("sudden swelling in one leg and pain, cant walk on it", "en"),
    ("la pierna se me hinchó de repente y me duele mucho", "es"),
    # an overdose just taken
    ("tomé demasiadas pastillas para dormir", "es"),
    ("she swallowed her whole week of pills at once an hour ago", "en"),
    ("i accidentally took like 10 of my octreotide shots worth", "en"),
    ("i took double the everolimus and then another double, like 6 pills, feel sick", "en"),
    ("he took too many sleeping pills", "en"),
    ("se tomó muchísimos calmantes", "es"),
]


MEDICATION: list[tuple[str, Language]] = [
    ("can i take more than prescribed", "en"),
    ("my neighbor offered me her oxycodone, can i take it", "en"),
    ("using my friend's inhaler ok?", "en"),
    ("my dad is taking someone else's medicine", "en"),
    ("i took my insulin but didnt eat, what do i do", "en"),
    ("my doctor prescribed everolimus but i dont want to start it", "en"),
    ("I switched from the brand to the generic, can I go back", "en"),
    ("do i need to take my pill if my sugar is normal", "en"),
    ("can i change from morning to night dosing", "en"),
    ("I want to start taking CBD oil with my treatment", "en"),
    ("i lost my pills", "en"),
    ("out of creon till monday", "en"),
    ("en la farmacia no tienen mi medicina y ya no me queda", "es"),
    ("no me puse dos inyecciones de lanreotida", "es"),
    ("se me está acabando la receta y no me la surten", "es"),
    ("el médico me recetó everolimus pero no quiero empezarlo", "es"),
    ("quiero empezar a tomar aceite de CBD", "es"),
    ("cómo dejo los corticoides poco a poco", "es"),
    ("se me perdieron las pastillas", "es"),
    ("ya no me voy a tomar las pastillas de la quimio", "es"),
    ("me puse la insulina pero no comí", "es"),
]


# look-alikes: the same words with no emergency and no medicine question
NONE: list[tuple[str, Language]] = [
    ("my daughter drank some of my coffee", "en"),
    ("i found my insulin and used it", "en"),
    ("the sky is turning grey", "en"),
    ("my hair is going grey", "en"),
    ("he went grey at forty", "en"),
    ("i am making nothing at work", "en"),
    ("can i walk more than the doctor said", "en"),
    ("i left my pills at home", "en"),
    ("my leg is big from the cast", "en"),
    ("i took my dog out but did not eat breakfast", "en"),
    ("im very sleepy today", "en"),
    ("el moretón está morado", "es"),
    ("la farmacia no tiene estacionamiento", "es"),
    ("no me lo dan en el trabajo", "es"),
]


LEVELS = (
    [(t, lang, "emergency") for t, lang in EMERGENCY]
    + [(t, lang, "medication") for t, lang in MEDICATION]
    + [(t, lang, "none") for t, lang in NONE]
)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_each_text_is_read_at_its_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs)


# a low reading told with sleepiness: the reply leads with calling 911 (the emergency's own
# words), as with confusion, not with fast sugar for someone awake who can swallow
SLEEPY_LOW: list[tuple[str, Language]] = [
    ("I can hardly stay awake and my sugar is 48", "en"),
    ("my sugar is 48 and im very sleepy", "en"),
    ("sugar 2.6 and she keeps dozing off", "en"),
    ("tengo el azúcar en 48 y casi no puedo mantenerme despierto", "es"),
    ("azúcar de 45 y casi no puedo tener los ojos abiertos", "es"),
]


@pytest.mark.parametrize(("text", "language"), SLEEPY_LOW)
def test_a_low_reading_with_sleepiness_leads_with_911(text: str, language: Language) -> None:
    safety = triage(text, language)
    texts = replies_for(language)
    assert safety.level == "emergency"
    assert texts.levels["emergency"].message in safety.message
    assert texts.low_sugar.first not in safety.message


def test_a_low_reading_alone_still_gives_fast_sugar_first() -> None:
    safety = triage("my sugar is 48", "en")
    assert replies_for("en").low_sugar.first in safety.message
