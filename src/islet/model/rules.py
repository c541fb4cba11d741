"""Treatment-option rules: one PDQ bullet each, a condition over the facts of a Situation and
the options it lists.

Conditions are data; the guide evaluates them with three values (true, false, unknown).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from islet.model.content import Id, Item, Source, Strict
from islet.model.situation import FactKind, fact_kind, fact_values

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
    with_or_without: list[Id] = Field(default_factory=list)  # e.g. systemic chemotherapy
    # Given together, e.g. vagotomy plus an acid-lowering drug.
    together_with: list[Id] = Field(default_factory=list)
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
    passages: list[Annotated[str, Field(pattern=r"^[0-9a-f]{12}(#[0-9]+)?$")]] = Field(
        default_factory=list
    )
