"""Real processes for the fault, privacy and deployment tests: `islet serve` (uvicorn) on a free
loopback port, and the islet command run from a copy of the package whose knowledge can be broken
on purpose.

Every wait is bounded and polls for the event it waits for; nothing sleeps a fixed time.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

import islet

PACKAGE = Path(islet.__file__).resolve().parent
START_SECONDS = 60.0  # generous: CI machines are small, and two workers start one after another
STOP_SECONDS = 20.0
ISLET = "from islet.cli import main; main()"


def free_port() -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def islet_command(*args: str) -> list[str]:
    """The `islet` command as this interpreter runs it (so PYTHONPATH decides which copy)."""
    return [sys.executable, "-c", ISLET, *args]


def run_islet(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the islet command to its end (bounded) and capture what it prints."""
    (done,) = run_islets([list(args)], env=env, cwd=cwd)
    return done


def run_islets(
    commands: list[list[str]], env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> list[subprocess.CompletedProcess[str]]:
    """Run several islet commands side by side (each bounded); their results in order."""
    started = [
        (
            args,
            subprocess.Popen(
                islet_command(*args),
                env={**os.environ, **(env or {})},
                cwd=cwd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for args in commands
    ]
    results = []
    for args, process in started:
        with process:
            try:
                out, err = process.communicate(timeout=START_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                raise
        results.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return results


def package_copy(folder: Path) -> Path:
    """A copy of the installed package under ``folder``; put ``folder`` on PYTHONPATH to run it.

    Returns the copy's knowledge folder, to break files in."""
    shutil.copytree(PACKAGE, folder / "islet", ignore=shutil.ignore_patterns("__pycache__"))
    return folder / "islet" / "knowledge"


@dataclass
class Server:
    """A running `islet serve`; ``output()`` is what it printed so far (stdout + stderr)."""

    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def workers(self) -> list[int]:
        """Process ids of uvicorn's worker processes (children started by multiprocessing)."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                command = (stat.parent / "cmdline").read_bytes()
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
            if parent == self.process.pid and b"spawn_main" in command:
                found.append(int(stat.parent.name))
        return found


def wait_until_serving(server: Server, path: str = "/api/v1/health") -> None:
    """Poll ``path`` until it answers 200; fail at once if the server exits."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server stopped:\n{server.output()}")
        try:
            if httpx.get(server.base + path, timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            # Not listening yet: wait for the process to exit, at most a moment, then ask again.
            with suppress(subprocess.TimeoutExpired):
                server.process.wait(timeout=0.1)
    raise AssertionError(f"the server did not answer within {START_SECONDS} s:\n{server.output()}")


@contextmanager
def serving(
    folder: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    ready_path: str = "/api/v1/health",
) -> Iterator[Server]:
    """`islet serve ARGS` on a free port, with output captured to a file under ``folder``.

    Stopped on exit (see ``_stop``)."""

    def islet_serve(port: int) -> list[str]:
        return islet_command("serve", "--port", str(port), *args)

    with running(folder, islet_serve, env=env, ready_path=ready_path) as server:
        yield server


@contextmanager
def running(
    folder: Path,
    command: Callable[[int], list[str]],
    env: Mapping[str, str] | None = None,
    ready_path: str = "/api/v1/health",
) -> Iterator[Server]:
    """The server that ``command(port)`` starts, on a free port, run in ``folder`` with output
    captured to a file there; once it answers ``ready_path``. Stopped on exit (see ``_stop``)."""
    port = free_port()
    log = folder / "server-output.txt"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command(port),
            env={**os.environ, **(env or {})},
            cwd=folder,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        wait_until_serving(server, ready_path)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server (uvicorn stops its own workers); SIGKILL to its whole process
    group if it has not stopped in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_SECONDS)


def read_line(process: subprocess.Popen[bytes], seconds: float = START_SECONDS) -> str:
    """The next line the process prints on stdout, waiting at most ``seconds``."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    if not ready:
        raise AssertionError(f"no output within {seconds} s")
    return process.stdout.readline().decode()


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` whose bytes contain ``needle``."""
    data = needle.encode()
    return [p for p in folder.rglob("*") if p.is_file() and data in p.read_bytes()]
