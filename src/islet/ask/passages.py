"""Every passage of the knowledge base that a question can be answered from.

A passage is one text of one item for one audience, with a stable id such as
``section:prognosis#patient``, ``treatment:enucleation#professional``,
``section:hp-who-grading#external-1`` (an [EXTERNAL] fact, professional only) or
``glossary:enucleation`` (definitions serve both audiences), and the source it came from.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from islet.ask.lexicon import KIND_OF_COLLECTION
from islet.kb import KnowledgeBase
from islet.model import (
    Audience,
    DiagnosticTest,
    GlossaryTerm,
    Item,
    Rule,
    Section,
    Source,
    Symptom,
    SymptomPattern,
    TextItem,
    Treatment,
    TumorType,
    glossary_marks,
    plain_text,
)


class Passage(BaseModel):
    """One answerable text with where it came from."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str  # section, tumor-type, symptom, symptom-pattern, test, treatment, rule, glossary
    item_id: str
    audience: Audience | None  # None: for everyone (glossary definitions)
    title: str  # the item's title or name
    text: str  # what is shown: plain text, glossary marks resolved
    extra: str = ""  # indexed, not shown: key points, names, synonyms, signs
    labels: tuple[str, ...] = ()  # the names people use for the item
    topics: tuple[str, ...] = ()  # ids of the items the passage is about (its own and related)
    glossary: tuple[str, ...] = ()  # glossary ids marked in the text
    professional_only: bool = False  # from a section only the health-professional version has
    source: Source

    def for_audience(self, audience: Audience) -> bool:
        """Whether this passage may be shown to ``audience``: patients never see
        health-professional text, nor anything whose source is outside PDQ ([EXTERNAL])."""
        if audience == "professional":
            return True
        return self.audience != "professional" and self.source.document != "external"


def passage_id(kind: str, item_id: str, part: str | None) -> str:
    return f"{kind}:{item_id}" + (f"#{part}" if part else "")


def passage_of(target: str) -> str:
    """The passage id of a "kind:id" target: the patient passage, or the glossary entry."""
    return target if target.startswith("glossary:") else f"{target}#patient"


def passages(kb: KnowledgeBase) -> list[Passage]:
    """Every passage of ``kb`` in collection and file order; ids are unique."""
    return [
        passage
        for name, kind in KIND_OF_COLLECTION.items()
        for item in kb.collection(name).values()
        for passage in _passages_of(kb, kind, item)
    ]


def _passages_of(kb: KnowledgeBase, kind: str, item: Item) -> Iterator[Passage]:
    labels = tuple(dict.fromkeys([*_labels(item), *_double_labels(kb, item)]))
    topics = (item.id, *dict.fromkeys(_related(kb, item)))

    def passage(
        part: str | None,
        audience: Audience | None,
        title: str,
        marked: str,
        source: Source,
        marks: bool = True,
    ) -> Passage:
        """A passage showing ``marked`` (its glossary marks resolved), found also by the
        item's names."""
        return Passage(
            id=passage_id(kind, item.id, part),
            kind=kind,
            item_id=item.id,
            audience=audience,
            title=title,
            text=plain_text(marked),
            extra=" ".join(labels),
            labels=labels,
            topics=topics,
            glossary=tuple(glossary_marks(marked)) if marks else (),
            source=source,
        )

    if isinstance(item, GlossaryTerm):
        yield passage(None, None, item.term, item.definition, item.source)
        return
    if isinstance(item, Rule):
        yield passage(
            "patient", "patient", _rule_title(kb, item), _rule_text(kb, item), item.source
        )
        return
    if not isinstance(item, TextItem):
        return
    title = _title(item)
    shown = [item.patient, *_patient_details(item)]
    hidden = [*_patient_extra(kb, item), *labels]
    yield Passage(
        id=passage_id(kind, item.id, "patient"),
        kind=kind,
        item_id=item.id,
        audience="patient",
        professional_only=_professional_only(kb, item),
        title=title,
        text=_join(shown) + _listed(kb, item),
        extra=_join(hidden),
        labels=labels,
        topics=topics,
        glossary=tuple(m for part in shown + hidden for m in glossary_marks(part)),
        source=item.source,
    )
    if item.professional and item.professional_source:
        professional_title = (
            item.title_professional
            if isinstance(item, Section) and item.title_professional
            else title
        )
        yield passage(
            "professional",
            "professional",
            professional_title,
            item.professional,
            item.professional_source,
        )
    for number, fact in enumerate(item.external, start=1):
        part = f"external-{number}"
        yield passage(part, "professional", title, fact.text, fact.source, marks=False)


