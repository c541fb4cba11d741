"""Where each kind of knowledge item has its page, so templates can link any id."""

from __future__ import annotations

from dataclasses import dataclass

from islet.kb import KnowledgeBase
from islet.model import Item

# Collection -> URL folder of its pages. Sections live on the summary page, as anchors.
PAGES = {
    "tumor_types": "types",
    "tests": "tests",
    "treatments": "treatments",
    "symptom_patterns": "patterns",
    "glossary": "glossary",
}


@dataclass(frozen=True)
class Link:
    url: str
    label: str


def label(item: Item) -> str:
    """The name a person reads for an item."""
    for attr in ("name", "title", "lay_name", "term"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return value
    return item.id


def item_link(kb: KnowledgeBase, item_id: str, root: str, aq: str) -> Link | None:
    """The page of the item with ``item_id`` (None for ids without a page, such as rules)."""
    if item_id in kb.sections:
        return Link(f"{root}/summary{aq}#{item_id}", label(kb.sections[item_id]))
    for collection, folder in PAGES.items():
        item = kb.collection(collection).get(item_id)
        if item is not None:
            return Link(f"{root}/{folder}/{item_id}{aq}", label(item))
    return None


def item_links(kb: KnowledgeBase, ids: list[str], root: str, aq: str) -> list[Link]:
    return [link for i in ids if (link := item_link(kb, i, root, aq)) is not None]
