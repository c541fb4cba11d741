"""The API v2 client against local fake servers: paging, rate limit, 429, 5xx, timeouts.

pytest-httpserver serves real HTTP on localhost; respx fakes the transport for timeouts. The
client's sleeper and clocks are fakes, so nothing here ever waits.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from islet.errors import RegistryUnavailable
from islet.trials.client import CtgovClient, RetryPolicy, StudyQuery
from islet.trials.conditions import condition_terms
from islet.trials.geo import Point
from islet.trials.importer import update_from_registry
from islet.trials.search import TrialQuery, search
from tests.trials_helpers import NET, REAL, net_files

PAGE = json.loads((REAL / "ctgov-v2-search-melanoma-recruiting-page1.json").read_text("utf-8"))


class FakeTime:
    """A clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def client_for(base_url: str, time: FakeTime, **kwargs: Any) -> CtgovClient:
    return CtgovClient(
        base_url,
        sleep=time.sleep,
        clock=time.clock,
        min_interval=1.0,
        retry=RetryPolicy(max_attempts=3, backoff_base=1.0, backoff_max=60, retry_after_max=300),
        **kwargs,
    )


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(data), status=status, headers=headers, mimetype="application/json")


def test_paging_follows_next_page_tokens_and_sends_the_query(httpserver: HTTPServer) -> None:
    studies = PAGE["studies"]
    pages = {
        None: {"studies": studies[:1], "totalCount": 3, "nextPageToken": "t2"},
        "t2": {"studies": studies[1:2], "nextPageToken": "t3"},
        "t3": {"studies": studies[2:]},
    }
    seen: list[dict[str, str]] = []
    times: list[float] = []
    time = FakeTime()

    def handler(request: Request) -> Response:
        seen.append(dict(request.args))
        times.append(time.now)
        return json_response(pages[request.args.get("pageToken")])

    httpserver.expect_request("/api/v2/studies").respond_with_handler(handler)
    query = StudyQuery(
        conditions=["islet cell tumor", "pancreatic NET"],
        intervention="everolimus",
        statuses=["RECRUITING", "NOT_YET_RECRUITING"],
        near=Point(lat=44.02, lon=-92.47),
        radius_miles=50,
        page_size=1,
    )
    with client_for(httpserver.url_for("/api/v2"), time) as client:
        got = list(client.studies(query))

    assert [s["protocolSection"]["identificationModule"]["nctId"] for s in got] == [
        "NCT06970236",
        "NCT04114136",
        "NCT04318717",
    ]
    assert [r.get("pageToken") for r in seen] == [None, "t2", "t3"]
    assert [r.get("countTotal") for r in seen] == ["true", None, None]
    first = seen[0]
    assert first["query.cond"] == '"islet cell tumor" OR "pancreatic NET"'
    assert first["query.intr"] == "everolimus"
    assert first["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
    assert first["filter.geo"] == "distance(44.02,-92.47,50mi)"
    assert first["pageSize"] == "1"
    assert first["format"] == "json"
    # Polite: at least min_interval between requests, waited by the (fake) sleeper.
    assert time.sleeps == [1.0, 1.0]
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))


def test_page_size_is_capped_at_the_api_limit() -> None:
    with pytest.raises(ValueError, match="less than or equal to 1000"):
        StudyQuery(page_size=1001)


@pytest.mark.parametrize(
    ("retry_after", "expected_wait"),
    [("7", 7.0), ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0), (None, 1.0)],
)
def test_429_waits_as_long_as_retry_after_says(
    httpserver: HTTPServer, retry_after: str | None, expected_wait: float
) -> None:
    headers = {"Retry-After": retry_after} if retry_after else {}
    httpserver.expect_ordered_request("/api/v2/studies").respond_with_response(
        json_response({"message": "slow down"}, 429, headers)
    )
    httpserver.expect_ordered_request("/api/v2/studies").respond_with_json({"studies": []})
    time = FakeTime()
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)
    with client_for(httpserver.url_for("/api/v2"), time, now=lambda: now) as client:
        assert list(client.studies(StudyQuery())) == []
    assert time.sleeps == [expected_wait]
    httpserver.check_assertions()


def test_a_retry_after_beyond_the_limit_gives_up_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/studies").respond_with_response(
        json_response({}, 429, {"Retry-After": "3600"})
    )
    time = FakeTime()
    with (
        client_for(httpserver.url_for("/api/v2"), time) as client,
        pytest.raises(RegistryUnavailable, match="wait 3600 s"),
    ):
        list(client.studies(StudyQuery()))
    assert time.sleeps == []
    assert len(httpserver.log) == 1


def test_5xx_is_retried_with_exponential_backoff(httpserver: HTTPServer) -> None:
    for status in (503, 500):
        httpserver.expect_ordered_request("/api/v2/studies").respond_with_response(
            Response("busy", status=status)
        )
    httpserver.expect_ordered_request("/api/v2/studies").respond_with_json(PAGE)
    time = FakeTime()
    with client_for(httpserver.url_for("/api/v2"), time) as client:
        pages = client.pages(StudyQuery())
        assert next(pages)["totalCount"] == 480
    assert time.sleeps == [1.0, 2.0]
    httpserver.check_assertions()


