"""A bounded load run on loopback: requests per second, p50/p99 latency and error rate at 50 and
200 concurrent clients for ``POST /api/v1/guide``, ``GET /api/v1/ask`` and the summary page.

`islet serve` (uvicorn, no access log) runs in its own process on a free 127.0.0.1 port with the
rate limit off (``ISLET_RATE_LIMIT=0``). The client is asyncio: CLIENTS connections, each sending
its requests one after another over HTTP/1.1 keep-alive, for a fixed time per step. It writes
the few bytes of each request itself and reads the answers whole: an httpx client with 200
connections costs more CPU than the server it measures, on a machine whose cores the two share.
Every step is bounded in time and the whole run stops by itself within a minute. Printed, never
asserted; any answer other than 200, and any failed or timed-out request, counts as an error.

Run: ``.venv/bin/python benchmarks/load.py [--seconds 5] [--workers 1] [--clients 50 200]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.processes

from tests.processes import free_port

WARMUP_SECONDS = 1.0
REQUEST_TIMEOUT = 30.0
START_SECONDS = 60.0
MAX_TOTAL_SECONDS = 60.0
SITUATIONS = [
    {"tumor_type": "insulinoma", "tumor_count": "single", "sites": ["tail"], "size": "small"},
    {"tumor_type": "gastrinoma", "spread": ["liver"], "course": "new"},
    {"tumor_type": "vipoma", "course": "recurrent"},
    {"tumor_type": "glucagonoma", "resectable": False},
    {},
]
QUESTIONS = [
    "what is a whipple",
    "tests for insulinoma",
    "can an insulinoma come back",
    "what does the pancreas do",
    "treatment for gastrinoma that has spread to the liver",
]
SUMMARIES = ["/summary", "/summary?audience=professional"]


def request_bytes(method: str, target: str, body: bytes = b"") -> bytes:
    """One HTTP/1.1 request, ready to send on a keep-alive connection."""
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


ENDPOINTS: list[tuple[str, list[bytes]]] = [
    (
        "POST /api/v1/guide",
        [request_bytes("POST", "/api/v1/guide", json.dumps(s).encode()) for s in SITUATIONS],
    ),
    (
        "GET /api/v1/ask",
        [request_bytes("GET", f"/api/v1/ask?{urlencode({'q': q})}") for q in QUESTIONS],
    ),
    ("GET /summary", [request_bytes("GET", path) for path in SUMMARIES]),
]


@dataclass
class Step:
    """What one endpoint did at one concurrency."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one whole response; return its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def drive(port: int, requests: list[bytes], clients: int, seconds: float) -> Step:
    """CLIENTS connections, each sending requests one after another (keep-alive) until
    ``seconds`` have passed; a request in flight then is finished and counted."""
    step = Step()
    numbers = count()
    began = time.perf_counter()
    deadline = began + seconds

    async def one_client() -> None:
        writer: asyncio.StreamWriter | None = None
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    if writer is None:
                        reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    writer.write(requests[next(numbers) % len(requests)])
                    status = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    step.errors += 1
                    if writer is not None:
                        writer.close()
                    writer = None
                    continue
                if status == 200:
                    step.latencies.append(time.perf_counter() - started)
                else:
                    step.errors += 1
        finally:
            if writer is not None:
                writer.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    step.elapsed = time.perf_counter() - began
    return step


def start_server(port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from islet.cli import main; main()",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "ISLET_RATE_LIMIT": "0"}
    with log.open("wb") as sink:
        return subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)


def wait_until_up(server: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped before it answered")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=0.1)
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measured time per step")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    options = parser.parse_args()
    steps = len(ENDPOINTS) * len(options.clients)
    if steps * (options.seconds + WARMUP_SECONDS) > MAX_TOTAL_SECONDS - 5:
        raise SystemExit(f"{steps} steps of {options.seconds} s would not fit in a minute")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"islet-load-{port}.log"
    server = start_server(port, options.workers, log)
    try:
        wait_until_up(server, base)
        cores = os.cpu_count()
        print(
            f"islet serve, {options.workers} worker(s), loopback, {cores} cores shared with the "
            f"client; {options.seconds:g} s per step after {WARMUP_SECONDS:g} s of warm-up"
        )
        header = f"{'endpoint':<22}{'clients':>8}{'requests':>10}{'req/s':>9}"
        print(header + f"{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for name, requests in ENDPOINTS:
            for clients in options.clients:
                asyncio.run(drive(port, requests, clients, WARMUP_SECONDS))
                step = asyncio.run(drive(port, requests, clients, options.seconds))
                rate = step.requests / step.elapsed
                error_rate = step.errors / step.requests if step.requests else 1.0
                p50 = statistics.median(step.latencies) * 1000 if step.latencies else 0.0
                print(
                    f"{name:<22}{clients:>8}{step.requests:>10}{rate:>9.0f}"
                    f"{p50:>9.1f}{step.percentile(0.99) * 1000:>9.1f}{error_rate:>8.1%}"
                )
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
        log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
