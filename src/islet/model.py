"""Domain types of Islet's knowledge base.

Every content item carries a stable ``id`` and a ``source`` naming the PDQ section (or the
external publication) and the version date it was written from. Patient text may mark glossary
terms as ``[[term-id]]`` or ``[[term-id|words shown]]``; validation checks every mark.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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
    "men1",
]


def _check_fact(fact: str, kind: FactKind, values: list[str]) -> None:
    """A condition must use the right test for the fact's kind and only values it can take."""
    tests = {"one": "in", "many": "has_any", "yesno": "is"}
    if fact_kind(fact) != kind:
        raise ValueError(f"'{fact}' is tested with '{tests[fact_kind(fact)]}'")
    unknown = [v for v in values if v not in fact_values(fact)]
    if unknown:
        known = ", ".join(str(v) for v in fact_values(fact))
        raise ValueError(f"'{fact}' cannot be {', '.join(unknown)} (known: {known})")


class FactIn(Strict):
    """A single-valued fact takes one of ``in_`` (written ``in`` in YAML)."""

    fact: FactName
    in_: list[str] = Field(alias="in", min_length=1)

    @model_validator(mode="after")
    def _known_values(self) -> FactIn:
        _check_fact(self.fact, "one", self.in_)
        return self


class FactHasAny(Strict):
    """A list-valued fact (sites, spread) contains at least one of ``has_any``."""

    fact: FactName
    has_any: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_values(self) -> FactHasAny:
        _check_fact(self.fact, "many", self.has_any)
        return self


class FactIs(Strict):
    """A yes/no fact equals ``is_`` (written ``is`` in YAML)."""

    fact: FactName
    is_: bool = Field(alias="is")

    @model_validator(mode="after")
    def _known_values(self) -> FactIs:
        _check_fact(self.fact, "yesno", [])
        return self


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
    # A known fact that rules this option out, e.g. surgery to take a tumor out when surgery
    # cannot take it out. Unlike a condition, an unknown fact never holds the option back.
    unless: Condition | None = None


class Rule(Item):
    """One PDQ bullet of a treatment-options list."""

    applies_to: Id  # a tumor type id, or "recurrent-progressive"
    bullet: str = Field(min_length=1)  # the situation, in plain words
    condition: Condition | None = None  # None: the bullet holds for every case of the type
    options: list[RuleOption] = Field(min_length=1)
    # A bullet only the health professional version lists: shown in the professional view; the
    # patient view says instead that the professional version lists more options.
    professional_only: bool = False
    # Where the professional version says what the rule adds to a patient-list bullet (a
    # condition such as "when technically possible"); recorded and shown beside ``source``.
    professional_source: Source | None = None
    # The Islet section that holds this bullet, when it is not the section of its list.
    section: Id | None = None
    # The PDQ passages the rule rests on, by fingerprint ("7f247cecc49e", "#2" for the second
    # identical passage of a section), when the matcher in islet.sources.citations cannot tell
    # (professional prose, or wording that strays from PDQ's). scripts/record_sources.py records
    # the pinned passages found in each section the rule cites and reports any it cannot find.
    passages: list[Annotated[str, Field(pattern=r"^[0-9a-f]{12}(#[0-9]+)?$")]] = []


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


# --- The situation a person describes to the guide ---------------------------------------------

TumorTypeName = Literal[
    "gastrinoma",
    "insulinoma",
    "glucagonoma",
    "vipoma",
    "somatostatinoma",
    "other",
    "nonfunctional",
    "acth-secreting",  # accepted so the guide can say that PDQ does not cover its treatment
]


