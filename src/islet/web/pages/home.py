"""The start page."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from islet.kb import KnowledgeBase
from islet.model import Symptom
from islet.web.deps import KB, AudienceQuery
from islet.web.rendering import render

router = APIRouter()


def red_flags(kb: KnowledgeBase) -> list[Symptom]:
    """The symptoms the knowledge base marks as needing urgent care, in file order."""
    return [s for s in kb.symptoms.values() if s.red_flag]


@router.get("/")
def home(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "home.html", audience, red_flags=red_flags(kb))
