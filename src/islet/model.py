"""Domain types of Islet's knowledge base.

Every content item carries a stable ``id`` and a ``source`` naming the PDQ section (or the
external publication) and the version date it was written from. Patient text may mark glossary
terms as ``[[term-id]]`` or ``[[term-id|words shown]]``; validation checks every mark.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]
VersionDate = Annotated[str, Field(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]

Audience = Literal["patient", "professional"]
Site = Literal["head", "body", "tail", "duodenum", "small-intestine"]
Behaviour = Literal["usually-benign", "mostly-malignant", "not-stated"]

GLOSSARY_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


def plain_text(text: str) -> str:
    """Text with glossary marks replaced by the words they show."""
    return GLOSSARY_MARK.sub(lambda m: m.group(2) or m.group(1).replace("-", " "), text)


def glossary_marks(text: str) -> list[str]:
    """The glossary ids marked in ``text``, in order."""
    return [m.group(1).strip() for m in GLOSSARY_MARK.finditer(text)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(Strict):
    """Where a statement comes from.

    ``document`` is the PDQ version (``patient`` or ``professional``) or ``external`` for facts
    from outside PDQ, which then need a ``citation`` and are shown only to professionals.
    """

    document: Literal["patient", "professional", "external"]
    section: str = Field(min_length=1)
    version_date: VersionDate
    citation: str | None = None

    @model_validator(mode="after")
    def _external_needs_citation(self) -> Source:
        if self.document == "external" and not self.citation:
            raise ValueError("an external source needs a citation")
        return self


class ExternalFact(Strict):
    """A fact from outside PDQ ([EXTERNAL]); shown only in the professional view."""

    text: str = Field(min_length=1)
    source: Source

    @model_validator(mode="after")
    def _must_be_external(self) -> ExternalFact:
        if self.source.document != "external":
            raise ValueError("an external fact needs an external source")
        return self


class Item(Strict):
    id: Id
    source: Source


class TextItem(Item):
    """An item with a plain-language patient text and optional professional detail."""

    patient: str = Field(min_length=1)
    professional: str | None = None
    professional_source: Source | None = None
    external: list[ExternalFact] = []
    term_list: bool = False  # an unavoidable list of medical terms: exempt from reading level

    @model_validator(mode="after")
    def _professional_needs_source(self) -> TextItem:
        if self.professional and self.professional_source is None:
            raise ValueError("professional text needs a professional_source")
        return self

    def text_for(self, audience: Audience) -> str:
        if audience == "professional" and self.professional:
            return self.professional
        return self.patient


class Section(TextItem):
    """One part of the summary (sections nest through ``parent``)."""

    title: str
    title_professional: str | None = None
    parent: Id | None = None
    order: int = 0
    key_points: list[str] = []
    related: list[Id] = []  # ids of tumor types, tests, treatments, rules discussed here
    professional_only: bool = False  # only in the health-professional version of the summary


class TumorType(TextItem):
    name: str
    aliases: list[str] = []
    functional: bool
    hormone: str | None = None
    hormone_action: str | None = None  # what the hormone does, in plain words
    usual_sites: list[Site] = []
    site_note: str | None = None
    behaviour: Behaviour
    syndromes: list[str] = []
    symptom_pattern: Id | None = None
    treatment_section: Id | None = None
    treatment_covered: bool = True  # PDQ does not discuss treatment of ACTH-making tumors


class Symptom(TextItem):
    """One sign or symptom from a PDQ list; ``patient`` explains it in plain words."""

    lay_name: str
    synonyms: list[str] = []
    signs: list[str] = []  # what it can feel like, as PDQ lists it
    red_flag: str | None = None  # why this needs urgent care, when it does


class SymptomPattern(TextItem):
    """The PDQ list of signs for a hormone excess or for nonfunctional tumors, in PDQ order."""

    name: str
    hormone: str | None = None
    tumor_types: list[Id]
    symptoms: list[Id] = Field(min_length=1)


class DiagnosticTest(TextItem):
    name: str
    aliases: list[str] = []
    scope: Literal["general", "type-specific"]
    used_for: list[Id] = []  # tumor type ids; empty for a general test means every type
    fasting_hours: int | None = Field(default=None, ge=0)
    looks_for: str
    preparation: str | None = None


TreatmentKind = Literal[
    "surgery",
    "chemotherapy",
    "hormone-therapy",
    "liver-directed",
    "targeted-therapy",
    "drug-therapy",
    "supportive-care",
    "clinical-trial",
    "follow-up",
    "other",
]


class Treatment(TextItem):
    name: str
    aliases: list[str] = []
    kind: TreatmentKind
    parent: Id | None = None  # e.g. systemic chemotherapy is a kind of chemotherapy


class GlossaryTerm(Item):
    term: str
    aliases: list[str] = []
    definition: str = Field(min_length=1)


class Code(Item):
    system: Literal["ICD-O-3", "ICD-O-3.2", "ICD-10-CM", "NCIt", "UMLS", "LOINC", "OncoTree"]
    code: str
    label: str
    concept: Id  # the tumor type, test or topic the code names
    verified: bool


# --- Treatment-option rules -------------------------------------------------------------------
# A rule is one PDQ bullet: a condition over the facts of a Situation and the options it lists.
# Conditions are data; the guide evaluates them with three values (true, false, unknown).

FactName = Literal[
    "tumor_type",
    "tumor_count",
    "sites",
    "size",
    "resectable",
    "spread",
    "liver_dominant_severe_symptoms",
    "course",
    "responding_to_acid_drugs",
    "residual_after_surgery",
]


class FactIn(Strict):
    """A single-valued fact takes one of ``in_`` (written ``in`` in YAML)."""

    fact: FactName
    in_: list[str] = Field(alias="in", min_length=1)


class FactHasAny(Strict):
    """A list-valued fact (sites, spread) contains at least one of ``has_any``."""

    fact: FactName
    has_any: list[str] = Field(min_length=1)


class FactIs(Strict):
    """A yes/no fact equals ``is_`` (written ``is`` in YAML)."""

    fact: FactName
    is_: bool = Field(alias="is")


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class Not(Strict):
    not_: Condition = Field(alias="not")


Condition = AllOf | AnyOf | Not | FactIn | FactHasAny | FactIs


class RuleOption(Strict):
    treatment: Id
    wording: str | None = None  # the option as PDQ phrases it, in our words, when more specific
    rare: bool = False
    usually: bool = False
    with_or_without: list[Id] = []  # e.g. systemic chemotherapy
    together_with: list[Id] = []  # given together, e.g. vagotomy plus an acid-lowering drug
    condition: Condition | None = None  # an extra condition on this option only


class Rule(Item):
    """One PDQ bullet of a treatment-options list."""

    applies_to: Id  # a tumor type id, or "recurrent-progressive"
    bullet: str = Field(min_length=1)  # the situation, in plain words
    condition: Condition | None = None  # None: the bullet holds for every case of the type
    options: list[RuleOption] = Field(min_length=1)


class PdqInfo(Strict):
    """Facts about PDQ itself and this summary."""

    title: str
    board: str
    lead_reviewer: str
    patient_url: str
    professional_url: str
    patient_pmid: str
    professional_pmid: str
    patient_cdr_id: str
    professional_updated: VersionDate
    patient_updated: VersionDate | None = None
    patient_updated_note: str
    citation_template: str
    cis_phone: str
    source: Source


# --- The situation a person describes to the guide ---------------------------------------------

TumorTypeName = Literal[
    "gastrinoma", "insulinoma", "glucagonoma", "vipoma", "somatostatinoma", "other", "nonfunctional"
]


class Situation(Strict):
    """What a person knows about their tumor. Every field is optional: ``None`` means unknown,
    never "no". For list fields an empty list is a known "none" (e.g. ``spread: []``)."""

    tumor_type: TumorTypeName | None = None
    tumor_count: Literal["single", "multiple", "none_found"] | None = None
    sites: list[Literal["head", "body", "tail", "duodenum"]] | None = None
    size: Literal["small", "large"] | None = None
    resectable: bool | None = None
    spread: list[Literal["lymph_nodes", "liver", "distant"]] | None = None
    liver_dominant_severe_symptoms: bool | None = None
    course: Literal["new", "recurrent", "progressive"] | None = None
    responding_to_acid_drugs: bool | None = None
    residual_after_surgery: bool | None = None


AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()
RuleOption.model_rebuild()
Rule.model_rebuild()
