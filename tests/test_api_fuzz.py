"""Fuzzing the API from its own OpenAPI document: no 5xx, and every answer as documented.

About 1,000 generated requests in all (every operation, valid and invalid input). Rejecting
schema-violating input is not checked here: the Situation model accepts lax booleans (0/1).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from islet.web.app import create_app
from islet.web.settings import Settings

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(rate_limit=0)))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def private_trials_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Trial routes read a store; the fuzzer must never touch a real one."""
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path / "trials.sqlite"))


@schema.parametrize()
@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
def test_api_never_fails_and_answers_as_documented(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
