"""Families an independent reviewer found (issues 11 and 17, safetyfix14): a bare number another
measure owns, fingers blue in the cold, a hormone a tumor makes, pills taken as always, Spanish
insulin overdoses and overdose searches, and a question about an overdose in general.

Each table: texts -> the level the triage must give; the look-alikes beside them keep theirs.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.languages import replies_for
from islet.safety.triage import triage
from tests.tables import level_rows

# a bare number the text says is something else: a temperature, a weight on a scale, sight
# after eye drops or an eye exam, an age on a birthday; told in the same sentence or before it
NUMBER_OF_ANOTHER_MEASURE: list[tuple[str, Language]] = [
    ("i have a fever. 38 and i feel awful", "en"),
    ("temp is up today. 39 and i feel terrible", "en"),
    ("the scale says 58 and i feel awful", "en"),
    ("my weight is up. 52 and i feel awful", "en"),
    ("41 and i cant see straight after the eye drops", "en"),
    ("had my eye exam today. 45 and i cant see straight", "en"),
    ("it was my birthday yesterday. 41 and i feel awful", "en"),
    ("la báscula marca 58 y me siento muy mal", "es"),
    ("tengo fiebre. tengo 38 ahorita y me siento mal", "es"),
]

# fingers or toes blue or white in the cold: the cold on the hands and feet, no breath lost
FINGERS_IN_THE_COLD: list[tuple[str, Language]] = [
    ("my fingers turn blue in the cold", "en"),
    ("con el frío se me ponen los dedos morados", "es"),
]

# too much of a hormone a tumor makes, asked about: the disease, no dose taken
HORMONE_OF_A_TUMOR: list[tuple[str, Language]] = [
    ("my tumor makes too much insulin, what are the symptoms of too much insulin", "en"),
    ("mi tumor produce demasiada insulina, cuáles son los síntomas de demasiada insulina", "es"),
]

# pills taken as usual, as prescribed, like always: no dose changed
TAKEN_AS_ALWAYS: list[tuple[str, Language]] = [
    ("she swallowed her pills this morning like always", "en"),
    ("he swallowed his tablets at breakfast as always", "en"),
    ("took my insulin like always, what are the signs of too much insulin", "en"),
]

# Spanish as English: insulin injected over the dose; looking up how to overdose
SPANISH_AS_ENGLISH_EMERGENCY: list[tuple[str, Language]] = [
    ("me inyecté demasiada insulina", "es"),
    ("le puse la insulina dos veces", "es"),
]
SPANISH_AS_ENGLISH_CRISIS: list[tuple[str, Language]] = [
    ("busqué cómo tomar una sobredosis", "es"),
    ("busque como hacerme una sobredosis", "es"),
]

# the look-alikes, which keep their level
KEPT_EMERGENCY: list[tuple[str, Language]] = [
    ("38 and i feel awful", "en"),
    ("meter says 42", "en"),
    ("2.9 says the meter", "en"),
    ("i have a fever and my sugar is fine. 38 and i feel awful", "en"),
    ("he's turning blue", "en"),
    ("her lips are turning blue", "en"),
    ("my fingers are blue and i cant breathe", "en"),
    ("se le pusieron los labios morados", "es"),
    ("I injected too much insulin", "en"),
    ("my tumor makes too much insulin and i took too much insulin too", "en"),
]
KEPT_CRISIS: list[tuple[str, Language]] = [("looked up how to overdose", "en")]
KEPT_MEDICATION: list[tuple[str, Language]] = [
    ("took too much diazoxide", "en"),
    ("swallowed too many pills like always", "en"),
    ("i took too much diazoxide, what are the signs of too much insulin", "en"),
    ("qué pasa si me inyecto demasiada insulina", "es"),
]
KEPT_NONE: list[tuple[str, Language]] = [
    ("in winter my toes go white", "en"),
    ("took my pills as usual", "en"),
    ("the scales said 62 this morning and i feel awful", "en"),
]

LEVELS = level_rows(
    none=NUMBER_OF_ANOTHER_MEASURE
    + FINGERS_IN_THE_COLD
    + HORMONE_OF_A_TUMOR
    + TAKEN_AS_ALWAYS
    + KEPT_NONE,
    emergency=SPANISH_AS_ENGLISH_EMERGENCY + KEPT_EMERGENCY,
    crisis=SPANISH_AS_ENGLISH_CRISIS + KEPT_CRISIS,
    medication=KEPT_MEDICATION,
)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_each_text_is_read_at_its_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs, safety.words)


# a question about an overdose of a medicine in general: answered, with the Poison Control line
# beside the answer (as the urgent-care line beside a question about danger signs)
OVERDOSE_ASKED: list[tuple[str, Language]] = [
    ("what happens if you overdose on octreotide", "en"),
    ("what happens if someone takes too much octreotide", "en"),
    ("que pasa cuando alguien tiene una sobredosis de insulina", "es"),
]


@pytest.mark.parametrize(("text", "language"), OVERDOSE_ASKED)
def test_an_overdose_asked_about_keeps_the_answer_with_poison_control(
    text: str, language: Language
) -> None:
    safety = triage(text, language)
    line = replies_for(language).overdose_topic
    assert safety.level == "none"
    assert safety.overdose_topic
    assert safety.message.startswith(line.message)
    assert [c.number for c in safety.contacts] == [c.number for c in line.contacts]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("what are the signs of low blood sugar", "en"),
        ("the insulinoma makes too much insulin. what are the signs of too much insulin", "en"),
    ],
)
def test_a_danger_sign_or_a_hormone_asked_about_keeps_the_urgent_care_line(
    text: str, language: Language
) -> None:
    safety = triage(text, language)
    assert safety.level == "none" and safety.danger_topic and not safety.overdose_topic
    assert safety.message == replies_for(language).danger_topic


def test_the_overdose_line_is_the_poison_control_wording_islet_has() -> None:
    for language in ("en", "es"):
        texts = replies_for(language)
        assert texts.overdose.message.startswith(texts.overdose_topic.message)
        assert texts.overdose_topic.contacts[0] in texts.overdose.contacts
