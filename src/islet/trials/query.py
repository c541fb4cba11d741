"""Trial search filters: the one place they are read and normalised.

Every interface (the CLI, the JSON API, the trial pages) hands what a person typed to
:meth:`TrialQuery.read` (or :func:`read_filters`, which reads every field and keeps what was fine,
for a form to show again) and gets either a :class:`TrialQuery` or an error naming the field:
``InvalidInput(field, message, suggestions)``, or ``UnknownTerm`` for a tumor type Islet does not
know. Field names are the API's: ``type``, ``status``, ``phase``, ``intervention_type``, ``age``,
``sex``, ``near`` (or ``lat``/``lon``/``zip``), ``radius``.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from islet.errors import InvalidInput, IsletError, UnknownPlace, UnknownTerm
from islet.messages import N_, said
from islet.patterns import any_case, one_of
from islet.trials.conditions import resolve_type
from islet.trials.geo import Point, UnknownZip, parse_place, zip_point

Sex = Literal["female", "male"]

STATUSES = (
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ENROLLING_BY_INVITATION",
    "ACTIVE_NOT_RECRUITING",
    "SUSPENDED",
    "TERMINATED",
    "COMPLETED",
    "WITHDRAWN",
    "UNKNOWN",
    "AVAILABLE",
    "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING",
    "WITHHELD",
)
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
PHASES = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA")
INTERVENTION_TYPES = (
    "DRUG",
    "BIOLOGICAL",
    "DEVICE",
    "PROCEDURE",
    "RADIATION",
    "BEHAVIORAL",
    "GENETIC",
    "DIETARY_SUPPLEMENT",
    "COMBINATION_PRODUCT",
    "DIAGNOSTIC_TEST",
    "OTHER",
)
DEFAULT_RADIUS_MILES = 100.0
MAX_RADIUS_MILES = 12500
MAX_AGE = 130


def _spelled(code: str) -> str:
    """A pattern for a registry code in any letter case, its words apart by spaces, hyphens or
    underscores: RECRUITING, not-yet-recruiting, Not yet recruiting."""
    return "[ _-]+".join(any_case(word) for word in code.split("_"))


# What each filter accepts, as patterns: the API publishes them (so its document says exactly
# what is read) and the normalize_* functions below accept nothing else.
STATUS_PATTERN = one_of([_spelled(code) for code in (*STATUSES, "OPEN")])
PHASE_PATTERN = one_of(
    [
        "[1-4]",
        any_case("phase") + "[ _-]*[1-4]",
        any_case("early") + "[ _-]*(?:" + any_case("phase") + "[ _-]*)?1",
        "[Nn]/?[Aa]",
    ]
)
INTERVENTION_TYPE_PATTERN = one_of([_spelled(code) for code in INTERVENTION_TYPES])


def _code(value: str) -> str:
    return re.sub(r"[\s_-]+", "_", value.strip()).upper()


def normalize_statuses(values: list[str]) -> list[str]:
    """Registry status codes for "recruiting", "not-yet-recruiting", ... ("open" = the three
    statuses that still take people); UnknownTerm for anything else."""

    def codes(value: str) -> list[str]:
        code = _code(value)
        return list(OPEN_STATUSES) if code == "OPEN" else [code]

    return _normalized(values, STATUS_PATTERN, codes, STATUSES, "trial status", (*STATUSES, "OPEN"))


def normalize_phases(values: list[str]) -> list[str]:
    """Registry phase codes for "2", "phase 2", "PHASE2", "early-1", "na"."""

    def codes(value: str) -> list[str]:
        code = _code(value).replace("_", "")
        code = {"EARLY1": "EARLY_PHASE1", "EARLYPHASE1": "EARLY_PHASE1", "N/A": "NA"}.get(
            code, code
        )
        return [f"PHASE{code}" if code in ("1", "2", "3", "4") else code]

    return _normalized(values, PHASE_PATTERN, codes, PHASES, "trial phase")


def normalize_intervention_types(values: list[str]) -> list[str]:
    return _normalized(
        values,
        INTERVENTION_TYPE_PATTERN,
        lambda value: [_code(value)],
        INTERVENTION_TYPES,
        "intervention type",
    )


def _normalized(
    values: list[str],
    pattern: str,
    codes: Callable[[str], list[str]],
    known: tuple[str, ...],
    kind: str,
    suggest: tuple[str, ...] | None = None,
) -> list[str]:
    """The registry codes of ``values``, each once, in order; UnknownTerm (a ``kind``, with the
    closest of ``suggest``, by default ``known``) for a value that ``pattern`` does not match."""
    out: list[str] = []
    for value in values:
        found = codes(value) if re.search(pattern, value) else []
        if not found or any(code not in known for code in found):
            raise UnknownTerm(kind, value, _close(_code(value), suggest or known))
        out += [code for code in found if code not in out]
    return out


def _close(code: str, choices: tuple[str, ...]) -> list[str]:
    return difflib.get_close_matches(code, choices, n=3, cutoff=0.5) or list(choices)


class TrialQuery(BaseModel):
    """What to look for. Everything is optional; with no tumor type or condition, Islet looks
    for pancreatic NETs of every type (``any_condition`` looks at every stored trial)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tumor_type: str | None = None  # a tumor-type id, name or alias from the knowledge base
    condition: str | None = Field(default=None, max_length=200)  # any other condition, free text
    any_condition: bool = False  # every stored trial, whatever its condition
    statuses: list[str] = []
    phases: list[str] = []
    intervention_types: list[str] = []
    age: float | None = Field(default=None, ge=0, le=MAX_AGE)
    sex: Literal["female", "male"] | None = None
    near: Point | None = None
    radius_miles: float = Field(default=DEFAULT_RADIUS_MILES, gt=0, le=MAX_RADIUS_MILES)
    limit: int = Field(default=50, ge=1, le=1000)

    # Built directly, unknown codes are validation errors; built with TrialQuery.read (as every
    # interface does), they are InvalidInput naming the field, with suggestions.
    @field_validator("statuses")
    @classmethod
    def _statuses(cls, values: list[str]) -> list[str]:
        return _as_value_error(normalize_statuses, values)

    @field_validator("phases")
    @classmethod
    def _phases(cls, values: list[str]) -> list[str]:
        return _as_value_error(normalize_phases, values)

    @field_validator("intervention_types")
    @classmethod
    def _intervention_types(cls, values: list[str]) -> list[str]:
        return _as_value_error(normalize_intervention_types, values)

    @classmethod
    def read(cls, **typed: Any) -> TrialQuery:
        """The query for the filters as a person typed them (the keywords of
        :func:`read_filters`); the first error, naming its field, when one cannot be used."""
        reading = read_filters(**typed)
        if reading.query is None:
            raise next(iter(reading.errors.values()))
        return reading.query


