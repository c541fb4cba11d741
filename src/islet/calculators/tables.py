"""The calculator tables (AJCC 8th, ENETS, WHO 2019) as validated data, loaded once.

The tables live in ``islet/knowledge/calculators/*.yaml``, a subfolder that ``islet.kb`` does not
read; this module gives them their own schema. Every table names its source; ENETS and WHO are
[EXTERNAL] and must carry an external source with a citation.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, model_validator

from islet.kb import load_data_file
from islet.model import ExternalFact, Id, Source, Strict
from islet.paths import knowledge_file

TABLES_DIR = knowledge_file("calculators")

TCode = Literal["TX", "T1", "T2", "T3", "T4"]
NCode = Literal["NX", "N0", "N1"]
MCode = Literal["M0", "M1", "M1a", "M1b", "M1c"]


class Bounds(Strict):
    """A range of numbers; every bound that is given must hold."""

    greater_than: float | None = None
    at_least: float | None = None
    less_than: float | None = None
    at_most: float | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Bounds:
        if all(b is None for b in (self.greater_than, self.at_least, self.less_than, self.at_most)):
            raise ValueError("a range needs at least one bound")
        return self

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies in the range (NaN never does)."""
        if math.isnan(value):
            return False
        return (
            (self.greater_than is None or value > self.greater_than)
            and (self.at_least is None or value >= self.at_least)
            and (self.less_than is None or value < self.less_than)
            and (self.at_most is None or value <= self.at_most)
        )

    def describe(self, unit: str) -> str:
        """The range in words, e.g. 'at least 2 and at most 4 cm'."""
        parts = []
        for label, bound in (
            ("more than", self.greater_than),
            ("at least", self.at_least),
            ("less than", self.less_than),
            ("at most", self.at_most),
        ):
            if bound is not None:
                parts.append(f"{label} {bound:g}")
        return " and ".join(parts) + unit


class Category(Strict):
    code: str
    meaning: str = Field(min_length=1)


class TCategory(Category):
    code: TCode
    size_cm: Bounds | None = None  # the size range giving this category when confined


class NCategory(Category):
    code: NCode


class MCategory(Category):
    code: MCode


class Structure(Strict):
    """A place a primary tumor can grow into, and the T category that growth gives."""

    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)
    t: Literal["T3", "T4"] | None
    note: str | None = None


class MetastasisSite(Strict):
    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)
    liver: bool


class GroupRow(Strict):
    """One row of a stage table; ``any`` matches every category of that axis."""

    t: list[TCode] | Literal["any"]
    n: list[NCode] | Literal["any"]
    m: list[MCode] | Literal["any"]

    def matches(self, t: str, n: str, m: str) -> bool:
        return all(
            axis == "any" or value in axis
            for axis, value in ((self.t, t), (self.n, n), (self.m, m))
        )


class StageGroup(Strict):
    stage: str
    rows: list[GroupRow] = Field(min_length=1)
    unverified: str | None = None  # why this row is not confirmed in Islet's sources


class AjccTable(Strict):
    system: str
    source: Source
    structures: list[Structure]
    t_categories: list[TCategory]
    multiple_tumors: str
    n_categories: list[NCategory]
    m_categories: list[MCategory]
    metastasis_sites: list[MetastasisSite]
    stage_groups: list[StageGroup]
    external: list[ExternalFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _pdq_source(self) -> AjccTable:
        if self.source.document != "professional":
            raise ValueError("the AJCC table comes from the PDQ health-professional version")
        return self

    def t_category(self, code: str) -> TCategory:
        return next(c for c in self.t_categories if c.code == code)

    def n_category(self, code: str) -> NCategory:
        return next(c for c in self.n_categories if c.code == code)

    def m_category(self, code: str) -> MCategory:
        return next(c for c in self.m_categories if c.code == code)


class EnetsTable(Strict):
    system: str
    source: Source
    note: str
    stage_groups: list[StageGroup]

    @model_validator(mode="after")
    def _external_source(self) -> EnetsTable:
        if self.source.document != "external":
            raise ValueError("ENETS is not part of PDQ: its source must be external")
        return self


class WhoGrade(Strict):
    id: Id
    grade: str
    level: Literal["low", "intermediate", "high"]
    ki67_percent: Bounds
    mitoses_per_2mm2: Bounds


class PoorlyDifferentiated(Strict):
    id: Id
    grade: str
    level: Literal["high"]
    expected_ki67_percent: Bounds
    expected_mitoses_per_2mm2: Bounds
    note: str


class WhoTable(Strict):
    system: str
    source: Source
    grades: list[WhoGrade] = Field(min_length=1)
    poorly_differentiated: PoorlyDifferentiated
    counting: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _external_source(self) -> WhoTable:
        if self.source.document != "external":
            raise ValueError("WHO grading is not part of PDQ: its source must be external")
        return self


TableT = TypeVar("TableT", AjccTable, EnetsTable, WhoTable)


def _read(directory: Path, name: str, model: type[TableT]) -> TableT:
    return load_data_file(directory / name, model, f"calculators/{name}")


@cache
def ajcc(directory: Path = TABLES_DIR) -> AjccTable:
    """The AJCC 8th pNET table; raises KnowledgeError when it is missing or invalid."""
    return _read(directory, "ajcc-pnet.yaml", AjccTable)


@cache
def enets(directory: Path = TABLES_DIR) -> EnetsTable:
    """The ENETS stage table ([EXTERNAL])."""
    return _read(directory, "enets-pnet.yaml", EnetsTable)


@cache
def who(directory: Path = TABLES_DIR) -> WhoTable:
    """The WHO 2019 grading table ([EXTERNAL])."""
    return _read(directory, "who-grading.yaml", WhoTable)
