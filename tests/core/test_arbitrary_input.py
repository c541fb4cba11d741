"""Property tests with arbitrary input where the other test files have none: the Situation model
fed any JSON, its strict yes/no facts, the symptom matcher fed lists of ids and text, and the
calculators' API fed any JSON body.

(The guide engine, the calculators' functions, the matcher on one text and the API as a whole
have their own property and fuzz tests: tests/core/test_guide_properties.py,
tests/core/test_calculators.py, tests/core/test_explain_symptoms.py, tests/http/test_api_fuzz.py.)
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from islet import cli
from islet.errors import InvalidSituation, IsletError
from islet.explain.symptoms import explain_symptoms
from islet.guide import situation_from
from islet.kb import load
from islet.model import Situation, fact_kind, fact_values
from tests.webapp import client

FACTS = list(Situation.model_fields)
YES_NO = [fact for fact in FACTS if fact_kind(fact) == "yesno"]
SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def likely(fact: str) -> st.SearchStrategy[Any]:
    """Values near the right ones for ``fact`` (right values, right values in the wrong shape,
    and anything at all), so both the accepting and the refusing paths get exercised."""
    values = list(fact_values(fact))
    right = st.sampled_from(values)
    listed = st.lists(right, max_size=4)
    return st.one_of(right, listed, st.none(), JSON, right.map(str), listed.map(tuple))


situations = st.fixed_dictionaries(
    {}, optional={fact: likely(fact) for fact in FACTS} | {"extra": JSON}
)


@SETTINGS
@given(data=situations)
def test_any_json_is_a_situation_or_a_named_error(data: dict[str, Any]) -> None:
    try:
        situation = situation_from(data)
    except InvalidSituation as error:
        assert error.field in [*FACTS, "situation", "extra"]
        assert str(error).startswith(f"{error.field}: ")
        return
    assert "extra" not in data
    for fact in YES_NO:
        value = getattr(situation, fact)
        # A yes/no answer is only ever a real true or false that was given (or implied).
        assert value is None or type(value) is bool
        if fact in data and data[fact] is not None:
            assert type(data[fact]) is bool and value is data[fact]
    assert situation_from(situation.model_dump(exclude_none=True)) == situation


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_as_a_situation_is_a_situation_or_a_named_error(text: str) -> None:
    try:
        situation_from(text)
    except InvalidSituation as error:
        assert error.field in [*FACTS, "situation"]


NOT_YES_OR_NO = [0, 1, 1.0, "yes", "no", "true", "false", "", "1", [], [True], {}]


@pytest.mark.parametrize("value", NOT_YES_OR_NO, ids=repr)
@pytest.mark.parametrize("fact", YES_NO)
def test_yes_no_facts_take_only_true_or_false(fact: str, value: Any) -> None:
    with pytest.raises(InvalidSituation) as refused:
        situation_from({fact: value})
    assert refused.value.field == fact
    assert "must be true or false" in str(refused.value)
    assert getattr(situation_from({fact: True}), fact) is True


@pytest.mark.parametrize("value", [0, 1, "yes", "true"], ids=repr)
@pytest.mark.parametrize("fact", YES_NO)
def test_the_api_names_a_yes_no_fact_given_as_something_else(
    web: TestClient, fact: str, value: Any
) -> None:
    response = web.post("/api/v1/guide", json={"tumor_type": "insulinoma", fact: value})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == fact
    assert fact in response.json()["detail"]


@pytest.mark.parametrize(("fact", "value"), [("resectable", 1), ("residual_after_surgery", "no")])
def test_the_cli_names_a_yes_no_fact_given_as_something_else(
    fact: str, value: Any, runner: CliRunner
) -> None:
    result = runner.invoke(
        cli.app, ["guide", "--situation", "-", "--json"], input=json.dumps({fact: value})
    )
    assert result.exit_code == 2
    assert f"{fact}: must be true or false" in " ".join(result.output.split())


SYMPTOM_IDS = list(load().symptoms)
ITEMS = st.lists(st.sampled_from(SYMPTOM_IDS) | st.text(max_size=40), max_size=6)


@SETTINGS
@given(items=ITEMS)
def test_any_list_of_ids_and_text_gives_a_result(items: list[str]) -> None:
    try:
        result = explain_symptoms(items)
    except IsletError as error:  # the only failure a person may see, with a message
        assert str(error)
        return
    assert result.reminder
    if set(items) & set(SYMPTOM_IDS):
        assert result.recognised
    json.dumps(result.model_dump(mode="json"))


@SETTINGS
@given(ids=st.lists(st.sampled_from(SYMPTOM_IDS), min_size=1, max_size=6, unique=True))
def test_the_order_of_symptom_ids_does_not_change_the_answer(ids: list[str]) -> None:
    assert explain_symptoms(ids) == explain_symptoms(list(reversed(ids)))


PLAUSIBLE = (
    JSON
    | st.sampled_from(
        ["T1", "T2", "N0", "N1", "M0", "M1a", "none", "no", "yes", "m", "well", "poor", ["none"]]
    )
    | st.floats(min_value=-5, max_value=120)
)
CALCULATOR_BODIES = {
    "/api/v1/stage": ["t", "n", "m", "size_cm", "invades", "nodes", "mets", "tumors"],
    "/api/v1/grade": ["ki67", "mitoses", "differentiation"],
}


@st.composite
def calculator_requests(draw: st.DrawFn) -> tuple[str, Any]:
    route = draw(st.sampled_from(list(CALCULATOR_BODIES)))
    fields = CALCULATOR_BODIES[route]
    body = draw(st.dictionaries(st.sampled_from(fields), PLAUSIBLE, max_size=len(fields)) | JSON)
    return route, body


@SETTINGS
@given(request=calculator_requests())
def test_the_calculators_api_answers_any_json_without_failing(request: tuple[str, Any]) -> None:
    route, body = request
    response = CALCULATORS.post(route, json=body)
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]


CALCULATORS = client()
