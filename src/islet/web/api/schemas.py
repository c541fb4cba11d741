"""Shapes of the API's own bodies (the core's result models are returned as they are)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from islet.safety import Safety
from islet.sources.record import SourceVersion


def whole_number(value: Any) -> Any:
    """JSON's view of an integer: 3.0 is the integer 3 (strict models would refuse it)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class Body(BaseModel):
    """A JSON request body: each field exactly as its type says (nothing coerced), no other."""

    model_config = ConfigDict(extra="forbid", strict=True)


class FieldError(BaseModel):
    """One input at fault: its dotted ``field`` path, where it was sent, and what is wrong."""

    model_config = ConfigDict(populate_by_name=True)

    field: str
    in_: str = Field(alias="in")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem body, as every 4xx/5xx answer of the API carries."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    field: str | None = None
    errors: list[FieldError] = []
    suggestions: list[str] = []
    safety: Safety | None = None  # the triage's help for the words typed, to show first


class Health(BaseModel):
    status: str
    version: str
    sources: list[SourceVersion] = []


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem answers a route can give."""
    text = {
        400: "The request cannot be answered",
        404: "Unknown id or term; close matches in `suggestions`",
        413: "Request body too large",
        422: "Invalid input; `field` names it",
        429: "Too many requests; see Retry-After",
        503: "No trial records here yet (or none that can be read), or the registry is unreachable",
    }
    return {
        code: {
            "model": Problem,
            "description": text.get(code, "Problem"),
            "content": {"application/problem+json": {}},
        }
        for code in codes
    }
