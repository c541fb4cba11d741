"""Requests per second and p50/p99 latency of ``POST /api/v1/guide`` against a trivial endpoint
(``GET /api/v1/health``) of the same app, in the same run.

The app runs under uvicorn in its own process on loopback (one worker, no access log, no rate
limit); an httpx client keeps CONCURRENCY requests in flight. Printed, never asserted.
Run: ``.venv/bin/python benchmarks/http_throughput.py [requests-per-endpoint] [concurrency]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and this file's name would hide
# the standard library's `http` package from httpx.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import asyncio  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Coroutine  # noqa: E402
from itertools import cycle  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402

sys.path.insert(0, str(HERE.parent))  # for tests.processes

from tests.processes import free_port  # noqa: E402

REQUESTS = 2000
CONCURRENCY = 16
WARMUP = 100
SITUATIONS = [
    {"tumor_type": "insulinoma", "tumor_count": "single", "sites": ["tail"], "size": "small"},
    {"tumor_type": "gastrinoma", "spread": ["liver"], "course": "new"},
    {"tumor_type": "vipoma", "course": "recurrent"},
    {},
]

Send = Callable[[httpx.AsyncClient, int], Coroutine[Any, Any, httpx.Response]]


def start_server(port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "islet.web.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    env = {**os.environ, "ISLET_RATE_LIMIT": "0"}
    return subprocess.Popen(command, env=env)


def wait_until_up(base: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


async def measure(base: str, send: Send, total: int, concurrency: int) -> tuple[float, list[float]]:
    """Wall time and per-request latencies (seconds) of ``total`` requests."""
    latencies: list[float] = []
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:

        async def worker() -> None:
            for i in counter:
                start = time.perf_counter()
                response = await send(client, i)
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200:
                    raise SystemExit(f"unexpected {response.status_code}: {response.text[:200]}")

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - began, latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def health(client: httpx.AsyncClient, i: int) -> httpx.Response:
    return await client.get("/api/v1/health")


situations = cycle(SITUATIONS)


async def guide(client: httpx.AsyncClient, i: int) -> httpx.Response:
    return await client.post("/api/v1/guide", json=next(situations))


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else REQUESTS
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else CONCURRENCY
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        wait_until_up(base)
        print(
            f"uvicorn, 1 worker, loopback; {total} requests per endpoint, {concurrency} in flight"
        )
        print(f"{'endpoint':<26}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
        for name, send in (("GET /api/v1/health", health), ("POST /api/v1/guide", guide)):
            asyncio.run(measure(base, send, WARMUP, concurrency))
            elapsed, latencies = asyncio.run(measure(base, send, total, concurrency))
            print(
                f"{name:<26}{total / elapsed:>10.0f}"
                f"{statistics.median(latencies) * 1000:>10.1f}"
                f"{percentile(latencies, 0.99) * 1000:>10.1f}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
