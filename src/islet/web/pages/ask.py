"""Ask Islet: a question in everyday words, answered from the summary with sources.

The question is sent by POST, so it stays out of addresses, history and logs; it is used for
one answer and then forgotten. All answering is done by ``islet.ask.answer``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import Response

from islet.ask import answer
from islet.ask.answer import MAX_QUESTION_CHARS
from islet.errors import InvalidQuestion
from islet.web.deps import KB, AudienceQuery
from islet.web.rendering import render

router = APIRouter()

EXAMPLES = ("What is a Whipple?", "Tests for insulinoma", "Can an insulinoma come back?")


@router.get("/ask")
def ask_form(request: Request, audience: AudienceQuery = "patient") -> Response:
    return render(
        request, "ask.html", audience, reply=None, question="", error=None, **_form_context()
    )


@router.post("/ask")
def ask_answer(
    request: Request,
    kb: KB,
    q: Annotated[str, Form(max_length=MAX_QUESTION_CHARS)] = "",
    audience: AudienceQuery = "patient",
) -> Response:
    try:
        reply = answer(q, audience=audience, kb=kb)
    except InvalidQuestion as error:
        return render(
            request,
            "ask.html",
            audience,
            status_code=422,
            reply=None,
            question=q,
            error=str(error),
            **_form_context(),
        )
    return render(
        request, "ask.html", audience, reply=reply, question=q, error=None, **_form_context()
    )


def _form_context() -> dict[str, object]:
    return {"examples": EXAMPLES, "max_question": MAX_QUESTION_CHARS}
