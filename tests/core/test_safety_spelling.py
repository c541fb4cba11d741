"""Safety triage (issue 11): English key words written as they sound ("kof", "blud", "nife")
are read as the words, and no real English word is ever read as another. Our own wording."""

from __future__ import annotations

import pytest

from islet.safety import triage
from islet.safety.spelling import english_sound_alikes, english_words
from islet.safety.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("spelling", "word"),
    [
        ("kof", "cough"),  # "ough" as "off", c as k
        ("blud", "blood"),  # "oo" as "u"
        ("pilz", "pills"),  # one letter for a double, s as z
        ("rasor", "razor"),
        ("wakin", "waking"),  # the g of "-ing" dropped
        ("nife", "knife"),  # silent k
        ("botel", "bottle"),  # "-le" as "-el"
    ],
)
def test_a_key_word_written_as_it_sounds_is_read_as_the_word(spelling: str, word: str) -> None:
    assert vocabulary().spelled_alike.get(spelling) == word
    assert vocabulary().rewrites.get(spelling) == word


def test_no_real_english_word_is_read_as_another() -> None:
    alike = vocabulary().spelled_alike
    assert alike, "the English sound-alike layer is empty"
    assert not set(alike) & english_words()
    # "whole" said as "hole", "breath" as "breed": real words stay what they are
    assert "hole" not in alike and "breed" not in alike


def test_a_spelling_kept_or_already_rewritten_is_left_alone() -> None:
    made = english_sound_alikes(["blood"], keep={"blud"})
    assert "blud" not in made and made.get("bluud") == "blood"
    assert english_sound_alikes(["kill"], keep=set()).get("kil") == "kill"
    assert "dye" not in english_sound_alikes(["die"], keep=set())  # too short to guess at


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("been koffing up blud since lunch", "emergency"),
        ("i tuk the whole botel of pilz. sorry", "crisis"),
        ("no poynt in goin on any more", "crisis"),
        # the same sounds in ordinary words raise nothing
        ("I dug a hole for the new rose bush this morning", "none"),
        ("the coffee shop by the hospital opens at seven", "none"),
    ],
)
def test_the_triage_reads_key_words_spelt_by_sound(text: str, level: str) -> None:
    assert triage(text).level == level


def test_spanish_reading_keeps_english_sound_alikes_out() -> None:
    from islet.safety.languages import reading_for

    spanish = reading_for("es").vocabulary.rewrites
    assert not set(vocabulary().spelled_alike) & {
        k for k, v in spanish.items() if vocabulary().spelled_alike.get(k) == v
    }
