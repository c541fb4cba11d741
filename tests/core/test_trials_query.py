"""TrialQuery.read is the one place trial filters are read: every field's words, every error naming
its field (as the API calls it), and what a form keeps when a field is wrong."""

from __future__ import annotations

from typing import Any

import pytest

from islet.errors import InvalidInput, UnknownTerm
from islet.trials.query import TrialQuery, read_filters
from tests.tables import load_cases

CASES = load_cases("trials_query.yaml")


@pytest.mark.parametrize("case", [c for c in CASES if "query" in c.values[0]])
def test_what_a_person_typed_becomes_a_query(case: dict[str, Any]) -> None:
    query = TrialQuery.read(**case["typed"]).model_dump(mode="json")
    assert {name: query[name] for name in case["query"]} == case["query"]


@pytest.mark.parametrize("case", [c for c in CASES if "errors" in c.values[0]])
def test_each_field_at_fault_is_named(case: dict[str, Any]) -> None:
    reading = read_filters(**case["typed"])
    assert reading.query is None
    assert list(reading.errors) == list(case["errors"])
    for name, words in case["errors"].items():
        assert words in str(reading.errors[name])
    for name, value in case.get("kept", {}).items():
        assert reading.values[name] == value
    first = next(iter(reading.errors.values()))
    with pytest.raises((InvalidInput, UnknownTerm)) as raised:
        TrialQuery.read(**case["typed"])
    assert str(raised.value) == str(first)  # the first field at fault
    if "suggests" in case:
        assert case["suggests"] in raised.value.suggestions


def test_an_invalid_input_names_its_field_first() -> None:
    with pytest.raises(InvalidInput) as raised:
        TrialQuery.read(near="Rochester")
    assert (raised.value.field, str(raised.value)) == (
        "near",
        f"near: {raised.value.message}",
    )
