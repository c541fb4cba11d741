"""Families of the thirteenth review (issue 11 and 17, safetyfix13), as a level table.

Each family: texts in the project's own words and the review's, with the level each must be
read at; the look-alikes beside them keep their own level. Then the missed-dose reply, which
must not instruct about a medicine: it sends the question to the care team or pharmacist.
"""

from __future__ import annotations

import pytest

from islet.safety.triage import triage

# a life left in order for those after, or a last "I love you" sent to them all
LAST_MESSAGE_OR_LIFE_LEFT_IN_ORDER = [
    ("left everything clean so nobody has to deal with it", "crisis"),
    ("cleaned out my room so nobody has to deal with my stuff", "crisis"),
    ("sorted all my things so no one has to deal with them", "crisis"),
    ("sent them all one last I love you", "crisis"),
    ("texted my kids one last i love you tonight", "crisis"),
    ("good day to be done with all of this", "crisis"),
]

# a low blood sugar let happen on purpose, or left untreated on purpose
LOW_LET_HAPPEN = [
    ("if my sugar drops tonight I'll just let it happen", "crisis"),
    ("if i go low tonight im just going to let it happen", "crisis"),
    ("if my sugar goes low I'm not going to treat it", "crisis"),
    ("si se me baja el azúcar esta noche voy a dejar que pase", "crisis"),
]

# watery diarrhea with a fall or a faint: severe dehydration
DIARRHEA_WITH_A_FALL = [
    ("watery diarrhea all day and I fell in the bathroom", "emergency"),
    ("diarrhea all day and I fell down", "emergency"),
    ("watery diarrhea and fell when I got up", "emergency"),
    ("diarrea como agua y me caí", "emergency"),
    ("watery diarrhea and I fainted", "emergency"),
]

# black stool with a grey look
BLACK_STOOL_GREY = [
    ("black stool and he looks grey", "emergency"),
    ("black stools and she has gone gray", "emergency"),
    ("heces negras y se ve gris", "emergency"),
]

# a bare Spanish reading, no sugar word, in a short message about feeling unwell; the same
# number as a temperature or an age keeps its own level
SPANISH_BARE_READING = [
    ("tengo 38 orita y me siento mal", "emergency"),
    ("tengo 38 ahorita y me siento mal", "emergency"),
    ("52 y no veo bien", "emergency"),
    ("45 y me siento muy mal", "emergency"),
    ("2.9 dice el aparato", "emergency"),
    ("48 marca el glucómetro", "emergency"),
    ("tengo 38 años", "none"),
    ("tengo 38 años y me siento mal", "none"),
    ("tengo 38 grados", "none"),
    ("tengo 38 grados y me siento mal", "none"),
    ("no veo bien de lejos", "none"),
]

# an English bare reading, no sugar word, in a short message about feeling unwell or not seeing
# well, or a number a meter gave told first (safetyfix13b, the Spanish family's twins)
ENGLISH_BARE_READING = [
    ("41 and I feel awful", "emergency"),
    ("45 and i feel terrible", "emergency"),
    ("38 right now and i feel sick", "emergency"),
    ("3.1 and i feel awful", "emergency"),
    ("52 and can't see straight", "emergency"),
    ("52 and i cant see right", "emergency"),
    ("2.9 says the meter", "emergency"),
    ("48 says my meter", "emergency"),
    ("50 reads the dexcom", "emergency"),
    ("meter reads 45 and im shaky", "emergency"),
]

