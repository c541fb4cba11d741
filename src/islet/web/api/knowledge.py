"""Read-only API over the knowledge base: topics, treatments and the glossary."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from islet import __version__
from islet.glossary import GlossaryEntry, look_up_term
from islet.i18n import localize
from islet.sources.record import versions_summary
from islet.topics import TopicEntry, TopicView, TreatmentView, table_of_contents, view
from islet.web.api.schemas import Health, problem_responses
from islet.web.deps import KB, AudienceQuery, ItemId, KBLanguage, LanguageQuery

router = APIRouter(tags=["knowledge"], responses=problem_responses(422, 429))

GlossaryWord = Annotated[
    str,
    Path(min_length=1, max_length=200, description="id, term or alias", examples=["gastrinoma"]),
]


@router.get("/health", tags=["service"])
async def health() -> Health:
    """A trivial answer that shows the service is up (also the benchmark's baseline)."""
    return Health(status="ok", version=__version__, sources=versions_summary())


@router.get("/topics")
def contents(kb: KB) -> list[TopicEntry]:
    """The table of contents of the summary: top-level sections and their children."""
    return table_of_contents(kb)


# A view leaves out empty fields (and the professional ones for patients); exclude_unset sends
# exactly the fields it has, in the same order.
@router.get(
    "/topics/{topic_id}",
    response_model=TopicView,
    response_model_exclude_unset=True,
    responses=problem_responses(404),
)
def topic(
    topic_id: ItemId, kb: KB, language: KBLanguage, audience: AudienceQuery = "patient"
) -> Any:
    """A section, tumor type, symptom pattern, test or treatment, for the audience."""
    shown = "en" if audience == "professional" else language
    return localize(view(kb.topic(topic_id), audience), shown)


@router.get("/treatments", response_model=list[TreatmentView], response_model_exclude_unset=True)
def treatments(kb: KB, audience: AudienceQuery = "patient") -> Any:
    """Every treatment type PDQ describes, for the audience."""
    return [view(item, audience) for item in kb.treatments.values()]


@router.get(
    "/glossary/{term}",
    response_model_exclude_unset=True,
    responses=problem_responses(404),
)
def glossary(term: GlossaryWord, kb: KB, language: LanguageQuery = None) -> GlossaryEntry:
    """A medical word in plain language (by id, term or alias); emergency or crisis help first
    in ``safety`` (also on a 404) when the words typed signal one."""
    return look_up_term(kb, term, language)
