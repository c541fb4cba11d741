"""The trial pages' forms read into core queries: search filters and a person's facts.

The core reads every value (``islet.trials.query``); a wrong one comes back as a message next
to its field, and the form keeps what was typed. Nothing read here is stored or logged: it
serves one answer and is gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, TypeVar, get_args

from pydantic import BaseModel, Field, ValidationError
from starlette.datastructures import QueryParams

from islet.errors import InvalidInput, IsletError
from islet.trials.eligibility import PersonFacts, TumorTypeId
from islet.trials.geo import Point
from islet.trials.query import (
    DEFAULT_RADIUS_MILES,
    STATUSES,
    TrialQuery,
    read_age,
    read_filters,
    read_number,
    read_sex,
)
from islet.trials.records import NCT_PATTERN

MAX_PICKS = 20  # studies on one shortlist
MAX_PRIOR = 20  # treatments a person may list
MAX_TREATMENT_CHARS = 100
# The statuses offered as boxes; expanded-access statuses are accepted in the address too.
FORM_STATUSES = STATUSES[:9]
TUMOR_TYPE_IDS: tuple[str, ...] = get_args(TumorTypeId)
_SEPARATORS = re.compile(r"[,;\n]+")
# Registry codes that read better than their words: two phases and a status.
_CODE_LABELS = {
    "EARLY_PHASE1": "Early phase 1",
    "NA": "Not applicable",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
}
# How the page names a field in its messages, where that differs from the field's name.
_FIELD_LABELS = {
    "type": "tumor type",
    "intervention_type": "intervention type",
    "near": "place",
    "ki67": "Ki-67",
}
T = TypeVar("T")
Typed = Annotated[str, Field(max_length=200)]


def code_label(code: str | None) -> str:
    """A registry code in words: "NOT_YET_RECRUITING" -> "Not yet recruiting"."""
    if not code:
        return "Not stated"
    if code in _CODE_LABELS:
        return _CODE_LABELS[code]
    words = re.sub(r"PHASE(\d)", r"PHASE \1", code).replace("_", " ")
    return words.capitalize()


def code_labels(codes: list[str]) -> str:
    """Several registry codes in words, comma-separated."""
    return ", ".join(code_label(code) for code in codes)


@dataclass
class SearchForm:
    """The search form as sent: the raw text to show again, and what it means."""

    tumor_type: str = ""
    statuses: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    intervention_types: list[str] = field(default_factory=list)
    age: str = ""
    sex: str = ""
    near: str = ""
    radius: str = ""
    picked: list[str] = field(default_factory=list)  # NCT numbers chosen for the shortlist
    errors: dict[str, str] = field(default_factory=dict)
    query: TrialQuery | None = None  # None while any field is wrong
    place: Point | None = None

    def place_query(self) -> list[tuple[str, str]]:
        """The place and radius as address parameters, to carry them to other trial pages."""
        if self.place is None:
            return []
        return [
            ("near", self.near.strip()),
            ("radius", self.radius.strip() or f"{DEFAULT_RADIUS_MILES:g}"),
        ]


class ScreeningFields(BaseModel):
    """The screening form as sent (read as a FastAPI form model): each fact as typed, an empty
    one meaning "not said", and the place to measure distances from."""

    age: Typed = ""
    sex: Typed = ""
    tumor_type: Typed = ""
    grade: Typed = ""
    ki67: Typed = ""
    men1: Typed = ""
    prior: Annotated[str, Field(max_length=2500)] = ""
    no_prior: Typed = ""
    near: Typed = ""
    radius: Typed = ""


class ScreeningForm(ScreeningFields):
    """The screening form as sent, what is wrong in it by field, and the facts it means."""

    errors: dict[str, str] = {}
    person: PersonFacts | None = None


def read_search(params: QueryParams) -> SearchForm:
    """The search form from the page address (the last value of a field given twice)."""
    form = SearchForm(
        tumor_type=params.get("type", ""),
        statuses=[v for v in params.getlist("status") if v],
        phases=[v for v in params.getlist("phase") if v],
        intervention_types=[v for v in params.getlist("intervention_type") if v],
        age=params.get("age", ""),
        sex=params.get("sex", ""),
        near=params.get("near", ""),
        radius=params.get("radius", ""),
    )
    form.picked = read_picks(params.getlist("nct"), form.errors)
    reading = read_filters(
        tumor_type=form.tumor_type,
        statuses=form.statuses,
        phases=form.phases,
        intervention_types=form.intervention_types,
        age=form.age,
        sex=form.sex,
        near=_said(form.near),
        radius=form.radius,
    )
    form.errors.update(messages(reading.errors))
    form.tumor_type = reading.values["tumor_type"] or form.tumor_type  # a name selects its id
    # The codes that are fine stay ticked.
    form.statuses = reading.values["statuses"]
    form.phases = reading.values["phases"]
    form.intervention_types = reading.values["intervention_types"]
    form.place = reading.values["near"]
    form.query = None if form.errors else reading.query
    return form


def read_place(near: str, radius: str, errors: dict[str, str]) -> tuple[Point | None, float]:
    """The place ("LAT,LON" or a US ZIP code) and the radius in miles; errors by field."""
    reading = read_filters(near=_said(near), radius=radius)
    errors.update(messages(reading.errors))
    return reading.values["near"], reading.values["radius"]


def _said(text: str) -> str | None:
    """A form field as typed, or None when left empty (an empty field says nothing)."""
    return text if text.strip() else None


def messages(errors: Mapping[str, IsletError]) -> dict[str, str]:
    """The core's errors as the page shows them beside each field: "place: ..."."""
    return {
        name: f"{_FIELD_LABELS.get(name, name)}: {getattr(error, 'message', error)}"
        for name, error in errors.items()
    }


