"""The rendered-page cache: pages that depend only on the knowledge are rendered once.

The summary, the tumor type, test, treatment, pattern and glossary pages and the start page
change only when the knowledge does (and, for the citation's "accessed" date, once a day). Each
is rendered once per address (path, audience and proxy prefix) and day, kept in memory, and
sent with an ``ETag`` and a ``Cache-Control`` that lets browsers and CDNs keep it for a while and
then revalidate it: a request whose ``If-None-Match`` names the current version gets 304 with
no body.

Only those addresses are cached, and only when their query holds nothing but the audience.
Pages that can hold what a person entered (the guide, Ask, symptoms, tests for a type, trials,
glossary search) never match, so they are never kept; error pages are never kept either.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from islet.web.middleware import app_path

# Addresses of pages built from the knowledge alone.
KNOWLEDGE_PAGES = re.compile(
    r"^/(|summary|types|treatments|glossary|(types|tests|treatments|patterns|glossary)/[\w.-]+)$"
)
AUDIENCES = frozenset({"patient", "professional"})
# A browser or CDN may reuse a page for five minutes, then asks whether it changed.
PAGE_CACHE_CONTROL = "public, max-age=300"
MAX_PAGES = 4096  # far more than the knowledge has pages; a bound all the same


@dataclass(frozen=True)
class CachedPage:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str


def knowledge_page(path: str, query: str) -> str | None:
    """The audience of a knowledge-only page address, or None for any other address."""
    params = parse_qsl(query, keep_blank_values=True)
    if not KNOWLEDGE_PAGES.match(path):
        return None
    if any(name != "audience" or value not in AUDIENCES for name, value in params):
        return None  # anything else in the query may be what a person typed
    return params[-1][1] if params else "patient"


def cache_key(scope: Scope) -> tuple[str, ...] | None:
    """The key a page is cached under, or None when this request must not be cached."""
    if scope["type"] != "http" or scope.get("method") != "GET":
        return None
    path = app_path(scope)
    audience = knowledge_page(path, scope.get("query_string", b"").decode("latin-1"))
    return None if audience is None else (scope.get("root_path", ""), path, audience)


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return any(
        tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted
        for tag in if_none_match.split(",")
    )


class PageCache:
    """ASGI middleware serving knowledge-only pages from memory, with ETag revalidation."""

    def __init__(
        self,
        app: ASGIApp,
        max_pages: int = MAX_PAGES,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.app = app
        self.max_pages = max_pages
        self.today = today
        self.day = today()
        self.pages: dict[tuple[str, ...], CachedPage] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = cache_key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        today = self.today()
        if today != self.day:  # pages carry today's date (the citation's "accessed")
            self.day, self.pages = today, {}
        page = self.pages.get(key)
        if page is None:
            page = await self._render(scope, receive)
            if page.status != 200:
                await _send(page, send)
                return
            if len(self.pages) >= self.max_pages:
                del self.pages[next(iter(self.pages))]
            self.pages[key] = page
        if matches(Headers(scope=scope).get("if-none-match"), page.etag):
            await _send_not_modified(page, send)
        else:
            await _send(page, send)

    async def _render(self, scope: Scope, receive: Receive) -> CachedPage:
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, keep)
        body = b"".join(chunks)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        if start.get("status") == 200:
            headers["ETag"] = etag
            headers["Cache-Control"] = PAGE_CACHE_CONTROL
        return CachedPage(int(start.get("status", 500)), headers.raw, body, etag)


async def _send(page: CachedPage, send: Send) -> None:
    await send({"type": "http.response.start", "status": page.status, "headers": page.headers})
    await send({"type": "http.response.body", "body": page.body})


async def _send_not_modified(page: CachedPage, send: Send) -> None:
    kept = {b"etag", b"cache-control", b"vary"}
    headers = [(name, value) for name, value in page.headers if name.lower() in kept]
    await _send(CachedPage(304, headers, b"", page.etag), send)
