"""Ask Islet keeps a word's sense (issue 12): real English words are not repaired into other
words, "fast" is speed or going without food by its neighbours, and a dose in a treatment's
name is not a dosing question."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from islet.ask import answer, engine
from islet.ask.words import spelling_words, words
from tests.tables import CASES

TABLE = yaml.safe_load((CASES / "ask_senses.yaml").read_text(encoding="utf-8"))


def _rows(key: str) -> list[Any]:
    return [pytest.param(*row[1:], id=str(row[0])) for row in TABLE[key]]


@pytest.mark.parametrize(("question", "word"), _rows("kept"))
def test_real_english_words_are_never_repaired(question: str, word: str) -> None:
    assert word in spelling_words()
    reading = engine().retriever.read(question)
    assert word in reading.words and word not in reading.corrected


@pytest.mark.parametrize(("question", "typed", "meant"), _rows("repaired"))
def test_misspellings_of_islets_own_words_are_still_mended(
    question: str, typed: str, meant: str
) -> None:
    assert engine().retriever.read(question).corrected == {typed: meant}


@pytest.mark.parametrize(
    ("question", "speed"), [pytest.param(q, s, id=q) for q, s in TABLE["fast"]]
)
def test_fast_is_speed_only_next_to_a_word_of_speed(question: str, speed: bool) -> None:
    read = words(question)
    assert ("quick" in read) is speed
    assert any(w.startswith("fast") for w in read) is not speed


@pytest.mark.parametrize(
    ("question", "heart"), [pytest.param(q, h, id=q) for q, h in TABLE["fast_heart"]]
)
def test_fast_next_to_the_heart_is_the_hearts_speed(question: str, heart: bool) -> None:
    read = words(question)
    assert ("rapid" in read) is heart
    assert ("quick" in read) is not heart


@pytest.mark.parametrize("question", TABLE["not_heartbeat"])
def test_how_fast_a_tumor_grows_does_not_bring_up_a_fast_heartbeat(question: str) -> None:
    reply = answer(question)
    shown = [a.passage_id for a in reply.answers]
    assert shown and shown[0] == "section:prognosis#patient", shown
    assert "symptom:fast-heartbeat#patient" not in shown


@pytest.mark.parametrize("question", TABLE["heartbeat"])
def test_a_fast_heartbeat_still_finds_its_sign(question: str) -> None:
    shown = [a.passage_id for a in answer(question).answers]
    assert "symptom:fast-heartbeat#patient" in shown, shown


@pytest.mark.parametrize("question", TABLE["not_fasting"])
def test_questions_about_speed_do_not_bring_up_the_fasting_tests(question: str) -> None:
    reply = answer(question)
    shown = [a.passage_id for a in reply.answers]
    assert not any("fasting" in passage for passage in shown), shown


@pytest.mark.parametrize(
    ("question", "dosing"), [pytest.param(q, d, id=q) for q, d in TABLE["dose_in_a_name"]]
)
def test_a_dose_in_a_treatments_name_is_not_a_dosing_question(question: str, dosing: bool) -> None:
    reply = answer(question)
    assert (reply.reason == "dosing") is dosing, reply.reason
    assert reply.in_scope is not dosing
