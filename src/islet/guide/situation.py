"""Reading a Situation from JSON or a mapping, with errors that name the field to fix."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from islet.errors import InvalidSituation
from islet.model import Situation


def situation_from(data: Mapping[str, Any] | str | bytes) -> Situation:
    """The Situation described by ``data`` (a mapping, or JSON text of an object).

    Raises ``InvalidSituation`` naming the field for unknown fields, unknown values, wrong types
    and contradictions; ``field`` is ``"situation"`` when the input as a whole is unusable.
    """
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidSituation("situation", f"is not valid JSON ({error})") from error
    if not isinstance(data, Mapping):
        raise InvalidSituation("situation", "must be a JSON object of facts")
    try:
        return Situation.model_validate(dict(data))
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "situation"
        raise InvalidSituation(field, _message(first)) from error


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        known = ", ".join(Situation.model_fields)
        return f"is not a known fact (known facts: {known})"
    if kind == "literal_error":
        return f"cannot be {detail['input']!r}; use {detail['ctx']['expected']}"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind == "list_type":
        return "must be a list"
    return str(detail["msg"]).lower()
