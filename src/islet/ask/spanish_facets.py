"""The direct answer about one facet of one tumor type, in Spanish (issue 17).

The English engine decides that a question is about one facet ("tests", "sites"...) of one tumor
type (``understood.facet`` and the tumor type among ``understood.topics``); this module says it in
Spanish from the Spanish knowledge and ``knowledge/es/ask/answering.yaml`` (``facets``,
``site_names``, ``behaviour_phrases``), the way :mod:`islet.ask.facets` says it in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from islet.ask.facets import _signs_add
from islet.kb import KnowledgeBase
from islet.model import TumorType


@dataclass(frozen=True)
class FacetTexts:
    """The Spanish templates of each facet and the words they use."""

    summaries: dict[str, tuple[str, str]]  # facet id -> (summary, summary_missing)
    site_names: dict[str, str]
    behaviour_phrases: dict[str, str]


def listing(items: list[str]) -> str:
    """``a``, ``a y b``, ``a, b y c`` (no comma before "y" in Spanish)."""
    if len(items) <= 2:
        return " y ".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


def in_sentence(name: str) -> str:
    """A name as it reads after a colon: kept as written ("Gastrinoma", "VIPoma")."""
    return name[:1].upper() + name[1:]


def facet_summary(
    facet: str, english: KnowledgeBase, spanish: KnowledgeBase, tumor_id: str, texts: FacetTexts
) -> str | None:
    """The Spanish summary of ``facet`` for the tumor type, or None when it has no template."""
    templates = texts.summaries.get(facet)
    tumor = spanish.tumor_types.get(tumor_id)
    if templates is None or tumor is None:
        return None
    value = _value(facet, english, spanish, tumor, texts)
    template = templates[0] if value is not None else templates[1]
    return template.format(name=in_sentence(tumor.name), value=value)


def _value(
    facet: str, english: KnowledgeBase, spanish: KnowledgeBase, tumor: TumorType, texts: FacetTexts
) -> str | None:
    if facet == "sites":
        sites = [texts.site_names.get(s, s) for s in tumor.usual_sites]
        return tumor.site_note or (listing(sites) + "." if sites else None)
    if facet == "hormone":
        return tumor.hormone  # in Spanish: knowledge/es/tumor_types.yaml
    if facet == "tests":
        tests = [t.name for t in spanish.tests.values() if tumor.id in t.used_for]
        return listing(tests) if tests else None
    if facet in ("symptoms", "complications"):
        return _signs(english, spanish, tumor)
    if facet == "treatment":
        section = spanish.sections.get(tumor.treatment_section or "")
        return section.title if section is not None and tumor.treatment_covered else None
    if facet == "behaviour":
        return texts.behaviour_phrases.get(tumor.behaviour)
    return None  # cause, outlook, prevention: PDQ has nothing of its own for one tumor type


def _signs(english: KnowledgeBase, spanish: KnowledgeBase, tumor: TumorType) -> str | None:
    pattern = spanish.symptom_patterns.get(tumor.symptom_pattern or "")
    if pattern is None:
        return None
    names = []
    for symptom_id in pattern.symptoms:
        symptom, original = spanish.symptoms.get(symptom_id), english.symptoms.get(symptom_id)
        if symptom is None or original is None:
            continue
        signs = _one_gender(symptom.signs)
        listed = _signs_add(original) and signs
        names.append(f"{symptom.lay_name} ({', '.join(signs)})" if listed else symptom.lay_name)
    return listing(names) if names else None


def _one_gender(signs: list[str]) -> list[str]:
    """The signs without the feminine twin of a word the list also gives in the masculine
    ("tembloroso, temblorosa": the matcher needs both, a reader one)."""
    given = set(signs)
    return [s for s in signs if not (s.endswith("a") and s[:-1] + "o" in given)]
