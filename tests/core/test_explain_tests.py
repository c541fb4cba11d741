"""The diagnostic test explainer: general and type-specific tests, fasting, preparation."""

from __future__ import annotations

from typing import Any

import pytest

from islet.check import MAX_GRADE, grade
from islet.errors import UnknownTerm
from islet.explain import tests as explainer
from islet.kb import KnowledgeBase
from tests.tables import load_cases

GENERAL_COUNT = 13  # PDQ's general list (fact base §5.1)


@pytest.mark.parametrize("case", load_cases("diagnostic_test_explainer.yaml"))
def test_tests_for_a_tumor_type(case: dict[str, Any]) -> None:
    result = explainer.tests_for(case["type"])
    assert [t.id for t in result.type_specific] == [row["id"] for row in case["specific"]]
    assert [t.fasting_hours for t in result.type_specific] == [
        row["fasting_hours"] for row in case["specific"]
    ]
    assert len(result.general) == GENERAL_COUNT
    assert all(t.for_every_type for t in result.general)
    if not case["specific"]:
        assert result.specific_note == explainer.texts().no_specific_tests


def test_every_test_is_explained_without_professional_detail_by_default(
    kb: KnowledgeBase,
) -> None:
    result = explainer.tests_for()
    assert result.tumor_type is None
    listed = [t.id for t in (*result.general, *result.type_specific)]
    assert sorted(listed) == sorted(kb.tests)
    for test in (*result.general, *result.type_specific):
        assert test.what_it_is and "[[" not in test.what_it_is
        assert test.looks_for
        assert test.preparation
        assert test.professional is None and test.professional_source is None


def test_fasting_tests_say_how_long_to_fast() -> None:
    for test in explainer.tests_for().type_specific:
        if test.fasting_hours is not None:
            assert str(test.fasting_hours) in test.preparation
        else:
            assert test.preparation == explainer.texts().no_preparation


def test_professional_view_adds_the_thresholds() -> None:
    result = explainer.tests_for("glucagonoma", audience="professional")
    glucagon = result.type_specific[0]
    assert glucagon.professional and "1,000 pg/mL" in glucagon.professional
    assert glucagon.professional_source is not None


def test_used_for_names_the_tumor_types() -> None:
    srs = next(
        t for t in explainer.tests_for().general if t.id == "somatostatin-receptor-scintigraphy"
    )
    assert [t.id for t in srs.used_for] == ["gastrinoma", "somatostatinoma"]


@pytest.mark.parametrize(("query", "suggestion"), [("insulinomma", "insulinoma"), ("xyz", None)])
def test_unknown_tumor_type(query: str, suggestion: str | None) -> None:
    with pytest.raises(UnknownTerm) as raised:
        explainer.tests_for(query)
    if suggestion:
        assert suggestion in raised.value.suggestions
    else:
        assert raised.value.suggestions == []


@pytest.mark.parametrize(
    "name", ["general_note", "specific_note", "no_specific_tests", "no_preparation"]
)
def test_fixed_texts_are_plain_language(name: str) -> None:
    assert grade(getattr(explainer.texts(), name)) <= MAX_GRADE
