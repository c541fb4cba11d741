"""Families of an independent review (issue 11 and 17, safetyfix13c), as a level table.

Words that intensify rather than negate ("can not stop thinking about"), a lethal dose asked,
ways to die, life no longer worth it and a goodbye for ever (English and Spanish); then false
alarms: a sign denied after it, a plain denial, a figure of speech, a question in general.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# "can not stop", "can not help" thinking about it: no negation, the thought goes on
INTENSIFIED_NOT_NEGATED = [
    ("I can't stop thinking about killing myself", "crisis"),
    ("i cannot help thinking about killing myself", "crisis"),
    ("no puedo dejar de pensar en matarme", "crisis"),
    ("no dejo de pensar en matarme", "crisis"),
]

# life no longer worth it, ways to die thought of or asked, a denial doubted or only for now
WAYS_TO_DIE = [
    ("la vida ya no vale la pena", "crisis"),
    ("he pensado en formas de morir", "crisis"),
    ("cuál es la forma más fácil de morir", "crisis"),
    ("busqué maneras de matarme", "crisis"),
    ("life isn't worth it anymore", "crisis"),
    ("thought about ways to die", "crisis"),
    ("easiest way to die", "crisis"),
    ("I'm not going to kill myself... yet", "crisis"),
    ("not sure I won't kill myself", "crisis"),
]

# a lethal dose asked, or how to overdose looked up
LETHAL_DOSE_ASKED = [
    ("what dose of insulin would be lethal", "crisis"),
    ("which amount of morphine is deadly", "crisis"),
    ("cuántas pastillas necesito para morir", "crisis"),
    ("I've been looking up how to overdose", "crisis"),
]

# false alarms
NO_ALARM = [
    ("my stools are not black", "none"),
    ("his stools are no longer black", "none"),
    ("mis heces no son negras", "none"),
    ("i'm not going to kill myself, don't worry", "none"),
    ("this traffic makes me want to die haha", "none"),
    ("this homework makes me wanna die lol", "none"),
    ("mi jefe me va a matar si falto otra vez", "none"),
    ("mi mamá me va a matar si llego tarde", "none"),
    ("me mareo un segundo cuando me paro rápido a veces", "none"),
    ("what is the treatment for a seizure from low sugar", "none"),
    ("what does a missed dose mean for the treatment?", "none"),
    ("what happens if you overdose on octreotide", "none"),
]

# ... and what stays as it was beside them
STILL_AS_IT_WAS = [
    ("my stools are black", "emergency"),
    ("black stools since this morning", "emergency"),
    ("mis heces son negras", "emergency"),
    ("i am going to kill myself", "crisis"),
    ("me voy a matar si sigo así", "crisis"),
    ("what happens if i overdose on octreotide, i took 4 shots", "medication"),
    ("i missed a dose of octreotide yesterday", "medication"),
]


@pytest.mark.parametrize(
    ("text", "level"),
    INTENSIFIED_NOT_NEGATED + WAYS_TO_DIE + LETHAL_DOSE_ASKED + NO_ALARM + STILL_AS_IT_WAS,
)
def test_review13c_level(text: str, level: str) -> None:
    assert triage(text).level == level


# a goodbye for ever and no answer: emergency, with the crisis line beside 911, in both languages
GOODBYE_AND_NO_ANSWER = [
    ("my son said goodbye forever and isn't answering", "en"),
    ("mi hijo se despidió para siempre y no contesta", "es"),
]


@pytest.mark.parametrize(("text", "language"), GOODBYE_AND_NO_ANSWER)
def test_goodbye_for_ever_and_no_answer_gives_911_and_988(text: str, language: str) -> None:
    safety = triage(text, language)  # type: ignore[arg-type]
    assert safety.level == "emergency"
    assert "crisis" in safety.also
    assert "911" in safety.message and "988" in safety.message
