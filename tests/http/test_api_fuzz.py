"""Fuzzing the API from its own OpenAPI document: no 5xx, and every answer as documented.

Every operation gets valid and schema-violating input (well over 1,000 generated requests in
all, derandomized so every run sends the same ones). Input that breaks the schema must be
refused with a 4xx problem body (``negative_data_rejection``): the Situation model's yes/no facts
and the calculators' numbers are strict, so 0, 1 or "yes" is never read as an answer. Every
answer carries the security headers. The trial routes read a private store holding the
constructed NET trials, so they answer with real records.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from starlette.types import Receive, Scope, Send

from islet.settings import Settings
from islet.web.app import create_app
from islet.web.middleware import SECURITY_HEADERS
from tests.trials_helpers import net_store

MIN_REQUESTS = 1000


class CountingApp:
    """The app, counting the requests the fuzzer sends (the schema download is not counted)."""

    def __init__(self) -> None:
        self.app = create_app(Settings(rate_limit=0))
        self.requests: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != "/openapi.json":
            key = f"{scope['method']} {scope['path']}"
            self.requests[key] = self.requests.get(key, 0) + 1
        await self.app(scope, receive, send)


APP = CountingApp()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
OPERATIONS = sum(1 for _ in schema.get_all_operations())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
done: set[str] = set()


@pytest.fixture(scope="module", autouse=True)
def fuzz_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A private trial store for the whole run; at the end, the run must have been big enough.

    The count is checked only when every operation was fuzzed (not under ``-k``)."""
    db = net_store(tmp_path_factory.mktemp("fuzz") / "trials.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ISLET_TRIALS_DB", str(db))
        yield
    total = sum(APP.requests.values())
    print(f"\nschemathesis sent {total} requests to {OPERATIONS} operations")
    if len(done) == OPERATIONS:
        assert total >= MIN_REQUESTS, APP.requests


@schema.parametrize()
@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_answers_as_documented(case: schemathesis.Case) -> None:
    done.add(case.operation.label)
    response = case.call_and_validate(checks=CHECKS)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name.lower()] == [value]
    if response.status_code >= 400:
        assert response.headers["content-type"] == ["application/problem+json"]
        problem = response.json()
        assert problem["status"] == response.status_code
        assert problem["detail"]
