"""`islet serve` figures, each beside its baseline from the same server in the same run.

- Start: from starting `islet serve` to its first answer (median of STARTS starts), with the
  CPU time the server used until then (the wall time on a quiet machine) and ``python -c pass``.
- ``GET /summary`` (a 100 kB page, served from the rendered-page cache) against
  ``GET /api/v1/health``: p50 of sequential requests on one keep-alive connection.
- ``POST /api/v1/guide`` throughput against ``GET /api/v1/health`` throughput, CONCURRENCY
  requests in flight (the client shares the machine with the server), ROUNDS rounds in turns.
- Peak memory (VmHWM) of the `islet serve` process after all of that.

One worker on loopback, rate limit off, no access log. Printed, never asserted.
Run: ``.venv/bin/python benchmarks/serving.py`` (or ``make bench``).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.processes

from tests.processes import ISLET, free_port

STARTS = 3
SEQUENTIAL = 400
CONCURRENT = 1500
CONCURRENCY = 16
ROUNDS = 3
SITUATIONS = cycle(
    [
        {"tumor_type": "insulinoma", "tumor_count": "single", "sites": ["tail"], "size": "small"},
        {"tumor_type": "gastrinoma", "spread": ["liver"], "course": "new"},
        {"tumor_type": "vipoma", "course": "recurrent"},
        {},
    ]
)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a running process has used (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bare_python() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - began


def start() -> tuple[subprocess.Popen[bytes], str, float]:
    """A running `islet serve`, its address, and the seconds it took to answer first."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ISLET_RATE_LIMIT": "0"}
    began = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-c", ISLET, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    deadline = began + 60
    while time.perf_counter() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1.0).status_code == 200:
                return server, base, time.perf_counter() - began
        except httpx.TransportError:
            time.sleep(0.005)  # a benchmark, not a test: a short poll keeps the figure honest
    server.kill()
    raise SystemExit("islet serve did not start")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=20)


def sequential_p50(base: str, path: str) -> float:
    times = []
    with httpx.Client(base_url=base) as client:
        for _ in range(20):
            client.get(path)
        for _ in range(SEQUENTIAL):
            began = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - began)
            assert response.status_code == 200, response.status_code
    return statistics.median(times)


async def throughput(base: str, guide: bool) -> float:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    counter = iter(range(CONCURRENT))
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:

        async def worker() -> None:
            for _ in counter:
                if guide:
                    response = await client.post("/api/v1/guide", json=next(SITUATIONS))
                else:
                    response = await client.get("/api/v1/health")
                assert response.status_code == 200, response.status_code

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return CONCURRENT / (time.perf_counter() - began)


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    starts, cpus, bare = [], [], []
    for _ in range(STARTS - 1):
        bare.append(bare_python())
        server, _, seconds = start()
        starts.append(seconds)
        cpus.append(cpu_seconds(server.pid))
        stop(server)
    bare.append(bare_python())
    server, base, seconds = start()
    starts.append(seconds)
    cpus.append(cpu_seconds(server.pid))
    try:
        health = sequential_p50(base, "/api/v1/health")
        summary = sequential_p50(base, "/summary")
        ratios = []  # health and guide in turns, so a busy moment touches both alike
        for _ in range(ROUNDS):
            health_rate = asyncio.run(throughput(base, guide=False))
            guide_rate = asyncio.run(throughput(base, guide=True))
            ratios.append((guide_rate / health_rate, guide_rate, health_rate))
        memory = peak_memory_mb(server.pid)
    finally:
        stop(server)
    ratio, guide_rate, health_rate = statistics.median(ratios)
    print(f"islet serve, 1 worker, loopback; {os.cpu_count()} CPUs shared with the client")
    print(
        f"start to first answer: median {statistics.median(starts):.2f} s of {STARTS} "
        f"(server CPU {statistics.median(cpus):.2f} s; python -c pass "
        f"{statistics.median(bare) * 1000:.0f} ms)"
    )
    print(
        f"GET /summary p50 {summary * 1000:.2f} ms vs GET /api/v1/health p50 "
        f"{health * 1000:.2f} ms: {summary / health:.2f}×  ({SEQUENTIAL} sequential each)"
    )
    print(
        f"POST /api/v1/guide {guide_rate:.0f} req/s vs GET /api/v1/health {health_rate:.0f} "
        f"req/s: {ratio:.2f}×  (median of {ROUNDS} rounds; {CONCURRENT} each, {CONCURRENCY} "
        "in flight)"
    )
    print(f"peak memory of islet serve: {memory:.0f} MB")


if __name__ == "__main__":
    main()