# ... and the same shape where the number is an age, a temperature, a weight, a count, a score,
# a heart rate or blood pressure, another lab value, or a sugar told normal, high or long ago
ENGLISH_NOT_A_BARE_READING = [
    ("I'm 41 and feel awful about this diagnosis", "none"),
    ("41 and i feel awful about this diagnosis", "none"),
    ("fever 38.5 and feel awful", "none"),
    ("temp 38 and feel awful", "none"),
    ("38 degrees and i feel awful", "none"),
    ("41 days since surgery and I feel awful", "none"),
    ("58 kg and feel awful", "none"),
    ("3 hours in and i feel awful", "none"),
    ("pain score 8 and i feel awful", "none"),
    ("heart rate 52 and can't sleep", "none"),
    ("heart rate 52 and i feel awful", "none"),
    ("bp 90 and feel awful", "none"),
    ("potassium 3.1 and i feel awful", "none"),
    ("a1c 6.5 and i feel awful", "none"),
    ("sugar 120 and i feel awful", "none"),
    ("sugar was normal at 95 and i feel awful", "none"),
    ("my sugar was 45 last week and i feel awful", "none"),
    ("I am 52 and can't see straight without glasses", "none"),
    ("90 says the scale", "none"),
    ("52 says the heart monitor", "none"),
]

# heavy watery diarrhea with dizziness on standing told in other words: severe dehydration
DIARRHEA_DIZZY_ON_STANDING = [
    ("diarrhea all day and dizzy when i got up", "emergency"),
    ("runs since morning, dizzy standing up", "emergency"),
    ("watery poop all day and almost fainted getting out of bed", "emergency"),
    ("had the runs all day and i got dizzy when i stood up", "emergency"),
    ("diarrhoea since last night and dizzy getting up", "emergency"),
    ("had loose stool once, a bit lightheaded from hunger", "none"),
    ("diarrhea once, a bit dizzy when i got up", "none"),
    ("he runs since morning every day", "none"),
]

# false alarms: an everyday task done oneself, anger at a dog, leaving a job, a past reading
NO_ALARM = [
    ("thinking about hanging the pictures myself", "none"),
    ("thinking about hanging the curtains myself tomorrow", "none"),
    ("voy a partirle la cabeza a ese perro que no deja de ladrar", "none"),
    ("mañana ya no me van a ver por la oficina", "none"),
    ("ya no me van a ver por el trabajo, renuncié", "none"),
    ("my sugar was 60 last week", "none"),
    ("sugar was 55 a few days ago", "none"),
    ("had a 50 on the meter last weekend", "none"),
]

# ... and what stays as it was beside them
STILL_AS_IT_WAS = [
    ("thinking about hanging myself", "crisis"),
    ("ya no me van a ver", "crisis"),
    ("my sugar is 60", "emergency"),
    ("sugar was 60 this morning", "emergency"),
    ("sugar was 50 last week and again today", "emergency"),
    ("sugar was 48 last night", "emergency"),
    ("41 and shaky", "emergency"),
    ("cleaned the kitchen so nobody has to deal with it in the morning", "none"),
]


@pytest.mark.parametrize(
    ("text", "level"),
    LAST_MESSAGE_OR_LIFE_LEFT_IN_ORDER
    + LOW_LET_HAPPEN
    + DIARRHEA_WITH_A_FALL
    + BLACK_STOOL_GREY
    + SPANISH_BARE_READING
    + ENGLISH_BARE_READING
    + ENGLISH_NOT_A_BARE_READING
    + DIARRHEA_DIZZY_ON_STANDING
    + NO_ALARM
    + STILL_AS_IT_WAS,
)
def test_review13_level(text: str, level: str) -> None:
    assert triage(text).level == level


MISSED_DOSE = [
    ("forgot my octreotide shot last week, do i take 2 now to catch up", "en"),
    ("se me olvidó la pastilla de ayer, ¿me tomo dos hoy?", "es"),
]


@pytest.mark.parametrize(("text", "language"), MISSED_DOSE)
def test_missed_dose_reply_sends_the_question_to_the_care_team(text: str, language: str) -> None:
    safety = triage(text, language)  # type: ignore[arg-type]
    assert safety.level == "medication"
    said = safety.message.lower()
    assert "double dose" not in said and "dosis doble" not in said
    if language == "en":
        assert "ask them before taking an extra one" in said
    else:
        assert "pregúnteles antes de tomar una dosis de más" in said
