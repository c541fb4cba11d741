"""ASGI middleware that hardens every response: security headers, body limit, and a last-resort
guard so no request ends in a stack trace (the rate limit is in ``islet.web.ratelimit``); and
HEAD for every GET route.

Pure ASGI (no BaseHTTPMiddleware) keeps them cheap; none of them logs what a person sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from islet.messages import N_

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


async def send_error(
    respond: ErrorResponder,
    where: tuple[Scope, Receive, Send],
    status: int,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Answer the request ``where`` with ``respond``'s error page or problem body."""
    scope, receive, send = where
    await respond(Request(scope), status, title, detail, headers)(scope, receive, send)


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


class HeadAsGet:
    """Answers HEAD by running the GET route and sending its headers only.

    FastAPI's routes answer only the methods they declare, so link checkers and uptime monitors
    that ask with HEAD got 405. Here a HEAD request runs as a GET and its body is dropped on the
    way out, so the status, ``Content-Length``, ``ETag`` and every other header match GET exactly.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


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
            detail = N_("Islet could not answer this request. Nothing you entered was kept.")
            await send_error(
                self.respond, (scope, receive, send), 500, N_("Something went wrong"), detail
            )


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
        detail = N_("Requests may carry at most {limit} bytes.", limit=self.limit)
        await send_error(self.respond, (scope, receive, send), 413, N_("Request too large"), detail)


def _replay(body: bytes, first: Message | None, receive: Receive) -> Receive:
    """A receive channel that yields the buffered body once, then defers to the real one."""
    pending: list[Message] = [first or {"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        return await receive()

    return replay
