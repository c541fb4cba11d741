"""The CDS Hooks service through HTTP: discovery, cards for pNET patients, no cards for others,
and a clear 4xx problem for every malformed request (tables in tests/cases/cds_*.yaml)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from islet import kb as kb_module
from islet.cds.data import code_index
from tests.cds_helpers import (
    INSULINOMA,
    SERVICE,
    assert_card_rules,
    changed,
    hook_request,
)
from tests.tables import load_cases
from tests.webapp import client


def test_discovery_lists_the_patient_view_service(web: TestClient) -> None:
    response = web.get("/cds-services")
    assert response.status_code == 200
    (service,) = response.json()["services"]
    assert (service["id"], service["hook"]) == ("islet-pnet-options", "patient-view")
    assert service["title"] and service["description"]
    prefetch = service["prefetch"]
    assert prefetch["patient"] == "Patient/{{context.patientId}}"
    assert prefetch["conditions"].startswith("Condition?patient={{context.patientId}}")
    assert "http://loinc.org|29593-1" in prefetch["observations"]  # Ki-67


def test_every_code_the_service_asks_for_is_recorded_with_a_source() -> None:
    kb = kb_module.load()
    index = code_index(kb)
    for code_id in index.data.code_ids():
        code = kb.codes[code_id]
        assert code.source.citation, code_id


@pytest.mark.parametrize("case", load_cases("cds_patients.yaml"))
def test_patient_view_cards(web: TestClient, case: dict[str, Any]) -> None:
    response = web.post(SERVICE, json=hook_request(case))
    assert response.status_code == 200, response.text
    cards = response.json()["cards"]
    expect = case["expect"]
    assert len(cards) >= expect["cards"] and (expect["cards"] > 0 or cards == [])
    if not cards:
        return
    for card in cards:
        assert_card_rules(card)
    options = cards[0]
    for words in expect.get("detail", []):
        assert words in options["detail"], words
    for words in expect.get("absent", []):
        assert words not in options["detail"], words
    guide = next(link["url"] for link in options["links"] if "/guide/options?" in link["url"])
    assert guide.startswith("http://testserver/guide/options?")
    for part in expect.get("guide", []):
        assert part in unquote(guide), part
    if "indicator" in expect:
        assert options["indicator"] == expect["indicator"]


def test_the_guide_link_uses_the_public_url_when_set() -> None:
    from islet.settings import Settings
    from islet.web.app import create_app

    web = TestClient(create_app(Settings(rate_limit=0, public_url="https://islet.example.org")))
    cards = web.post(SERVICE, json=hook_request(INSULINOMA)).json()["cards"]
    urls = [link["url"] for link in cards[0]["links"]]
    assert any(u.startswith("https://islet.example.org/guide/options?") for u in urls)


@pytest.mark.parametrize("case", load_cases("cds_bad_requests.yaml"))
def test_malformed_requests_get_a_problem_naming_what_is_wrong(
    web: TestClient, case: dict[str, Any]
) -> None:
    if "raw" in case:
        response = web.post(SERVICE, content=case["raw"].encode())
    elif "body" in case:
        response = web.post(SERVICE, json=case["body"])
    else:
        response = web.post(SERVICE, json=changed(hook_request(INSULINOMA), case))
    assert response.status_code == case["status"], response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert case["detail"] in response.json()["detail"]


def test_an_unknown_service_is_404(web: TestClient) -> None:
    response = web.post("/cds-services/no-such-service", json=hook_request(INSULINOMA))
    assert response.status_code == 404
    assert "GET /cds-services" in response.json()["detail"]


def test_a_browser_client_may_call_across_origins(web: TestClient) -> None:
    preflight = web.options(
        SERVICE,
        headers={
            "Origin": "https://sandbox.cds-hooks.org",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "Authorization" in preflight.headers["access-control-allow-headers"]
    answer = web.post(SERVICE, json=hook_request(INSULINOMA))
    assert answer.headers["access-control-allow-origin"] == "*"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(["hook", "hookInstance", "context", "prefetch", "fhirServer"])


@settings(max_examples=60, deadline=None, derandomize=True)
@given(key=KEYS, value=JSON)
def test_no_request_shape_ends_in_a_server_error(key: str, value: Any) -> None:
    request = hook_request(INSULINOMA)
    request[key] = value
    response = WEB.post(SERVICE, content=json.dumps(request).encode())
    assert response.status_code in (200, 400, 412), response.text


WEB = client()
