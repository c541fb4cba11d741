"""A person's facts for screening, as typed, read into :class:`PersonFacts`.

The screening form hands every field as typed to :func:`read_person` and gets the facts, or one
``InvalidInput`` per field at fault (the form shows each beside its field and keeps what was
typed). An empty field means "not said", never "no". Field names are the form's: ``age``,
``sex``, ``tumor_type``, ``grade``, ``ki67``, ``men1``, ``prior``. The earlier treatments are
free text: the safety triage reads them first (``safety``), even when a field is at fault. Nothing
read here is stored or logged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, get_args

from pydantic import ValidationError

from islet.errors import InvalidInput
from islet.language import Language
from islet.messages import N_
from islet.safety import Safety, help_first
from islet.trials.eligibility import PersonFacts, TumorTypeId
from islet.trials.query import read_age, read_number, read_sex

MAX_PRIOR = 20  # treatments a person may list
MAX_TREATMENT_CHARS = 100
TUMOR_TYPE_IDS: tuple[str, ...] = get_args(TumorTypeId)
_SEPARATORS = re.compile(r"[,;\n]+")
T = TypeVar("T")


@dataclass
class PersonReading:
    """The facts when every field could be used (else None), the errors by field, and the
    safety triage's help for the earlier treatments as typed (None: nothing signalled)."""

    person: PersonFacts | None = None
    errors: dict[str, InvalidInput] = field(default_factory=dict)
    safety: Safety | None = None


def read_person(
    *,
    age: str = "",
    sex: str = "",
    tumor_type: str = "",
    grade: str = "",
    ki67: str = "",
    men1: str = "",
    prior: str = "",
    no_prior: bool = False,
    language: Language | None = None,
) -> PersonReading:
    """Each fact as typed: an age, ``female``/``male``, a tumor-type id, a grade ``1``-``3``, a
    Ki-67 percent, MEN1 ``yes``/``no``, earlier treatments separated by commas, semicolons or
    lines (``no_prior``: none yet). See :class:`PersonReading`; ``language`` is the triage's."""
    # help first, each treatment listed read as a sentence of its own
    reading = PersonReading(safety=help_first(*_SEPARATORS.split(prior), language=language))
    errors = reading.errors
    age_years = _read(read_age, age, errors)
    sex_value = _read(read_sex, sex, errors)
    type_id = tumor_type.strip()
    if type_id and type_id not in TUMOR_TYPE_IDS:
        errors["tumor_type"] = InvalidInput(
            "tumor_type", N_("choose one from the list"), list(TUMOR_TYPE_IDS)
        )
    grade_value = grade.strip()
    if grade_value not in ("", "1", "2", "3"):
        errors["grade"] = InvalidInput("grade", N_("choose grade 1, 2 or 3, or leave it empty"))
    ki67_value = _read(
        lambda text: read_number("ki67", text, 0, 100, N_("a percent from 0 to 100, e.g. 12")),
        ki67,
        errors,
    )
    men1_value = {"": None, "yes": True, "no": False}.get(men1.strip())
    if men1.strip() not in ("", "yes", "no"):
        errors["men1"] = InvalidInput("men1", N_("choose yes, no, or not saying"))
    treatments = _read(lambda text: _treatments(text, no_prior), prior, errors)
    if errors:
        return reading
    try:
        reading.person = PersonFacts.model_validate(
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
        errors[name] = InvalidInput(name, N_("this value cannot be used"))
    return reading


def _read(read: Callable[[str], T], text: str, errors: dict[str, InvalidInput]) -> T | None:
    """``read(text)``, or None with the error noted by its field."""
    try:
        return read(text)
    except InvalidInput as error:
        errors[error.field or "facts"] = error
        return None


def _treatments(text: str, none_yet: bool) -> list[str] | None:
    """The treatments listed (None: not said); [] when there was none yet."""
    entries = [e.strip() for e in _SEPARATORS.split(text) if e.strip()]
    if none_yet and entries:
        raise InvalidInput("prior", N_("either list them or tick 'no treatment yet', not both"))
    if len(entries) > MAX_PRIOR:
        raise InvalidInput("prior", N_("list at most {count}", count=MAX_PRIOR))
    if any(len(e) > MAX_TREATMENT_CHARS for e in entries):
        raise InvalidInput(
            "prior", N_("keep each name under {count} letters", count=MAX_TREATMENT_CHARS)
        )
    if none_yet:
        return []
    return entries or None
