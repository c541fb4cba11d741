"""How a Spanish question tells its story and asks its question (issue 17): the diagnosis told
as news is no question about tests, and the reading's patterns see the spelling put right."""

from __future__ import annotations

from dataclasses import replace

import pytest

from islet.ask.answer import engine
from islet.ask.spanish import Reader, reader, spanish_layer


@pytest.mark.parametrize(
    "spanish",
    [
        "a mi papá le diagnosticaron un vipoma, ¿eso es cáncer?",
        "me han diagnosticado un somatostatinoma y quiero saber qué es",
        "mi hermana fue diagnosticada con un glucagonoma, ¿qué hormona hace?",
    ],
)
def test_the_diagnosis_told_as_news_is_left_out_and_the_tumor_stays(spanish: str) -> None:
    read = reader().to_english(spanish)
    assert "diagnos" not in read
    assert any(name in read for name in ("vipoma", "somatostatinoma", "glucagonoma"))


def test_asking_how_it_was_diagnosed_is_still_read() -> None:
    assert "diagnos" in reader().to_english("¿cómo le diagnosticaron el insulinoma a mi mamá?")


def test_a_what_is_question_after_the_news_gets_the_tumor_not_its_tests() -> None:
    layer = spanish_layer(engine())
    reply = layer.answer("a mi tío le diagnosticaron un glucagonoma, ¿qué es eso exactamente?", 5)
    assert reply.answers[0].passage_id in {
        "tumor-type:glucagonoma#patient",
        "glossary:glucagonoma",
    }


@pytest.mark.parametrize(
    "spanish",
    ["con este tumor cuantos anios me quedan", "y a mi papá cuantos anyos le quedan de vida"],
)
def test_one_persons_time_left_is_declined_with_n_tilde_typed_otherwise(spanish: str) -> None:
    layer = spanish_layer(engine())
    reply = layer.answer(spanish, 5)
    assert not reply.in_scope
    assert reply.reason == "personal-prognosis"


@pytest.mark.parametrize(
    ("spanish", "marked"),
    [
        # The sentence told, then the question asked.
        ("mi hermana tiene diabetes. ¿qué es un insulinoma?", "diabetes. what is"),
        # A clause before "¿" is no part of the question.
        ("con el gastrinoma, ¿qué comer?", "gastrinoma,"),
        ("¿qué es un vipoma?", "vipoma?"),
    ],
)
def test_the_reading_keeps_where_sentences_and_clauses_end(spanish: str, marked: str) -> None:
    assert marked in reader().to_english(spanish)


def test_a_phrase_of_the_table_does_not_run_across_a_sentence_end() -> None:
    table = Reader(phrases={("que", "es"): "what is", ("que",): "what"}, skip=frozenset())
    assert table.to_english("que. es") == "what. es"
    assert replace(table, sentences=False).to_english("que. es") == "what is"


def test_a_near_neighbour_asked_about_after_a_story_of_the_summarys_subject_is_declined() -> None:
    # Read without its sentences, the story's tumor and the question's neighbour run together
    # and the tumor wins; kept, the English engine sees the question names only the neighbour.
    layer = spanish_layer(engine())
    reply = layer.answer(
        "Tengo un gastrinoma. Mi hermano tiene un tumor carcinoide en el intestino delgado,"
        " ¿cómo se trata un tumor carcinoide del intestino?",
        5,
    )
    assert not reply.in_scope
