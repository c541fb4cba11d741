"""Safety triage (issue 11): signs told in pieces, signs back now, farewell gifts, and the
families of wording the dev rounds showed missing. Every row is our own wording."""

from __future__ import annotations

import re

import pytest

from islet.language import Language
from islet.safety import triage
from islet.safety.dictation import dictated
from islet.safety.languages import reading_for


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the parts of a sign given in separate short sentences still make the sign
        ("fever. shivering. my whipple was 5 days ago", "emergency"),
        ("Temp 38.9. Rigors. Day 3 after the operation.", "emergency"),
        ("Skin looks yellow. Really confused this morning.", "emergency"),
        # ...as long as each part counts where it is said
        ("No fever. Chills. 5 days after the whipple", "none"),
        ("fever. chills. the operation was in 2012", "none"),
        # two long sentences are not fragments: the parts stay apart
        (
            "My husband had a fever over the weekend while we were away at the coast. "
            "Our grandson had chills from swimming in the cold sea afterwards. "
            "The whipple was done three weeks ago.",
            "none",
        ),
    ],
)
def test_the_parts_of_a_sign_may_come_in_separate_short_sentences(text: str, level: str) -> None:
    assert triage(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "the chest pain has come back and is worse now",
        "that crushing feeling in my chest is back, worse than this morning",
        "the breathlessness came back an hour ago and it is worse now",
        "my chest pain went away yesterday but it is back and worse tonight",
    ],
)
def test_a_sign_that_has_come_back_and_is_worse_is_current(text: str) -> None:
    assert triage(text).level == "emergency"


@pytest.mark.parametrize(
    ("text", "language", "level"),
    [
        # a sign told with a past cue, said to be back now, is current
        ("the chest pain i had two weeks ago has come back and is worse now", "en", "emergency"),
        ("had that pressure in my chest years ago, its back now and worse", "en", "emergency"),
        ("el dolor de pecho que tuve hace un mes volvio y ahora esta peor", "es", "emergency"),
        # what came back is a result, a tumour, hair or a person: the past sign stays past
        ("i had a seizure in 2015, they did an mri and it came back clear", "en", "none"),
        ("i fainted once years ago and the tumour came back in my liver", "en", "none"),
        ("i had chest pain last year and my hair has come back now", "en", "none"),
        ("me desmaye hace anos y no me ha vuelto a pasar", "es", "none"),
    ],
)
def test_a_past_sign_said_to_be_back_now_is_current(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # prized things given away with words of farewell
        ("gave my dog to my brother to look after, i won't need him", "crisis"),
        ("handed my xbox to my nephew yesterday. won't be needing it where i'm going", "crisis"),
        ("i've given my cat to my neighbour and said my goodbyes", "crisis"),
        ("gave my sister my guitar. told her it's because i never play. it's not.", "crisis"),
        ("found a new home for my dog, he'll be looked after when i'm gone", "crisis"),
        ("my son gave away all his games and his bike, said he won't need them", "crisis"),
        ("le regalé mi consola a mi sobrino, ya no la voy a necesitar", "crisis"),
        # ordinary gifts, sales and a pet minded for a while stay none
        ("gave my old playstation to my grandson, he plays it more than i do", "none"),
        ("sold my guitar and my bike on ebay to pay for parking at the hospital", "none"),
        ("my brother is looking after my dog while i'm in hospital for the whipple", "none"),
        ("gave my cat to my sister to look after for two weeks during the chemo", "none"),
        ("gave my daughter my old car now that i can't drive after the operation", "none"),
        ("le di mi perro a mi hermana para que lo cuide mientras estoy en el hospital", "none"),
        ("le regalé mi consola a mi sobrino por su cumpleaños", "none"),
    ],
)
def test_prized_things_given_away_are_a_crisis_only_with_words_of_farewell(
    text: str, level: str
) -> None:
    assert triage(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "si esta amarillo y confundido que hago",
        "mi papá está amarillo y confundido, ¿qué hago?",
        "tiene los ojos amarillos y está desorientado desde la mañana",
    ],
)
def test_yellow_and_confused_now_is_an_emergency_in_spanish(text: str) -> None:
    assert triage(text, "es").level == "emergency"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a fit named by someone who saw it
        (
            "my son says i had what looked like a seizure in the kitchen, i don't remember",
            "emergency",
        ),
        ("had what my husband called a fit in bed just now, bit groggy", "emergency"),
        # a decimal said in number words, wherever it is said
        ("felt odd at work, cant think straight, sugar now two point eight", "emergency"),
        # not answering, said from far away: out of reach by phone (a farewell text is a crisis)
        (
            "dad sent us all a goodbye message and now he is not answering, i am 3 hours away",
            "crisis",
        ),
        ("my mum is not answering, i am 200 miles away", "none"),
        # lows brought on on purpose, hoping one is the last
        ("missing my snacks on purpose and hoping the next low is the big one", "crisis"),
        ("hoping this round of chemo is the last one", "none"),
        # a switch the team made, put off to use up the old stock
        (
            "they moved me onto lanreotide but i want to finish the rest of my octreotide first",
            "medication",
        ),
        # signs of a death told in the past
        ("my dad had seizures near the end, before he passed away in 2018. what is MEN1?", "none"),
        # how often, not a choice of doses
        ("loose stools 3 or 4 times a day since the new creon dose, no dizziness", "none"),
        ("should i take 1 or 2 of the diazoxide capsules", "medication"),
        # whether two medicines are the same thing is a question, not a change
        ("is my new pantoprazole the same medicine as the omeprazole i had", "none"),
        ("are somatuline and lanreotide the same thing or different", "none"),
        ("what's the difference between omeprazole and pantoprazole", "none"),
    ],
)
def test_families_of_wording_the_dev_rounds_showed(text: str, level: str) -> None:
    assert triage(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("mi abuela se desmayó y sigue sin reaccionar", "emergency"),
        ("el tumor sigue sin responder al tratamiento", "none"),
        ("diarrea como agua desde ayer y ya ni hago pipi", "emergency"),
        ("con tanta diarrea cuando me levanto me voy de lado", "emergency"),
        ("paciente con diarrea acuosa y diuresis casi nula", "emergency"),
        ("me pidió pastillas para dormirse para siempre", "crisis"),
        # what a medicine is for is a question, not a change: the word model raises no alert
        ("¿para qué sirven las pastillas de diazóxido que le recetaron a mi mamá?", "none"),
    ],
)
def test_spanish_families_the_dev_rounds_showed(text: str, level: str) -> None:
    assert triage(text, "es").level == level


