"""Pages built from the knowledge alone are rendered once and revalidated with ETags; pages
that can hold what a person entered are never cached."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from islet.web.cache import PAGE_CACHE_CONTROL, PageCache, cache_key, matches

KNOWLEDGE_PAGES = [
    "/",
    "/summary",
    "/summary?audience=professional",
    "/types",
    "/types/insulinoma",
    "/types/insulinoma?audience=professional",
    "/tests/ct-scan",
    "/treatments",
    "/treatments/surgery",
    "/glossary",
    "/glossary/enucleation",
]
# Pages that hold, or may hold, what a person entered; and error pages.
NEVER_CACHED = [
    ("GET", "/guide"),
    ("GET", "/guide/options?tumor_type=insulinoma&sites=tail"),
    ("GET", "/guide/sheet?tumor_type=insulinoma"),
    ("GET", "/ask"),
    ("POST", "/ask"),
    ("GET", "/symptoms"),
    ("POST", "/symptoms"),
    ("GET", "/tests?type=insulinoma"),
    ("GET", "/trials"),
    ("GET", "/clinician/stage?t=T1"),
    ("GET", "/glossary?q=whipple"),
    ("GET", "/summary?audience=professional&note=mine"),
    ("GET", "/types/no-such-type"),
    ("GET", "/api/v1/topics/insulinoma"),
]


@pytest.mark.parametrize("address", KNOWLEDGE_PAGES)
def test_a_knowledge_page_carries_an_etag_and_revalidates(web: TestClient, address: str) -> None:
    first = web.get(address)
    assert first.status_code == 200, address
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == PAGE_CACHE_CONTROL
    again = web.get(address)
    assert (again.headers["etag"], again.content) == (etag, first.content)
    unchanged = web.get(address, headers={"If-None-Match": etag})
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert unchanged.headers["etag"] == etag
    weak = web.get(address, headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304
    changed = web.get(address, headers={"If-None-Match": '"an-older-version"'})
    assert (changed.status_code, changed.content) == (200, first.content)


def test_each_audience_has_its_own_version(web: TestClient) -> None:
    patient = web.get("/summary").headers["etag"]
    professional = web.get("/summary?audience=professional").headers["etag"]
    assert patient != professional


@pytest.mark.parametrize(("method", "address"), NEVER_CACHED)
def test_pages_with_what_a_person_entered_are_never_cached(
    web: TestClient, method: str, address: str
) -> None:
    response = web.request(method, address)
    assert "etag" not in response.headers
    assert "public" not in response.headers.get("cache-control", "")


@pytest.mark.parametrize(
    ("path", "query", "method", "key"),
    [
        ("/summary", "", "GET", ("", "/summary", "patient")),
        ("/summary", "audience=professional", "GET", ("", "/summary", "professional")),
        ("/glossary/whipple", "audience=patient", "GET", ("", "/glossary/whipple", "patient")),
        ("/summary", "audience=doctor", "GET", None),
        ("/summary", "q=my+sugar", "GET", None),
        ("/summary", "", "POST", None),
        ("/guide/options", "", "GET", None),
        ("/ask", "", "GET", None),
        ("/types/a/b", "", "GET", None),
    ],
)
def test_which_requests_are_cached(
    path: str, query: str, method: str, key: tuple[str, ...] | None
) -> None:
    scope = {"type": "http", "method": method, "path": path, "query_string": query.encode()}
    assert cache_key(scope) == key


@pytest.mark.parametrize(
    ("header", "etag", "expected"),
    [
        (None, '"a"', False),
        ('"a"', '"a"', True),
        ('W/"a"', '"a"', True),
        ('"b", "a"', '"a"', True),
        ("*", '"a"', True),
        ('"b"', '"a"', False),
    ],
)
def test_if_none_match(header: str | None, etag: str, expected: bool) -> None:
    assert matches(header, etag) is expected


class CountingPage:
    """An app that renders a page and counts how often it was asked to."""

    def __init__(self) -> None:
        self.renders = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.renders += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": f"page {self.renders}".encode()})


def test_a_page_is_rendered_once_per_address_and_day() -> None:
    today = [date(2026, 1, 1)]
    page = CountingPage()
    web = TestClient(PageCache(page, today=lambda: today[0]))
    assert [web.get("/summary").text for _ in range(3)] == ["page 1"] * 3
    assert web.get("/summary?audience=professional").text == "page 2"
    today[0] = date(2026, 1, 2)
    assert web.get("/summary").text == "page 3"
    assert page.renders == 3


def test_the_cache_holds_at_most_its_bound() -> None:
    page = CountingPage()
    cache = PageCache(page, max_pages=2)
    web = TestClient(cache)
    for item in ("a", "b", "c"):
        web.get(f"/types/{item}")
    assert len(cache.pages) == 2
