"""Where each kind of knowledge item has its page, so templates can link any id."""

from __future__ import annotations

from dataclasses import dataclass

from islet.kb import KnowledgeBase

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


def item_link(kb: KnowledgeBase, item_id: str, root: str, aq: str) -> Link | None:
    """The page of the item with ``item_id`` (None for ids without a page, such as rules)."""
    if item_id in kb.sections:
        return Link(f"{root}/summary{aq}#{item_id}", kb.sections[item_id].display_name)
    for collection, folder in PAGES.items():
        item = kb.collection(collection).get(item_id)
        if item is not None:
            return Link(f"{root}/{folder}/{item_id}{aq}", item.display_name)
    return None


def item_links(kb: KnowledgeBase, ids: list[str], root: str, aq: str) -> list[Link]:
    return [link for i in ids if (link := item_link(kb, i, root, aq)) is not None]
