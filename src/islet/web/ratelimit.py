"""The API rate limit: ``per_minute`` requests per client in any minute, then 429.

The counts live in the storage that ``ISLET_RATE_LIMIT_STORAGE`` names (the ``limits``
library's storage URIs): ``memory://`` (the default) counts in each worker process on its own;
``redis://host:6379`` shares one count between every worker and machine that uses the same
Redis, so a client gets the same allowance however the load is spread.

What is counted is the client's address and the number of its requests, nothing else; in Redis
the count expires a minute after the last request. Nothing is logged but the kind of a storage
failure. When the storage cannot be reached, requests are let through (an information service
that goes silent because its counter is down helps nobody) and the failure is logged.
"""

from __future__ import annotations

import logging
import math
import time

import anyio.to_thread
from limits import RateLimitItemPerMinute
from limits.errors import ConfigurationError, StorageError
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from islet import settings
from islet.errors import IsletError
from islet.messages import N_
from islet.web.middleware import ErrorResponder, is_api, send_error

log = logging.getLogger("islet.web")

SETTING = settings.name("rate_limit_storage")
REDIS_TIMEOUTS: dict[str, float] = {"socket_timeout": 1.0, "socket_connect_timeout": 1.0}
NAMESPACE = "islet-api"


def storage_for(uri: str) -> Storage:
    """The ``limits`` storage for ``uri``; IsletError naming the setting when it is not one."""
    # A Redis that stops answering must not hold a request for long.
    options = REDIS_TIMEOUTS if uri.startswith(("redis", "rediss")) else {}
    try:
        # wrap_exceptions: a storage's own errors arrive as limits' StorageError
        storage = storage_from_string(uri, wrap_exceptions=True, **options)
    except (ConfigurationError, ValueError) as error:
        raise IsletError(f"{SETTING} {uri!r} is not a storage Islet can use: {error}") from None
    if not isinstance(storage, Storage):  # an async+… storage
        raise IsletError(f"{SETTING} {uri!r}: use memory:// or redis://host:port")
    return storage


class RateLimit:
    """ASGI middleware: a moving one-minute window per client address for the API."""

    def __init__(
        self,
        app: ASGIApp,
        per_minute: int,
        respond: ErrorResponder,
        storage: str | Storage = settings.DEFAULTS.rate_limit_storage,
    ) -> None:
        self.app = app
        self.item = RateLimitItemPerMinute(per_minute)
        self.respond = respond
        self.storage = storage_for(storage) if isinstance(storage, str) else storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        # Memory answers at once; a network storage is asked from a worker thread, so a slow
        # Redis never holds up the other requests of this process.
        self.local = isinstance(self.storage, MemoryStorage)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api(scope):
            await self.app(scope, receive, send)
            return
        key = client_key(scope)
        if self.local:
            wait = self.take(key)
        else:
            wait = await anyio.to_thread.run_sync(self.take, key)
        if wait > 0:
            seconds, title = str(wait), N_("Too many requests")
            detail = N_("Please wait {seconds} seconds before asking again.", seconds=seconds)
            retry = {"Retry-After": seconds}
            await send_error(self.respond, (scope, receive, send), 429, title, detail, retry)
            return
        await self.app(scope, receive, send)

    def take(self, key: str) -> int:
        """Count one request for ``key``: 0 when allowed, else whole seconds until it may."""
        try:
            if self.limiter.hit(self.item, NAMESPACE, key):
                return 0
            reset = self.limiter.get_window_stats(self.item, NAMESPACE, key).reset_time
        except (StorageError, OSError) as error:  # down: serve rather than refuse everyone
            log.warning("rate limit storage unavailable (%s)", type(error).__name__)
            return 0
        return max(1, math.ceil(reset - time.time()))


def client_key(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
