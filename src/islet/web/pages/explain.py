"""The symptom explainer and the test explainer.

What a person types about their symptoms is sent by POST, so it stays out of addresses and
history; it is used for one answer and then forgotten. The answer page may be kept privately by
the browser for a short while (``ANSWER_CACHE``), so Back and Forward never show an error page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from islet.explain.symptoms import MAX_TEXT_CHARS, explain_symptoms
from islet.explain.tests import tests_for
from islet.model import Audience
from islet.web.deps import KB, AudienceQuery, asked_language
from islet.web.rendering import ANSWER_CACHE, render

router = APIRouter()


@router.get("/symptoms")
def symptoms_form(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return _symptoms_page(request, kb, audience, answer=None, text="", checked=[])


@router.post("/symptoms")
def symptoms_answer(
    request: Request,
    kb: KB,
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
    symptom: Annotated[list[str], Form(max_length=100)] = [],  # noqa: B006 (FastAPI form default)
    audience: AudienceQuery = "patient",
) -> Response:
    checked = [s for s in symptom if s in kb.symptoms]
    items = [*checked, *([text] if text.strip() else [])]
    answer = explain_symptoms(items, kb, asked_language(request)) if items else None
    return _symptoms_page(
        request,
        kb,
        audience,
        answer=answer,
        text=text,
        checked=checked,
        asked=True,
        headers=ANSWER_CACHE,
    )


def _symptoms_page(request: Request, kb: KB, audience: Audience, **context: Any) -> Response:
    """The symptom page: the form, the red flags, and the answer when there is one."""
    return render(
        request,
        "symptoms.html",
        audience,
        red_flags=kb.red_flags(),
        max_text=MAX_TEXT_CHARS,
        **context,
    )


@router.get("/tests")
def tests(
    request: Request,
    kb: KB,
    audience: AudienceQuery = "patient",
    tumor_type: Annotated[str | None, Query(alias="type", max_length=100)] = None,
) -> Response:
    result = tests_for(tumor_type or None, audience, kb, asked_language(request) or "en")
    return render(request, "tests.html", audience, result=result)