def _professional_only(kb: KnowledgeBase, item: Item) -> bool:
    """Whether a section, or a section above it, is only in the health-professional version."""
    seen: set[str] = set()
    section = item if isinstance(item, Section) else None
    while section is not None and section.id not in seen:
        if section.professional_only:
            return True
        seen.add(section.id)
        section = kb.sections.get(section.parent or "")
    return False


def _title(item: Item) -> str:
    for attr in ("title", "name", "lay_name"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return value
    return item.id


def _labels(item: Item) -> Iterator[str]:
    """Names, aliases, synonyms and syndromes of the item: the words people use for it."""
    for attr in ("title", "name", "lay_name", "term"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            yield value
    for attr in ("aliases", "synonyms", "syndromes"):
        yield from getattr(item, attr, [])


def _double_labels(kb: KnowledgeBase, item: Item) -> list[str]:
    """The names of the glossary entry that doubles ``item`` (same id: "glossary:prognosis" for
    the prognosis section): the item is found by them too, so its short definition does not
    win the questions that use them ("outlook")."""
    entry = kb.glossary.get(item.id)
    if entry is None or isinstance(item, GlossaryTerm):
        return []
    return [entry.term, *entry.aliases]


def _related(kb: KnowledgeBase, item: Item) -> Iterator[str]:
    """Ids of the items a passage is about besides its own; a treatment section is also about
    the tumor types that point to it. (A symptom is not made "about" the tumor types whose
    lists name it: one shared sign would then outrank the tumor type's own tests.)"""
    if isinstance(item, Section):
        yield from item.related
        yield from (t.id for t in kb.tumor_types.values() if t.treatment_section == item.id)
    elif isinstance(item, SymptomPattern):
        yield from item.tumor_types
    elif isinstance(item, DiagnosticTest):
        yield from item.used_for
    elif isinstance(item, Rule):
        yield item.applies_to
        for option in item.options:
            yield option.treatment
    elif isinstance(item, TumorType):
        if item.symptom_pattern:
            yield item.symptom_pattern
        if item.treatment_section:
            yield item.treatment_section
    elif isinstance(item, Treatment) and item.parent:
        yield item.parent


def _patient_details(item: TextItem) -> list[str]:
    """Parts of the patient view shown with the main text."""
    if isinstance(item, TumorType):
        return [item.hormone_action or ""]
    if isinstance(item, Symptom):
        return [item.red_flag or ""]
    return []


def _patient_extra(kb: KnowledgeBase, item: TextItem) -> list[str]:
    """Patient words that help find the passage but are shown elsewhere."""
    if isinstance(item, Section):
        return list(item.key_points)
    if isinstance(item, TumorType):
        return [item.hormone or "", item.site_note or ""]
    if isinstance(item, Symptom):
        return list(item.signs)
    if isinstance(item, SymptomPattern):
        return [item.hormone or ""]  # its signs are shown, as a list (_listed)
    if isinstance(item, DiagnosticTest):
        return [item.looks_for, item.preparation or ""]
    return []


def _rule_title(kb: KnowledgeBase, rule: Rule) -> str:
    """The title of the section written from the same PDQ heading as the rule, else the heading."""
    for section in kb.sections.values():
        if section.source.section == rule.source.section:
            return section.title
    return rule.source.section


def _rule_text(kb: KnowledgeBase, rule: Rule) -> str:
    """The bullet and its options, each option as PDQ words it or by the treatment's name."""
    options = []
    for option in rule.options:
        treatment = kb.treatments.get(option.treatment)
        options.append(option.wording or (treatment.name if treatment else option.treatment))
    return rule.bullet.rstrip(":. ") + ": " + "; ".join(options) + "."


def _listed(kb: KnowledgeBase, item: TextItem) -> str:
    """The list a passage's text introduces ("This can cause these signs."), one "- " line per
    entry after a blank line, so that an answer is a whole thought: the signs of a pattern."""
    if isinstance(item, SymptomPattern):
        names = [kb.symptoms[s].lay_name for s in item.symptoms if s in kb.symptoms]
        return "\n\n" + "\n".join(f"- {name}." for name in names) if names else ""
    return ""


def _join(parts: list[str]) -> str:
    texts = [plain_text(p).strip() for p in parts if p and p.strip()]
    return " ".join(t if t[-1] in ".!?:" else t + "." for t in texts)
