"""A crisis said now counts whatever past event or medicine is told around it (issue 11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from islet.errors import KnowledgeError
from islet.safety import triage
from islet.safety.tense import markers, sentence_tense, sign_tense
from tests.tables import load_cases


@pytest.mark.parametrize("case", load_cases("safety_tense.yaml"))
def test_a_crisis_said_now_counts_and_one_in_the_past_does_not(case: dict[str, Any]) -> None:
    safety = triage(case["text"], case["lang"])
    assert safety.level == case["level"], safety.signs


@pytest.mark.parametrize(
    ("clause", "sign", "tense"),
    [
        ("since my surgery last year i want to die", "want to die", "now"),
        ("years ago i wanted to die", "wanted to die", "then"),
        ("i have had thoughts of ending it", "thoughts of ending it", "now"),
        ("suicidal thoughts", "suicidal thoughts", None),
    ],
)
def test_the_tense_of_a_sign_is_that_of_its_own_verb(clause: str, sign: str, tense: str) -> None:
    start = clause.index(sign)
    assert sign_tense(clause, start, start + len(sign), "en") == tense


def test_a_sentence_is_only_past_without_a_present_form() -> None:
    assert sentence_tense("i wanted to die back then not anymore", "en") == "then"
    assert sentence_tense("i wanted to die back then and i still do", "en") == "now"


def test_a_broken_tense_pattern_is_a_knowledge_error(tmp_path: Path) -> None:
    words = {"window": 3, "subjects": ["i"], "ongoing": [], "then": ["(wanted"], "now": []}
    path = tmp_path / "tense.yaml"
    path.write_text(yaml.safe_dump({"en": words, "es": words}), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not a valid expression"):
        markers("en", path)


@pytest.mark.parametrize("case", load_cases("safety_treatment_es.yaml"))
def test_spanish_emergencies_after_an_operation_are_recognised(case: dict[str, Any]) -> None:
    safety = triage(case["text"], "es")
    assert safety.level == case["level"], safety.signs
    assert not safety.danger_topic  # one word of a sign's group ("whipple") asks about none
