"""The trial filters as sent: each one's name, limits and pattern, declared once.

The JSON API reads its query parameters into these models (FastAPI query models), so its OpenAPI
document publishes exactly these limits, the core's own (``MAX_AGE``, ``MAX_RADIUS_MILES``, the
code patterns). What they mean is read by the core's one reader of filters
(``islet.trials.query``): a :class:`TrialQuery` or a place, or an error naming the field.
:func:`place_rules` and ``BOTH_LAT_AND_LON`` state the place reader's rules (one way of giving a
place; lat and lon together) as JSON Schema for the document. :func:`read_shortlist` reads the
NCT numbers of a shortlist (the trial pages' ``nct``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, JsonValue

from islet.errors import InvalidInput
from islet.messages import N_
from islet.trials.geo import PLACE_PATTERN, Point
from islet.trials.query import (
    DEFAULT_RADIUS_MILES,
    INTERVENTION_TYPE_PATTERN,
    MAX_AGE,
    MAX_RADIUS_MILES,
    PHASE_PATTERN,
    STATUS_PATTERN,
    TrialQuery,
    read_place,
)
from islet.trials.records import NCT_PATTERN

MAX_PICKS = 20  # studies on one shortlist

Lat = Annotated[
    float | None, Field(ge=-90, le=90, description="latitude of the place to search near")
]
Lon = Annotated[
    float | None, Field(ge=-180, le=180, description="longitude of the place to search near")
]
Near = Annotated[
    str | None,
    Field(
        max_length=64,
        description="'LAT,LON' or a US ZIP code, as the CLI's --near (instead of lat/lon or zip)",
        json_schema_extra={"pattern": PLACE_PATTERN},  # read_place reads exactly these
    ),
]
Radius = Annotated[float, Field(gt=0, le=MAX_RADIUS_MILES, description="miles from lat/lon")]


def _code(pattern: str) -> Any:
    """One registry code of a filter, spelled as the core reads it (``pattern``)."""
    return Field(max_length=40, json_schema_extra={"pattern": pattern})


Statuses = Annotated[list[Annotated[str, _code(STATUS_PATTERN)]] | None, Field(max_length=20)]
Phases = Annotated[list[Annotated[str, _code(PHASE_PATTERN)]] | None, Field(max_length=20)]
InterventionTypes = Annotated[
    list[Annotated[str, _code(INTERVENTION_TYPE_PATTERN)]] | None, Field(max_length=20)
]


def place_rules(*, with_zip: bool) -> dict[str, Any]:
    """The rules of a place given by ``near``, by ``lat`` and ``lon`` together, or by ``zip``:
    one way only (:func:`islet.trials.query.read_place` applies them), as one object parameter of
    the API's document (``islet.web.api.openapi``)."""
    names = ["near", "lat", "lon", *(["zip"] if with_zip else [])]
    excluded = [["near", "lat"], ["near", "lon"]]
    if with_zip:
        excluded += [["near", "zip"], ["zip", "lat"]]
    return {
        "name": "place",
        "description": "where to measure distances from: near, or lat and lon, or zip (one way)",
        "properties": names,
        "dependentRequired": {"lat": ["lon"], "lon": ["lat"]},
        "not": {"anyOf": [{"required": pair} for pair in excluded]},
    }


# JSON Schema: a number for lat needs one for lon, and the other way round.
BOTH_LAT_AND_LON: list[JsonValue] = [
    {
        "if": {"properties": {x: {"type": "number"}}, "required": [x]},
        "then": {"properties": {y: {"type": "number"}}, "required": [y]},
    }
    for x, y in (("lat", "lon"), ("lon", "lat"))
]


class PlaceFilters(BaseModel):
    """Where to measure distances from: ``near``, or ``lat`` and ``lon``; and how far."""

    lat: Lat = None
    lon: Lon = None
    near: Near = None
    radius: Radius = DEFAULT_RADIUS_MILES

    def place(self) -> Point | None:
        """The place given (None for none); InvalidInput or UnknownPlace naming the field."""
        return read_place(self.near, lat=self.lat, lon=self.lon)


class SearchFilters(BaseModel):
    """What to look for, by the API's names (``type``, ``status``, ``zip`` ...), and where."""

    tumor_type: str | None = Field(
        None, alias="type", max_length=100, description="a tumor type id or name"
    )
    condition: str | None = Field(None, max_length=200, description="other condition")
    any_condition: bool = False
    statuses: Statuses = Field(None, alias="status")
    phases: Phases = Field(None, alias="phase")
    intervention_types: InterventionTypes = Field(None, alias="intervention_type")
    age: float | None = Field(None, ge=0, le=MAX_AGE)
    sex: Literal["female", "male"] | None = None
    lat: Lat = None
    lon: Lon = None
    zip_code: str | None = Field(
        None, alias="zip", pattern=r"^[0-9]{5}$", description="a US ZIP code to search near"
    )
    near: Near = None
    radius: Radius = DEFAULT_RADIUS_MILES
    limit: int = Field(50, ge=1, le=1000)

    def query(self) -> TrialQuery:
        """The query these filters mean; the first error, naming its field, when one cannot be
        used (see :meth:`TrialQuery.read`)."""
        return TrialQuery.read(**self.model_dump())


def read_shortlist(values: list[str]) -> tuple[list[str], InvalidInput | None]:
    """The NCT numbers chosen for a shortlist (``nct``), once each, in order, at most
    ``MAX_PICKS``; and the error for the last value that could not be used, if any."""
    picks: list[str] = []
    error: InvalidInput | None = None
    for value in values:
        key = value.strip().upper()
        if not key:
            continue
        if not re.match(NCT_PATTERN, key):
            error = InvalidInput(
                "nct", N_("'{value}' is not an NCT number such as NCT00510068", value=value[:40])
            )
            continue
        if key not in picks:
            picks.append(key)
    if len(picks) > MAX_PICKS:
        error = InvalidInput("nct", N_("choose at most {count} studies", count=MAX_PICKS))
    return picks[:MAX_PICKS], error
