"""The words the trial finder reads registry records with, loaded once from
``knowledge/trials/vocabulary.yaml``.

Word lists are data, not code: names of pancreatic NETs, functional status, MEN1, WHO grades,
treatment concepts and the plain-English cue words of eligibility text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from islet.errors import KnowledgeError
from islet.kb import load_data_file
from islet.model import Source
from islet.paths import knowledge_file
from islet.text import phrase_pattern

VOCABULARY_FILE = knowledge_file("trials", "vocabulary.yaml")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Names(_Frozen):
    source: Source
    names: list[str] = Field(min_length=1)


class FunctionalStatus(_Frozen):
    source: Source
    nonfunctional: list[str] = Field(min_length=1)
    functional: list[str] = Field(min_length=1)


class Ki67Range(_Frozen):
    low: float
    high: float


class Grades(_Frozen):
    source: Source
    words: dict[int, list[str]]
    ki67_percent: dict[int, Ki67Range]


class TreatmentConcept(_Frozen):
    names: list[str] = Field(min_length=1)
    groups: list[str] = []
    citation: str | None = None  # for drugs PDQ does not name ([EXTERNAL])


class Treatments(_Frozen):
    source: Source
    concepts: dict[str, TreatmentConcept]


class Cues(_Frozen):
    inclusion_heading: list[str]
    exclusion_heading: list[str]
    excludes: list[str]
    allows: list[str]
    negates_at_start: list[str]
    negates: list[str]
    prior_treatment: list[str]
    not_counting: list[str]
    carcinoma: list[str]
    tumor_grade_context: list[str]
    toxicity_context: list[str]
    time_limit: list[str]
    temporal: list[str]
    conditional_start: list[str]


class Vocabulary(_Frozen):
    general_names: Names
    functional_status: FunctionalStatus
    men1: Names
    grades: Grades
    treatments: Treatments
    cues: Cues

    def treatment_names(self) -> list[str]:
        """The name of each treatment the screening recognises, sorted without regard to case."""
        return sorted({c.names[0] for c in self.treatments.concepts.values()}, key=str.lower)


@cache
def vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The validated vocabulary; raises KnowledgeError when the file is broken."""
    where = f"trials/{path.name}"
    vocab = load_data_file(path, Vocabulary, where)
    unknown = [
        f"{where}: treatment {name} names unknown group {group}"
        for name, concept in vocab.treatments.concepts.items()
        for group in concept.groups
        if group not in vocab.treatments.concepts
    ]
    if unknown:
        raise KnowledgeError(unknown)
    return vocab


@cache
def cue_pattern(cue: str) -> re.Pattern[str]:
    """The pattern for one list of cue words in vocabulary.yaml, e.g. "prior_treatment"."""
    words: list[str] = getattr(vocabulary().cues, cue)
    return phrase_pattern(words)
