"""Building CDS Hooks requests and FHIR resources for the CDS tests, and the card rules."""

from __future__ import annotations

import copy
from typing import Any

SYSTEMS = {
    "icd-o-3": "http://terminology.hl7.org/CodeSystem/icd-o-3",
    "icd-10-cm": "http://hl7.org/fhir/sid/icd-10-cm",
    "loinc": "http://loinc.org",
    "snomed": "http://snomed.info/sct",
    "ajcc": "http://cancerstaging.org",
    "local": "http://lab.example.org/codes",  # a laboratory's own codes, recorded nowhere
}
PATIENT = "1288992"
SERVICE = "/cds-services/islet-pnet-options"


def coding(pair: list[str]) -> dict[str, Any]:
    """A CodeableConcept from [system, code] or [system, code, display]."""
    one = {"system": SYSTEMS[pair[0]], "code": pair[1]}
    if len(pair) > 2:
        one["display"] = pair[2]
    return {"coding": [one]}


def condition(row: dict[str, Any], patient: str = PATIENT) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Condition",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": row.get("status", "active"),
                }
            ]
        },
        "code": coding(row["code"]),
        "subject": {"reference": f"Patient/{patient}"},
    }
    if "id" in row:
        resource["id"] = row["id"]
    if "site" in row:
        resource["bodySite"] = [coding(row["site"])]
    return resource


def observation(row: dict[str, Any], patient: str = PATIENT) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "code": coding(row["code"]) if "code" in row else {"text": row["code_text"]},
        "subject": {"reference": f"Patient/{patient}"},
        "effectiveDateTime": "2025-03-01",
    }
    if "quantity" in row:
        resource["valueQuantity"] = {"value": row["quantity"], "unit": row.get("unit", "%")}
    if "integer" in row:
        resource["valueInteger"] = row["integer"]
    if "string" in row:
        resource["valueString"] = row["string"]
    if "value" in row:
        value = dict(row["value"])
        value["system"] = SYSTEMS[value["system"]]
        resource["valueCodeableConcept"] = {"coding": [value]}
    if "text" in row:
        resource["valueCodeableConcept"] = {"text": row["text"]}
    if "focus" in row:
        resource["focus"] = [{"reference": f"Condition/{row['focus']}"}]
    return resource


def bundle(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(resources),
        "entry": [{"fullUrl": f"urn:uuid:{i}", "resource": r} for i, r in enumerate(resources)],
    }


def hook_request(case: dict[str, Any], patient: str = PATIENT) -> dict[str, Any]:
    """The CDS Hooks specification's example patient-view request, with this patient's record
    as prefetch."""
    return {
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "fhirServer": "http://hooks.smarthealthit.org:9080",
        "hook": "patient-view",
        "context": {"userId": "Practitioner/example", "patientId": patient},
        "prefetch": {
            "patient": {"resourceType": "Patient", "id": patient, "gender": "female"},
            "conditions": bundle([condition(c, patient) for c in case["conditions"]]),
            "observations": bundle([observation(o, patient) for o in case["observations"]]),
        },
    }


INSULINOMA = {"conditions": [{"code": ["icd-o-3", "8151/0"], "site": ["icd-o-3", "C25.2"]}],
              "observations": []}  # fmt: skip


def changed(request: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """``request`` with the case's fields dropped and set."""
    out = copy.deepcopy(request)
    drop = case.get("drop", [])
    for key in [drop] if isinstance(drop, str) else drop:
        out.pop(key, None)
    out.update(copy.deepcopy(case.get("set", {})))
    return out


def assert_card_rules(card: dict[str, Any]) -> None:
    """The CDS Hooks rules every card must follow, and Islet's own: PDQ named as the source."""
    assert isinstance(card["summary"], str) and 0 < len(card["summary"]) <= 140
    assert card["indicator"] in ("info", "warning", "critical")
    assert "PDQ" in card["source"]["label"] and "Islet" in card["source"]["label"]
    assert card["source"]["url"].startswith("https://www.cancer.gov/")
    assert isinstance(card["detail"], str)
    for link in card.get("links", []):
        assert link["type"] == "absolute" and link["url"].startswith(("http://", "https://"))
        assert link["label"]
