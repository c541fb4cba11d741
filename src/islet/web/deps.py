"""Request dependencies shared by the pages and the API."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Header, Path, Query
from starlette.requests import Request

from islet.kb import KnowledgeBase
from islet.language import Language, from_accept_language, parse_language
from islet.translations import in_language


def asked_language(request: Request) -> Language | None:
    """The language chosen with ``?lang=`` (None: none, or one Islet does not speak)."""
    return parse_language(request.query_params.get("lang"))


def language_of(request: Request, audience: str = "patient") -> Language:
    """The page's language: ``?lang=es`` for Spanish; the professional view is English only."""
    asked = asked_language(request)
    return asked if asked is not None and audience != "professional" else "en"


async def knowledge(request: Request) -> KnowledgeBase:
    """The app's knowledge base, loaded and validated once at start-up; with ``?lang=es`` (and
    not the professional view, which is English only) its patient text in Spanish."""
    language = language_of(request, request.query_params.get("audience", "patient"))
    return in_language(language, request.app.state.kb)


async def knowledge_language(request: Request) -> Language:
    """The language of the knowledge base's texts (``?lang=``, else English), for a route's own
    fixed texts too."""
    return asked_language(request) or "en"


KB = Annotated[KnowledgeBase, Depends(knowledge)]
KBLanguage = Annotated[Language, Depends(knowledge_language)]
ItemId = Annotated[str, Path(min_length=1, max_length=200, description="id, name or alias")]
NctId = Annotated[
    str, Path(max_length=20, description="NCT number, e.g. NCT00510068", examples=["NCT00510068"])
]
AudienceQuery = Annotated[
    Literal["patient", "professional"],
    Query(description="whose version of the text: patient (plain words) or professional"),
]


def requested_language(
    lang: Annotated[
        Literal["en", "es"] | None,
        Query(description="language of the texts: en or es (default: Accept-Language)"),
    ] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Language | None:
    """``?lang=``, else the first language of ``Accept-Language`` Islet speaks, else None
    (free text then speaks for itself). JSON keys and ids never change with the language."""
    return lang or from_accept_language(accept_language)


LanguageQuery = Annotated[Language | None, Depends(requested_language)]
