"""Learned Spanish words the reading table lacks, read by their English cognate, and ñ typed
without the letter (issue 17)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from islet.ask.spanish import Reader
from islet.ask.spanish_cognates import cognates

# A reader that knows no Spanish at all: only the cognate rule can read a word.
EMPTY = Reader(phrases={}, skip=frozenset(), english=frozenset({"octreotid", "palliativ"}))


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("complicaciones", "complications"),  # -ciones: -tions
        ("paliativo", "palliative"),  # -ivo: -ive, a single l written double (engine word)
        ("cronica", "chronic"),  # -ica: -ic, "cro-": "chro-"
        ("leucemia", "leukemia"),  # a c written k
        ("sistemica", "systemic"),
        ("patologia", "pathology"),  # -logia: -logy
        ("deficiencia", "deficiency"),
        ("tiroides", "thyroid"),
        ("octreotida", "octreotide"),  # known to the engine's own words, not to English
        ("hereditario", "hereditary"),  # -ario: -ary
        ("obligatorio", "obligatory"),  # -orio: -ory
        ("localizado", "localized"),  # -izado: -ized
        ("fractura", "fracture"),  # -ura: -ure
        ("telefono", "telephone"),  # -fono: -phone
        ("estructura", "structure"),  # the "e" before "s" and a consonant
        ("especialistas", "specialists"),
    ],
)
def test_a_learned_word_is_read_as_its_english_cognate(spanish: str, english: str) -> None:
    assert EMPTY.to_english(spanish) == english


@pytest.mark.parametrize(
    "word",
    [
        "pega",  # short everyday words carry no learned ending
        "lado",
        "constipado",  # a false friend (a cold): no learned ending, so never "constipated"
        "embarazada",
        "ingeniero",  # no English word has the ending's cognate
        "mitotico",  # the cognate is neither English nor one of the engine's words
    ],
)
def test_a_word_without_a_known_cognate_is_kept_as_typed(word: str) -> None:
    assert EMPTY.to_english(word) == word


def test_the_tables_own_reading_wins_and_cognates_can_be_turned_off() -> None:
    table = replace(EMPTY, phrases={("complicaciones",): "complications of treatment"})
    assert table.to_english("complicaciones") == "complications of treatment"
    assert replace(EMPTY, cognates=False).to_english("paliativo") == "paliativo"


def test_only_a_word_with_a_learned_ending_has_cognates() -> None:
    assert cognates("casa") == []
    assert cognates("hiperparatiroidismo")[0] == "hyperparatiroidism"


@pytest.mark.parametrize(
    ("typed", "written"),
    [("anios", "anos"), ("pequenio", "pequeno"), ("sonnar", "sonar"), ("anyos", "anos")],
)
def test_n_tilde_typed_as_ni_nn_or_ny_is_read_as_the_word(typed: str, written: str) -> None:
    table = Reader(
        phrases={("anos",): "years", ("pequeno",): "small", ("sonar",): "dream"},
        skip=frozenset(),
    )
    assert table.to_english(typed) == table.to_english(written)


def test_a_word_the_table_knows_with_ni_keeps_it() -> None:
    table = Reader(phrases={("junio",): "june", ("juno",): "juno"}, skip=frozenset())
    assert table.to_english("junio") == "june"


def test_an_english_word_with_ni_is_not_read_as_spanish() -> None:
    table = Reader(phrases={("senor",): "mister"}, skip=frozenset())
    assert table.to_english("senior") == "senior"
