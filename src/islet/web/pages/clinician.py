"""The clinicians' section: AJCC 8th staging and WHO 2019 grading calculators.

The forms use GET (numbers and categories only), so a result can be bookmarked; input that is
not a number is reported on the page, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from islet.calculators.grading import grade
from islet.calculators.staging import stage, stage_from_facts
from islet.calculators.tables import ajcc
from islet.errors import CannotCompute
from islet.web.rendering import render

router = APIRouter()


def number(raw: str | None, what: str) -> float | None:
    """A form field as a number; blank is None; anything else raises CannotCompute."""
    if raw is None or not raw.strip():
        return None
    try:
        return float(raw.strip().replace(",", "."))
    except ValueError:
        raise CannotCompute(f"{what} must be a number") from None


def tumor_count(raw: str | None) -> int | str | None:
    if raw is None or not raw.strip():
        return None
    value = raw.strip().lower()
    if value == "m":
        return "m"
    if value.isdigit() and 0 < int(value) <= 1000:
        return int(value)
    raise CannotCompute("the number of tumors must be a whole number from 1, or 'm'")


def calculator_page(
    request: Request,
    template: str,
    given: dict[str, Any],
    compute: Callable[[], Any] | None,
    **context: Any,
) -> Response:
    """The calculator's form with what was ``given``, and the result of ``compute`` when there
    is something to compute, or the reason it cannot be computed (422)."""
    result, error = None, None
    try:
        result = compute() if compute else None
    except CannotCompute as reason:
        error = str(reason)
    return render(
        request,
        template,
        "professional",
        status_code=422 if error else 200,
        given=given,
        result=result,
        error=error,
        **context,
    )


@router.get("/clinician")
def clinician(request: Request) -> Response:
    return render(request, "clinician.html", "professional")


@router.get("/clinician/stage")
def staging(request: Request) -> Response:
    q = request.query_params
    mode = q.get("mode")
    given: dict[str, Any] = {k: q.get(k, "") for k in ("t", "n", "m", "size_cm", "nodes", "tumors")}
    given.update({k: q.getlist(k) for k in ("invades", "mets")})
    computes = {
        "categories": lambda: stage(
            given["t"] or None,
            given["n"] or None,
            given["m"] or None,
            tumor_count(given["tumors"]),
        ),
        "findings": lambda: stage_from_facts(
            number(given["size_cm"], "the tumor size in cm"),
            given["invades"] or None,
            given["nodes"] or None,
            given["mets"] or None,
            tumor_count(given["tumors"]),
        ),
    }
    compute = computes.get(mode) if mode else None
    return calculator_page(request, "stage.html", given, compute, mode=mode, table=ajcc())


@router.get("/clinician/grade")
def grading(request: Request) -> Response:
    q = request.query_params
    given = {k: q.get(k, "") for k in ("ki67", "mitoses", "differentiation")}

    def compute() -> Any:
        return grade(
            number(given["ki67"], "the Ki-67 index"),
            number(given["mitoses"], "the mitotic count"),
            given["differentiation"] or None,
        )

    return calculator_page(request, "grade.html", given, compute if any(given.values()) else None)
