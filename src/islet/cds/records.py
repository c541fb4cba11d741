"""What a patient's FHIR record says about a pancreatic NET, read through the recorded codes.

:func:`read_record` looks only at codings that ``knowledge/codes.yaml`` records (through the
:class:`~islet.cds.data.CodeIndex`): the tumor type and site from Conditions, spread from spread
codes and from the AJCC N and M categories, recurrence from the clinical status, the Ki-67 index
and the T, N and M categories from Observations. Nothing is guessed: a fact the record does not
code stays unknown.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from islet.cds import fhir_in
from islet.cds.data import Axis, CodeIndex, Spread
from islet.errors import InvalidSituation
from islet.guide import Situation, situation_from

# Conditions and Observations that do not describe the patient as they are now.
SKIPPED_CONDITION_STATUSES = {"inactive", "remission", "resolved"}
SKIPPED_VERIFICATION = {"refuted", "entered-in-error"}
SKIPPED_OBSERVATION_STATUSES = {"registered", "cancelled", "entered-in-error", "unknown"}
# An AJCC category in a code or in words ("cT2", "pN0", "American Joint Committee on Cancer cM0").
CATEGORY = {
    "t": re.compile(r"(?<![A-Za-z0-9])[cpy]?(T[1-4]|TX)(?![A-Za-z0-9])"),
    "n": re.compile(r"(?<![A-Za-z0-9])[cpy]?(N[01]|NX)(?![A-Za-z0-9])"),
    "m": re.compile(r"(?<![A-Za-z0-9])[cpy]?(M0|M1[abc]?)(?![A-Za-z0-9])"),
}


@dataclass
class RecordFacts:
    """What the record codes, with the ids of the codes each fact was read from."""

    pnet: bool = False
    tumor_types: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    coded_spread: list[Spread] = field(default_factory=list)
    recurrent: bool = False
    ki67: float | None = None
    mitoses: float | None = None  # per 2 mm² (10 HPF), from an Observation matched by its words
    mitoses_words: str | None = None  # the words it was recognised by
    mitoses_problem: str | None = None  # why a mitotic count in the record was not used
    tnm: dict[Axis, str] = field(default_factory=dict)
    codes_read: list[str] = field(default_factory=list)
    condition_refs: set[str] = field(default_factory=set)  # "Condition/<id>" of the pNET
    unlinked: bool = False  # values read from Observations that name no condition (no focus)

    def situation(self, index: CodeIndex) -> Situation:
        """The guide's Situation for what is coded; unknown facts stay unknown."""
        facts: dict[str, Any] = {}
        if len(self.tumor_types) == 1:
            facts["tumor_type"] = self.tumor_types[0]
        if self.sites:
            facts["sites"] = self.sites
        spread = self.spread(index)
        if spread is not None:
            facts["spread"] = spread
        if self.recurrent:
            facts["course"] = "recurrent"
        try:
            return situation_from(facts)
        except InvalidSituation:
            # Facts the guide finds contradictory: keep only the tumor type rather than guess.
            return situation_from({k: v for k, v in facts.items() if k == "tumor_type"})

    def spread(self, index: CodeIndex) -> list[str] | None:
        """Where it has spread: from N and M when both say, plus spread codes on Conditions."""
        table = index.data.tnm_spread
        n, m = self.tnm.get("n"), self.tnm.get("m")
        from_tnm: list[str] | None = None
        if n in table.n and m in table.m:
            from_tnm = [*table.n[n], *table.m[m]]
        if from_tnm is None and not self.coded_spread:
            return None
        return list(dict.fromkeys([*(from_tnm or []), *self.coded_spread]))


def read_record(
    conditions: list[fhir_in.Condition],
    observations: list[fhir_in.Observation],
    index: CodeIndex,
) -> RecordFacts:
    """The facts the record codes about a pancreatic NET (``pnet`` False when it codes none)."""
    facts = RecordFacts()
    data = index.data
    tumor_codes = {t.code: t for t in data.tumor_codes}
    pancreas = set(data.pancreas_codes)
    for condition in conditions:
        if not _current(condition):
            continue
        ids = [i for concept in condition.concepts() for i in _ids(concept, index)]
        in_pancreas = any(i in pancreas for i in ids)
        tumors = [
            tumor_codes[i]
            for i in ids
            if i in tumor_codes and (in_pancreas or not tumor_codes[i].needs_pancreas)
        ]
        spread = [i for i in ids if i in data.spread_codes]
        facts.coded_spread += [data.spread_codes[i] for i in spread if data.spread_codes[i]]
        facts.codes_read += spread
        if not tumors:
            continue
        facts.pnet = True
        if condition.id:
            facts.condition_refs.add(f"Condition/{condition.id}")
        facts.codes_read += [t.code for t in tumors]
        facts.tumor_types += [t.tumor_type for t in tumors if t.tumor_type]
        sites = [i for i in ids if i in data.site_codes]
        facts.sites += [data.site_codes[i] for i in sites]
        facts.codes_read += sites
        status = _codes(condition.clinical_status)
        facts.recurrent = facts.recurrent or bool(status & set(data.recurrent_statuses))
    facts.tumor_types = list(dict.fromkeys(facts.tumor_types))
    facts.sites = list(dict.fromkeys(facts.sites))
    facts.coded_spread = list(dict.fromkeys(facts.coded_spread))
    _read_observations(facts, observations, index)
    facts.codes_read = list(dict.fromkeys(facts.codes_read))
    return facts


