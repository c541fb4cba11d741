"""A throwaway Redis server for the shared rate-limit tests: Debian's redis-server (installed by
scripts/ensure-redis.sh from `make test`) on a free loopback port, with nothing written to disk."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
import redis

from tests.processes import START_SECONDS, STOP_SECONDS, free_port

NOT_INSTALLED = (
    "redis-server is not installed, so the shared (Redis) rate limit is not tested here; "
    "`make test` installs it with scripts/ensure-redis.sh (Debian: apt-get install redis-server)"
)


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """The URI of a fresh Redis on loopback; skips the test when redis-server is missing."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(NOT_INSTALLED)
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder), "--protected-mode", "yes"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    uri = f"redis://127.0.0.1:{port}"
    try:
        _wait_for(process, uri)
        yield uri
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)


def _wait_for(process: subprocess.Popen[bytes], uri: str) -> None:
    """Poll until the server answers PING; fail at once if it exits."""
    client = redis.Redis.from_url(uri, socket_connect_timeout=1.0, socket_timeout=1.0)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"redis-server stopped with exit code {process.returncode}")
        try:
            if client.ping():
                return
        except redis.ConnectionError:
            # Not listening yet: wait for the process to exit, at most a moment, then ask again.
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.05)
    raise AssertionError(f"redis-server did not answer within {START_SECONDS} s")
