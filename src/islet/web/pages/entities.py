"""One page per tumor type, test, treatment, symptom pattern and glossary term, plus indexes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from islet.errors import UnknownTerm
from islet.glossary import search_glossary
from islet.kb import KnowledgeBase
from islet.model import Item
from islet.topics import glossary_letter, glossary_letters, listed_for
from islet.web.deps import KB, AudienceQuery, ItemId, asked_language
from islet.web.links import PAGES, item_link
from islet.web.rendering import address, render, root, view_query

router = APIRouter()


@router.get("/topics/{query}")
def topic(request: Request, query: ItemId, kb: KB, audience: AudienceQuery = "patient") -> Response:
    """Any topic or glossary term by id, name or alias: a redirect to its page."""
    try:
        item: Item = kb.topic(query)
    except UnknownTerm as error:
        try:
            item = kb.term(query)
        except UnknownTerm:
            raise error from None
    link = item_link(kb, item.id, root(request), view_query(request, audience))
    if link is None:
        raise UnknownTerm("topic", query)
    return RedirectResponse(link.url, status_code=307)


@router.get("/types")
def tumor_types(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "tumor_types.html", audience, items=list(kb.tumor_types.values()))


@router.get("/treatments")
def treatments(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "treatments.html", audience, items=list(kb.treatments.values()))


@router.get("/glossary")
def glossary(
    request: Request,
    kb: KB,
    audience: AudienceQuery = "patient",
    q: Annotated[str, Query(max_length=100)] = "",
    letter: Annotated[str, Query(max_length=1)] = "",
) -> Response:
    """Every medical word; with ``q`` the words that fit a search, with ``letter`` one letter
    of the A–Z index. Both work from the address alone (no JavaScript)."""
    terms = sorted(kb.glossary.values(), key=lambda t: t.term.lower())
    found = search_glossary(kb, q, asked_language(request)) if q.strip() else None
    chosen = letter.upper() if letter.strip() else ""
    if found is not None:
        terms = found.named
    elif chosen:
        terms = [t for t in terms if glossary_letter(t) == chosen]
    return render(
        request,
        "glossary.html",
        audience,
        terms=terms,
        found=found,
        query=q.strip(),
        letter=chosen,
        letters=glossary_letters(kb),
    )


def treatment_context(kb: KnowledgeBase, treatment_id: str) -> dict[str, Any]:
    """What a treatment page shows besides the item: its kinds and the bullets that name it."""
    kinds = [t for t in kb.treatments.values() if t.parent == treatment_id]
    return {"kinds": kinds, "listed_for": listed_for(kb, treatment_id)}


# Collection -> (what a person asked for, in messages; its page's template; any more context).
ITEM_PAGES: dict[str, tuple[str, str, Callable[[KnowledgeBase, str], dict[str, Any]] | None]] = {
    "tumor_types": ("tumor type", "tumor_type.html", None),
    "tests": ("test", "test.html", None),
    "treatments": ("treatment", "treatment.html", treatment_context),
    "symptom_patterns": ("symptom pattern", "pattern.html", None),
    "glossary": ("glossary term", "term.html", None),
}


def item_page(collection: str) -> Callable[..., Response]:
    """The route of one item's page in ``collection``; an alias redirects to the id's page."""
    kind, template, more = ITEM_PAGES[collection]

    def page(
        request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
    ) -> Response:
        item = kb.item_in(collection, item_id, kind)
        if item.id != item_id:  # found by alias or name: its page is at its id
            page = address(request, f"/{PAGES[collection]}/{item.id}", [], audience)
            return RedirectResponse(page, status_code=307)
        context = more(kb, item_id) if more else {}
        return render(request, template, audience, item=item, **context)

    return page


for collection in ITEM_PAGES:
    router.add_api_route(
        f"/{PAGES[collection]}/{{item_id}}", item_page(collection), methods=["GET"]
    )