def _as_value_error(normalize: Callable[[list[str]], list[str]], values: list[str]) -> list[str]:
    try:
        return normalize(values)
    except UnknownTerm as error:
        raise ValueError(str(error)) from error


# --- Reading what a person typed: one field at a time, each error naming its field -------------

CODE_READERS: dict[str, Callable[[list[str]], list[str]]] = {
    "status": normalize_statuses,
    "phase": normalize_phases,
    "intervention_type": normalize_intervention_types,
}


def read_codes(field: str, values: Sequence[str] | None) -> list[str]:
    """The registry codes for ``values`` of the filter ``field`` (``status``, ``phase`` or
    ``intervention_type``); InvalidInput with the closest codes for one Islet does not know."""
    codes, error = _codes(field, values or [])
    if error is not None:
        raise error
    return codes


def _codes(field: str, values: Sequence[str]) -> tuple[list[str], InvalidInput | None]:
    """The codes of the values that are fine, and the error for the first that is not."""
    normalize = CODE_READERS[field]
    codes: list[str] = []
    error: InvalidInput | None = None
    for value in values:
        try:
            codes += [code for code in normalize([value]) if code not in codes]
        except UnknownTerm as unknown:
            error = error or InvalidInput(field, said(unknown), unknown.suggestions)
    return codes, error


