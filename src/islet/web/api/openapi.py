"""The OpenAPI document, exact where FastAPI alone cannot be.

OpenAPI gives each query parameter its own schema, so it cannot say that ``lat`` needs ``lon``
or that ``near`` excludes ``zip``. A route that has such rules names them in
``openapi_extra={QUERY_OBJECT: {...}}``: the parameters it lists become the properties of one
``style: form, explode: true`` object (the same query string on the wire), whose JSON Schema
states the rules (``islet.trials.filters.place_rules``, for instance). The routes still read each
parameter as before; the core checks the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

QUERY_OBJECT = "x-islet-query-object"


def fold_query(operation: dict[str, Any], rules: dict[str, Any]) -> None:
    """Turn the query parameters ``rules["properties"]`` of ``operation`` into one exploded
    object parameter carrying the rest of ``rules`` as JSON Schema."""
    names = rules["properties"]
    folded = [p for p in operation["parameters"] if p["in"] == "query" and p["name"] in names]
    properties = {p["name"]: _not_null(p["schema"]) for p in folded}
    operation["parameters"] = [p for p in operation["parameters"] if p not in folded]
    schema = {k: v for k, v in rules.items() if k not in ("name", "description", "properties")}
    operation["parameters"].append(
        {
            "name": rules["name"],
            "in": "query",
            "required": False,
            "style": "form",
            "explode": True,
            "description": rules["description"],
            "schema": {
                "type": "object",
                "properties": properties,
                "additionalProperties": False,
                **schema,
            },
        }
    )


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A parameter's schema without its ``null`` alternative: a query string has no null, only
    a parameter left out."""
    alternatives = [a for a in schema.get("anyOf", []) if a.get("type") != "null"]
    if len(alternatives) == 1:
        rest = {k: v for k, v in schema.items() if k != "anyOf"}
        return {**alternatives[0], **rest}
    return schema


def exact(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with every route's query rules folded in (see the module docstring)."""
    for operations in document["paths"].values():
        for operation in operations.values():
            rules = operation.pop(QUERY_OBJECT, None)
            if rules is not None:
                fold_query(operation, rules)
    return document


def install(app: FastAPI) -> None:
    """Serve the exact document at /openapi.json (built once, as FastAPI does)."""
    plain: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = exact(plain())
        return app.openapi_schema

    setattr(app, "openapi", openapi)  # noqa: B010 - FastAPI's documented way is to replace it
