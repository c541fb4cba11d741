"""FHIR R4 Observations for the calculators' results, shaped after the mCODE profiles.

- :func:`stage_bundle`: a ``collection`` Bundle with the TNM stage group Observation (LOINC
  21908-9 clinical or 21902-2 pathological, the AJCC 8th group as its value, the AJCC 8th edition
  as its method) and the T, N and M category Observations it lists in ``hasMember``.
- :func:`grade_observation`: a histologic grade Observation (NCIt C18000, the low, intermediate
  or high grade as its value, the Ki-67 index as a component).

Every code comes from ``knowledge/codes.yaml`` through the CDS data, and every resource carries a
note naming its source. Status is ``preliminary``: Islet computed it; no clinician recorded it.
"""

from __future__ import annotations

import uuid
from typing import Any

from islet.calculators.grading import GradeResult
from islet.calculators.staging import StageResult
from islet.cds.data import Basis, CodeIndex, code_index
from islet.errors import CannotCompute

FHIR_JSON = "application/fhir+json"
UCUM = "http://unitsofmeasure.org"


def basis_of(basis: str | None, t: str | None, n: str | None, m: str | None = None) -> Basis:
    """Clinical or pathological: as given, or from the c/p prefix of T and N (M is often
    clinical even in a pathological stage, as in pT2 pN0 cM0, so it does not decide)."""
    if basis in ("clinical", "pathological"):
        return basis  # type: ignore[return-value]
    if basis is not None:
        raise CannotCompute("the stage basis must be clinical or pathological", "basis")
    prefixes = {c.strip()[:1].lower() for c in (t, n) if c and c.strip()}
    if prefixes == {"p"}:
        return "pathological"
    if prefixes == {"c"}:
        return "clinical"
    raise CannotCompute(
        "FHIR output needs to know whether the stage is clinical or pathological: give the "
        "basis, or write T and N with their c or p prefix (cT2 cN0, pT2 pN0)",
        "basis",
    )


def stage_bundle(
    result: StageResult, basis: Basis, index: CodeIndex | None = None
) -> dict[str, Any]:
    """The stage group and its T, N and M categories as a FHIR collection Bundle."""
    if result.stage is None:
        raise CannotCompute(
            "the stage group is not settled ("
            + "; ".join(result.needed)
            + "), so there is no stage group Observation to write",
            "t",
        )
    index = index or code_index()
    out = index.data.output
    note = out.stage_note.format(
        inputs=result.tnm,
        system=result.system,
        section=result.source.section,
        date=result.source.version_date,
    )
    method = _concept(index, out.staging_method)
    prefix = "p" if basis == "pathological" else "c"
    members = []
    for axis, value in (("t", result.t_notation), ("n", result.n), ("m", result.m)):
        code_id = getattr(out.tnm_category[axis], basis)  # type: ignore[index]
        members.append(
            _observation(
                _concept(index, code_id),
                {"valueCodeableConcept": {"text": f"{prefix}{value}"}},
                method,
                note,
            )
        )
    group = _observation(
        _concept(index, getattr(out.stage_group, basis)),
        {"valueCodeableConcept": {"text": f"Stage {result.stage}"}},
        method,
        note,
    )
    entries = [group, *members]
    urls = [f"urn:uuid:{uuid.uuid4()}" for _ in entries]
    group["hasMember"] = [{"reference": url} for url in urls[1:]]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": url, "resource": r} for url, r in zip(urls, entries, strict=True)],
    }


def grade_observation(result: GradeResult, index: CodeIndex | None = None) -> dict[str, Any]:
    """The WHO grade as an mCODE-shaped histologic grade Observation."""
    index = index or code_index()
    out = index.data.output
    inputs = "; ".join(result.reasons) or (result.differentiation or "") + " differentiation"
    note = out.grade_note.format(
        inputs=inputs, system=result.system, citation=result.source.citation or ""
    )
    value = _concept(index, out.grade_levels[result.level])
    value["text"] = result.grade
    observation = _observation(
        _concept(index, out.grade),
        {"valueCodeableConcept": value},
        {"text": result.system},
        note,
    )
    if not result.complete:
        # one measure is missing: the value is the least the grade can be (its first note says so)
        observation["note"].append({"text": result.notes[0]})
    if result.ki67_percent is not None:
        observation["component"] = [
            {
                "code": _concept(index, out.ki67),
                "valueQuantity": {
                    "value": result.ki67_percent,
                    "unit": "%",
                    "system": UCUM,
                    "code": "%",
                },
            }
        ]
    return observation


def _observation(
    code: dict[str, Any], value: dict[str, Any], method: dict[str, Any], note: str
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "preliminary",
        "code": code,
        **value,
        "method": method,
        "note": [{"text": note}],
    }


def _concept(index: CodeIndex, code_id: str) -> dict[str, Any]:
    coding = index.coding(code_id)
    return {"coding": [coding], "text": coding["display"]}