class Situation(Strict):
    """What a person knows about their tumor. Every field is optional: ``None`` means unknown,
    never "no". For list fields an empty list is a known "none" (e.g. ``spread: []``), and a
    given list is taken as complete.

    Contradictions (e.g. ``tumor_count: none_found`` with sites) raise ``InvalidSituation``
    naming the field; unknown values fail pydantic validation. "No tumor found" means no site is
    known, so ``sites`` becomes ``[]`` when it is not given; a spread list without the liver
    means the cancer is not mostly in the liver, and a cancer mostly in the liver has spread
    there (``spread`` becomes ``["liver"]`` when it is not given). One tumor may span two
    neighbouring parts of the pancreas.
    """

    tumor_type: TumorTypeName | None = Field(None, description="the kind of pancreatic NET")
    tumor_count: Literal["single", "multiple", "none_found"] | None = Field(
        None, description="one tumor, more than one, or no tumor found by the tests"
    )
    sites: list[Literal["head", "body", "tail", "duodenum"]] | None = Field(
        None, description="where the tumor or tumors are: parts of the pancreas, or the duodenum"
    )
    size: Literal["small", "large"] | None = Field(
        None, description="small or large, as the care team describes it (PDQ gives no cut-off)"
    )
    # Yes/no facts are strict: 0, 1 or "yes" is refused (naming the field) rather than read
    # as an answer the person may not have meant.
    resectable: bool | None = Field(
        None, strict=True, description="whether the whole tumor can be removed by surgery"
    )
    spread: list[Literal["lymph_nodes", "liver", "distant"]] | None = Field(
        None, description="where the cancer has spread; [] means it has not spread"
    )
    liver_dominant_severe_symptoms: bool | None = Field(
        None,
        strict=True,
        description="the cancer is mostly in the liver and causes severe symptoms from hormones "
        "or from the size of the tumor",
    )
    course: Literal["new", "recurrent", "progressive"] | None = Field(
        None,
        description="newly found, come back after treatment (recurrent), or still growing "
        "during treatment (progressive)",
    )
    responding_to_acid_drugs: bool | None = Field(
        None,
        strict=True,
        description="gastrinoma: whether symptoms get better with drugs that lower acid",
    )
    residual_after_surgery: bool | None = Field(
        None, strict=True, description="whether some tumor remains after surgery"
    )
    men1: bool | None = Field(
        None,
        strict=True,
        description="whether the person has multiple endocrine neoplasia type 1 (MEN1) syndrome",
    )

    @field_validator("sites", "spread", mode="before")
    @classmethod
    def _drop_repeats(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return list(dict.fromkeys(value))
        return value

    @model_validator(mode="before")
    @classmethod
    def _fill_what_follows(cls, data: Any) -> Any:
        return implied_facts(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _no_contradictions(self) -> Situation:
        # Raised as InvalidSituation (not ValueError) so that every caller learns which field
        # to change, whichever way the situation was built.
        from islet.errors import InvalidSituation

        if self.tumor_count == "none_found" and self.sites:
            raise InvalidSituation(
                "sites",
                "no tumor was found, so no site can be given; remove the sites or "
                "change tumor_count",
            )
        if self.tumor_count == "none_found" and self.size is not None:
            raise InvalidSituation(
                "size",
                "no tumor was found, so no size can be given; remove the size or "
                "change tumor_count",
            )
        # One tumor may reach across two neighbouring parts (PDQ's "body/tail").
        if (
            self.tumor_count == "single"
            and self.sites
            and len(self.sites) > 1
            and frozenset(self.sites) not in NEIGHBOURING_PARTS
        ):
            raise InvalidSituation(
                "sites",
                "one tumor can span two neighbouring parts of the pancreas (head and "
                "body, or body and tail), not these; give its main site, or set "
                "tumor_count to multiple",
            )
        if (
            self.liver_dominant_severe_symptoms
            and self.spread is not None
            and "liver" not in self.spread
        ):
            raise InvalidSituation(
                "liver_dominant_severe_symptoms",
                "says the cancer is mostly in the liver, but spread does not include the liver",
            )
        return self


# The parts of the pancreas one tumor can span: each pair lies side by side.
NEIGHBOURING_PARTS = (frozenset({"head", "body"}), frozenset({"body", "tail"}))

# For each fact, the facts an answer to it can settle through ``implied_facts``.
SETTLES_TOO: dict[str, tuple[str, ...]] = {
    "tumor_count": ("sites",),
    "spread": ("liver_dominant_severe_symptoms",),
}


def implied_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` with the facts that follow from them filled in: no tumor found means no known
    site, a cancer that has not reached the liver cannot be mostly in the liver, and a cancer
    mostly in the liver has spread to the liver."""
    if facts.get("tumor_count") == "none_found" and facts.get("sites") is None:
        facts = {**facts, "sites": []}
    if facts.get("liver_dominant_severe_symptoms") is True and facts.get("spread") is None:
        facts = {**facts, "spread": ["liver"]}
    spread = facts.get("spread")
    if (
        isinstance(spread, list | tuple)
        and "liver" not in spread
        and facts.get("liver_dominant_severe_symptoms") is None
    ):
        facts = {**facts, "liver_dominant_severe_symptoms": False}
    return facts


FactKind = Literal["one", "many", "yesno"]


@cache
def fact_kind(fact: str) -> FactKind:
    """Whether a Situation fact holds one value, a list of values, or yes/no."""
    annotation = Situation.model_fields[fact].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args == [bool]:
        return "yesno"
    if args and get_origin(args[0]) is list:
        return "many"
    return "one"


@cache
def fact_values(fact: str) -> tuple[str, ...] | tuple[bool, ...]:
    """The values a Situation fact can take (for a list fact: the values its items can take)."""
    annotation = Situation.model_fields[fact].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args == [bool]:
        return (True, False)
    inner = get_args(args[0])[0] if get_origin(args[0]) is list else args[0]
    return tuple(str(v) for v in get_args(inner))


AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()
RuleOption.model_rebuild()
Rule.model_rebuild()
