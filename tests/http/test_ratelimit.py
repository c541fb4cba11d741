"""The API rate limit through the `limits` library: per worker in memory by default, shared by
every worker and machine through Redis (a real redis-server started for these tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from islet.errors import IsletError
from islet.settings import Settings, current
from islet.web.app import create_app
from islet.web.ratelimit import storage_for
from tests.processes import free_port, serving
from tests.redis_server import redis_server

HEALTH = "/api/v1/health"


@pytest.fixture(scope="module")
def redis_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as uri:
        yield uri


def app_with(limit: int, storage: str) -> TestClient:
    return TestClient(create_app(Settings(rate_limit=limit, rate_limit_storage=storage)))


def test_in_memory_each_app_counts_on_its_own() -> None:
    one, two = app_with(2, "memory://"), app_with(2, "memory://")
    assert [one.get(HEALTH).status_code for _ in range(3)] == [200, 200, 429]
    assert two.get(HEALTH).status_code == 200


def test_two_apps_on_one_redis_share_one_limit(redis_uri: str) -> None:
    shared = f"{redis_uri}/1"  # a database of its own, so tests do not share counts
    one, two = app_with(3, shared), app_with(3, shared)
    codes = [one.get(HEALTH).status_code, two.get(HEALTH).status_code, one.get(HEALTH).status_code]
    assert codes == [200, 200, 200]
    refused = two.get(HEALTH)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert one.get(HEALTH).status_code == 429
    assert one.get("/summary").status_code == 200  # pages are not counted


def test_two_islet_serve_processes_on_one_redis_share_one_limit(
    redis_uri: str, tmp_path: Path
) -> None:
    env = {"ISLET_RATE_LIMIT": "4", "ISLET_RATE_LIMIT_STORAGE": f"{redis_uri}/2"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        serving(tmp_path / "a", env=env, ready_path="/") as a,
        serving(tmp_path / "b", env=env, ready_path="/") as b,
    ):
        codes = [httpx.get((a, b)[i % 2].base + HEALTH).status_code for i in range(6)]
        assert codes == [200, 200, 200, 200, 429, 429]
        assert "Traceback" not in a.output() + b.output()


def test_a_redis_that_is_down_lets_requests_through() -> None:
    down = app_with(1, f"redis://127.0.0.1:{free_port()}/0")
    assert [down.get(HEALTH).status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.parametrize("uri", ["nosuch://here", "async+memory://", "redis:/"])
def test_a_storage_islet_cannot_use_stops_start_up_with_its_name(uri: str) -> None:
    with pytest.raises(IsletError, match="ISLET_RATE_LIMIT_STORAGE"):
        create_app(Settings(rate_limit=5, rate_limit_storage=uri))


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "memory://"),
        ({"ISLET_RATE_LIMIT_STORAGE": " redis://cache:6379/1 "}, "redis://cache:6379/1"),
    ],
)
def test_the_storage_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("ISLET_RATE_LIMIT_STORAGE", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert current().rate_limit_storage == expected
    assert storage_for(expected) is not None
