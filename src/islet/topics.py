"""Audience-aware views of knowledge items, shared by the CLI, the API and the web pages."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field

from islet.kb import KnowledgeBase
from islet.messages import N_
from islet.model import (
    Audience,
    DiagnosticTest,
    GlossaryTerm,
    Item,
    Section,
    Symptom,
    SymptomPattern,
    TextItem,
    Treatment,
    TumorType,
    plain_text,
)

if TYPE_CHECKING:  # the safety stack is loaded by islet.glossary, not by every reader of topics
    from islet.safety import Safety

# Marked for the catalog: an interface shows the label in the reader's language (localize).
BEHAVIOUR_LABELS = {
    "usually-benign": N_("usually benign (not cancer)"),
    "mostly-malignant": N_("most are malignant (cancer)"),
    "not-stated": N_("not stated in the summary"),
}
PROFESSIONAL_ONLY = ("professional", "professional_source", "external", "title_professional")


def view(item: Item, audience: Audience = "patient") -> dict[str, Any]:
    """The item as JSON-ready data for ``audience``.

    The patient view leaves out professional text and [EXTERNAL] facts; ``text`` is the text to
    show for the audience with glossary marks resolved, ``marked_text`` keeps the marks.
    """
    data = item.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["item_type"] = type(item).__name__
    if isinstance(item, TumorType):
        data["behaviour_label"] = BEHAVIOUR_LABELS[item.behaviour]
    if isinstance(item, TextItem):
        marked = item.text_for(audience)
        data["marked_text"] = marked
        data["text"] = plain_text(marked)
        data["audience"] = audience
        if audience == "patient":
            for key in PROFESSIONAL_ONLY:
                data.pop(key, None)
    return data


class SectionView(Section):
    """A section as :func:`view` shows it (the patient view leaves the professional fields out)."""

    item_type: Literal["Section"]
    marked_text: str
    text: str
    audience: Audience


class TumorTypeView(TumorType):
    """A tumor type as :func:`view` shows it, with its behaviour in words."""

    item_type: Literal["TumorType"]
    behaviour_label: str
    marked_text: str
    text: str
    audience: Audience


class SymptomPatternView(SymptomPattern):
    """A symptom pattern as :func:`view` shows it."""

    item_type: Literal["SymptomPattern"]
    marked_text: str
    text: str
    audience: Audience


class SymptomView(Symptom):
    """A symptom as :func:`view` shows it."""

    item_type: Literal["Symptom"]
    marked_text: str
    text: str
    audience: Audience


class DiagnosticTestView(DiagnosticTest):
    """A diagnostic test as :func:`view` shows it."""

    item_type: Literal["DiagnosticTest"]
    marked_text: str
    text: str
    audience: Audience


class TreatmentView(Treatment):
    """A treatment as :func:`view` shows it."""

    item_type: Literal["Treatment"]
    marked_text: str
    text: str
    audience: Audience


TopicView = Annotated[
    SectionView
    | TumorTypeView
    | SymptomPatternView
    | SymptomView
    | DiagnosticTestView
    | TreatmentView,
    Field(discriminator="item_type"),
]
"""What :func:`view` returns for a topic, told apart by ``item_type``. Fields a view leaves out
(empty ones, and the professional ones in the patient view) are left out when it is sent:
serialise with ``exclude_unset``."""


def children(kb: KnowledgeBase, section_id: str) -> list[str]:
    """Ids of the sections directly under ``section_id``, in order."""
    subs = [s for s in kb.sections.values() if s.parent == section_id]
    return [s.id for s in sorted(subs, key=lambda s: s.order)]


def listed_for(kb: KnowledgeBase, treatment_id: str) -> list[tuple[str, str]]:
    """(rule applies_to, bullet) for every PDQ bullet that names the treatment, in file order,
    so a page can link the situations where PDQ lists it."""
    return [
        (rule.applies_to, rule.bullet)
        for rule in kb.rules.values()
        if any(
            treatment_id in (o.treatment, *o.with_or_without, *o.together_with)
            for o in rule.options
        )
    ]


class TopicEntry(BaseModel):
    """A top-level section in the table of contents, with the ids of the sections under it."""

    id: str
    title: str
    professional_only: bool
    children: list[str]


def table_of_contents(kb: KnowledgeBase) -> list[TopicEntry]:
    """The summary's top-level sections in reading order, each with its children's ids."""
    roots = sorted((s for s in kb.sections.values() if s.parent is None), key=lambda s: s.order)
    return [
        TopicEntry(
            id=s.id,
            title=s.title,
            professional_only=s.professional_only,
            children=children(kb, s.id),
        )
        for s in roots
    ]


def reading_order(kb: KnowledgeBase, audience: Audience) -> list[tuple[Section, int]]:
    """Every section the audience reads, depth first, with its depth in the tree; the patient
    version leaves out the health-professional-only sections (and what is under them)."""
    out: list[tuple[Section, int]] = []

    def visit(section: Section, depth: int) -> None:
        if section.professional_only and audience == "patient":
            return
        out.append((section, depth))
        for child in children(kb, section.id):
            visit(kb.sections[child], depth + 1)

    for entry in table_of_contents(kb):
        visit(kb.sections[entry.id], 0)
    return out


def citation(kb: KnowledgeBase, audience: Audience = "patient", accessed: str = "") -> str:
    """The PDQ citation for this summary in PDQ's own format."""
    info = kb.pdq
    assert info is not None  # load() guarantees the metadata block
    url = info.patient_url if audience == "patient" else info.professional_url
    pmid = info.patient_pmid if audience == "patient" else info.professional_pmid
    updated = info.patient_updated if audience == "patient" else info.professional_updated
    return info.citation_template.format(
        updated=_us_date(updated) if updated else "<MM/DD/YYYY>",
        url=url,
        accessed=_us_date(accessed) if accessed else "<MM/DD/YYYY>",
        pmid=pmid,
    )


