"""What an independent reviewer found Ask answering with the wrong passage (issues 12 and 17,
fix13e), in English and Spanish: primary liver cancer is another cancer; one person's outlook
with a time asked is personal; reflux and gallstones asked as their own subject are near
neighbours. Each look-alike that names the summary's subject stays answered."""

from __future__ import annotations

import pytest

from islet.ask import answer

DECLINED: list[tuple[str, str]] = [
    # primary liver cancer: another cancer, not a pancreatic NET spread to the liver
    ("cáncer de hígado hepatocarcinoma", "other-cancer"),
    ("hepatocellular carcinoma", "other-cancer"),
    ("primary liver cancer", "other-cancer"),
    ("what is the treatment for primary liver cancer", "other-cancer"),
    ("carcinoma hepatocelular tratamiento", "other-cancer"),
    ("cáncer primario de hígado", "other-cancer"),
    ("what is a hepatoma", "other-cancer"),
    # one person's outlook with a time asked
    ("what's my prognosis, how many months", "personal-prognosis"),
    ("my prognosis, how many years", "personal-prognosis"),
    ("how long, what is his prognosis", "personal-prognosis"),
    ("¿cuál es mi pronóstico, cuántos meses?", "personal-prognosis"),
    ("mi pronóstico, ¿cuántos años?", "personal-prognosis"),
    # reflux and gallstones asked as their own subject
    ("acid reflux GERD diet", "near-neighbour"),
    ("dieta para el reflujo", "near-neighbour"),
    ("what foods to avoid with acid reflux", "near-neighbour"),
    ("what is GERD", "near-neighbour"),
    ("what are gallstones", "near-neighbour"),
    ("¿qué son los cálculos en la vesícula?", "near-neighbour"),
    ("¿qué son los cálculos biliares?", "near-neighbour"),
    ("diet for gallstones", "near-neighbour"),
]


@pytest.mark.parametrize(("question", "reason"), DECLINED)
def test_declined_as_such(question: str, reason: str) -> None:
    reply = answer(question)
    assert not reply.in_scope, reply.understood.topics
    assert reply.reason == reason


ANSWERED = [
    "cancer spread to the liver",
    "metástasis en el hígado",
    "what can be done if it has spread to the liver",
    "what is the prognosis of a gastrinoma",
    "how many months do people live with a gastrinoma",
    "can a gastrinoma cause reflux",
    "¿un gastrinoma puede causar reflujo?",
    "gallstones from somatostatinoma",
    "cálculos biliares por somatostatinoma",
]


@pytest.mark.parametrize("question", ANSWERED)
def test_the_summarys_subject_stays_answered(question: str) -> None:
    assert answer(question).in_scope
