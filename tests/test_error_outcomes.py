"""One table maps each Islet error to what the interfaces answer: every command exits 2 on an
Islet error, and the API answers with the status (and the field at fault) it always has."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
import typer.testing
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.errors import (
    CannotCompute,
    InvalidInput,
    InvalidQuestion,
    InvalidSituation,
    IsletError,
    KnowledgeError,
    RegistryUnavailable,
    TrialDataError,
    UnknownTerm,
    outcome,
)
from tests.webapp import client

ERRORS: list[IsletError] = [
    IsletError("cannot answer"),
    KnowledgeError(["a problem"]),
    UnknownTerm("topic", "insulinomma", ["insulinoma"]),
    InvalidInput("zip", "not a US ZIP code"),
    InvalidSituation("stage", "unknown value"),
    InvalidQuestion("the question has no words in it"),
    CannotCompute("give Ki-67 or mitoses", "ki67"),
    CannotCompute("no T category covers this size"),
    TrialDataError("no trial records yet"),
    RegistryUnavailable("ClinicalTrials.gov did not answer"),
]


def test_the_error_tree() -> None:
    for cls in (InvalidSituation, InvalidQuestion, CannotCompute):
        assert issubclass(cls, InvalidInput)
    assert issubclass(InvalidInput, IsletError)


@pytest.mark.parametrize(
    ("error", "message", "field"),
    [
        (InvalidInput("zip", "not a US ZIP code"), "zip: not a US ZIP code", "zip"),
        (InvalidInput(None, "no field at fault"), "no field at fault", None),
        (InvalidSituation("stage", "unknown value"), "stage: unknown value", "stage"),
        (CannotCompute("give Ki-67 or mitoses", "ki67"), "give Ki-67 or mitoses", "ki67"),
        (InvalidQuestion("the question is empty"), "the question is empty", None),
    ],
)
def test_messages_and_fields_keep_their_form(error: InvalidInput, message: str, field: Any) -> None:
    assert (str(error), error.field) == (message, field)


def leaves(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every command that runs something (groups only hold commands)."""
    commands: dict[str, Any] | None = getattr(command, "commands", None)
    if commands is None:
        yield path
        return
    for name, sub in commands.items():
        yield from leaves(sub, (*path, name))


COMMANDS = list(leaves(typer.main.get_command(app)))


def test_the_cli_has_its_commands() -> None:
    assert {("guide",), ("stage",), ("ask",), ("trials", "search")} <= set(COMMANDS)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_exits_2_on_an_islet_error(
    monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], error: IsletError, runner: CliRunner
) -> None:
    root = typer.main.get_command(app)
    command: Any = root
    for name in path:
        command = command.commands[name]

    def fail(**_: Any) -> None:
        raise error

    command.params = []  # the error, not a missing argument, is what ends the command
    command.callback = fail
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: root)
    result = runner.invoke(app, list(path))
    assert result.exit_code == 2 == outcome(error).exit_code
    assert "Traceback" not in result.output
    assert str(error).splitlines()[0] in result.output


# (error, status, field at fault) as the API answers them
STATUSES = [
    (ERRORS[0], 400, None),
    (ERRORS[1], 503, None),
    (ERRORS[2], 404, None),
    (ERRORS[3], 422, "zip"),
    (ERRORS[4], 422, "stage"),
    # No route lets a bare InvalidQuestion through (/ask names the field q); as bad input it
    # would be a 422 like the others, where it used to fall through to 400.
    (ERRORS[5], 422, None),
    (ERRORS[6], 422, "ki67"),
    (ERRORS[7], 422, None),
    # No trial records yet is the server's state, not a bad request: 503 (it was 400).
    (ERRORS[8], 503, None),
    (ERRORS[9], 400, None),
]


@pytest.fixture(scope="module")
def failing_api() -> TestClient:
    web = client()
    for index, error in enumerate(ERRORS):
        web.app.add_api_route(f"/api/v1/fail/{index}", raising(error))  # type: ignore[attr-defined]
    return web


def raising(error: IsletError) -> Any:
    def fail() -> None:
        raise error

    return fail


@pytest.mark.parametrize(("error", "status", "field"), STATUSES, ids=repr)
def test_the_api_answers_each_error_with_its_status(
    failing_api: TestClient, error: IsletError, status: int, field: str | None
) -> None:
    response = failing_api.get(f"/api/v1/fail/{ERRORS.index(error)}")
    body = response.json()
    assert (response.status_code, body["status"], body.get("field")) == (status, status, field)
    assert response.headers["content-type"] == "application/problem+json"
    if isinstance(error, KnowledgeError):
        assert body["detail"] == "The knowledge is invalid."  # the problems are not published
    else:
        assert body["detail"] == str(error)
    assert body.get("suggestions") == (["insulinoma"] if isinstance(error, UnknownTerm) else None)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"near": "nowhere at all"}, "near"),
        ({"lat": 44.0}, "lat"),
        ({"zip": "55905", "lat": 1, "lon": 1}, "zip"),
    ],
)
def test_a_bad_place_is_bad_input_naming_its_field(
    failing_api: TestClient, params: dict[str, Any], field: str
) -> None:
    body = failing_api.get("/api/v1/trials", params=params).json()
    assert (body["status"], body["field"]) == (422, field)
    assert body["detail"].startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("params", "field"), [({"zip": "00000"}, "zip"), ({"near": "00000"}, "near")]
)
def test_a_well_formed_place_islet_cannot_find_is_not_found(
    failing_api: TestClient, params: dict[str, Any], field: str
) -> None:
    """As for an unknown id: the OpenAPI document can say what a ZIP code looks like, not
    which ones the offline table holds."""
    body = failing_api.get("/api/v1/trials", params=params).json()
    assert (body["status"], body["field"]) == (404, field)
    assert body["detail"] == "ZIP code 00000 is not in Islet's offline US ZIP table"
