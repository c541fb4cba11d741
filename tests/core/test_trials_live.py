"""The live trial search on a fresh install, against a local fake ClinicalTrials.gov.

pytest-httpserver plays the registry (success, 429, server errors, replies that are not a
search page); a timeout is an httpx transport that raises one. The real registry is never
asked (tests/conftest.py points every other test at a closed local port).
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from islet.cli import app
from islet.errors import RegistryUnavailable
from islet.trials.live import Registry, find_trials
from islet.trials.search import TrialQuery
from tests.trials_helpers import net_store, study
from tests.webapp import client, read_page

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
INSULINOMA_NEAR = study(
    nct_id="NCT90000001",
    title="Synthetic insulinoma study near Rochester",
    conditions=["Insulinoma"],
    min_age="18 Years",
    locations=[("Synthetic Center Rochester", 44.02, -92.47, "RECRUITING")],
)
INSULINOMA_FAR = study(
    nct_id="NCT90000002",
    title="Synthetic insulinoma study far away",
    conditions=["Insulinoma"],
    max_age="40 Years",
    locations=[("Synthetic Center Honolulu", 21.31, -157.86, "RECRUITING")],
)
BROKEN = {"protocolSection": {"identificationModule": {}}}  # no NCT number: skipped


def page(*studies: Any, total: int | None = None) -> dict[str, Any]:
    return {"studies": list(studies), "totalCount": total if total is not None else len(studies)}


# Long enough for a loopback reply, short enough that a registry that never answers costs the
# suite half a second (the live default is 8 seconds).
SHORT_TIMEOUT = 0.5


def registry(server: HTTPServer, max_age_hours: float = 24) -> Registry:
    return Registry(
        base_url=server.url_for("/api/v2"), max_age_hours=max_age_hours, timeout=SHORT_TIMEOUT
    )


def find(query: TrialQuery, db: Path, reg: Registry, moment: datetime = NOW, **kwargs: Any) -> Any:
    """``find_trials`` run to the end on its own event loop, in a thread of its own: the
    browser tests' Playwright keeps a loop running in the main thread for the whole session."""
    search = find_trials(query, db, reg, now=lambda: moment, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, search).result()


def cache_rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return [
            *connection.execute("SELECT * FROM live_searches ORDER BY key"),
            *connection.execute("SELECT nct_id, fetched_at FROM live_studies ORDER BY nct_id"),
        ]


# --- success and the cache -----------------------------------------------------------------------


