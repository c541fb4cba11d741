"""Black-box acceptance of the trial finder (issue 7): `islet trials import/search/show` and
GET /api/v1/trials, on the real ClinicalTrials.gov records in ../shared/data/trials/.

Offline only: the store is a temporary SQLite file filled by `islet trials import`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.settings import Settings
from islet.web.app import create_app

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "trials"
V2_FILES = [
    "ctgov-v2-search-melanoma-recruiting-page1.json",
    "ctgov-v2-search-phelan-page2.json",
    "ctgov-v2-study-NCT00763412-full.json",
    "ctgov-v2-study-NCT02576665-selected-fields.json",
]
LEGACY_FILES = ["ctgov-classic-api-NCT00023673.json", "ctgov-legacy-xml-NCT05380414.xml"]
HIT_KEYS = {"nct_id", "title", "overall_status", "location_summary", "nearest_recruiting_site"}

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="shared trial records not present")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner) -> Path:
    db = tmp_path_factory.mktemp("trials") / "trials.sqlite"
    result = runner.invoke(
        app, ["trials", "import", *(str(SHARED / name) for name in V2_FILES), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    return db


def search(runner: CliRunner, store: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["trials", "search", *args, "--db", str(store), "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_import_reports_what_it_stored(store: Path, runner: CliRunner) -> None:
    data = search(runner, store, "--any-condition")
    assert data["searched"] >= 3 and data["snapshot_date"]
    assert {h["nct_id"] for h in data["hits"]} >= {"NCT00763412", "NCT02576665"}
    for hit in data["hits"]:
        assert set(hit) >= HIT_KEYS
        assert hit["nct_id"].startswith("NCT")


@pytest.mark.parametrize("name", LEGACY_FILES)
def test_legacy_records_are_refused_with_a_clear_message(
    name: str, tmp_path: Path, runner: CliRunner
) -> None:
    db = tmp_path / "t.sqlite"
    result = runner.invoke(app, ["trials", "import", str(SHARED / name), "--db", str(db)])
    assert result.exit_code == 2
    assert "v2" in result.output.lower()
    assert "Traceback" not in result.output


def test_a_failed_import_keeps_the_previous_data(
    store: Path, tmp_path: Path, runner: CliRunner
) -> None:
    before = search(runner, store, "--any-condition")["searched"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"studies": [', encoding="utf-8")
    result = runner.invoke(app, ["trials", "import", str(broken), "--db", str(store)])
    assert result.exit_code == 2
    assert search(runner, store, "--any-condition")["searched"] == before


def test_none_of_the_shared_records_is_a_pnet_trial(store: Path, runner: CliRunner) -> None:
    # ../shared/data/trials/README: none is a NET trial, so a pNET search finds nothing.
    data = search(runner, store)
    assert data["total"] == 0 and data["hits"] == []
    assert any("islet" in term.lower() for term in data["terms"])


def test_searching_near_a_place_says_how_many_sites_are_near(
    store: Path, runner: CliRunner
) -> None:
    # NCT00763412 lists one site, in Saint Louis, Missouri.
    data = search(runner, store, "--any-condition", "--near", "38.63,-90.24", "--radius", "50")
    hit = next(h for h in data["hits"] if h["nct_id"] == "NCT00763412")
    assert "near" in hit["location_summary"]


@pytest.mark.parametrize(
    "args",
    [
        ["--age", "-1"],
        ["--age", "200"],
        ["--near", "somewhere"],
        ["--near", "91,0"],
        ["--status", "bogus"],
        ["--phase", "9"],
        ["--type", "carcinoidoma"],
        ["--sex", "other"],
    ],
)
def test_bad_search_filters_exit_2(args: list[str], store: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["trials", "search", *args, "--db", str(store), "--json"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_show_opens_a_stored_trial_and_refuses_an_unknown_one(
    store: Path, runner: CliRunner
) -> None:
    shown = runner.invoke(app, ["trials", "show", "NCT00763412", "--db", str(store), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["trial"]["nct_id"] == "NCT00763412"
    missing = runner.invoke(app, ["trials", "show", "NCT99999999", "--db", str(store)])
    assert missing.exit_code == 2
    assert "NCT99999999" in missing.output


def test_the_api_searches_the_same_store(
    store: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    api = TestClient(create_app(Settings(rate_limit=0)), raise_server_exceptions=False)
    everything = api.get("/api/v1/trials", params={"any_condition": "true"})
    assert everything.status_code == 200
    assert everything.json()["searched"] == search(runner, store, "--any-condition")["searched"]
    near = api.get(
        "/api/v1/trials",
        params={"any_condition": "true", "near": "38.63,-90.24", "radius": "50"},
    )
    assert near.status_code == 200
    hit = next(h for h in near.json()["hits"] if h["nct_id"] == "NCT00763412")
    assert "near" in hit["location_summary"]
    for params, field in (
        ({"near": "somewhere"}, "near"),
        ({"lat": "40"}, "lat"),
        ({"status": "bogus"}, "status"),
        ({"age": "-1"}, "age"),
    ):
        bad = api.get("/api/v1/trials", params=params)
        assert bad.status_code == 422, (params, bad.text)
        assert bad.json()["field"] == field
    assert api.get("/api/v1/trials/NCT99999999").status_code == 404
    assert api.get("/api/v1/trials/NCT00763412").json()["trial"]["nct_id"] == "NCT00763412"
