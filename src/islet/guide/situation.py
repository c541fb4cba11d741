"""Reading a Situation from JSON or a mapping, with errors that name the field to fix."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from islet.errors import InvalidSituation
from islet.messages import N_, Message, written_as
from islet.model import Situation
from islet.validation import choices, validation_message


def situation_from(data: Mapping[str, Any] | str | bytes) -> Situation:
    """The Situation described by ``data`` (a mapping, or JSON text of an object).

    Raises ``InvalidSituation`` naming the field for unknown fields, unknown values, wrong types
    and contradictions; ``field`` is ``"situation"`` when the input as a whole is unusable.
    """
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidSituation(
                "situation", N_("is not valid JSON ({error})", error=str(error))
            ) from error
    if not isinstance(data, Mapping):
        raise InvalidSituation("situation", N_("must be a JSON object of facts"))
    try:
        return Situation.model_validate(dict(data))
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "situation"
        raise InvalidSituation(field, _message(first)) from error


def _message(detail: Any) -> Message:
    """The message for pydantic's first error, in the words of a situation's facts (pydantic's
    own, through ``islet.validation``, for the rarer kinds)."""
    kind = detail["type"]
    if kind == "extra_forbidden":
        known = ", ".join(Situation.model_fields)
        return N_("is not a known fact (known facts: {known})", known=known)
    if kind == "literal_error":
        use = choices(detail["ctx"]["expected"])
        return N_("cannot be {value}; use {choices}", value=repr(detail["input"]), choices=use)
    if kind in ("bool_type", "bool_parsing"):
        return N_("must be true or false")
    if kind == "list_type":
        return N_("must be a list")
    message = validation_message(detail)
    return written_as(str(message).lower(), message)
