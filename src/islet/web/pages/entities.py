"""One page per tumor type, test, treatment, symptom pattern and glossary term, plus indexes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from islet.errors import UnknownTerm
from islet.kb import KnowledgeBase
from islet.model import Audience, Item
from islet.topics import find_in_glossary, glossary_letter, glossary_letters
from islet.web.deps import KB, AudienceQuery
from islet.web.links import PAGES, item_link
from islet.web.rendering import audience_query, render, root

router = APIRouter()

ItemId = Annotated[str, Path(min_length=1, max_length=200)]


def find(kb: KnowledgeBase, collection: str, query: str, kind: str) -> Item:
    """The item of ``collection`` with id ``query``; an alias or name raises Moved to the
    canonical id; anything else raises UnknownTerm with close matches."""
    items: dict[str, Item] = kb.collection(collection)
    if query in items:
        return items[query]
    try:
        item: Item = kb.term(query) if collection == "glossary" else kb.topic(query)
    except UnknownTerm as error:
        raise UnknownTerm(kind, query, error.suggestions) from None
    if item.id in items:
        raise Moved(item.id)
    raise UnknownTerm(kind, query)


class Moved(Exception):
    """The page asked for by alias lives at the item's id."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id


def entity_page(
    request: Request,
    kb: KnowledgeBase,
    audience: Audience,
    collection: str,
    item_id: str,
    kind: str,
    template: str,
    **context: Any,
) -> Response:
    try:
        item = find(kb, collection, item_id, kind)
    except Moved as moved:
        return RedirectResponse(
            f"{root(request)}/{PAGES[collection]}/{moved.item_id}{audience_query(audience)}",
            status_code=307,
        )
    return render(request, template, audience, item=item, **context)


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
    link = item_link(kb, item.id, root(request), audience_query(audience))
    if link is None:
        raise UnknownTerm("topic", query)
    return RedirectResponse(link.url, status_code=307)


@router.get("/types")
def tumor_types(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "tumor_types.html", audience, items=list(kb.tumor_types.values()))


@router.get("/types/{item_id}")
def tumor_type(
    request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
) -> Response:
    return entity_page(
        request, kb, audience, "tumor_types", item_id, "tumor type", "tumor_type.html"
    )


@router.get("/tests/{item_id}")
def diagnostic_test(
    request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
) -> Response:
    return entity_page(request, kb, audience, "tests", item_id, "test", "test.html")


@router.get("/treatments")
def treatments(request: Request, kb: KB, audience: AudienceQuery = "patient") -> Response:
    return render(request, "treatments.html", audience, items=list(kb.treatments.values()))


@router.get("/treatments/{item_id}")
def treatment(
    request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
) -> Response:
    kinds = [t for t in kb.treatments.values() if t.parent == item_id]
    return entity_page(
        request,
        kb,
        audience,
        "treatments",
        item_id,
        "treatment",
        "treatment.html",
        kinds=kinds,
        listed_for=listed_for(kb, item_id),
    )


def listed_for(kb: KnowledgeBase, treatment_id: str) -> list[tuple[str, str]]:
    """(rule applies_to, bullet) for every PDQ bullet that names the treatment, in file order,
    so a treatment page can link the situations where PDQ lists it."""
    return [
        (rule.applies_to, rule.bullet)
        for rule in kb.rules.values()
        if any(
            treatment_id in (o.treatment, *o.with_or_without, *o.together_with)
            for o in rule.options
        )
    ]


@router.get("/patterns/{item_id}")
def symptom_pattern(
    request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
) -> Response:
    return entity_page(
        request, kb, audience, "symptom_patterns", item_id, "symptom pattern", "pattern.html"
    )


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
    found = find_in_glossary(kb, q) if q.strip() else None
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


@router.get("/glossary/{item_id}")
def glossary_term(
    request: Request, item_id: ItemId, kb: KB, audience: AudienceQuery = "patient"
) -> Response:
    return entity_page(request, kb, audience, "glossary", item_id, "glossary term", "term.html")