def _read_observations(
    facts: RecordFacts, observations: list[fhir_in.Observation], index: CodeIndex
) -> None:
    data = index.data
    axes: dict[str, Axis] = {}
    for axis in ("t", "n", "m"):
        codes = getattr(data.tnm_codes, axis)
        for code_id in (*codes.clinical, *codes.pathological, *codes.unspecified):
            axes[code_id] = axis
    newest: dict[str, tuple[str, fhir_in.Observation, str]] = {}
    for observation in observations:
        if observation.status in SKIPPED_OBSERVATION_STATUSES or not _about_pnet(
            observation, facts
        ):
            continue
        found: list[tuple[str, str]] = []
        for code_id in _ids(observation.code, index):
            kind = "ki67" if code_id in data.ki67_codes else axes.get(code_id)
            if kind is not None:
                found.append((kind, code_id))
        if not found:
            words = _mitotic_words(observation.code, data.mitotic_count_text.words)
            found = [("mitoses", words)] if words else []
        for what, code_id in found:
            seen = newest.get(what)
            if seen is None or observation.when > seen[0]:
                newest[what] = (observation.when, observation, code_id)
    if "ki67" in newest:
        _, observation, code_id = newest["ki67"]
        value = observation.value_quantity.value if observation.value_quantity else None
        if value is not None:
            facts.ki67 = float(value)
            facts.codes_read.append(code_id)
            facts.unlinked = facts.unlinked or not observation.focus
    if "mitoses" in newest:
        _, observation, words = newest["mitoses"]
        count, problem = _mitotic_count(observation, data.mitotic_count_text.refused_units)
        if count is not None:
            facts.mitoses, facts.mitoses_words = count, words
            facts.unlinked = facts.unlinked or not observation.focus
        else:
            facts.mitoses_problem = problem
    tnm: tuple[Axis, ...] = ("t", "n", "m")
    for axis in tnm:
        if axis in newest:
            _, observation, code_id = newest[axis]
            category = _category(observation, axis)
            if category is not None:
                facts.tnm[axis] = category
                facts.codes_read.append(code_id)
                facts.unlinked = facts.unlinked or not observation.focus


def _mitotic_words(concept: fhir_in.Concept, words: list[str]) -> str | None:
    """The configured words (a text match, not a code) found in the code's text or displays."""
    texts = [concept.text or "", *(c.display or "" for c in concept.coding)]
    text = " ".join(" ".join(texts).lower().split())
    return next((w for w in words if w.lower() in text), None)


def _mitotic_count(
    observation: fhir_in.Observation, refused_units: list[str]
) -> tuple[float | None, str]:
    """Mitoses per 2 mm² from valueQuantity or valueInteger, or why the value cannot be used."""
    quantity = observation.value_quantity
    if quantity is not None and quantity.value is not None:
        units = {u for u in (quantity.unit, quantity.code) if u}
        refused = units & set(refused_units)
        if refused:
            return None, f"its unit is {sorted(refused)[0]}, not a count per 2 mm² or 10 HPF"
        value: float = quantity.value
    elif observation.value_integer is not None:
        value = observation.value_integer
    else:
        return None, "it has no number (valueQuantity or valueInteger)"
    if not math.isfinite(value) or value < 0:
        return None, f"{value:g} is not a count of mitoses"
    return float(value), ""


def _category(observation: fhir_in.Observation, axis: str) -> str | None:
    """The AJCC category an Observation's value names, from its codes or its words."""
    concept = observation.value_concept
    texts = [observation.value_string or ""]
    if concept is not None:
        texts += [c.code or "" for c in concept.coding if c.system == "http://cancerstaging.org"]
        texts += [c.display or "" for c in concept.coding] + [concept.text or ""]
    for text in texts:
        match = CATEGORY[axis].search(text)
        if match:
            return match.group(1)
    return None


def _about_pnet(observation: fhir_in.Observation, facts: RecordFacts) -> bool:
    """An Observation with a focus counts only when it points at a pNET Condition; one without
    a focus is read, and the card says that it was not linked to a condition."""
    refs = {r.reference for r in observation.focus if r.reference}
    if not observation.focus:
        return True
    return any(ref.split("/_history")[0].endswith(tuple(facts.condition_refs)) for ref in refs)


def _current(condition: fhir_in.Condition) -> bool:
    return not (
        _codes(condition.clinical_status) & SKIPPED_CONDITION_STATUSES
        or _codes(condition.verification_status) & SKIPPED_VERIFICATION
    )


def _codes(concept: fhir_in.Concept | None) -> set[str]:
    return {c.code for c in concept.coding if c.code} if concept else set()


def _ids(concept: fhir_in.Concept, index: CodeIndex) -> list[str]:
    return [i for coding in concept.coding for i in index.ids_for(coding.system, coding.code)]
