"""Families of an independent reviewer's texts (issue 11, safetyfix12b), as a level table.

Each family: texts in the project's own words and the reviewer's, and the level each must be
read at; the look-alikes beside them keep their own level.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a way to die named as a wish or a thought: a gerund or "want to" before the method
METHOD_WISHED_OR_THOUGHT = [
    ("thinking about hanging myself", "crisis"),
    ("want to slit my wrists", "crisis"),
    ("been thinking of slitting my wrists", "crisis"),
    ("i keep thinking about drowning myself", "crisis"),
    ("estoy pensando en cortarme las venas", "crisis"),
]

# a death planned, death as the only way out, not waking wished, not deserving to live
DEATH_PLANNED_OR_THE_ONLY_WAY = [
    ("i'm planning my death", "crisis"),
    ("been planning my own death for weeks", "crisis"),
    ("the only way out is death", "crisis"),
    ("death is the only way out", "crisis"),
    ("dying seems like the only option left", "crisis"),
    ("la única salida es la muerte", "crisis"),
    ("la muerte es la única salida", "crisis"),
    ("estoy planeando mi muerte", "crisis"),
    ("is there a way to just not wake up", "crisis"),
    ("hay alguna forma de ya no despertar", "crisis"),
    ("i dont deserve to live", "crisis"),
    ("he says he doesn't deserve to live", "crisis"),
    ("ya me despedí de mi familia, hoy es el día", "crisis"),
]

# pills swallowed on purpose, or oneself poisoned with them: a crisis first, the emergency
# beside it (medicine swallowed with intent leads with crisis; the reply keeps 911 and Poison
# Control)
POISONED_ON_PURPOSE = [
    ("I just drank a bottle of my meds on purpose", "crisis"),
    ("poisoned myself with my medicines", "crisis"),
    ("me envenené con mis pastillas", "crisis"),
]

# breathing hard right now, blood brought up by a cough, diarrhoea that leaves one unable to stand
EMERGENCY_SIGNS = [
    ("i'm having a hard time breathing right now", "emergency"),
    ("having a difficult time breathing", "emergency"),
    ("there's blood when I cough", "emergency"),
    ("blood comes up when he coughs", "emergency"),
    ("echo sangre al toser", "emergency"),
    ("sale sangre cuando toso", "emergency"),
    ("severe diarrhea 20 times today and I can barely stand", "emergency"),
    ("diarrea toda la noche y ya no me puedo ni parar", "emergency"),
]

# an overdose just taken: told as done ("overdosed on"), a handful, a child who swallowed a pill,
# too many told with the time since or with feeling unwell
OVERDOSE_JUST_TAKEN = [
    ("I overdosed on my sleeping pills", "emergency"),
    ("i took double handful of tylenol 20 min ago", "emergency"),
    ("the baby swallowed one of my pills", "emergency"),
    ("my toddler ate two of my tablets", "emergency"),
    ("mi hijo se tragó mis pastillas", "emergency"),
    ("i think i took my dose 3 times by mistake, feeling very dizzy", "emergency"),
    ("took too many everolimus just now", "emergency"),
    ("tomé demasiadas pastillas hace media hora", "emergency"),
    ("me tomé pastillas de más sin querer y me siento muy mal", "emergency"),
]

# informational questions and past readings: no emergency
NO_ALARM = [
    ("what foods help with blood sugar", "none"),
    ("does exercise help with blood pressure", "none"),
    ("my sugar was 60 last week but now fine", "none"),
    ("¿qué hago si alguien se desmaya?", "none"),
    ("¿el dolor de pecho es efecto secundario del sunitinib?", "none"),
    ("¿qué significa un azúcar de 50?", "none"),
]

# ... and what stays as it was beside them
STILL_AS_IT_WAS = [
    ("i took my pills 20 min ago", "none"),
    ("my sugar is 45 right now", "emergency"),
    ("i want to cut my hair short", "none"),
    ("the only way out is through the back door", "none"),
    ("planning my daughter's wedding", "none"),
    ("tengo dolor de pecho ahora mismo", "emergency"),
    ("i took too many pills", "medication"),
    ("i overdosed on purpose", "crisis"),
    ("i want to hang myself", "crisis"),
    ("can i give my kid my old phone", "none"),
    ("no more cake left until friday", "none"),
    ("the milk expired, can i still use it for baking", "none"),
    ("¿qué hago si mi mamá se desmaya ahora?", "emergency"),
    ("tengo dolor de pecho, ¿es efecto secundario del sunitinib?", "emergency"),
    ("my sugar is 50 now and i feel shaky", "emergency"),
    # a child's swallow told with the child well so far: a question for Poison Control
    ("the baby swallowed one of my pills but is playing normally", "medication"),
    ("my toddler maybe ate one of my pills, she seems ok", "medication"),
]

# a medicine run out, short, shared, expired, doubted in illness, or its amount asked
MEDICINE_QUESTIONS = [
    ("i have no more pills left until monday", "medication"),
    ("Im out of my medecine since friday", "medication"),
    ("I'm running low on creon and the refill isn't until next week", "medication"),
    ("can i give my kid my creon", "medication"),
    ("can i take the expired octreotide", "medication"),
    ("should i take my meds if i have a fever", "medication"),
    ("¿cuánto octreotide me tengo que poner?", "medication"),
    ("no me he tomado las pastillas en toda la semana", "medication"),
    ("me confundí y me tomé las pastillas equivocadas", "medication"),
    ("took the wrong pills this morning", "medication"),
    ("should he still take his octreotide while he has the flu", "medication"),
    ("we are running short on insulin pens", "medication"),
]


@pytest.mark.parametrize(
    ("text", "level"),
    METHOD_WISHED_OR_THOUGHT
    + DEATH_PLANNED_OR_THE_ONLY_WAY
    + POISONED_ON_PURPOSE
    + EMERGENCY_SIGNS
    + OVERDOSE_JUST_TAKEN
    + NO_ALARM
    + STILL_AS_IT_WAS
    + MEDICINE_QUESTIONS,
)
def test_review12_level(text: str, level: str) -> None:
    assert triage(text).level == level


@pytest.mark.parametrize(("text", "_"), POISONED_ON_PURPOSE)
def test_poisoned_on_purpose_is_an_emergency_too(text: str, _: str) -> None:
    assert "emergency" in triage(text).also


@pytest.mark.parametrize(("text", "_"), POISONED_ON_PURPOSE + OVERDOSE_JUST_TAKEN)
def test_a_swallow_keeps_911_and_poison_control(text: str, _: str) -> None:
    numbers = " ".join(str(c) for c in triage(text).contacts)
    assert "911" in numbers
    assert "1-800-222-1222" in numbers


@pytest.mark.parametrize(("text", "_"), POISONED_ON_PURPOSE + METHOD_WISHED_OR_THOUGHT)
def test_a_crisis_keeps_988(text: str, _: str) -> None:
    assert "988" in " ".join(str(c) for c in triage(text).contacts)
