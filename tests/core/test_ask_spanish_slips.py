"""Spanish words one letter off a word of the reading table (issue 17): read as that word."""

from __future__ import annotations

from dataclasses import replace

import pytest

from islet.ask.spanish import reader
from islet.ask.spanish_slips import by_slip

TABLE = by_slip(["examenes", "pancreas", "operacion", "sangrado", "sangrar", "pesa", "pega"])


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("examemes", "examenes"),  # a letter different
        ("pancreaas", "pancreas"),  # a letter too many
        ("operacon", "operacion"),  # a letter left out
        ("examenes", "examenes"),  # a known word stays itself
    ],
)
def test_a_word_one_letter_off_is_read_as_the_tables_word(typed: str, word: str) -> None:
    assert TABLE.repair(typed) == word


@pytest.mark.parametrize(
    "typed",
    [
        "sangrad",  # one letter off two words of the table: neither
        "pesta",  # shorter than six letters: often another word
        "problem",  # an English word (Spanglish) is kept
        "diabetes2",  # not only letters
        "quimioterapiaa extra",  # not one word
    ],
)
def test_a_word_that_is_no_single_slip_is_kept(typed: str) -> None:
    assert TABLE.repair(typed) == typed


def test_the_reader_reads_a_slip_as_the_word_and_can_be_told_not_to() -> None:
    read = reader()
    assert read.to_english("los examemes") == read.to_english("los examenes")
    assert replace(read, slips=False).to_english("los examemes") != read.to_english("los examenes")
