"""FHIR R4 output of the calculators (mCODE-shaped Observations), through the core, the CLI
(--fhir) and the API (?format=fhir or Accept: application/fhir+json). Every resource Islet emits
is validated with fhir.resources, and every code in it is one codes.yaml records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from typer.testing import CliRunner

from islet import kb as kb_module
from islet.calculators.grading import grade
from islet.calculators.staging import stage
from islet.cds.data import code_index
from islet.cds.observations import grade_observation, stage_bundle
from islet.cli import app
from tests.webapp import client

STAGES = [
    # t, n, m, basis, LOINC of the stage group, expected group
    ("T1", "N0", "M0", "clinical", "21908-9", "I"),
    ("T3", "N0", "M0", "pathological", "21902-2", "II"),
    ("T4", "N0", "M0", "clinical", "21908-9", "III"),
    ("T2", "N1", "M0", "pathological", "21902-2", "III"),
    ("T1", "N0", "M1b", "clinical", "21908-9", "IV"),
]
GRADES = [(1.0, None, "NET G1", "1155708003"), (12.0, 3.0, "NET G2", "1286893008"),
          (35.0, None, "NET G3", "1155707008")]  # fmt: skip


def codings(resource: Any) -> list[dict[str, str]]:
    """Every Coding anywhere in a resource."""
    found = []
    if isinstance(resource, dict):
        if "system" in resource and "code" in resource and "value" not in resource:
            found.append(resource)
        for value in resource.values():
            found += codings(value)
    elif isinstance(resource, list):
        for value in resource:
            found += codings(value)
    return found


def assert_recorded(resource: dict[str, Any]) -> None:
    index = code_index(kb_module.load())
    for coding in codings(resource):
        if coding["system"] == "http://unitsofmeasure.org":
            continue  # a unit, not a code
        assert index.ids_for(coding["system"], coding["code"]), coding


def valid_observations(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    Bundle.parse_obj(bundle)
    resources = [entry["resource"] for entry in bundle["entry"]]
    for resource in resources:
        Observation.parse_obj(resource)
        assert resource["status"] == "preliminary"
        assert resource["note"][0]["text"]
    return resources


@pytest.mark.parametrize(("t", "n", "m", "basis", "loinc", "group"), STAGES)
def test_stage_bundle(t: str, n: str, m: str, basis: str, loinc: str, group: str) -> None:
    bundle = stage_bundle(stage(t, n, m), basis)  # type: ignore[arg-type]
    stage_group, *members = valid_observations(bundle)
    assert stage_group["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": loinc,
        "display": stage_group["code"]["coding"][0]["display"],
    }
    assert stage_group["valueCodeableConcept"]["text"] == f"Stage {group}"
    assert stage_group["method"]["coding"][0]["code"] == "897275008"  # AJCC 8th edition
    assert (
        "PDQ" in stage_group["note"][0]["text"] and f"{t} {n} {m}" in stage_group["note"][0]["text"]
    )
    urls = [entry["fullUrl"] for entry in bundle["entry"][1:]]
    assert [ref["reference"] for ref in stage_group["hasMember"]] == urls
    prefix = basis[0]
    assert [o["valueCodeableConcept"]["text"] for o in members] == [
        f"{prefix}{t}",
        f"{prefix}{n}",
        f"{prefix}{m}",
    ]
    assert_recorded(bundle)


@pytest.mark.parametrize(("ki67", "mitoses", "name", "snomed"), GRADES)
def test_grade_observation(ki67: float, mitoses: float | None, name: str, snomed: str) -> None:
    resource = grade_observation(grade(ki67=ki67, mitoses=mitoses))
    Observation.parse_obj(resource)
    assert resource["code"]["coding"][0]["code"] == "C18000"  # NCIt Histologic Grade
    assert resource["valueCodeableConcept"]["coding"][0]["code"] == snomed
    assert resource["valueCodeableConcept"]["text"] == name
    assert resource["component"][0]["valueQuantity"]["value"] == ki67
    assert "WHO" in resource["note"][0]["text"]
    assert_recorded(resource)


@pytest.mark.parametrize(
    ("ki67", "mitoses", "complete"), [(15, None, False), (15, 1, True), (30, None, True)]
)
def test_a_grade_from_one_measure_says_it_is_the_least(
    ki67: float, mitoses: float | None, complete: bool
) -> None:
    """WHO takes the higher of the two measures: a grade below G3 from one measure is 'at
    least' that grade, in the Observation as in the JSON (issue 13)."""
    resource = grade_observation(grade(ki67=ki67, mitoses=mitoses))
    Observation.parse_obj(resource)
    said = " ".join(note["text"] for note in resource["note"])
    assert ("at least NET G2" in said) is not complete


def test_an_unsettled_stage_has_no_stage_group_resource() -> None:
    from islet.errors import CannotCompute

    with pytest.raises(CannotCompute, match="not settled"):
        stage_bundle(stage("TX", "N0", "M0"), "clinical")


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["stage", "--t", "pT2", "--n", "pN0", "--m", "cM0", "--fhir"], "Bundle"),
        (
            ["stage", "--t", "T2", "--n", "N0", "--m", "M0", "--basis", "clinical", "--fhir"],
            "Bundle",
        ),
        (
            [
                "stage",
                "--size-cm",
                "2.5",
                "--invades",
                "none",
                "--nodes",
                "no",
                "--mets",
                "none",
                "--basis",
                "pathological",
                "--fhir",
            ],
            "Bundle",
        ),
        (["grade", "--ki67", "12", "--mitoses", "3", "--fhir"], "Observation"),
    ],
)
def test_cli_fhir(args: list[str], kind: str, runner: CliRunner) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    resource = json.loads(result.output)
    assert resource["resourceType"] == kind
    if kind == "Bundle":
        valid_observations(resource)
    else:
        Observation.parse_obj(resource)


def test_cli_fhir_stage_needs_the_basis(runner: CliRunner) -> None:
    result = runner.invoke(app, ["stage", "--t", "T2", "--n", "N0", "--m", "M0", "--fhir"])
    assert result.exit_code == 2
    assert "clinical or pathological" in result.output


@pytest.mark.parametrize(
    ("path", "body", "how"),
    [
        ("/api/v1/stage?basis=clinical&format=fhir", {"t": "T2", "n": "N0", "m": "M0"}, {}),
        ("/api/v1/stage", {"t": "pT2", "n": "pN1", "m": "M0"}, {"Accept": "application/fhir+json"}),
        ("/api/v1/grade?format=fhir", {"ki67": 12}, {}),
        (
            "/api/v1/grade",
            {"ki67": 25, "differentiation": "well"},
            {"Accept": "application/fhir+json"},
        ),
    ],
)
def test_api_fhir(path: str, body: dict[str, Any], how: dict[str, str]) -> None:
    response = client().post(path, json=body, headers=how)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/fhir+json")
    resource = response.json()
    if resource["resourceType"] == "Bundle":
        valid_observations(resource)
    else:
        Observation.parse_obj(resource)
    assert_recorded(resource)


def test_api_plain_json_is_unchanged_by_default() -> None:
    response = client().post("/api/v1/stage", json={"t": "T2", "n": "N0", "m": "M0"})
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["stage"] == "II"


def test_api_fhir_stage_without_basis_is_422() -> None:
    response = client().post("/api/v1/stage?format=fhir", json={"t": "T2", "n": "N0", "m": "M0"})
    assert response.status_code == 422
    assert response.json()["field"] == "basis"
