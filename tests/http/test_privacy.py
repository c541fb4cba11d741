"""Privacy: nothing a person enters is logged, printed, written to a file or to the trials store.

Each request in tests/cases/private_inputs.yaml carries markers through one input route. In
process, every log record (all loggers, DEBUG and up), everything written to the process's
stdout/stderr, every file under the test's home, data, cache, temp and working folders, and the
trials database are searched for them. Then the same requests go to a real `islet serve`
(uvicorn in its own process), and its whole output and its folders are searched the same way.
A control run of plain uvicorn with its access log on shows the search finds a marker that is
there.
"""

from __future__ import annotations

import logging
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.processes import Server as RunningServer
from tests.processes import files_containing, running, serving
from tests.tables import load_cases
from tests.trials_helpers import net_store

MARKER = "zq-private-marker-qz"
MARKERS = (MARKER, "54.321", "12.3456", "65.4321")
CASES = load_cases("private_inputs.yaml")


def filled(value: Any) -> Any:
    """``value`` with every "{m}" (in keys too) replaced by the marker."""
    if isinstance(value, str):
        return value.replace("{m}", MARKER)
    if isinstance(value, list):
        return [filled(v) for v in value]
    if isinstance(value, dict):
        return {filled(k): filled(v) for k, v in value.items()}
    return value


def request_args(case: dict[str, Any]) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for key in ("params", "json"):
        if key in case:
            args[key] = filled(case[key])
    if "form" in case:
        args["data"] = filled(case["form"])
    return args


def markers_in(text: str) -> list[str]:
    return [m for m in MARKERS if m in text]


def private_folders(root: Path) -> dict[str, str]:
    """Environment pointing every place a process could write to under ``root``."""
    env = {}
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    return env


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trials store the routes read: the constructed NET trials."""
    return net_store(tmp_path_factory.mktemp("store") / "trials.sqlite")


@pytest.fixture
def sandbox(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, bytes]]:
    """Home, data, cache, temp and working folders under tmp_path; yields (root, store bytes)."""
    for name, value in private_folders(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmpdir"))
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    monkeypatch.chdir(tmp_path)
    yield tmp_path, store.read_bytes()


@pytest.mark.parametrize("case", CASES)
def test_nothing_entered_is_logged_printed_or_written(
    case: dict[str, Any],
    web: TestClient,
    sandbox: tuple[Path, bytes],
    store: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    root, store_before = sandbox
    with caplog.at_level(logging.DEBUG):
        response = web.request(case["method"], filled(case["path"]), **request_args(case))
    assert response.status_code == case["status"], response.text[:300]
    # The test client logs its own requests (it is the person's browser here), not the server.
    server_records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert not [r.getMessage() for r in server_records if markers_in(r.getMessage())]
    assert not [r for r in server_records if r.exc_text and markers_in(r.exc_text)]
    printed = capfd.readouterr()
    assert markers_in(printed.out + printed.err) == []
    assert files_containing(root, MARKER) == []
    assert store.read_bytes() == store_before


def test_a_real_server_keeps_nothing(tmp_path: Path, store: Path) -> None:
    env = {
        **private_folders(tmp_path),
        "ISLET_TRIALS_DB": str(store),
        "ISLET_RATE_LIMIT": "0",
    }
    store_before = store.read_bytes()
    with serving(tmp_path, env=env) as server:
        with httpx.Client(base_url=server.base, timeout=60.0) as browser:
            for param in CASES:
                case = param.values[0]
                response = browser.request(
                    case["method"], filled(case["path"]), **request_args(case)
                )
                assert response.status_code == case["status"], case["id"]
        send_garbage(server, f"GET /{MARKER} HTTP/1.1\r\nHost: {MARKER}\r\n{MARKER}\r\n\r\n")
    output = server.output()
    assert "Islet is running at" in output  # the output was captured
    assert markers_in(output) == []
    assert files_containing(tmp_path, MARKER) == []
    assert store.read_bytes() == store_before


def send_garbage(server: RunningServer, text: str) -> None:
    """A malformed request, so uvicorn's own error path runs too."""
    port = int(server.base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(text.encode())
        sock.recv(4096)


def test_the_search_would_find_a_leak(tmp_path: Path) -> None:
    """Control: plain uvicorn with its access log on does write the address, marker and all."""

    def uvicorn(port: int) -> list[str]:
        return [
            *(sys.executable, "-m", "uvicorn", "islet.web.app:create_app", "--factory"),
            *("--port", str(port), "--log-level", "info"),
        ]

    env = {**private_folders(tmp_path), "ISLET_RATE_LIMIT": "0"}
    with running(tmp_path, uvicorn, env=env) as server:
        httpx.get(f"{server.base}/guide/options", params={"tumor_type": MARKER}, timeout=60.0)
    assert MARKER in server.output()
