"""Ask Islet over HTTP: one route over ``islet.ask.answer`` (no medical logic here).

The question is used for one answer and then forgotten; it is never stored or logged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from islet.ask import Answer, answer
from islet.ask.answer import HAS_A_WORD, MAX_QUESTION_CHARS
from islet.errors import InvalidInput, InvalidQuestion
from islet.messages import said
from islet.web.api.schemas import problem_responses
from islet.web.deps import KB, AudienceQuery, LanguageQuery

router = APIRouter(tags=["ask"], responses=problem_responses(400, 422, 429))


@router.get("/ask")
def ask(
    kb: KB,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUESTION_CHARS,
            description="a question in everyday words, e.g. 'what is a Whipple'",
            json_schema_extra={"pattern": HAS_A_WORD},
        ),
    ],
    audience: AudienceQuery = "patient",
    limit: Annotated[int, Query(ge=1, le=10, description="how many passages at most")] = 3,
    language: LanguageQuery = None,
) -> Answer:
    """The passages of the summary that answer the question, each with its section, source
    and a score; or ``in_scope: false`` with a message saying what the summary covers and who
    to ask. Information, not advice: doses, "should I" and one person's outlook are declined."""
    try:
        return answer(q, audience=audience, limit=limit, kb=kb, language=language)
    except InvalidQuestion as error:  # unreadable input: a 422 naming the field, as elsewhere
        raise InvalidInput("q", said(error)) from error
