"""The CDS service's two network paths, against local fake servers (pytest-httpserver): fetching
the record from the EHR's FHIR server when the prefetch is missing, and checking the EHR's JWT
bearer against its JWK set (generated keys: valid, expired, wrong audience, unknown issuer)."""

from __future__ import annotations

import time
import uuid
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer

from islet.settings import Settings
from islet.web.app import create_app
from tests.cds_helpers import INSULINOMA, PATIENT, SERVICE, bundle, condition, hook_request
from tests.webapp import client

TOKEN = "fhir-access-token-123"


def without_prefetch(server: HTTPServer) -> dict[str, Any]:
    request = hook_request(INSULINOMA)
    del request["prefetch"]
    request["fhirServer"] = server.url_for("/fhir")
    request["fhirAuthorization"] = {
        "access_token": TOKEN,
        "token_type": "Bearer",
        "expires_in": 300,
        "scope": "patient/Condition.read patient/Observation.read",
        "subject": "islet",
    }
    return request


def test_the_record_is_fetched_when_the_prefetch_is_missing(httpserver: HTTPServer) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    conditions = bundle([condition(c) for c in INSULINOMA["conditions"]])
    httpserver.expect_request(
        "/fhir/Condition",
        query_string={"patient": PATIENT, "clinical-status": "active,recurrence,relapse"},
        headers=auth,
    ).respond_with_json(conditions)
    httpserver.expect_request("/fhir/Observation", headers=auth).respond_with_json(bundle([]))
    response = client().post(SERVICE, json=without_prefetch(httpserver))
    assert response.status_code == 200, response.text
    (card,) = response.json()["cards"]
    assert "Enucleation" in card["detail"]
    httpserver.check_assertions()


@pytest.mark.parametrize(
    ("answer", "status", "words"),
    [
        (("server down", 500), 502, "answered 500"),
        (("<html>not json</html>", 200), 502, "not JSON"),
        (('{"rows": []}', 200), 502, "not a FHIR resource"),
    ],
)
def test_a_failing_fhir_server_is_named(
    httpserver: HTTPServer, answer: tuple[str, int], status: int, words: str
) -> None:
    httpserver.expect_request("/fhir/Condition").respond_with_data(answer[0], status=answer[1])
    httpserver.expect_request("/fhir/Observation").respond_with_json(bundle([]))
    response = client().post(SERVICE, json=without_prefetch(httpserver))
    assert response.status_code == status
    assert words in response.json()["detail"]


# --- JWT bearer -----------------------------------------------------------------------------------

ISSUER = "https://ehr.example.org"
AUDIENCE = "https://islet.example.org" + SERVICE


@pytest.fixture
def signing_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP384R1())


@pytest.fixture
def secured(httpserver: HTTPServer, signing_key: ec.EllipticCurvePrivateKey) -> TestClient:
    """An app that trusts ISSUER, whose JWK set the fake server publishes."""
    public = jwt.algorithms.ECAlgorithm.to_jwk(signing_key.public_key(), as_dict=True)
    public.update({"kid": "key-1", "alg": "ES384", "use": "sig"})
    httpserver.expect_request("/jwks.json").respond_with_json({"keys": [public]})
    from islet.web.api import cds

    cds.KEY_SETS.sets.clear()
    settings = Settings(
        rate_limit=0,
        public_url="https://islet.example.org",
        cds_trusted_issuers={ISSUER: httpserver.url_for("/jwks.json")},
    )
    return TestClient(create_app(settings))


def token(key: ec.EllipticCurvePrivateKey, **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "iss": ISSUER,
        "sub": "ehr-client",
        "aud": AUDIENCE,
        "exp": now + 300,
        "iat": now,
        "jti": str(uuid.uuid4()),
        **claims,
    }
    payload = {
        name: value for name, value in payload.items() if value is not None
    }  # None: left out
    return jwt.encode(payload, key, algorithm="ES384", headers={"kid": "key-1", "typ": "JWT"})


def test_a_valid_token_is_answered(secured: TestClient, signing_key: Any) -> None:
    response = secured.post(
        SERVICE,
        json=hook_request(INSULINOMA),
        headers={"Authorization": f"Bearer {token(signing_key)}"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["cards"]


@pytest.mark.parametrize(
    ("claims", "words"),
    [
        ({"exp": int(time.time()) - 600, "iat": int(time.time()) - 900}, "expired"),
        ({"aud": "https://elsewhere.example.org/cds-services/x"}, "audience"),
        ({"iss": "https://unknown.example.org"}, "issuer"),
        ({"jti": None}, "jti"),
    ],
    ids=["expired", "wrong-audience", "unknown-issuer", "no-jti"],
)
def test_a_bad_token_is_refused(
    secured: TestClient, signing_key: Any, claims: dict[str, Any], words: str
) -> None:
    raw = token(signing_key, **claims)
    response = secured.post(
        SERVICE, json=hook_request(INSULINOMA), headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert words in response.json()["detail"]


def test_a_token_signed_by_another_key_is_refused(secured: TestClient) -> None:
    stranger = ec.generate_private_key(ec.SECP384R1())
    response = secured.post(
        SERVICE,
        json=hook_request(INSULINOMA),
        headers={"Authorization": f"Bearer {token(stranger)}"},
    )
    assert response.status_code == 401


@pytest.mark.parametrize("header", [None, "Basic abc", "Bearer not-a-jwt"])
def test_no_usable_bearer_is_refused(secured: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = secured.post(SERVICE, json=hook_request(INSULINOMA), headers=headers)
    assert response.status_code == 401


def test_discovery_needs_no_token(secured: TestClient) -> None:
    assert secured.get("/cds-services").status_code == 200
