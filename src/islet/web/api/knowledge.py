"""Read-only API over the knowledge base: topics, treatments and the glossary."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from islet import __version__
from islet.sources.record import versions_summary
from islet.topics import children, view
from islet.web.api.schemas import Health, SourceVersion, problem_responses
from islet.web.deps import KB, AudienceQuery

router = APIRouter(tags=["knowledge"], responses=problem_responses(422, 429))

TopicId = Annotated[str, Path(min_length=1, max_length=200, description="id, name or alias")]


@router.get("/health", tags=["service"])
async def health() -> Health:
    """A trivial answer that shows the service is up (also the benchmark's baseline)."""
    sources = [SourceVersion(**v) for v in versions_summary()]
    return Health(status="ok", version=__version__, sources=sources)


@router.get("/topics")
def contents(kb: KB) -> list[dict[str, Any]]:
    """The table of contents of the summary: top-level sections and their children."""
    roots = sorted((s for s in kb.sections.values() if s.parent is None), key=lambda s: s.order)
    return [
        {
            "id": s.id,
            "title": s.title,
            "professional_only": s.professional_only,
            "children": children(kb, s.id),
        }
        for s in roots
    ]


@router.get("/topics/{topic_id}", responses=problem_responses(404))
def topic(topic_id: TopicId, kb: KB, audience: AudienceQuery = "patient") -> dict[str, Any]:
    """A section, tumor type, symptom pattern, test or treatment, for the audience."""
    return view(kb.topic(topic_id), audience)


@router.get("/treatments")
def treatments(kb: KB, audience: AudienceQuery = "patient") -> list[dict[str, Any]]:
    """Every treatment type PDQ describes, for the audience."""
    return [view(item, audience) for item in kb.treatments.values()]


@router.get("/glossary/{term}", responses=problem_responses(404))
def glossary(term: TopicId, kb: KB) -> dict[str, Any]:
    """A medical word in plain language (by id, term or alias)."""
    entry: dict[str, Any] = kb.term(term).model_dump(mode="json")
    return entry
