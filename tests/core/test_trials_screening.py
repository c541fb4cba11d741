"""Screening eligibility criteria: each rule's pass / fail / undetermined, line by line."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from islet.trials.criteria import check_age, check_sex, grades_named, ki67_limits
from islet.trials.eligibility import PersonFacts, criterion_lines
from islet.trials.records import Trial, parse_study
from islet.trials.screening import NOTE, screen
from tests.tables import load_cases
from tests.trials_helpers import NET, study


def trial_with(criteria: str | None = None, **fields: Any) -> Trial:
    return parse_study(study(nct_id="NCT90000009", criteria=criteria, **fields))


def line_checks(trial: Trial, person: PersonFacts) -> list[list[str]]:
    result = screen(trial, person)
    return [[c.rule, c.outcome] for c in result.checks if c.section != "record"]


@pytest.mark.parametrize("case", load_cases("trials_criterion_lines.yaml"))
def test_criteria_are_split_into_lines(case: dict[str, Any]) -> None:
    lines = criterion_lines(case["criteria"])
    assert [[ln.section, ln.polarity, ln.conditional, ln.text] for ln in lines] == case["lines"]


@pytest.mark.parametrize("case", load_cases("trials_screening.yaml"))
def test_screening_rules(case: dict[str, Any]) -> None:
    trial = trial_with(case["criteria"])
    assert line_checks(trial, PersonFacts(**case["person"])) == case["expect"]


@pytest.mark.parametrize(
    ("min_age", "max_age", "age", "outcome"),
    [
        ("18 Years", None, 17.9, "fail"),
        ("18 Years", None, 18, "pass"),
        ("18 Years", "75 Years", 75, "pass"),
        ("18 Years", "75 Years", 75.5, "fail"),
        (None, "12 Years", 2, "pass"),
        (None, "12 Years", 13, "fail"),
        ("6 Months", None, 0.25, "fail"),
        (None, None, 101, "pass"),
        ("18 Years", None, None, "undetermined"),
    ],
)
def test_age_checks_minimum_and_maximum(
    min_age: str | None, max_age: str | None, age: float | None, outcome: str
) -> None:
    check = check_age(trial_with(min_age=min_age, max_age=max_age), PersonFacts(age=age))
    assert check.outcome == outcome
    assert check.section == "record"


@pytest.mark.parametrize(
    ("allowed", "sex", "outcome"),
    [
        ("ALL", "female", "pass"),
        ("ALL", None, "pass"),
        ("FEMALE", "female", "pass"),
        ("FEMALE", "male", "fail"),
        ("MALE", None, "undetermined"),
        (None, "male", "undetermined"),
    ],
)
def test_sex_check(allowed: str | None, sex: Any, outcome: str) -> None:
    assert check_sex(trial_with(sex=allowed), PersonFacts(sex=sex)).outcome == outcome


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("grade 1 or 2", {1, 2}),
        ("grades 1-3", {1, 2, 3}),
        ("G1/G2", {1, 2}),
        ("WHO grade II", {2}),
        ("low-grade", {1}),
        ("low, intermediate or high grade", {1, 2, 3}),
        ("well-differentiated", set()),
        ("grade 12 weeks", set()),
    ],
)
def test_grades_named(text: str, grades: set[int]) -> None:
    assert grades_named(text) == grades


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        (" index < 10%", (0.0, 10.0)),
        (" ≥ 10%", (10.0, 100.0)),
        (" of at least 20 %", (20.0, 100.0)),
        (" between 3% and 20%", None),
        (" 3-20%", (3.0, 20.0)),
        (" must be reported", None),
        (" unknown; age < 10%", None),
    ],
)
def test_ki67_limits(text: str, limits: tuple[float, float] | None) -> None:
    assert ki67_limits(text) == limits


# The constructed NET trials, read as a person would use them.
NET_ROWS = [
    (
        "NCT03375320-cabinet-constructed.json",
        {"tumor_type": "insulinoma", "grade": 3, "prior_treatments": ["octreotide"]},
        [
            ["grade", "undetermined"],  # low/intermediate grade asked; a later line allows G3
            ["grade", "undetermined"],  # high-grade carcinoma excluded: not settled by grade
            ["grade", "pass"],
            ["functional-status", "pass"],
            ["prior-treatment", "fail"],  # an SSA does not count as the earlier therapy
        ],
    ),
    (
        "NCT03375320-cabinet-constructed.json",
        {"grade": 2, "prior_treatments": ["everolimus", "lanreotide"]},
        [
            ["grade", "pass"],
            ["grade", "pass"],
            ["functional-status", "pass"],
            ["prior-treatment", "pass"],
        ],
    ),
    (
        "NCT00353496-clarinet-constructed.json",
        {"tumor_type": "gastrinoma", "grade": 2},
        [["functional-status", "fail"], ["grade", "pass"], ["ki67", "undetermined"]],
    ),
    (
        "NCT00353496-clarinet-constructed.json",
        {"tumor_type": "nonfunctional", "ki67": 4},
        [["functional-status", "pass"], ["grade", "undetermined"], ["ki67", "pass"]],
    ),
    (
        "NCT00510068-radiant3-constructed.json",
        {"grade": 3, "prior_treatments": []},
        [["grade", "undetermined"]],  # the line says "carcinoma"; the therapy rule is a subgroup's
    ),
    ("NCT00428597-sunitinib-constructed.json", {"grade": 1, "men1": True}, []),
]


@pytest.mark.parametrize(("name", "person", "expect"), NET_ROWS)
def test_screening_the_constructed_net_trials(
    name: str, person: dict[str, Any], expect: list[list[str]]
) -> None:
    trial = parse_study(json.loads((NET / name).read_text(encoding="utf-8")))
    assert line_checks(trial, PersonFacts(**person)) == expect


def test_a_result_counts_and_explains() -> None:
    trial = trial_with(
        "Exclusion Criteria:\n* Known MEN1\n* Prior everolimus", min_age="18 Years", sex="ALL"
    )
    result = screen(trial, PersonFacts(age=30, men1=True))
    assert (result.met, result.not_met, result.undetermined) == (2, 1, 1)
    assert result.summary == "2 met, 1 not met, 1 undetermined"
    assert result.note == NOTE
    men1 = next(c for c in result.checks if c.rule == "men1")
    assert men1.criterion == "Known MEN1"
    assert men1.polarity == "excludes"
    assert men1.message == "The trial does not take people with MEN1; you said you have MEN1."


def test_person_facts_are_checked() -> None:
    with pytest.raises(ValidationError):
        PersonFacts(age=200)
    with pytest.raises(ValidationError):
        PersonFacts(tumor_type="carcinoid")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        PersonFacts(grade=4)  # type: ignore[arg-type]
    assert PersonFacts().is_empty()
    assert not PersonFacts(prior_treatments=[]).is_empty()
