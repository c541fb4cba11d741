"""The API describes itself: every /api/v1 answer has a typed schema in OpenAPI, and typing the
routes changed no byte of what they send (each body is the core's result, as JSON)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from islet.calculators.grading import grade
from islet.calculators.staging import stage, stage_from_facts
from islet.explain.symptoms import explain_symptoms
from islet.explain.tests import tests_for as explain_tests
from islet.guide import options_for
from islet.kb import TOPIC_COLLECTIONS, KnowledgeBase
from islet.model import Audience, Situation
from islet.topics import children, view


@pytest.fixture(scope="module")
def openapi(web: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = web.app.openapi()  # type: ignore[attr-defined]
    return document


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = document["components"]["schemas"][name]
    return schema


def bare(document: dict[str, Any], schema: dict[str, Any]) -> bool:
    """An object that says nothing of its fields (or no schema at all), or a list of them."""
    schema = resolve(document, schema)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        return any(bare(document, member) for member in alternatives)
    if schema.get("type") == "array":
        return bare(document, schema.get("items", {}))
    return not schema.get("properties") and schema.get("type") in ("object", None)


def answers(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (method.upper(), path, media)
        for path, operations in document["paths"].items()
        if path.startswith("/api/v1/")
        for method, operation in operations.items()
        for media in operation["responses"].get("200", {}).get("content", {})
    ]


def test_every_api_route_answers_200_with_a_body(openapi: dict[str, Any]) -> None:
    routes = {(method, path) for method, path, _ in answers(openapi)}
    declared = {
        (method.upper(), path)
        for path, operations in openapi["paths"].items()
        if path.startswith("/api/v1/")
        for method in operations
    }
    assert routes == declared
    assert len(routes) >= 14


def test_no_api_answer_is_a_bare_object(openapi: dict[str, Any]) -> None:
    untyped = [
        f"{method} {path} ({media})"
        for method, path, media in answers(openapi)
        if bare(
            openapi,
            openapi["paths"][path][method.lower()]["responses"]["200"]["content"][media].get(
                "schema", {}
            ),
        )
    ]
    assert untyped == []


def bare_fields(document: dict[str, Any], schema: dict[str, Any], seen: set[str]) -> list[str]:
    """The fields, at any depth, of an answer's schema that are bare objects (each model once)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        if name in seen:
            return []
        seen.add(name)
    schema = resolve(document, schema)
    members = [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    members += [schema["items"]] if "items" in schema else []
    found = [f for member in members for f in bare_fields(document, member, seen)]
    for name, field in schema.get("properties", {}).items():
        if bare(document, field) and not isinstance(field.get("additionalProperties"), dict):
            found.append(f"{schema.get('title')}.{name}")
        found += bare_fields(document, field, seen)
    return found


def test_no_field_of_an_api_answer_is_a_bare_object(openapi: dict[str, Any]) -> None:
    """E.g. the guide's ``situation`` is published as the Situation it echoes."""
    seen: set[str] = set()
    untyped = [
        field
        for method, path, media in answers(openapi)
        if media == "application/json"
        for field in bare_fields(
            openapi,
            openapi["paths"][path][method.lower()]["responses"]["200"]["content"][media]["schema"],
            seen,
        )
    ]
    assert untyped == []


@pytest.mark.parametrize(
    ("schema", "is_bare"),
    [
        ({}, True),
        ({"type": "object"}, True),
        ({"type": "object", "additionalProperties": True}, True),
        ({"type": "array", "items": {"type": "object"}}, True),
        ({"oneOf": [{"$ref": "#/components/schemas/Named"}, {"type": "object"}]}, True),
        ({"$ref": "#/components/schemas/Named"}, False),
        ({"type": "array", "items": {"$ref": "#/components/schemas/Named"}}, False),
        ({"type": "string"}, False),
    ],
)
def test_what_counts_as_bare(schema: dict[str, Any], is_bare: bool) -> None:
    document = {"components": {"schemas": {"Named": {"properties": {"id": {"type": "string"}}}}}}
    assert bare(document, schema) is is_bare


def as_sent(data: Any) -> bytes:
    """JSON the way the API always wrote it (Starlette's JSONResponse of the core's dump)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


SITUATIONS: list[dict[str, Any]] = [
    {},
    {"tumor_type": "insulinoma", "tumor_count": "single", "sites": ["head"]},
    {"tumor_type": "gastrinoma", "spread": ["liver"], "resectable": False},
    {"course": "recurrent", "men1": True},
]


@pytest.mark.parametrize("audience", [None, "patient", "professional"])
@pytest.mark.parametrize("facts", SITUATIONS, ids=str)
def test_guide_bytes_are_the_core_result(
    web: TestClient, kb: KnowledgeBase, facts: dict[str, Any], audience: str | None
) -> None:
    params = {"audience": audience} if audience else {}
    sent = web.post("/api/v1/guide", json=facts, params=params).content
    result = options_for(Situation.model_validate(facts), kb, audience=audience)  # type: ignore[arg-type]
    assert sent == as_sent(result.model_dump(mode="json"))


def test_calculator_bytes_are_the_core_result(web: TestClient) -> None:
    sent = web.post("/api/v1/stage", json={"t": "T2", "n": "N1", "m": "M0"}).content
    assert sent == as_sent(stage("T2", "N1", "M0").model_dump(mode="json"))
    findings = {"size_cm": 2.5, "invades": ["none"], "nodes": "no", "mets": ["liver"]}
    sent = web.post("/api/v1/stage", json=findings).content
    expected = stage_from_facts(2.5, ["none"], "no", ["liver"], None)
    assert sent == as_sent(expected.model_dump(mode="json"))
    sent = web.post("/api/v1/grade", json={"ki67": 2.9, "mitoses": 19}).content
    assert sent == as_sent(grade(2.9, 19, None).model_dump(mode="json"))


def test_explainer_bytes_are_the_core_result(web: TestClient, kb: KnowledgeBase) -> None:
    text = "I get shaky and sweaty but no pain"
    sent = web.post("/api/v1/symptoms", json={"text": text, "symptoms": ["diarrhea"]}).content
    assert sent == as_sent(explain_symptoms(["diarrhea", text], kb).model_dump(mode="json"))
    cases: list[tuple[str | None, Audience]] = [(None, "patient"), ("insulinoma", "professional")]
    for tumor_type, audience in cases:
        params = {"type": tumor_type, "audience": audience} if tumor_type else {}
        sent = web.get("/api/v1/tests", params=params).content
        assert sent == as_sent(explain_tests(tumor_type, audience, kb).model_dump(mode="json"))


@pytest.mark.parametrize("audience", ["patient", "professional"])
@pytest.mark.parametrize("collection", TOPIC_COLLECTIONS)
def test_topic_bytes_are_the_view(
    web: TestClient, kb: KnowledgeBase, collection: str, audience: Any
) -> None:
    items = list(kb.collection(collection).values())
    assert items
    for item in items:
        sent = web.get(f"/api/v1/topics/{item.id}", params={"audience": audience}).content
        assert sent == as_sent(view(item, audience)), item.id
    if collection == "treatments":
        sent = web.get("/api/v1/treatments", params={"audience": audience}).content
        assert sent == as_sent([view(item, audience) for item in items])


def test_contents_and_glossary_bytes_are_the_knowledge(web: TestClient, kb: KnowledgeBase) -> None:
    roots = sorted((s for s in kb.sections.values() if s.parent is None), key=lambda s: s.order)
    expected = [
        {
            "id": s.id,
            "title": s.title,
            "professional_only": s.professional_only,
            "children": children(kb, s.id),
        }
        for s in roots
    ]
    assert web.get("/api/v1/topics").content == as_sent(expected)
    for entry in kb.glossary.values():
        sent = web.get(f"/api/v1/glossary/{entry.id}").content
        assert sent == as_sent(entry.model_dump(mode="json")), entry.id
