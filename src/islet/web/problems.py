"""Errors as answers: problem JSON (RFC 9457) for the API, calm HTML pages for people.

Every error names what to fix and never echoes a stack trace; validation errors name the field
but do not repeat the value that was sent. The core's messages are :class:`~islet.messages.Message`
values: a page shows them in its language (``?lang=``), the API in the language asked for
(``?lang=``, else ``Accept-Language``); the ``field`` names and ``type`` stay English.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from itertools import islice
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from islet.errors import IsletError, outcome
from islet.i18n import N_, localize
from islet.kb import strings_in
from islet.language import Language
from islet.messages import Message, said
from islet.model import Audience
from islet.safety import Safety, help_first
from islet.validation import validation_message
from islet.web.deps import asked_language, requested_language
from islet.web.middleware import is_api
from islet.web.rendering import render

PROBLEM_JSON = "application/problem+json"
LOCATIONS = ("body", "query", "path", "header", "cookie")
UNION_TAG = re.compile(r"[\[\]]|^constrained-|^function-|^(int|str|float|bool|list|dict|none)$")
# The ``title`` of each status Islet answers with: HTTP's own phrase (``HTTPStatus``), marked so
# that an answer in another language says it in that language.
STATUS_TITLES: dict[int, Message] = {
    400: N_("Bad Request"),
    401: N_("Unauthorized"),
    404: N_("Not Found"),
    405: N_("Method Not Allowed"),
    412: N_("Precondition Failed"),
    413: N_("Request Entity Too Large"),
    415: N_("Unsupported Media Type"),
    422: N_("Unprocessable Entity"),
    429: N_("Too Many Requests"),
    500: N_("Internal Server Error"),
    502: N_("Bad Gateway"),
    503: N_("Service Unavailable"),
}


def status_title(status: int) -> str:
    """HTTP's phrase for ``status`` (a :class:`Message` for the statuses Islet answers with)."""
    return STATUS_TITLES.get(status) or HTTPStatus(status).phrase


def problem(
    status: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem+json response; ``field`` names the first field at fault when there is one."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": status_title(status),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["field"] = errors[0]["field"]
        body["errors"] = errors
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def error_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, str]] | None = None,
    suggestions: list[str] | None = None,
    safety: Safety | None = None,
) -> Response:
    """Problem JSON for the API, an HTML error page for everything else (also the middleware's
    ``ErrorResponder``)."""
    if is_api(request.scope):
        language = api_language(request)
        extra: dict[str, Any] = {"title": localize(status_title(status), language)}
        if suggestions:
            extra["suggestions"] = suggestions
        if safety is not None:
            extra["safety"] = safety.model_dump(mode="json")
        return problem(
            status, localize(detail, language), localize(errors, language), headers, **extra
        )
    audience: Audience = (
        "professional" if request.query_params.get("audience") == "professional" else "patient"
    )
    return render(
        request,
        "error.html",
        audience=audience,
        status_code=status,
        headers=headers,
        status=status,
        title=title,
        detail=detail,
        errors=errors or [],
        suggestions=suggestions or [],
        safety=safety,
    )


def api_language(request: Request) -> Language:
    """The language of an API answer: ``?lang=``, else ``Accept-Language``, else English."""
    accept = request.headers.get("accept-language")
    return requested_language(asked_language(request), accept) or "en"


def field_errors(error: RequestValidationError) -> list[dict[str, str]]:
    """Each validation error as ``{"field", "in", "message"}``, without the value sent."""
    out: list[dict[str, str]] = []
    for detail in error.errors():
        loc = [str(part) for part in detail.get("loc", ())]
        where = loc[0] if loc and loc[0] in LOCATIONS else "body"
        path = loc[1:] if loc and loc[0] in LOCATIONS else loc
        if detail.get("type") == "json_invalid":
            path = []  # its location is a character position, not a field
        # pydantic names the member of a union that failed ("constrained-int", "bool"); a
        # person needs the field, so those tags are left out.
        path = path[:1] + [part for part in path[1:] if not UNION_TAG.search(part)]
        entry = {
            "field": ".".join(path) or where,
            "in": where,
            "message": validation_message(detail),
        }
        if entry not in out:
            out.append(entry)
    return out


# how many of the texts of a rejected request the safety triage reads (a request is at most
# the size limit; this keeps a pathological one cheap)
MAX_TYPED_TEXTS = 50


async def on_validation_error(request: Request, error: Exception) -> Response:
    """422 naming each field at fault; the words typed still go through the safety triage
    first, so a rejected form that signals an emergency or a crisis shows that help too."""
    assert isinstance(error, RequestValidationError)
    errors = field_errors(error)
    names = ", ".join(dict.fromkeys(e["field"] for e in errors))
    texts = [*strings_in(error.body), *request.query_params.values()]
    return error_response(
        request,
        422,
        N_("Please check what you entered"),
        N_("Some input is not valid: {names}.", names=names),
        errors=errors,
        safety=help_first(*islice(texts, MAX_TYPED_TEXTS)),
    )


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    headers = dict(error.headers) if error.headers else None
    if error.status_code == 404:
        return error_response(
            request, 404, N_("Page not found"), N_("There is no page at this address."), headers
        )
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    return error_response(
        request, error.status_code, HTTPStatus(error.status_code).phrase, detail, headers
    )


async def on_islet_error(request: Request, error: Exception) -> Response:
    """An Islet error as its ``errors.OUTCOMES`` row says: status, title, the field at fault;
    with the help the words typed call for, found by the route or, when it failed before reading
    them (a filter it refused), from the query here."""
    assert isinstance(error, IsletError)
    texts = islice(request.query_params.values(), MAX_TYPED_TEXTS)
    safety = error.safety or help_first(*texts)
    shown = outcome(error)
    field = getattr(error, "field", None)
    at_fault = [{"field": field, "in": "body", "message": said(error)}] if field else None
    return error_response(
        request,
        shown.status,
        shown.title,
        shown.detail or said(error),
        errors=at_fault,
        suggestions=getattr(error, "suggestions", None),
        safety=safety,
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn errors into problem bodies and error pages."""
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(IsletError, on_islet_error)
