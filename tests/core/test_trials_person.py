"""A person's facts as typed into the screening form are read in the core (``read_person``), and
a shortlist's NCT numbers too (``read_shortlist``): what each value means, or the field at fault."""

from __future__ import annotations

from typing import Any

import pytest

from islet.trials.filters import MAX_PICKS, read_shortlist
from islet.trials.person import read_person

READ = [
    ({}, {"age": None, "sex": None, "prior_treatments": None}),
    ({"age": " 40 ", "sex": "MALE"}, {"age": 40.0, "sex": "male"}),
    ({"grade": "2", "ki67": "12", "men1": "no"}, {"grade": 2, "ki67": 12.0, "men1": False}),
    ({"tumor_type": "insulinoma", "men1": "yes"}, {"tumor_type": "insulinoma", "men1": True}),
    (
        {"prior": "everolimus; sunitinib\nlanreotide"},
        {"prior_treatments": ["everolimus", "sunitinib", "lanreotide"]},
    ),
    ({"no_prior": True}, {"prior_treatments": []}),
]

WRONG = [
    ({"age": "abc"}, "age", "give a number from 0 to 130"),
    ({"sex": "x"}, "sex", "choose female or male"),
    ({"tumor_type": "Insulinoma"}, "tumor_type", "choose one from the list"),
    ({"grade": "5"}, "grade", "choose grade 1, 2 or 3"),
    ({"ki67": "101"}, "ki67", "a percent from 0 to 100"),
    ({"men1": "maybe"}, "men1", "choose yes, no, or not saying"),
    ({"prior": "a", "no_prior": True}, "prior", "not both"),
    ({"prior": ",".join(f"t{i}" for i in range(21))}, "prior", "list at most 20"),
    ({"prior": "x" * 101}, "prior", "under 100 letters"),
]


@pytest.mark.parametrize(("typed", "facts"), READ)
def test_what_a_person_typed_becomes_facts(typed: dict[str, Any], facts: dict[str, Any]) -> None:
    reading = read_person(**typed)
    assert reading.errors == {}
    assert reading.person is not None
    assert {name: getattr(reading.person, name) for name in facts} == facts


@pytest.mark.parametrize(("typed", "field", "words"), WRONG)
def test_each_fact_at_fault_is_named(typed: dict[str, Any], field: str, words: str) -> None:
    reading = read_person(**typed)
    assert reading.person is None
    assert list(reading.errors) == [field]
    assert words in reading.errors[field].message


def test_every_fault_is_named_at_once() -> None:
    reading = read_person(age="old", grade="9", men1="?")
    assert list(reading.errors) == ["age", "grade", "men1"]


@pytest.mark.parametrize(
    ("values", "picks", "words"),
    [
        (["NCT00510068", " nct00510068 ", "", "NCT00428597"], ["NCT00510068", "NCT00428597"], None),
        (["hello", "NCT00510068"], ["NCT00510068"], "'hello' is not an NCT number"),
        (
            [f"NCT{n:08d}" for n in range(MAX_PICKS + 1)],
            [f"NCT{n:08d}" for n in range(MAX_PICKS)],
            "choose at most 20",
        ),
    ],
)
def test_a_shortlist_is_read(values: list[str], picks: list[str], words: str | None) -> None:
    read, error = read_shortlist(values)
    assert read == picks
    if words is None:
        assert error is None
    else:
        assert error is not None
        assert error.field == "nct"
        assert words in error.message
