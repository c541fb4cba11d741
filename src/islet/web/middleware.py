"""ASGI middleware that hardens every response: security headers, body limit, rate limit, and a
last-resort guard so no request ends in a stack trace.

Pure ASGI (no BaseHTTPMiddleware) keeps them cheap; none of them logs what a person sent.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("islet.web")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
# Pages can carry what a person typed (in the query), so nothing but static files is cached.
NO_STORE = "no-store"
STATIC_CACHE = "public, max-age=3600"

ErrorResponder = Callable[[Request, int, str, str, dict[str, str] | None], Response]


def app_path(scope: Scope) -> str:
    """The request path inside the app, without any reverse-proxy ``root_path`` prefix."""
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    return path or "/"


def is_api(scope: Scope) -> bool:
    """Whether the path is a machine route (REST API or CDS Hooks): problem JSON, rate limit."""
    path = app_path(scope)
    return path.startswith(("/api/", "/cds-services")) or path == "/openapi.json"


class ProxyPrefix:
    """Serves the app behind a reverse-proxy path prefix whether or not the proxy strips it.

    uvicorn puts ``root_path`` in front of every path, so a proxy that forwards
    ``/islet/summary`` as it is arrives as ``/islet/islet/summary``; the doubled prefix is taken
    off here so that both kinds of proxy set-up reach the same page.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        root: str = scope.get("root_path", "")
        if root and scope["type"] in ("http", "websocket"):
            path: str = scope.get("path", "")
            doubled = root + root
            if path == doubled or path.startswith(doubled + "/"):
                scope = {**scope, "path": path[len(root) :]}
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds the security headers (and a cache policy) to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = app_path(scope).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["Cache-Control"] = STATIC_CACHE if static else NO_STORE
            await send(message)

        await self.app(scope, receive, send_with_headers)


class NeverCrash:
    """Turns any unexpected exception into a calm 500 page or problem body.

    It logs only the exception's type and the route, never its message: messages can quote
    what a person entered.
    """

    def __init__(self, app: ASGIApp, respond: ErrorResponder) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as error:
            route = getattr(scope.get("route"), "path", "?")
            log.error("internal error %s in route %s", type(error).__name__, route)
            if started:
                return
            response = self.respond(
                Request(scope),
                500,
                "Something went wrong",
                "Islet could not answer this request. Nothing you entered was kept.",
                None,
            )
            await response(scope, receive, send)


class BodySizeLimit:
    """Rejects request bodies larger than ``limit`` bytes with 413, before the app sees them."""

    def __init__(self, app: ASGIApp, limit: int, respond: ErrorResponder) -> None:
        self.app = app
        self.limit = limit
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._reject(scope, receive, send)
            return
        # Bodies here are small forms and JSON, so reading them whole before the app runs is
        # cheap and lets a chunked body that grows too large be refused cleanly.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay(b"", message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._reject(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(b"".join(chunks), None, receive), send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = self.respond(
            Request(scope),
            413,
            "Request too large",
            f"Requests may carry at most {self.limit} bytes.",
            None,
        )
        await response(scope, receive, send)


def _replay(body: bytes, first: Message | None, receive: Receive) -> Receive:
    """A receive channel that yields the buffered body once, then defers to the real one."""
    pending: list[Message] = [first or {"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        return await receive()

    return replay


class RateLimit:
    """A token bucket per client address for the API: ``per_minute`` requests, then 429.

    The buckets live in this process only (the app keeps no shared state), so with several
    workers each worker counts on its own. Addresses are held in memory only, never logged.
    """

    MAX_CLIENTS = 10_000

    def __init__(
        self,
        app: ASGIApp,
        per_minute: int,
        respond: ErrorResponder,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self.respond = respond
        self.clock = clock
        self.buckets: dict[str, tuple[float, float]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api(scope):
            await self.app(scope, receive, send)
            return
        wait = self._take(_client_key(scope))
        if wait > 0:
            seconds = str(max(1, math.ceil(wait)))
            response = self.respond(
                Request(scope),
                429,
                "Too many requests",
                f"Please wait {seconds} seconds before asking again.",
                {"Retry-After": seconds},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _take(self, key: str) -> float:
        """Take one token for ``key``; return 0, or the seconds until a token is free."""
        now = self.clock()
        tokens, last = self.buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.refill)
        if tokens < 1.0:
            self.buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.refill
        if key not in self.buckets and len(self.buckets) >= self.MAX_CLIENTS:
            self._forget_idle(now)
        self.buckets[key] = (tokens - 1.0, now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        full_after = self.capacity / self.refill
        for key, (_, last) in list(self.buckets.items()):
            if now - last >= full_after:
                del self.buckets[key]
        if len(self.buckets) >= self.MAX_CLIENTS:
            self.buckets.clear()


def _client_key(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
