from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet import kb as kb_module
from tests.trials_helpers import net_store
from tests.webapp import client


@pytest.fixture(scope="session", autouse=True)
def compiled_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Compiled knowledge goes to a folder of this test run, not the user's cache."""
    folder = tmp_path_factory.mktemp("islet-cache")
    before = os.environ.get("ISLET_CACHE_DIR")
    os.environ["ISLET_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ISLET_CACHE_DIR", None)
    else:
        os.environ["ISLET_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def kb() -> kb_module.KnowledgeBase:
    return kb_module.load()


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    """Runs ``islet.cli.app`` as a person runs the command (each invoke is independent)."""
    return CliRunner()


@pytest.fixture(scope="module")
def web() -> TestClient:
    """A client on a fresh app for each test module, for the pages and the JSON API alike (no
    rate limit, redirects not followed; ``tests.webapp.client`` makes one with other settings)."""
    return client()


@pytest.fixture(scope="module")
def trials_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """``web`` with a trial store of its own: the test records (``tests.trials_helpers.net_store``)
    in a new file, named by ``ISLET_TRIALS_DB`` for the test module."""
    db = net_store(tmp_path_factory.mktemp("trials") / "trials.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ISLET_TRIALS_DB", str(db))
        yield client()


@pytest.fixture(scope="session")
def unreachable_registry() -> Iterator[str]:
    """An API address on this machine that refuses connections at once (bound, never listening)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/api/v2"
    sock.close()


@pytest.fixture(autouse=True)
def no_real_registry(monkeypatch: pytest.MonkeyPatch, unreachable_registry: str) -> None:
    """No test ever reaches the real ClinicalTrials.gov: the live trial search meets a closed
    port (the "no network" case) unless a test points it at its own fake server."""
    monkeypatch.setenv("ISLET_CTGOV_API", unreachable_registry)
    monkeypatch.delenv("ISLET_TRIALS_LIVE", raising=False)
