"""HEAD for every GET route: the same status and headers as GET, without the body.

FastAPI's routes answer only the methods they declare, so link checkers and uptime monitors
that ask with HEAD got 405. Here a HEAD request runs as a GET and its body is dropped on the
way out, so the status, ``Content-Length``, ``ETag`` and every other header match GET exactly.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Answers HEAD by running the GET route and sending its headers only."""

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
