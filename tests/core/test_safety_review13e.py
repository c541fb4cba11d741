"""False alarms an independent reviewer found (issue 11, fix13e): a hormone a tumor makes too
much of asked about as the disease, and which medicines PDQ lists for a situation asked as
information, in English and Spanish. Each look-alike below keeps its level."""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage

ASKED_ABOUT: list[tuple[str, Language]] = [
    # too much of a hormone made by a tumor, asked about: the disease, not a dose taken
    ("symptoms of too much gastrin vs too much insulin", "en"),
    ("what are the signs of too much insulin from an insulinoma", "en"),
    ("effects of too much glucagon on the body", "en"),
    ("difference between too much insulin and too much glucagon", "en"),
    ("sintomas de demasiada insulina por un insulinoma", "es"),
    # which medicines PDQ lists for a situation, asked in general
    ("medicamentos para bajar la insulina si no se puede operar el insulinoma", "es"),
    ("que medicinas hay para bajar el acido si no se puede operar el gastrinoma", "es"),
    ("cuales son los medicamentos para controlar la insulina en un insulinoma", "es"),
    ("what medicines are used to lower insulin if the insulinoma cannot be removed", "en"),
]


@pytest.mark.parametrize(("text", "language"), ASKED_ABOUT)
def test_a_hormone_or_a_drug_class_asked_about_raises_no_alarm(
    text: str, language: Language
) -> None:
    safety = triage(text, language)
    assert safety.level == "none", (safety.level, safety.signs)


KEPT: list[tuple[str, Language, str]] = [
    ("I injected too much insulin", "en", "emergency"),
    ("can I lower my diazoxide", "en", "medication"),
    ("i took too much insulin", "en", "emergency"),
    ("my tumor makes too much insulin and i took too much insulin too", "en", "emergency"),
    ("puedo bajar mi diazoxido", "es", "medication"),
    ("quiero bajarle la insulina a mi papa", "es", "medication"),
]


@pytest.mark.parametrize(("text", "language", "level"), KEPT)
def test_a_dose_taken_or_changed_keeps_its_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("que medicamentos puedo tomar para bajar la insulina", "es"),
        ("que medicinas debo dejar para bajar la insulina", "es"),
    ],
)
def test_a_medicine_for_oneself_stays_a_medicine_question(text: str, language: Language) -> None:
    assert triage(text, language).level == "medication"
