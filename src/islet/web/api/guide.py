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


@router.post("/guide", response_model=GuideResult)
def guide(
    situation: Situation, kb: KB, language: KBLanguage, audience: GuideAudience = None
) -> Response:
    """Which treatment options PDQ lists for a situation: ``alerts`` first, then ``applies``,
    ``depends`` (with the facts that decide them), ``excluded`` (with reasons),
    ``next_questions`` and ``gaps``. Every fact is optional; an unknown fact is never read as
    "no". With ``?lang=es`` the texts are Spanish (the professional view stays English)."""
    data = guide_data_in("en" if audience == "professional" else language)
    result = options_for(situation, kb, data, audience=audience)
    # The engine's result is already a valid GuideResult: serialised once, as FastAPI would
    # (the same bytes), not dumped, validated again and dumped again.
    return Response(result.model_dump_json(by_alias=True), media_type="application/json")
