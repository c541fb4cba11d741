"""The trial pages' forms read into core queries: search filters and a person's facts.

The core reads every value (``islet.trials.query``, ``islet.trials.person``); a wrong one comes
back as a message next to its field, and the form keeps what was typed. Nothing read here is
stored or logged: it serves one answer and is gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, Field
from starlette.datastructures import QueryParams

from islet.errors import IsletError
from islet.i18n import Text
from islet.language import Language
from islet.messages import N_, said
from islet.safety import Safety
from islet.trials.eligibility import PersonFacts
from islet.trials.filters import read_shortlist
from islet.trials.geo import Point
from islet.trials.person import read_person
from islet.trials.query import (
    DEFAULT_RADIUS_MILES,
    STATUSES,
    TrialQuery,
    read_filters,
)

# The statuses offered as boxes; expanded-access statuses are accepted in the address too.
FORM_STATUSES = STATUSES[:9]
# How the page names a field in its messages (in the page's language).
_FIELD_LABELS = {
    "type": N_("tumor type"),
    "status": N_("status"),
    "phase": N_("phase"),
    "intervention_type": N_("intervention type"),
    "age": N_("age"),
    "sex": N_("sex"),
    "near": N_("place"),
    "lat": N_("place"),
    "zip": N_("place"),
    "radius": N_("radius"),
    "ki67": N_("Ki-67"),
    "nct": N_("shortlist"),
    "tumor_type": N_("tumor type"),
    "grade": N_("grade"),
    "men1": N_("MEN1"),
    "prior": N_("earlier treatments"),
}
Typed = Annotated[str, Field(max_length=200)]


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

    errors: dict[str, Text] = {}
    person: PersonFacts | None = None
    safety: Safety | None = None  # the triage's help for the earlier treatments as typed


def read_search(params: QueryParams) -> SearchForm:
    """The search form from the page address (the last value of a field given twice)."""
    typed: dict[str, Any] = {
        "tumor_type": params.get("type", ""),
        "statuses": [v for v in params.getlist("status") if v],
        "phases": [v for v in params.getlist("phase") if v],
        "intervention_types": [v for v in params.getlist("intervention_type") if v],
        "age": params.get("age", ""),
        "sex": params.get("sex", ""),
        "near": params.get("near", ""),
        "radius": params.get("radius", ""),
    }
    form = SearchForm(**typed)
    form.picked = read_picks(params.getlist("nct"), form.errors)
    reading = read_filters(**{**typed, "near": _said(form.near)})
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
    """The core's errors as the page shows them beside each field: "place: ..." (messages that
    the page shows in its language)."""
    return {
        name: N_(
            "{field}: {message}",
            field=_FIELD_LABELS.get(name, name),
            message=getattr(error, "message", None) or said(error),
        )
        for name, error in errors.items()
    }


def read_screening(sent: ScreeningFields, language: Language | None) -> ScreeningForm:
    """A person's facts from the screening form, read by the core (``islet.trials.person``)."""
    form = ScreeningForm(**sent.model_dump())
    fields = sent.model_dump(exclude={"near", "radius", "no_prior"})
    reading = read_person(**fields, no_prior=bool(sent.no_prior), language=language)
    form.errors.update(messages(reading.errors))
    form.person, form.safety = reading.person, reading.safety
    return form


# --- One field at a time ------------------------------------------------------------------------


def read_picks(values: list[str], errors: dict[str, str]) -> list[str]:
    """The NCT numbers chosen for a shortlist (read by the core); errors by field."""
    picks, error = read_shortlist(values)
    if error is not None:
        errors.update(messages({"nct": error}))
    return picks
