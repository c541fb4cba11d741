"""pydantic's validation messages in the reader's language.

pydantic writes its messages in English ("Field required", "Input should be 'small' or
'large'"). :func:`validation_message` turns one of its error details into a
:class:`~islet.messages.Message` that reads exactly as pydantic wrote it in English and, in
another language, as the catalog's translation of pydantic's own template (``TEMPLATES``, keyed
by pydantic's error ``type``), filled in from the error's context. A type the table does not
list reads as a general sentence ("This value is not valid") outside English.

The API (``web.problems``), the guide's situation reader (``guide.situation``) and the command
line (Typer checks option values with pydantic) all show pydantic's errors through this one table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from islet.messages import N_, Message, said, written_as

# pydantic's message for each error type a person can cause, as the catalog's id: pydantic's
# template word for word, except that a count is always plural and a length is a list's (the
# catalog's placeholders must be the translation's too, and pydantic's plural "s" is English).
TEMPLATES: dict[str, Message] = {
    "missing": N_("Field required"),
    "string_type": N_("Input should be a valid string"),
    "literal_error": N_("Input should be {expected}"),
    "enum": N_("Input should be {expected}"),
    "extra_forbidden": N_("Extra inputs are not permitted"),
    "value_error": N_("Value error, {error}"),
    "json_invalid": N_("JSON decode error"),
    "model_attributes_type": N_(
        "Input should be a valid dictionary or object to extract fields from"
    ),
    "dict_type": N_("Input should be a valid dictionary"),
    "list_type": N_("Input should be a valid list"),
    "string_too_long": N_("String should have at most {max_length} characters"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "too_long": N_(
        "List should have at most {max_length} items after validation, not {actual_length}"
    ),
    "too_short": N_(
        "List should have at least {min_length} items after validation, not {actual_length}"
    ),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_pattern_mismatch": N_("String should match pattern '{pattern}'"),
    "finite_number": N_("Input should be a finite number"),
}
# An empty text or list reads better in Spanish as "cannot be empty" than as "at least 1".
AT_LEAST_ONE: dict[str, Message] = {
    "string_too_short": N_("String should have at least 1 character"),
    "too_short": N_("List should have at least 1 item after validation, not {actual_length}"),
}
NOT_VALID = N_("This value is not valid")

_QUOTED = re.compile(r"'([^'\\]*)'")


def choices(expected: str) -> Message | str:
    """pydantic's list of allowed values (``'a', 'b' or 'c'``) with a translatable "or"; any
    other wording as it is."""
    quoted = [f"'{value}'" for value in _QUOTED.findall(expected)]
    if len(quoted) < 2 or f"{', '.join(quoted[:-1])} or {quoted[-1]}" != expected:
        return expected
    return N_("{items} or {last}", items=", ".join(quoted[:-1]), last=quoted[-1])


def validation_message(detail: Mapping[str, Any]) -> Message:
    """One pydantic error detail (``ValidationError.errors()``) as a message: pydantic's English,
    or the catalog's words in another language."""
    english = str(detail.get("msg", "")) or str(NOT_VALID)
    kind = str(detail.get("type", ""))
    params = _params(detail.get("ctx") or {})
    template = template_for(kind, params)
    if template is None:
        return written_as(english, NOT_VALID)
    try:
        filled = Message(template.msgid, **params)
    except (KeyError, IndexError, ValueError):  # a context this table does not expect
        return written_as(english, NOT_VALID)
    return written_as(english, filled)


def template_for(kind: str, context: Mapping[str, object]) -> Message | None:
    """The catalog message of pydantic's error ``kind`` (None when the table does not list it)."""
    counted = context.get("min_length", context.get("max_length"))
    return (AT_LEAST_ONE if counted == 1 else TEMPLATES).get(kind) or TEMPLATES.get(kind)


def _params(context: Mapping[str, Any]) -> dict[str, object]:
    params: dict[str, object] = dict(context)
    if isinstance(params.get("expected"), str):
        params["expected"] = choices(str(params["expected"]))
    error = params.get("error")
    if isinstance(error, BaseException):
        params["error"] = said(error)
    return params