def test_a_fresh_install_searches_the_registry_and_keeps_the_answer(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "trials.sqlite"
    httpserver.expect_oneshot_request("/api/v2/studies").respond_with_json(
        page(INSULINOMA_NEAR, INSULINOMA_FAR, BROKEN, total=57)
    )
    result = find(TrialQuery(tumor_type="insulinoma"), db, registry(httpserver))
    assert result.origin == "registry"
    assert result.fetched_at == "2026-11-25T09:30:00+00:00"
    assert result.registry_total == 57
    assert [h.nct_id for h in result.hits] == ["NCT90000001", "NCT90000002"]
    assert db.is_file()
    # Within the cache's lifetime the same search is answered without asking again.
    later = find(
        TrialQuery(tumor_type="insulinoma"), db, registry(httpserver), NOW + timedelta(hours=2)
    )
    assert [h.nct_id for h in later.hits] == ["NCT90000001", "NCT90000002"]
    assert later.fetched_at == result.fetched_at and not later.stale
    assert len(httpserver.log) == 1


def test_only_condition_names_and_statuses_are_sent(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_oneshot_request("/api/v2/studies").respond_with_json(
        page(INSULINOMA_NEAR, INSULINOMA_FAR)
    )
    query = TrialQuery(
        tumor_type="insulinoma",
        statuses=["recruiting"],
        age=54,
        sex="female",
        near={"lat": 44.02, "lon": -92.47},
        radius_miles=50,
    )
    result = find(query, tmp_path / "trials.sqlite", registry(httpserver))
    # Age and place filter the records here: the far study and the one for people under 40 go.
    assert [h.nct_id for h in result.hits] == ["NCT90000001"]
    sent = httpserver.log[0][0].args
    assert sorted(sent) == [
        "countTotal",
        "filter.overallStatus",
        "format",
        "pageSize",
        "query.cond",
    ]
    assert sent["filter.overallStatus"] == "RECRUITING"
    assert '"Insulinoma"' in sent["query.cond"]


def test_imported_records_are_searched_without_asking_the_registry(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = net_store(tmp_path / "trials.sqlite")
    result = find(TrialQuery(), db, registry(httpserver))
    assert result.origin == "store" and result.hits
    assert httpserver.log == []


# --- failures: a clear message, and the cache is never corrupted --------------------------------


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Holds the fake registry's reply back until the test is over (a registry that hangs)."""
    event = threading.Event()
    yield event
    event.set()


def respond_badly(server: HTTPServer, how: str, release: threading.Event) -> None:
    handler = server.expect_oneshot_request("/api/v2/studies")
    if how == "timeout":

        def hang(request: Request) -> Response:
            release.wait(timeout=30)  # the client has long given up by then
            return Response("too late", status=200)

        handler.respond_with_handler(hang)
    elif how == "rate-limited":
        handler.respond_with_data("slow down", status=429, headers={"Retry-After": "30"})
    elif how == "server-error":
        handler.respond_with_data("oops", status=503)
    elif how == "not-json":
        handler.respond_with_data("<html>maintenance</html>", content_type="text/html")
    elif how == "no-studies":
        handler.respond_with_json({"nextPageToken": "x"})
    elif how == "studies-not-a-list":
        handler.respond_with_json({"studies": {"NCT90000001": {}}})
    elif how == "json-array":
        handler.respond_with_json([INSULINOMA_NEAR])


FAILURES = [
    ("timeout", "did not answer in time"),
    ("rate-limited", "busy right now"),
    ("server-error", r"could not answer \(HTTP 503\)"),
    ("not-json", "cannot read"),
    ("no-studies", "cannot read"),
    ("studies-not-a-list", "cannot read"),
    ("json-array", "cannot read"),
]


@pytest.mark.parametrize(("how", "says"), FAILURES)
def test_a_failing_registry_is_a_clear_message_and_writes_nothing(
    httpserver: HTTPServer, release: threading.Event, tmp_path: Path, how: str, says: str
) -> None:
    db = tmp_path / "trials.sqlite"
    respond_badly(httpserver, how, release)
    with pytest.raises(RegistryUnavailable, match=says):
        find(TrialQuery(), db, registry(httpserver))
    assert not db.exists()


@pytest.mark.parametrize(("how", "says"), FAILURES)
def test_a_failing_registry_leaves_the_kept_results_as_they_were(
    httpserver: HTTPServer, release: threading.Event, tmp_path: Path, how: str, says: str
) -> None:
    db = tmp_path / "trials.sqlite"
    httpserver.expect_oneshot_request("/api/v2/studies").respond_with_json(page(INSULINOMA_NEAR))
    find(TrialQuery(), db, registry(httpserver, max_age_hours=1))
    before = cache_rows(db)
    respond_badly(httpserver, how, release)
    stale = find(TrialQuery(), db, registry(httpserver, max_age_hours=1), NOW + timedelta(days=2))
    assert stale.stale and stale.fetched_at == "2026-11-25T09:30:00+00:00"
    assert [h.nct_id for h in stale.hits] == ["NCT90000001"]
    assert cache_rows(db) == before
    # The registry was asked again (a held reply is logged only once it is let go).
    assert not httpserver.oneshot_handlers


def test_a_timeout_in_the_transport_is_a_clear_message(tmp_path: Path) -> None:
    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    with pytest.raises(RegistryUnavailable, match="did not answer in time"):
        find(
            TrialQuery(),
            tmp_path / "trials.sqlite",
            Registry(base_url="http://registry.invalid/api/v2"),
            transport=httpx.MockTransport(hang),
        )
    assert not (tmp_path / "trials.sqlite").exists()


def test_the_live_search_can_be_turned_off(httpserver: HTTPServer, tmp_path: Path) -> None:
    off = Registry(base_url=httpserver.url_for("/api/v2"), enabled=False)
    with pytest.raises(RegistryUnavailable, match="turned off"):
        find(TrialQuery(), tmp_path / "trials.sqlite", off)
    assert httpserver.log == []


# --- the page and the API -----------------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "fresh" / "trials.sqlite"
    monkeypatch.setenv("ISLET_TRIALS_DB", str(db))
    return db


def test_the_page_shows_live_results_with_their_time(
    httpserver: HTTPServer, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISLET_CTGOV_API", httpserver.url_for("/api/v2"))
    httpserver.expect_oneshot_request("/api/v2/studies").respond_with_json(
        page(INSULINOMA_NEAR, INSULINOMA_FAR, total=2)
    )
    web = client()
    response = web.get("/trials", params={"type": "insulinoma", "near": "55905"})
    assert response.status_code == 200
    assert "Results from ClinicalTrials.gov as of" in response.text
    assert "NCT90000001" in response.text and "NCT90000002" not in response.text
    # The study page opens from the kept copy.
    assert web.get("/trials/NCT90000001").status_code == 200
    api = web.get("/api/v1/trials", params={"type": "insulinoma"}).json()
    assert api["origin"] == "registry" and api["fetched_at"]
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(
    ("path", "carried"),
    [
        ("/trials", "cond=pancreatic+neuroendocrine+tumor"),
        ("/trials?type=insulinoma&status=recruiting", "cond=Insulinoma&aggFilters=status%3Arec"),
        ("/trials?type=gastrinoma&near=55905&radius=50", "locStr=55905"),
    ],
)
def test_offline_the_page_points_to_other_searches_never_to_commands(
    fresh: Path, path: str, carried: str
) -> None:
    response = client().get(path)
    assert response.status_code == 200
    text = response.text
    assert "islet trials" not in text and "<code>" not in text
    assert "could not be reached" in text
    assert "https://www.cancer.gov/research/participate/clinical-trials-search" in text
    assert "1-800-4-CANCER (1-800-422-6237)" in text
    links = read_page(text).links
    assert any(
        link.startswith("https://clinicaltrials.gov/search?") and carried in link for link in links
    ), links
    assert "What clinical trials are" in text
    assert not fresh.exists()


@pytest.mark.parametrize(("how", "says"), FAILURES)
def test_the_page_says_plainly_why_the_registry_failed(
    httpserver: HTTPServer,
    release: threading.Event,
    fresh: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    says: str,
) -> None:
    # The page's registry is the fake one, with the tests' short timeout.
    monkeypatch.setattr(Registry, "from_env", classmethod(lambda cls: registry(httpserver)))
    respond_badly(httpserver, how, release)
    response = client().get("/trials", params={"type": "insulinoma"})
    assert response.status_code == 200
    assert re.search(rf"could not search ClinicalTrials.gov just now \([^)]*{says}", response.text)
    assert "islet trials" not in response.text and "<code>" not in response.text
    assert "https://www.cancer.gov/research/participate/clinical-trials-search" in response.text
    assert not fresh.exists()


def test_an_unreadable_store_names_no_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "trials.sqlite"
    store.write_text("not a database " * 100, encoding="utf-8")
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    response = client().get("/trials")
    assert response.status_code == 503
    assert "cannot be read" in response.text and "islet trials" not in response.text


def test_import_instructions_live_in_the_readme_and_the_help(runner: CliRunner) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "islet trials update" in readme and "islet trials import" in readme
    shown = runner.invoke(app, ["trials", "--help"], terminal_width=200).output
    assert "islet trials update" in shown and "islet trials import FILE..." in shown


@pytest.mark.parametrize(
    ("situation", "address"),
    [
        ("tumor_type=insulinoma&sites=tail", "/trials?type=insulinoma&status=recruiting"),
        ("tumor_type=gastrinoma&spread=liver", "/trials?type=gastrinoma&status=recruiting"),
        ("", "/trials?status=recruiting"),
    ],
)
def test_the_guide_links_to_the_trial_search_for_its_situation(
    situation: str, address: str
) -> None:
    links = read_page(client().get(f"/guide/options?{situation}").text).links
    assert f"{address}#results-title" in links
