"""Ask Islet: a question in everyday words, answered from the summary with sources.

The question is sent by POST, so it stays out of addresses, history and logs; it is used for
one answer and then forgotten. The answer page may be kept privately by the browser for a short
while (``ANSWER_CACHE``) so that Back and Forward show it again instead of an error page. All
answering is done by ``islet.ask.answer``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import Response

from islet.ask import Answer, answer
from islet.ask.answer import MAX_QUESTION_CHARS
from islet.errors import InvalidQuestion
from islet.i18n import N_
from islet.messages import said
from islet.model import Audience
from islet.web.deps import KB, AudienceQuery, asked_language
from islet.web.rendering import ANSWER_CACHE, render

router = APIRouter()

EXAMPLES = (
    N_("What is a Whipple?"),
    N_("Tests for insulinoma"),
    N_("Can an insulinoma come back?"),
)


@router.get("/ask")
def ask_form(request: Request, audience: AudienceQuery = "patient") -> Response:
    return _page(request, audience, 200, None, "", None)


@router.post("/ask")
def ask_answer(
    request: Request,
    kb: KB,
    q: Annotated[str, Form(max_length=MAX_QUESTION_CHARS)] = "",
    audience: AudienceQuery = "patient",
) -> Response:
    try:
        reply = answer(q, audience=audience, kb=kb, language=asked_language(request))
    except InvalidQuestion as error:
        return _page(request, audience, 422, None, q, said(error))
    return _page(request, audience, 200, reply, q, None)


def _page(
    request: Request,
    audience: Audience,
    status: int,
    reply: Answer | None,
    question: str,
    error: str | None,
) -> Response:
    return render(
        request,
        "ask.html",
        audience,
        status_code=status,
        headers=ANSWER_CACHE if request.method == "POST" else None,
        reply=reply,
        question=question,
        error=error,
        examples=EXAMPLES,
        max_question=MAX_QUESTION_CHARS,
    )
