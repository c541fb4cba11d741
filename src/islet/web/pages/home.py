"""The start page."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from islet.web.deps import KB, AudienceQuery
from islet.web.rendering import render

router = APIRouter()


@router.get("/")
def home(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "home.html", audience, red_flags=kb.red_flags())