def test_5xx_gives_up_after_the_last_attempt(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/studies").respond_with_response(Response("", status=502))
    time = FakeTime()
    with (
        client_for(httpserver.url_for("/api/v2"), time) as client,
        pytest.raises(RegistryUnavailable, match=r"HTTP 502\); gave up after 3 attempts"),
    ):
        list(client.studies(StudyQuery()))
    assert len(httpserver.log) == 3
    assert time.sleeps == [1.0, 2.0]


def test_a_4xx_is_not_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/studies/NCT99999999").respond_with_response(
        Response("unknown study", status=404)
    )
    with (
        client_for(httpserver.url_for("/api/v2"), FakeTime()) as client,
        pytest.raises(RegistryUnavailable, match="HTTP 404"),
    ):
        client.study("NCT99999999")
    assert len(httpserver.log) == 1


def test_a_reply_that_is_not_json_is_an_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/studies").respond_with_data("<html>maintenance</html>")
    with (
        client_for(httpserver.url_for("/api/v2"), FakeTime()) as client,
        pytest.raises(RegistryUnavailable, match="not JSON"),
    ):
        list(client.studies(StudyQuery()))


def test_a_repeated_page_token_stops_the_loop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/studies").respond_with_json(
        {"studies": [], "nextPageToken": "same"}
    )
    with (
        client_for(httpserver.url_for("/api/v2"), FakeTime()) as client,
        pytest.raises(RegistryUnavailable, match="repeated a page token"),
    ):
        list(client.studies(StudyQuery()))
    assert len(httpserver.log) == 2


LAST_PAGE = {"studies": PAGE["studies"]}  # no nextPageToken: the only page


@respx.mock(base_url="https://registry.test/api/v2")
def test_timeouts_are_retried_and_the_timeout_reaches_httpx(respx_mock: respx.MockRouter) -> None:
    timeouts: list[dict[str, float]] = []

    def last_page(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        return httpx.Response(200, json=LAST_PAGE)

    route = respx_mock.get("/studies").mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), last_page]
    )
    time = FakeTime()
    with client_for("https://registry.test/api/v2", time, timeout=5.0) as client:
        assert len(list(client.studies(StudyQuery()))) == 3
    assert route.call_count == 3
    assert time.sleeps == [1.0, 2.0]
    assert timeouts == [{"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}]


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (httpx.ReadTimeout("slow"), "timed out"),
        (httpx.ConnectError("refused"), "could not connect"),
    ],
)
@respx.mock(base_url="https://registry.test/api/v2")
def test_network_failures_give_up_after_the_last_attempt(
    respx_mock: respx.MockRouter, error: Exception, says: str
) -> None:
    route = respx_mock.get("/studies").mock(side_effect=error)
    with (
        client_for("https://registry.test/api/v2", FakeTime()) as client,
        pytest.raises(RegistryUnavailable, match=f"{says}; gave up after 3 attempts"),
    ):
        list(client.studies(StudyQuery()))
    assert route.call_count == 3


def test_update_downloads_every_page_into_a_new_snapshot(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    net = [json.loads(p.read_text(encoding="utf-8")) for p in net_files()]
    pages = {None: {"studies": net[:2], "nextPageToken": "p2"}, "p2": {"studies": net[2:]}}
    conditions: list[str] = []

    def handler(request: Request) -> Response:
        conditions.append(request.args["query.cond"])
        return json_response(pages[request.args.get("pageToken")])

    httpserver.expect_request("/api/v2/studies").respond_with_handler(handler)
    db = tmp_path / "trials.sqlite"
    with client_for(httpserver.url_for("/api/v2"), FakeTime()) as client:
        report = update_from_registry(client, db)
    assert report.imported == 4
    assert report.replaced
    assert report.sources == ["ClinicalTrials.gov API v2"]
    # The live query asks for every pNET name the local search uses.
    assert conditions[0] == " OR ".join(f'"{t}"' for t in condition_terms(None))
    assert search(TrialQuery(), db).total == 4
    assert NET.is_dir()


def test_a_failed_download_changes_nothing(httpserver: HTTPServer, tmp_path: Path) -> None:
    db = tmp_path / "trials.sqlite"
    first = {None: {"studies": [json.loads(net_files()[0].read_text(encoding="utf-8"))]}}
    httpserver.expect_ordered_request("/api/v2/studies").respond_with_json(first[None])
    httpserver.expect_request("/api/v2/studies").respond_with_response(Response("", status=500))
    with client_for(httpserver.url_for("/api/v2"), FakeTime()) as client:
        assert update_from_registry(client, db).imported == 1
        with pytest.raises(RegistryUnavailable):
            update_from_registry(client, db)
    assert [h.nct_id for h in search(TrialQuery(), db).hits] == ["NCT00353496"]
