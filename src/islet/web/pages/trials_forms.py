"""The trial pages' forms read into core queries: search filters and a person's facts.

Every value is checked here so that a wrong one comes back as a message next to its field
(and the form keeps what was typed); the core is only called with valid values. Nothing read
here is stored or logged: it serves one answer and is gone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, get_args

from pydantic import ValidationError

from islet.errors import UnknownTerm
from islet.trials.conditions import resolve_type
from islet.trials.eligibility import PersonFacts, TumorTypeId
from islet.trials.geo import Point, parse_place
from islet.trials.records import NCT_PATTERN
from islet.trials.search import (
    DEFAULT_RADIUS_MILES,
    STATUSES,
    TrialQuery,
    normalize_intervention_types,
    normalize_phases,
    normalize_statuses,
)

MAX_PICKS = 20  # studies on one shortlist
MAX_PRIOR = 20  # treatments a person may list
MAX_TREATMENT_CHARS = 100
MAX_AGE = 130
MAX_RADIUS = 12500.0
# The statuses offered as boxes; expanded-access statuses are accepted in the address too.
FORM_STATUSES = STATUSES[:9]
TUMOR_TYPE_IDS: tuple[str, ...] = get_args(TumorTypeId)
_SEPARATORS = re.compile(r"[,;\n]+")
_PHASE_LABELS = {"EARLY_PHASE1": "Early phase 1", "NA": "Not applicable"}
_STATUS_LABELS = {"ACTIVE_NOT_RECRUITING": "Active, not recruiting"}


def code_label(code: str | None) -> str:
    """A registry code in words: "NOT_YET_RECRUITING" -> "Not yet recruiting"."""
    if not code:
        return "Not stated"
    if code in _PHASE_LABELS:
        return _PHASE_LABELS[code]
    if code in _STATUS_LABELS:
        return _STATUS_LABELS[code]
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

    def chosen(self, name: str, code: str) -> bool:
        """Whether the box for ``code`` in the group ``name`` is ticked."""
        values: list[str] = getattr(self, name)
        return code in values

    def place_query(self) -> list[tuple[str, str]]:
        """The place and radius as address parameters, to carry them to other trial pages."""
        if self.place is None:
            return []
        return [("near", self.near.strip()), ("radius", self.radius.strip() or _miles(None))]


@dataclass
class ScreeningForm:
    """A person's facts as sent in the screening form, and the facts they mean."""

    age: str = ""
    sex: str = ""
    tumor_type: str = ""
    grade: str = ""
    ki67: str = ""
    men1: str = ""
    prior: str = ""
    no_prior: bool = False
    errors: dict[str, str] = field(default_factory=dict)
    person: PersonFacts | None = None


def read_search(params: list[tuple[str, str]]) -> SearchForm:
    """The search form from the page address (``multi_items`` of its query)."""
    values: dict[str, list[str]] = {}
    for key, value in params:
        values.setdefault(key, []).append(value)

    def one(name: str) -> str:
        return (values.get(name) or [""])[-1]

    form = SearchForm(
        tumor_type=one("type"),
        statuses=[v for v in values.get("status", []) if v],
        phases=[v for v in values.get("phase", []) if v],
        intervention_types=[v for v in values.get("intervention_type", []) if v],
        age=one("age"),
        sex=one("sex"),
        near=one("near"),
        radius=one("radius"),
    )
    form.picked = _picks(values.get("nct", []), form.errors)
    tumor_type = _tumor_type(form.tumor_type, form.errors)
    form.tumor_type = tumor_type or form.tumor_type  # a name or alias selects its id
    statuses = _codes("status", normalize_statuses, form.statuses, form.errors)
    form.statuses = statuses
    phases = _codes("phase", normalize_phases, form.phases, form.errors)
    form.phases = phases
    kinds = _codes(
        "intervention_type", normalize_intervention_types, form.intervention_types, form.errors
    )
    form.intervention_types = kinds
    age = _number("age", form.age, 0, MAX_AGE, form.errors, "whole years, e.g. 54")
    sex = _sex(form.sex, form.errors)
    form.place, radius = read_place(form.near, form.radius, form.errors)
    if form.errors:
        return form
    form.query = TrialQuery(
        tumor_type=tumor_type,
        statuses=statuses,
        phases=phases,
        intervention_types=kinds,
        age=age,
        sex=sex,
        near=form.place,
        radius_miles=radius,
    )
    return form


