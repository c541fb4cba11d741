"""The content of the knowledge base: summary sections, tumor types, symptoms, tests,
treatments, glossary terms, codes and facts about PDQ, each with the source it was written from.

Every content item carries a stable ``id`` and a ``source`` naming the PDQ section (or the
external publication) and the version date it was written from.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]
VersionDate = Annotated[str, Field(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]

Audience = Literal["patient", "professional"]
Site = Literal["head", "body", "tail", "duodenum", "small-intestine"]
Behaviour = Literal["usually-benign", "mostly-malignant", "not-stated"]


class Strict(BaseModel):
    # Validators are built on first use, not on import: a run that loads the compiled knowledge
    # (pickled, not validated) never builds most of them.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


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

    @property
    def display_name(self) -> str:
        """The name a person reads for the item: its name, title, lay name or term, else its id."""
        for attr in ("name", "title", "lay_name", "term"):
            value = getattr(self, attr, None)
            if isinstance(value, str) and value:
                return value
        return self.id


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
    # Tumor type ids whose PDQ type-specific list names this test. A general test is used for
    # every type; its used_for is empty unless PDQ repeats it for a type (SRS: gastrinoma,
    # somatostatinoma).
    used_for: list[Id] = []
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


class TreatmentAbout(Strict):
    """What PDQ says about one treatment, in patient words: how it is done, why (when PDQ lists
    it) and its side effects (saying so when PDQ does not describe them)."""

    how: str | None = None
    why: str | None = None
    side_effects: str | None = None
    source: Source


class Treatment(TextItem):
    name: str
    aliases: list[str] = []
    kind: TreatmentKind
    parent: Id | None = None  # e.g. systemic chemotherapy is a kind of chemotherapy
    about: TreatmentAbout | None = None
    related_tests: list[Id] = []  # tests PDQ names before or during this treatment


class GlossaryTerm(Item):
    term: str
    aliases: list[str] = []
    definition: str = Field(min_length=1)


class Code(Item):
    system: Literal[
        "ICD-O-3", "ICD-O-3.2", "ICD-10-CM", "NCIt", "UMLS", "LOINC", "OncoTree", "SNOMED CT"
    ]
    code: str
    label: str
    concept: Id  # the tumor type, test or topic the code names
    verified: bool


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
    nci_trial_search_url: str | None = None
    nci_trials_info_url: str | None = None
    cis_url: str | None = None
    ctgov_url: str | None = None
    source: Source