def read_screening(sent: ScreeningFields) -> ScreeningForm:
    """A person's facts from the screening form; an empty field means "not said", never "no"."""
    form = ScreeningForm(**sent.model_dump())
    errors = form.errors
    age_years = _read(read_age, form.age, errors)
    sex_value = _read(read_sex, form.sex, errors)
    type_id = form.tumor_type.strip()
    if type_id and type_id not in TUMOR_TYPE_IDS:
        errors["tumor_type"] = "tumor type: choose one from the list"
    grade_value = form.grade.strip()
    if grade_value not in ("", "1", "2", "3"):
        errors["grade"] = "grade: choose grade 1, 2 or 3, or leave it empty"
    ki67_value = _read(
        lambda text: read_number("ki67", text, 0, 100, "a percent from 0 to 100, e.g. 12"),
        form.ki67,
        errors,
    )
    men1_value = {"": None, "yes": True, "no": False}.get(form.men1.strip())
    if form.men1.strip() not in ("", "yes", "no"):
        errors["men1"] = "MEN1: choose yes, no, or not saying"
    treatments = _treatments(form.prior, bool(form.no_prior), errors)
    if errors:
        return form
    try:
        form.person = PersonFacts.model_validate(
            {
                "age": age_years,
                "sex": sex_value,
                "tumor_type": type_id or None,
                "grade": int(grade_value) if grade_value else None,
                "ki67": ki67_value,
                "men1": men1_value,
                "prior_treatments": treatments,
            }
        )
    except ValidationError as error:  # the checks above should leave nothing for pydantic
        name = str(error.errors()[0]["loc"][0]) if error.errors() else "facts"
        errors[name] = f"{name}: this value cannot be used"
    return form


# --- One field at a time ------------------------------------------------------------------------


def _read(read: Callable[[str], T], text: str, errors: dict[str, str]) -> T | None:
    """``read(text)``, or None with the error noted beside its field."""
    try:
        return read(text)
    except InvalidInput as error:
        errors.update(messages({error.field or "facts": error}))
        return None


def read_picks(values: list[str], errors: dict[str, str]) -> list[str]:
    """The NCT numbers chosen for a shortlist, once each, in order; errors by field."""
    picks: list[str] = []
    for value in values:
        key = value.strip().upper()
        if not key:
            continue
        if not re.match(NCT_PATTERN, key):
            errors["nct"] = f"shortlist: '{value[:40]}' is not an NCT number such as NCT00510068"
            continue
        if key not in picks:
            picks.append(key)
    if len(picks) > MAX_PICKS:
        errors["nct"] = f"shortlist: choose at most {MAX_PICKS} studies"
        picks = picks[:MAX_PICKS]
    return picks


def _treatments(text: str, none_yet: bool, errors: dict[str, str]) -> list[str] | None:
    entries = [e.strip() for e in _SEPARATORS.split(text) if e.strip()]
    if none_yet and entries:
        errors["prior"] = (
            "earlier treatments: either list them or tick 'no treatment yet', not both"
        )
    elif len(entries) > MAX_PRIOR:
        errors["prior"] = f"earlier treatments: list at most {MAX_PRIOR}"
    elif any(len(e) > MAX_TREATMENT_CHARS for e in entries):
        errors["prior"] = f"earlier treatments: keep each name under {MAX_TREATMENT_CHARS} letters"
    if none_yet:
        return []
    return entries or None
