"""GET /api/v1/trials, GET /api/v1/trials/{nct_id}, POST /api/v1/trials/{nct_id}/screening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.trials_helpers import SNAPSHOT
from tests.webapp import client


def ids(body: dict[str, Any]) -> list[str]:
    return [hit["nct_id"] for hit in body["hits"]]


@pytest.mark.parametrize(
    ("params", "expect"),
    [
        ({}, ["NCT03375320", "NCT00353496", "NCT00510068", "NCT00428597"]),
        ({"type": "insulinoma", "status": "recruiting"}, ["NCT03375320"]),
        (
            {"status": ["completed", "terminated"], "phase": "3"},
            ["NCT00353496", "NCT00510068", "NCT00428597"],
        ),
        ({"age": 17}, ["NCT00353496", "NCT00428597"]),
        ({"lat": 50.85, "lon": 4.35, "radius": 50}, ["NCT00510068"]),
        ({"condition": "endocrine tumour"}, ["NCT00353496"]),
    ],
)
def test_search(trials_web: TestClient, params: dict[str, Any], expect: list[str]) -> None:
    response = trials_web.get("/api/v1/trials", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert ids(body) == expect
    assert body["snapshot_date"] == SNAPSHOT


def test_a_hit_near_a_place(trials_web: TestClient) -> None:
    body = trials_web.get(
        "/api/v1/trials", params={"lat": 44.02, "lon": -92.47, "radius": 300}
    ).json()
    [hit] = body["hits"]
    assert hit["location_summary"] == "2 locations, including 1 near you"
    assert hit["nearest_recruiting_site"]["distance_miles"] == 269.9


def test_a_zip_code_is_a_place(trials_web: TestClient) -> None:
    body = trials_web.get("/api/v1/trials", params={"zip": "55905", "radius": 300}).json()
    assert [h["location_summary"] for h in body["hits"]] == ["2 locations, including 1 near you"]


def test_one_trial(trials_web: TestClient) -> None:
    body = trials_web.get(
        "/api/v1/trials/NCT00510068", params={"lat": 53.55, "lon": -113.47}
    ).json()
    assert body["trial"]["acronym"] == "RADIANT-3"
    assert body["sites"][0]["city"] == "Edmonton"
    assert body["screening"] is None


def test_screening_takes_the_facts_in_the_body(trials_web: TestClient) -> None:
    response = trials_web.post(
        "/api/v1/trials/NCT00353496/screening",
        json={"person": {"tumor_type": "gastrinoma", "grade": 2}},
    )
    assert response.status_code == 200, response.text
    checks = [(c["rule"], c["outcome"]) for c in response.json()["screening"]["checks"]]
    assert ("functional-status", "fail") in checks
    assert ("ki67", "undetermined") in checks


@pytest.mark.parametrize(
    ("method", "url", "params", "status", "says"),
    [
        ("get", "/api/v1/trials", {"status": "recruting"}, 422, "Did you mean: RECRUITING"),
        ("get", "/api/v1/trials", {"phase": "9"}, 422, "unknown trial phase"),
        ("get", "/api/v1/trials", {"lat": 44.0}, 422, "both lat and lon"),
        ("get", "/api/v1/trials", {"lat": 95, "lon": 0}, 422, "lat"),
        # A well-formed ZIP code missing from the offline table is not found, like an unknown id.
        ("get", "/api/v1/trials", {"zip": "00000"}, 404, "ZIP code 00000"),
        ("get", "/api/v1/trials", {"zip": "559"}, 422, "zip"),
        ("get", "/api/v1/trials", {"zip": "55905", "lat": 1, "lon": 1}, 422, "not both"),
        ("get", "/api/v1/trials", {"age": -1}, 422, "age"),
        ("get", "/api/v1/trials", {"sex": "other"}, 422, "sex"),
        ("get", "/api/v1/trials", {"type": "insulinomma"}, 404, "Did you mean: insulinoma"),
        ("get", "/api/v1/trials/NCT00510069", {}, 404, "NCT00510068"),
        ("get", "/api/v1/trials/hello", {}, 404, "unknown trial"),
        ("post", "/api/v1/trials/NCT00510068/screening", {"person": {"grade": 5}}, 422, "grade"),
        ("post", "/api/v1/trials/NCT00510068/screening", {"person": {"weight": 80}}, 422, "weight"),
    ],
)
def test_bad_input_gets_a_problem_body(
    trials_web: TestClient, method: str, url: str, params: dict[str, Any], status: int, says: str
) -> None:
    response = (
        trials_web.get(url, params=params) if method == "get" else trials_web.post(url, json=params)
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert says in response.text


def test_no_store_and_no_registry_is_a_typed_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path / "none.sqlite"))
    response = client().get("/api/v1/trials")
    assert response.status_code == 503
    body = response.json()
    assert body["type"] == "registry-unavailable"
    assert "could not be reached" in body["detail"]
    assert "islet trials" not in body["detail"]
    names = [link["name"] for link in body["search_elsewhere"]]
    assert names == [
        "NCI's clinical trials search",
        "ClinicalTrials.gov",
        "NCI's Cancer Information Service",
    ]
    assert not (tmp_path / "none.sqlite").exists()
