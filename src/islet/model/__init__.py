"""Domain types of Islet's knowledge base, in four modules:

- ``content``: the knowledge items (sections, tumor types, symptoms, tests, treatments,
  glossary terms, codes, PDQ facts), each with its ``source``;
- ``marks``: glossary marks (``[[term-id]]``) in patient text;
- ``rules``: treatment-option rules, one PDQ bullet each, with conditions as data;
- ``situation``: what a person describes to the guide, and the facts that follow from it.

Every name is re-exported here, so ``from islet.model import Situation`` works as it always has.
"""

from __future__ import annotations

from islet.model.content import (
    ID_PATTERN,
    Audience,
    Behaviour,
    Code,
    DiagnosticTest,
    ExternalFact,
    GlossaryTerm,
    Id,
    Item,
    PdqInfo,
    Section,
    Site,
    Source,
    Strict,
    Symptom,
    SymptomPattern,
    TextItem,
    Treatment,
    TreatmentAbout,
    TreatmentKind,
    TumorType,
    VersionDate,
)
from islet.model.marks import GLOSSARY_MARK, glossary_marks, plain_text
from islet.model.rules import (
    AllOf,
    AnyOf,
    Condition,
    FactHasAny,
    FactIn,
    FactIs,
    FactName,
    Not,
    Rule,
    RuleOption,
)
from islet.model.situation import (
    NEIGHBOURING_PARTS,
    SETTLES_TOO,
    FactKind,
    Situation,
    TumorTypeName,
    fact_kind,
    fact_values,
    implied_facts,
)

__all__ = [
    "GLOSSARY_MARK",
    "ID_PATTERN",
    "NEIGHBOURING_PARTS",
    "SETTLES_TOO",
    "AllOf",
    "AnyOf",
    "Audience",
    "Behaviour",
    "Code",
    "Condition",
    "DiagnosticTest",
    "ExternalFact",
    "FactHasAny",
    "FactIn",
    "FactIs",
    "FactKind",
    "FactName",
    "GlossaryTerm",
    "Id",
    "Item",
    "Not",
    "PdqInfo",
    "Rule",
    "RuleOption",
    "Section",
    "Site",
    "Situation",
    "Source",
    "Strict",
    "Symptom",
    "SymptomPattern",
    "TextItem",
    "Treatment",
    "TreatmentAbout",
    "TreatmentKind",
    "TumorType",
    "TumorTypeName",
    "VersionDate",
    "fact_kind",
    "fact_values",
    "glossary_marks",
    "implied_facts",
    "plain_text",
]