def test_a_decimal_said_in_number_words_is_a_number_but_sound_alikes_need_a_reading_verb() -> None:
    numbers = reading_for("en").rules.numbers

    def read(text: str) -> list[str]:
        return dictated(
            text.split(),
            numbers.sound_alikes,
            numbers.reading_verbs,
            numbers.points,
            numbers.units,
        )

    assert read("sugar now two point two") == ["sugar", "now", "2.2"]
    assert read("i want to point to the scan") == ["i", "want", "to", "point", "to", "the", "scan"]


@pytest.mark.parametrize(
    ("text", "language", "level"),
    [
        # "mg" alone after a sugar word is the mg/dL people shorten: a low reading is an emergency
        ("sugar 44mg", "en", "emergency"),
        ("glucose came back at 38 mg and im shaking", "en", "emergency"),
        ("me salió la glucosa en 41 mg y estoy sudando", "es", "emergency"),
        # ...and a normal one is no dose to ask about
        ("sugar 102mg after lunch, all good", "en", "none"),
        # a medicine named before the number makes it a dose
        ("my sugar tablets are 5 mg, is 10 ok", "en", "medication"),
        ("the endo wants diazoxide 50mg twice daily, can i start at half", "en", "medication"),
        ("las pastillas para el azucar son de 5 mg, me tomo dos?", "es", "medication"),
    ],
)
def test_a_number_in_plain_mg_after_a_sugar_word_is_a_reading_unless_a_medicine_comes_first(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level


@pytest.mark.parametrize(
    ("text", "language", "level"),
    [
        # a change the care team made, only told, is no medicine question
        ("my endocrinologist took me off the diazoxide after the operation", "en", "none"),
        ("the oncologist swapped my sandostatin for somatuline in march", "en", "none"),
        ("la doctora me cambió la octreotida por lanreotida el mes pasado", "es", "none"),
        # ...but asking about it still is
        ("the oncologist swapped my sandostatin for somatuline, do i take both this month", "en",
         "medication"),
        ("la doctora me cambió la octreotida por lanreotida, me pongo las dos?", "es",
         "medication"),
    ],
)  # fmt: skip
def test_a_change_the_care_team_made_told_without_a_question_is_no_medicine_question(
    text: str, language: Language, level: str
) -> None:
    assert triage(text, language).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Spanish says what one will do in the present: "me quito la vida", "me mato", alone or
        # with an "if"
        ("si el resultado sale feo me quito la vida", "crisis"),
        ("ya me mato", "crisis"),
        ("si me vuelven a operar me mato", "crisis"),
        ("me mato cuando llegue a la casa", "crisis"),
        # never a figure or a near miss
        ("me mato de la risa con las ocurrencias de mi hija", "none"),
        ("casi me mato bajando del camion", "none"),
        ("si no desayuno me mato de hambre en el trabajo", "none"),
    ],
)
def test_spanish_present_for_the_future_is_a_crisis_but_not_its_figures(
    text: str, level: str
) -> None:
    assert triage(text, "es").level == level
    assert triage(text).level == level  # read without being told the language, too


@pytest.mark.parametrize("text", ["no respira", "se puso morado", "me mato"])
def test_a_short_text_with_no_language_cue_is_read_both_ways(text: str) -> None:
    assert triage(text).level != "none"


@pytest.mark.parametrize("text", ["me desmaye", "no respira", "me mato"])
def test_what_only_the_spanish_words_raise_is_answered_in_spanish(text: str) -> None:
    assert triage(text).source.section.startswith("Ayuda")


@pytest.mark.parametrize("text", ["3.1 mmol", "45 mg/dl", "2.8 mmol/l"])
def test_a_bare_reading_with_no_words_is_answered_in_english(text: str) -> None:
    safety = triage(text)
    assert safety.level == "emergency"
    assert safety.message.startswith("A blood sugar of")


def test_one_sign_with_forms_of_different_numbers_of_parts_is_read_across_fragments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a signal's English and Spanish all_of may have different numbers of parts (both kept under
    # one id): each form is matched across short sentences with its own parts, never the other's
    import dataclasses
    import importlib

    from islet.safety import cues

    module = importlib.import_module("islet.safety.triage")

    c = cues.compiled("es")
    signal, _ = c.groups[0]

    def form(*words: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
        return tuple((re.compile(rf"\b{w}\b"),) for w in words)

    three = (signal.model_copy(update={"whole_text": False}), form("alfa", "beta", "gamma"))
    two = (three[0].model_copy(), form("alfa", "delta"))
    made_up = dataclasses.replace(c, groups=(three, two))
    monkeypatch.setattr(module, "compiled", lambda language: made_up)
    assert module.triage("alfa. beta. gamma.", "es").level == signal.level
    assert module.triage("alfa. beta.", "es").level == "none"
