"""Every API route, good and bad input: status, problem bodies naming the field, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from islet.calculators.grading import grade
from islet.calculators.staging import stage
from islet.explain.symptoms import explain_symptoms
from islet.explain.tests import tests_for as explain_tests
from islet.guide import options_for
from islet.kb import KnowledgeBase
from islet.model import Situation
from islet.topics import view
from tests.tables import load_cases


def send(web: TestClient, case: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    if "json" in case:
        body = dict(case["json"]) if isinstance(case["json"], dict) else case["json"]
        if "repeat_text" in case:
            body["text"] = body["text"] * case["repeat_text"]
        kwargs["json"] = body
    elif "body" in case:
        kwargs["content"] = case["body"]
        kwargs["headers"] = {"content-type": "application/json"}
    return web.request(case["method"], case["path"], **kwargs)


@pytest.mark.parametrize("case", load_cases("api_requests.yaml"))
def test_api_answers(web: TestClient, case: dict[str, Any]) -> None:
    response = send(web, case)
    assert response.status_code == case["status"], response.text[:400]
    body = response.json()
    if case["status"] >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert body["status"] == case["status"]
        assert body["title"] and body["detail"]
        assert "Traceback" not in response.text
        if "field" in case:
            assert body["field"] == case["field"]
            assert case["field"] in [e["field"] for e in body["errors"]]
        for suggestion in case.get("suggestions", []):
            assert suggestion in body["suggestions"]
    else:
        assert response.headers["content-type"] == "application/json"
    for key, value in case.get("expect", {}).items():
        assert body[key] == value


def test_validation_errors_do_not_echo_the_input(web: TestClient) -> None:
    marker = "zz-secret-marker-zz"
    response = web.post("/api/v1/stage", json={"size_cm": marker})
    assert response.status_code == 422
    assert marker not in response.text


def test_topic_is_the_core_view(web: TestClient, kb: KnowledgeBase) -> None:
    for audience in ("patient", "professional"):
        body = web.get(f"/api/v1/topics/gastrinoma?audience={audience}").json()
        assert body == view(kb.tumor_types["gastrinoma"], audience)


def test_contents_list_every_top_section(web: TestClient, kb: KnowledgeBase) -> None:
    body = web.get("/api/v1/topics").json()
    assert {row["id"] for row in body} == {s.id for s in kb.sections.values() if not s.parent}


def test_treatments_are_every_treatment(web: TestClient, kb: KnowledgeBase) -> None:
    body = web.get("/api/v1/treatments").json()
    assert [t["id"] for t in body] == list(kb.treatments)
    assert all("professional" not in t for t in body)


def test_glossary_is_the_entry(web: TestClient, kb: KnowledgeBase) -> None:
    assert web.get("/api/v1/glossary/insulin").json() == kb.glossary["insulin"].model_dump(
        mode="json"
    )


@pytest.mark.parametrize("case", load_cases("web_guide.yaml"))
def test_guide_is_the_same_json_as_the_cli(web: TestClient, case: dict[str, Any]) -> None:
    body = web.post("/api/v1/guide", json=case["situation"]).json()
    expected = options_for(Situation.model_validate(case["situation"])).model_dump(mode="json")
    assert body == expected
    assert {"applies", "depends", "excluded", "next_questions", "gaps"} <= set(body)


def test_symptoms_is_the_explainer(web: TestClient) -> None:
    text = "watery diarrhea and I feel thirsty, no rash"
    body = web.post("/api/v1/symptoms", json={"text": text, "symptoms": ["weight-loss"]}).json()
    assert body == explain_symptoms(["weight-loss", text]).model_dump(mode="json")


def test_tests_is_the_explainer(web: TestClient) -> None:
    body = web.get("/api/v1/tests?type=gastrinoma&audience=professional").json()
    assert body == explain_tests("gastrinoma", "professional").model_dump(mode="json")


def test_calculators_are_the_core(web: TestClient) -> None:
    body = web.post("/api/v1/stage", json={"t": "t3", "n": "NX", "m": "M0", "tumors": 4}).json()
    assert body == stage("t3", "NX", "M0", 4).model_dump(mode="json")
    body = web.post("/api/v1/grade", json={"ki67": 2.9, "mitoses": 19}).json()
    assert body == grade(2.9, 19, None).model_dump(mode="json")
    assert body["decided_by"] == "mitoses"


def test_openapi_lists_every_route(web: TestClient) -> None:
    paths = web.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/guide",
        "/api/v1/symptoms",
        "/api/v1/tests",
        "/api/v1/stage",
        "/api/v1/grade",
        "/api/v1/topics/{topic_id}",
        "/api/v1/treatments",
        "/api/v1/glossary/{term}",
    ):
        assert path in paths
    assert not any(p.startswith(("/guide", "/summary")) for p in paths), "pages stay out"
