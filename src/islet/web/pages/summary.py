"""The whole summary on one page, in the patient or the health-professional version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from islet.kb import KnowledgeBase
from islet.model import Audience, Section
from islet.topics import citation, reading_order
from islet.web.deps import KB, AudienceQuery
from islet.web.links import Link, item_links
from islet.web.rendering import render, root, view_query

router = APIRouter()


@dataclass(frozen=True)
class OutlineEntry:
    """A section in reading order, with its depth in the tree and its related pages."""

    section: Section
    depth: int
    title: str
    links: list[Link]


def outline(kb: KnowledgeBase, audience: Audience, prefix: str, aq: str) -> list[OutlineEntry]:
    """Every section the audience reads, depth first (:func:`islet.topics.reading_order`),
    with its title for the audience and its related pages. ``aq`` is the query string its links
    keep."""
    return [
        OutlineEntry(
            section,
            depth,
            (audience == "professional" and section.title_professional) or section.title,
            item_links(kb, section.related, prefix, aq),
        )
        for section, depth in reading_order(kb, audience)
    ]


@router.get("/summary")
def summary(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(
        request,
        "summary.html",
        audience,
        outline=outline(kb, audience, root(request), view_query(request, audience)),
        cite=citation(kb, audience, date.today().isoformat()),
    )
