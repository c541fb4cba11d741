"""The CDS Hooks service's data: which recorded codes Islet reads, and the words of its cards.

It lives in ``knowledge/cds/cds-hooks.yaml`` (a subfolder, so ``islet.kb`` does not load it) and is
validated here: every code id it names must be a code in ``knowledge/codes.yaml``, whose system has
a FHIR address. Looking a FHIR coding up goes through :class:`CodeIndex`, so Islet reads and
writes no code that ``codes.yaml`` does not record with its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from islet import kb as kb_module
from islet.errors import KnowledgeError
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase, load_data_file
from islet.model import Code, Id, Source, Strict, TumorTypeName

CDS_DATA = KNOWLEDGE_DIR / "cds" / "cds-hooks.yaml"

Basis = Literal["clinical", "pathological"]
Axis = Literal["t", "n", "m"]
Spread = Literal["lymph_nodes", "liver", "distant"]
Level = Literal["low", "intermediate", "high"]


class Service(Strict):
    id: Id
    hook: Literal["patient-view"]
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class TumorCode(Strict):
    code: Id
    tumor_type: TumorTypeName | None
    needs_pancreas: bool = False


class ByBasis(Strict):
    clinical: list[Id]
    pathological: list[Id]
    unspecified: list[Id] = Field(default_factory=list)


class TnmCodes(Strict):
    t: ByBasis
    n: ByBasis
    m: ByBasis


class TnmSpread(Strict):
    source: Source
    n: dict[str, list[Spread]]
    m: dict[str, list[Spread]]


class BasisCodes(Strict):
    clinical: Id
    pathological: Id


class Output(Strict):
    stage_group: BasisCodes
    tnm_category: dict[Axis, BasisCodes]
    staging_method: Id
    grade: Id
    grade_levels: dict[Level, Id]
    ki67: Id
    stage_note: str = Field(min_length=1)
    grade_note: str = Field(min_length=1)


class CardWords(Strict):
    source_label: str
    trials_source_label: str
    summary_options: str
    summary_none: str
    summary_trials: str
    tumor_unknown: str
    heading_applies: str
    heading_depends: str
    heading_unknown: str
    heading_gaps: str
    heading_record: str
    heading_trials: str
    depends_on: str
    read_type: str
    read_sites: str
    read_spread: str
    read_course: str
    read_grade: str
    read_stage: str
    read_stage_open: str
    read_conflict: str
    read_unverified: str
    read_unlinked: str
    read_codes: str
    read_no_grade: str
    read_no_mitoses: str
    read_mitoses_text: str
    read_grade_at_least: str
    disclaimer: str
    link_guide: str
    link_pdq: str
    link_trial: str


class MitoticCountText(Strict):
    """How a mitotic-count Observation is recognised: by words (no code for it is recorded)."""

    words: list[str] = Field(min_length=1)
    refused_units: list[str] = Field(default_factory=list)


class CdsData(Strict):
    service: Service
    systems: dict[str, str]
    tumor_codes: list[TumorCode] = Field(min_length=1)
    pancreas_codes: list[Id]
    site_codes: dict[Id, Literal["head", "body", "tail"]]
    spread_codes: dict[Id, Spread]
    recurrent_statuses: list[str]
    ki67_codes: list[Id]
    mitotic_count_text: MitoticCountText
    tnm_codes: TnmCodes
    tnm_spread: TnmSpread
    output: Output
    cards: CardWords

    def code_ids(self) -> Iterator[str]:
        """Every code id this file names."""
        yield from (t.code for t in self.tumor_codes)
        yield from self.pancreas_codes
        yield from self.site_codes
        yield from self.spread_codes
        yield from self.ki67_codes
        for axis in (self.tnm_codes.t, self.tnm_codes.n, self.tnm_codes.m):
            yield from (*axis.clinical, *axis.pathological, *axis.unspecified)
        out = self.output
        yield from (out.stage_group.clinical, out.stage_group.pathological)
        for codes in out.tnm_category.values():
            yield from (codes.clinical, codes.pathological)
        yield from (out.staging_method, out.grade, out.ki67, *out.grade_levels.values())


def data_problems(data: CdsData, kb: KnowledgeBase) -> list[str]:
    """Code ids that codes.yaml lacks, and code systems without a FHIR address."""
    problems = []
    for code_id in dict.fromkeys(data.code_ids()):
        code = kb.codes.get(code_id)
        if code is None:
            problems.append(f"cds/cds-hooks.yaml: code '{code_id}' is not in codes.yaml")
        elif code.system not in data.systems:
            problems.append(f"cds/cds-hooks.yaml: no FHIR address for code system '{code.system}'")
    return problems


def load_cds_data(path: Path = CDS_DATA, kb: KnowledgeBase | None = None) -> CdsData:
    """The validated CDS data; raises KnowledgeError naming each problem."""
    data = load_data_file(path, CdsData, "cds/" + path.name)
    problems = data_problems(data, kb or kb_module.load())
    if problems:
        raise KnowledgeError(problems)
    return data


@cache
def cds_data() -> CdsData:
    """The CDS data of the installed knowledge, loaded once."""
    return load_cds_data()


# ICD-O-3 morphology is written 8151/3, M-8151/3 or 81513.
_MORPHOLOGY = re.compile(r"^(?:M-?)?(\d{4})/?(\d)$")


def normalized(code: str) -> str:
    """A code as codes.yaml writes it (ICD-O-3 morphology spellings made one)."""
    code = code.strip()
    match = _MORPHOLOGY.match(code)
    return f"{match.group(1)}/{match.group(2)}" if match else code


@dataclass(frozen=True)
class CodeIndex:
    """The recorded codes by FHIR system address and code."""

    data: CdsData
    codes: dict[str, Code]

    def ids_for(self, system: str | None, code: str | None) -> list[str]:
        """The ids of the recorded codes this FHIR coding names (none when it names no code)."""
        if not system or not code:
            return []
        wanted = normalized(code)
        return [
            item.id
            for item in self.codes.values()
            if item.code == wanted and self.data.systems.get(item.system) == system
        ]

    def coding(self, code_id: str) -> dict[str, str]:
        """The FHIR Coding of a recorded code."""
        item = self.codes[code_id]
        return {"system": self.data.systems[item.system], "code": item.code, "display": item.label}

    def unverified(self, code_ids: Iterable[str]) -> list[Code]:
        return [self.codes[i] for i in dict.fromkeys(code_ids) if not self.codes[i].verified]


def code_index(kb: KnowledgeBase | None = None) -> CodeIndex:
    """An index over the codes the CDS data names."""
    data = cds_data()
    codes = (kb or kb_module.load()).codes
    return CodeIndex(data, {i: codes[i] for i in dict.fromkeys(data.code_ids())})
