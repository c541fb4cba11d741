"""Three-valued evaluation of conditions: a missing fact is unknown, never "no"."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from islet.guide.logic import evaluate, reasons, sensitivity
from islet.model import Condition

CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)
SINGLE = {"fact": "tumor_count", "in": ["single"]}
HEAD = {"fact": "sites", "has_any": ["head"]}
NOT_REMOVABLE = {"fact": "resectable", "is": False}

CASES = [
    # (condition, facts, expected truth)
    (SINGLE, {}, None),
    (SINGLE, {"tumor_count": "single"}, True),
    (SINGLE, {"tumor_count": "multiple"}, False),
    (HEAD, {"sites": []}, False),
    (HEAD, {"sites": ["body", "head"]}, True),
    (NOT_REMOVABLE, {}, None),
    (NOT_REMOVABLE, {"resectable": True}, False),
    (NOT_REMOVABLE, {"resectable": False}, True),
    ({"all": [SINGLE, HEAD]}, {"tumor_count": "single"}, None),
    ({"all": [SINGLE, HEAD]}, {"sites": ["tail"]}, False),
    ({"all": [SINGLE, HEAD]}, {"tumor_count": "single", "sites": ["head"]}, True),
    ({"any": [SINGLE, HEAD]}, {"sites": ["tail"]}, None),
    ({"any": [SINGLE, HEAD]}, {"sites": ["head"]}, True),
    ({"any": [SINGLE, HEAD]}, {"tumor_count": "multiple", "sites": ["tail"]}, False),
    ({"not": SINGLE}, {}, None),
    ({"not": SINGLE}, {"tumor_count": "multiple"}, True),
]


@pytest.mark.parametrize(("condition", "facts", "expected"), CASES)
def test_evaluate(condition: dict[str, Any], facts: dict[str, Any], expected: bool | None) -> None:
    assert evaluate(CONDITION.validate_python(condition), facts) is expected


def test_reasons_name_the_deciding_tests() -> None:
    condition = CONDITION.validate_python({"all": [SINGLE, {"not": HEAD}]})
    facts = {"tumor_count": "single", "sites": ["head"]}
    [reason] = reasons(condition, facts, False)
    assert reason.leaf.fact == "sites" and reason.negated


def test_sensitivity_tells_which_answers_decide() -> None:
    condition = CONDITION.validate_python(
        {"all": [SINGLE, {"fact": "sites", "has_any": ["body", "tail"]}]}
    )
    effect = sensitivity([condition], {"tumor_count": "single"}, "sites")
    assert effect.applies_if == ["body", "tail"]
    assert effect.rules_out == ["head", "duodenum", "none"]
    assert effect.settles
    count = sensitivity([condition], {}, "tumor_count")
    assert count.applies_if == ["single"] and count.rules_out == ["multiple", "none_found"]