def read_place(near: str, radius: str, errors: dict[str, str]) -> tuple[Point | None, float]:
    """The place ("LAT,LON" or a US ZIP code) and the radius in miles; errors by field."""
    miles = _number("radius", radius, 0, MAX_RADIUS, errors, "miles, e.g. 100")
    if miles is not None and miles <= 0:
        errors["radius"] = "radius: give a distance above 0 miles"
    if not near.strip():
        return None, miles or DEFAULT_RADIUS_MILES
    try:
        place = parse_place(near)
    except ValueError as error:
        errors["near"] = f"place: {error}"
        return None, miles or DEFAULT_RADIUS_MILES
    return place, miles or DEFAULT_RADIUS_MILES


def read_picks(values: list[str]) -> tuple[list[str], dict[str, str]]:
    """The NCT numbers chosen for a shortlist, once each, in order; errors by field."""
    errors: dict[str, str] = {}
    return _picks(values, errors), errors


def read_screening(
    age: str,
    sex: str,
    tumor_type: str,
    grade: str,
    ki67: str,
    men1: str,
    prior: str,
    no_prior: str,
) -> ScreeningForm:
    """A person's facts from the screening form; an empty field means "not said", never "no"."""
    form = ScreeningForm(
        age=age,
        sex=sex,
        tumor_type=tumor_type,
        grade=grade,
        ki67=ki67,
        men1=men1,
        prior=prior,
        no_prior=bool(no_prior),
    )
    errors = form.errors
    age_years = _number("age", age, 0, MAX_AGE, errors, "whole years, e.g. 54")
    sex_value = _sex(sex, errors)
    type_id = tumor_type.strip()
    if type_id and type_id not in TUMOR_TYPE_IDS:
        errors["tumor_type"] = "tumor type: choose one from the list"
    grade_value = grade.strip()
    if grade_value not in ("", "1", "2", "3"):
        errors["grade"] = "grade: choose grade 1, 2 or 3, or leave it empty"
    ki67_value = _number("ki67", ki67, 0, 100, errors, "a percent from 0 to 100, e.g. 12")
    men1_value = {"": None, "yes": True, "no": False}.get(men1.strip())
    if men1.strip() not in ("", "yes", "no"):
        errors["men1"] = "MEN1: choose yes, no, or not saying"
    treatments = _treatments(prior, form.no_prior, errors)
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


def _number(
    name: str, text: str, low: float, high: float, errors: dict[str, str], example: str
) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        label = "Ki-67" if name == "ki67" else name
        errors[name] = f"{label}: give a number from {low:g} to {high:g} ({example})"
        return None
    return value


def _sex(text: str, errors: dict[str, str]) -> Literal["female", "male"] | None:
    value = text.strip().lower()
    if value == "female":
        return "female"
    if value == "male":
        return "male"
    if value:
        errors["sex"] = "sex: choose female or male, or leave it empty"
    return None


def _tumor_type(text: str, errors: dict[str, str]) -> str | None:
    if not text.strip():
        return None
    try:
        return resolve_type(text)
    except UnknownTerm as error:
        errors["type"] = f"tumor type: {error}"
        return None


def _codes(
    name: str,
    normalize: Callable[[list[str]], list[str]],
    values: list[str],
    errors: dict[str, str],
) -> list[str]:
    try:
        return normalize(values)
    except UnknownTerm as error:
        errors[name] = f"{name.replace('_', ' ')}: {error}"
        # Keep the values that are fine, so their boxes stay ticked.
        kept: list[str] = []
        for value in values:
            try:
                kept += normalize([value])
            except UnknownTerm:
                continue
        return kept


def _picks(values: list[str], errors: dict[str, str]) -> list[str]:
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


def _miles(value: float | None) -> str:
    return f"{value if value is not None else DEFAULT_RADIUS_MILES:g}"
