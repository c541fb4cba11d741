"""The treatment guide over HTTP: the same JSON as ``islet guide --json``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from islet.guide import GuideResult, options_for
from islet.guide.data import guide_data_in
from islet.model import Situation
from islet.web.api.schemas import problem_responses
from islet.web.deps import KB, KBLanguage

router = APIRouter(tags=["guide"], responses=problem_responses(400, 413, 422, 429))


GuideAudience = Annotated[
    Literal["patient", "professional"] | None,
    Query(
        description="patient: leave out the bullets only the professional version lists (a "
        "note says when there are more); professional or absent: every bullet"
    ),
]


# Async, like its knowledge dependency: the engine's millisecond of work runs on the event loop
# rather than being handed to a worker thread and back (a third of the route's time).
@router.post("/guide", response_model=GuideResult)
async def guide(
    situation: Situation, kb: KB, language: KBLanguage, audience: GuideAudience = None
) -> Response:
    """Which treatment options PDQ lists for a situation: ``alerts`` first, then ``applies``,
    ``depends`` (with the facts that decide them), ``excluded`` (with reasons),
    ``next_questions`` and ``gaps``. Every fact is optional; an unknown fact is never read as
    "no". With ``?lang=es`` the texts are Spanish (the professional view stays English)."""
    data = guide_data_in("en" if audience == "professional" else language)
    result = options_for(situation, kb, data, audience=audience)
    return Response(_serialised(situation, result), media_type="application/json")


# The JSON of the starting point (no facts: the same result object for everyone, the largest
# answer), by result, kept with it so that an id is never reused. It holds nothing entered.
_STARTING_POINTS: dict[int, tuple[GuideResult, str]] = {}


def _serialised(situation: Situation, result: GuideResult) -> str:
    """The result as FastAPI would send it (the same bytes): the engine's result is already a
    valid GuideResult, so it is dumped once, not dumped, validated again and dumped again."""
    kept = _STARTING_POINTS.get(id(result))
    if kept is not None and kept[0] is result:
        return kept[1]
    text = result.model_dump_json(by_alias=True)
    if all(getattr(situation, name) is None for name in Situation.model_fields):
        _STARTING_POINTS[id(result)] = (result, text)
    return text