def read_number(
    field: str, value: str | float | None, low: float, high: float, example: str
) -> float | None:
    """A number from ``low`` to ``high`` (text as typed, or a number); None when empty."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        try:
            value = float(value)
        except ValueError:
            value = math.nan
    if value is None:
        return None
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidInput(
            field,
            N_(
                "give a number from {low} to {high} ({example})",
                low=f"{low:g}",
                high=f"{high:g}",
                example=example,
            ),
        )
    return float(value)


def read_age(value: str | float | None) -> float | None:
    """An age in years, 0 to 130; None when not given."""
    return read_number("age", value, 0, MAX_AGE, N_("whole years, e.g. 54"))


def read_radius(value: str | float | None) -> float:
    """A distance in miles above 0 (up to 12,500); the default radius when not given."""
    miles = read_number("radius", value, 0, MAX_RADIUS_MILES, N_("miles, e.g. 100"))
    if miles is not None and miles <= 0:
        raise InvalidInput("radius", N_("give a distance above 0 miles"))
    return DEFAULT_RADIUS_MILES if miles is None else miles


def read_sex(value: str | None) -> Sex | None:
    """``female`` or ``male`` (any case); None when not given."""
    text = (value or "").strip().lower()
    if text == "female":
        return "female"
    if text == "male":
        return "male"
    if text:
        raise InvalidInput("sex", N_("choose female or male, or leave it empty"))
    return None


def read_tumor_type(value: str | None) -> str | None:
    """The tumor-type id for an id, name or alias; UnknownTerm (with close matches) otherwise."""
    return resolve_type(value) if value and value.strip() else None


def read_place(
    near: str | None = None,
    *,
    lat: float | None = None,
    lon: float | None = None,
    zip_code: str | None = None,
) -> Point | None:
    """The place to measure from: ``near`` ("LAT,LON" or a US ZIP code), or ``lat`` and ``lon``,
    or ``zip``; only one of the three ways. None when no place is given. A ZIP code missing
    from the offline table is an UnknownPlace (the API's 404), not an InvalidInput."""
    if near is not None:
        if lat is not None or lon is not None or zip_code is not None:
            raise InvalidInput("near", N_("give near, or lat and lon, or zip; not several"))
        try:
            return parse_place(near)
        except UnknownZip as error:
            raise UnknownPlace("near", said(error)) from error
        except ValueError as error:
            raise InvalidInput("near", said(error)) from error
    if (lat is None) != (lon is None):
        raise InvalidInput("lat", N_("give both lat and lon, or neither"))
    if zip_code is not None:
        if lat is not None:
            raise InvalidInput("zip", N_("give a ZIP code or lat and lon, not both"))
        try:
            return zip_point(zip_code)
        except UnknownZip as error:
            raise UnknownPlace("zip", said(error)) from error
    return None if lat is None or lon is None else Point(lat=lat, lon=lon)


@dataclass
class FilterReading:
    """Every filter read as far as it could be: ``values`` holds what was fine (a tumor type's
    id, the codes that are known, the place), ``errors`` one error per field at fault, in the
    order the fields are read, and ``query`` the query when there is no error."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, IsletError] = field(default_factory=dict)
    query: TrialQuery | None = None


def read_filters(
    *,
    tumor_type: str | None = None,
    condition: str | None = None,
    any_condition: bool = False,
    statuses: Sequence[str] | None = None,
    phases: Sequence[str] | None = None,
    intervention_types: Sequence[str] | None = None,
    age: str | float | None = None,
    sex: str | None = None,
    near: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    zip_code: str | None = None,
    radius: str | float | None = None,
    limit: int = 50,
) -> FilterReading:
    """Read every filter as typed; see :class:`FilterReading`."""
    reading = FilterReading()
    for name, key, typed in (
        ("statuses", "status", statuses),
        ("phases", "phase", phases),
        ("intervention_types", "intervention_type", intervention_types),
    ):
        reading.values[name], error = _codes(key, typed or [])
        if error is not None:
            reading.errors[key] = error
    readers: list[tuple[str, Callable[[], Any], Any]] = [
        ("near", lambda: read_place(near, lat=lat, lon=lon, zip_code=zip_code), None),
        ("age", lambda: read_age(age), None),
        ("sex", lambda: read_sex(sex), None),
        ("radius", lambda: read_radius(radius), DEFAULT_RADIUS_MILES),
        ("tumor_type", lambda: read_tumor_type(tumor_type), None),
    ]
    for name, read, fallback in readers:
        try:
            reading.values[name] = read()
        except (InvalidInput, UnknownTerm) as error:  # UnknownPlace is an UnknownTerm
            reading.values[name] = fallback
            reading.errors[getattr(error, "field", None) or _FIELDS.get(name, name)] = error
    if not reading.errors:
        values = reading.values
        reading.query = TrialQuery(
            tumor_type=values["tumor_type"],
            condition=condition,
            any_condition=any_condition,
            statuses=values["statuses"],
            phases=values["phases"],
            intervention_types=values["intervention_types"],
            age=values["age"],
            sex=values["sex"],
            near=values["near"],
            radius_miles=values["radius"],
            limit=limit,
        )
    return reading


_FIELDS = {"tumor_type": "type"}  # the API's names, where they differ from the query's
