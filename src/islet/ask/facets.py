"""Direct answers about one facet of one tumor type, from the knowledge base's own fields.

Each builder returns the value that fills the facet's ``summary`` template (None when the
knowledge base has none: then ``summary_missing`` says so plainly) and the passages to show.
"""

from __future__ import annotations

from collections.abc import Callable

from islet.ask.lexicon import Answering
from islet.kb import KnowledgeBase
from islet.model import Symptom, TumorType


def _tumor_passage(tumor: TumorType) -> str:
    return f"tumor-type:{tumor.id}#patient"


def _sites(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    # The knowledge base's own note says it best; the site list is the fallback.
    names = answering.site_names
    sites = [names.get(s, s) for s in tumor.usual_sites]
    value = tumor.site_note or (_listing(sites) + "." if sites else None)
    return value, [_tumor_passage(tumor)]


def _hormone(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    return tumor.hormone, [_tumor_passage(tumor)]


def _tests(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    # The tests PDQ names for this type alone come before those it names for several.
    tests = sorted(
        (t for t in kb.tests.values() if tumor.id in t.used_for), key=lambda t: len(t.used_for)
    )
    ids = [f"test:{t.id}#patient" for t in tests]
    return (_listing([t.name for t in tests]) if tests else None), ids


def _symptoms(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    pattern = kb.symptom_patterns.get(tumor.symptom_pattern or "")
    if pattern is None:
        return None, [_tumor_passage(tumor)]
    symptoms = [kb.symptoms[s] for s in pattern.symptoms if s in kb.symptoms]
    # A sign with its own PDQ list ("low blood sugar": blurred vision, headache...) is shown
    # with that list, and its own passage follows the pattern's (an independent user review).
    listed = [s for s in symptoms if _signs_add(s)]
    names = [
        f"{s.lay_name} ({', '.join(s.signs)})" if s in listed else s.lay_name for s in symptoms
    ]
    listed_ids = [f"symptom:{s.id}#patient" for s in listed]
    return _listing(names), [f"symptom-pattern:{pattern.id}#patient", *listed_ids]


def _signs_add(symptom: Symptom) -> bool:
    """Whether a sign's own list says more than its name ("rash on the face": no)."""
    named = set(symptom.lay_name.lower().replace(",", " ").split())
    return any(not set(sign.lower().split()) <= named | {"on", "the"} for sign in symptom.signs)


def _treatment(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    section = kb.sections.get(tumor.treatment_section or "")
    if section is None or not tumor.treatment_covered:
        return None, [_tumor_passage(tumor)]
    return section.title, [f"section:{section.id}#patient"]


def _behaviour(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    phrase = answering.behaviour_phrases.get(tumor.behaviour)
    return phrase, [_tumor_passage(tumor)]


# The summary's general part on the facets people ask of any condition: PDQ has no part of its
# own on these for one tumor type, so the general part answers them for every type, and for a
# question that names no type at all ("is there a cure").
GENERAL_PARTS = {
    "cause": "section:risk-factors#patient",
    "outlook": "section:prognosis#patient",
    "prevention": "section:risk-factors#patient",
}


def _cause(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    return None, [GENERAL_PARTS["cause"]]


def _outlook(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    return None, [GENERAL_PARTS["outlook"]]


def _prevention(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    return None, [GENERAL_PARTS["prevention"]]


def _complications(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    return _symptoms(kb, answering, tumor)


def _see_doctor(
    kb: KnowledgeBase, answering: Answering, tumor: TumorType
) -> tuple[str | None, list[str]]:
    # PDQ's advice is general: check with a doctor about any of the signs it lists.
    _, signs = _symptoms(kb, answering, tumor)
    return None, ["section:signs-and-symptoms#patient", *signs]


def _listing(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


Builder = Callable[[KnowledgeBase, Answering, TumorType], tuple[str | None, list[str]]]

FACETS: dict[str, Builder] = {
    "sites": _sites,
    "hormone": _hormone,
    "tests": _tests,
    "symptoms": _symptoms,
    "treatment": _treatment,
    "behaviour": _behaviour,
    "cause": _cause,
    "outlook": _outlook,
    "prevention": _prevention,
    "complications": _complications,
    "see-doctor": _see_doctor,
}
