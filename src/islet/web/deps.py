"""Request dependencies shared by the pages and the API."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query
from starlette.requests import Request

from islet.kb import KnowledgeBase


def knowledge(request: Request) -> KnowledgeBase:
    """The app's knowledge base, loaded and validated once at start-up."""
    kb: KnowledgeBase = request.app.state.kb
    return kb


KB = Annotated[KnowledgeBase, Depends(knowledge)]
AudienceQuery = Annotated[
    Literal["patient", "professional"],
    Query(description="whose version of the text: patient (plain words) or professional"),
]