def _us_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{parts[1]}/{parts[2]}/{parts[0]}"
    return iso


@dataclass(frozen=True)
class GlossaryFind:
    """Glossary entries for a search: ``named`` have the words in their name or another name,
    ``mentioned`` only in their explanation; ``close`` are spellings near the words."""

    named: list[GlossaryTerm] = field(default_factory=list)
    mentioned: list[GlossaryTerm] = field(default_factory=list)
    close: list[str] = field(default_factory=list)
    safety: Safety | None = None  # the triage's help to show first (islet.glossary)


def glossary_letter(entry: GlossaryTerm) -> str:
    """The index letter of an entry: the first letter of its name, '#' for a digit."""
    first = _fold(entry.term)[:1].upper()
    return first if first.isalpha() else "#"


def glossary_letters(kb: KnowledgeBase) -> list[str]:
    """The index letters that have entries, in order."""
    return sorted({glossary_letter(t) for t in kb.glossary.values()})


def find_in_glossary(kb: KnowledgeBase, query: str) -> GlossaryFind:
    """The entries that fit ``query`` (case, hyphens and accents do not matter), by name."""
    words = _fold(query).split()
    if not words:
        return GlossaryFind()
    entries = sorted(kb.glossary.values(), key=lambda t: _fold(t.term))

    def has_all(text: str) -> bool:
        folded = _fold(text)
        return all(w in folded for w in words)

    named = [t for t in entries if any(has_all(n) for n in (t.term, *t.aliases))]
    wanted = " ".join(words)
    # The entry called exactly this first, then names that start with it.
    named.sort(
        key=lambda t: (
            wanted not in {_fold(n) for n in (t.id, t.term, *t.aliases)},
            not _fold(t.term).startswith(wanted),
        )
    )
    mentioned = [t for t in entries if t not in named and has_all(plain_text(t.definition))]
    close: list[str] = []
    if not named and not mentioned:
        names = {_fold(n): t.term for t in entries for n in (t.term, *t.aliases)}
        close = [names[n] for n in difflib.get_close_matches(" ".join(words), names, n=3)]
    return GlossaryFind(named, mentioned, list(dict.fromkeys(close)))


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
