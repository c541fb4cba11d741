"""Reading ClinicalTrials.gov files: every real record, the legacy formats, malformed studies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from islet.errors import TrialDataError
from islet.trials.records import (
    MalformedRecord,
    age_in_years,
    parse_study,
    read_saved_file,
    read_saved_text,
)
from tests.tables import load_cases
from tests.trials_helpers import LEGACY_FILES, REAL, REAL_V2_FILES, net_files


def test_the_table_covers_every_real_v2_file() -> None:
    tabled = {row.values[0]["file"] for row in load_cases("trials_files.yaml")}
    on_disk = {p.name for p in REAL.iterdir() if p.suffix in (".json", ".xml")}
    assert tabled == set(REAL_V2_FILES)
    assert on_disk == set(REAL_V2_FILES) | set(LEGACY_FILES)


@pytest.mark.parametrize("case", load_cases("trials_files.yaml"))
def test_every_real_record_is_read(case: dict[str, Any]) -> None:
    saved = read_saved_file(REAL / case["file"])
    assert saved.kind == case["kind"]
    assert saved.total_count == case["total_count"]
    assert (saved.next_page_token is not None) == case["next_page"]
    trials = [parse_study(raw) for raw in saved.studies]
    assert [t.nct_id for t in trials] == [s["nct_id"] for s in case["studies"]]
    for trial, expected in zip(trials, case["studies"], strict=True):
        assert trial.overall_status == expected["status"]
        assert trial.phases == expected["phases"]
        assert trial.eligibility.min_age_years == expected["min_age"]
        assert trial.eligibility.max_age_years == expected["max_age"]
        assert trial.url == f"https://clinicaltrials.gov/study/{expected['nct_id']}"
        if "sex" in expected:
            assert trial.eligibility.sex == expected["sex"]
        if "locations" in expected:
            assert len(trial.locations) == expected["locations"]
            assert all(loc.lat is not None and loc.lon is not None for loc in trial.locations)
        if "interventions" in expected:
            assert [i.name for i in trial.interventions] == expected["interventions"]
        if "conditions_include" in expected:
            assert expected["conditions_include"] in trial.conditions
        if "last_update" in expected:
            assert trial.last_update == expected["last_update"]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("ctgov-classic-api-NCT00023673.json", "retired classic ClinicalTrials.gov API"),
        ("ctgov-legacy-xml-NCT05380414.xml", "legacy ClinicalTrials.gov XML record"),
    ],
)
def test_legacy_formats_are_rejected_with_a_way_forward(name: str, says: str) -> None:
    nct_id = name.split("-")[-1].split(".")[0]
    with pytest.raises(TrialDataError) as raised:
        read_saved_file(REAL / name)
    message = str(raised.value)
    assert says in message
    assert f"https://clinicaltrials.gov/api/v2/studies/{nct_id}" in message
    assert name in message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"hello": "world"}', "not a ClinicalTrials.gov API v2 search page or study"),
        ('{"studies": {"a": 1}}', "'studies' must be a list"),
        ("<html><body>Not found</body></html>", "not a ClinicalTrials.gov API v2 JSON file"),
        ('{"Study": {"ProtocolSection": {}}}', "retired classic"),
    ],
)
def test_other_files_are_rejected_clearly(text: str, says: str) -> None:
    with pytest.raises(TrialDataError, match=r"bad\.json") as raised:
        read_saved_text(text, Path("bad.json"))
    assert says in str(raised.value)


def test_a_list_of_studies_is_read() -> None:
    studies = [json.loads(p.read_text(encoding="utf-8")) for p in net_files()]
    saved = read_saved_text(json.dumps(studies), Path("list.json"))
    assert saved.kind == "study-list"
    assert len(saved.studies) == 4


@pytest.mark.parametrize("case", load_cases("trials_malformed.yaml"))
def test_malformed_studies_say_what_is_wrong(case: dict[str, Any]) -> None:
    with pytest.raises(MalformedRecord) as raised:
        parse_study(case["raw"])
    assert case["reason"] in str(raised.value)


@pytest.mark.parametrize("case", load_cases("trials_ages.yaml"))
def test_registry_ages_in_years(case: dict[str, Any]) -> None:
    years = age_in_years(case["text"])
    if case["years"] is None:
        assert years is None
    else:
        assert years == pytest.approx(case["years"], abs=1e-3)


@pytest.mark.parametrize("path", net_files(), ids=lambda p: p.name)
def test_constructed_net_fixtures_parse_and_say_they_are_constructed(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "CONSTRUCTED" in raw
    trial = parse_study(raw)
    assert path.name.startswith(trial.nct_id)
    assert trial.phases == ["PHASE3"]


# Anything JSON can hold, nested a few levels, placed where a study's modules go.
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_module_names = st.sampled_from(
    [
        "identificationModule",
        "statusModule",
        "designModule",
        "conditionsModule",
        "armsInterventionsModule",
        "eligibilityModule",
        "contactsLocationsModule",
        "sponsorCollaboratorsModule",
        "descriptionModule",
    ]
)


# The field names the parser reads, so generated modules hit them.
_field_names = st.sampled_from(
    [
        "briefTitle",
        "officialTitle",
        "acronym",
        "overallStatus",
        "phases",
        "studyType",
        "conditions",
        "keywords",
        "interventions",
        "eligibilityCriteria",
        "sex",
        "minimumAge",
        "maximumAge",
        "healthyVolunteers",
        "locations",
        "leadSponsor",
        "briefSummary",
        "startDateStruct",
        "lastUpdatePostDateStruct",
        "enrollmentInfo",
        "geoPoint",
        "name",
        "type",
        "otherNames",
        "date",
        "count",
    ]
)
_modules = st.dictionaries(
    _module_names,
    _json
    | st.dictionaries(
        _field_names, _json | st.lists(st.dictionaries(_field_names, _json, max_size=4), max_size=3)
    ),
)


@settings(max_examples=150, deadline=None)
@given(_modules)
def test_any_protocol_section_either_parses_or_is_malformed(modules: dict[str, Any]) -> None:
    raw = {"protocolSection": {**modules, "identificationModule": {"nctId": "NCT01234567"}}}
    try:
        trial = parse_study(raw)
    except MalformedRecord:
        return
    assert trial.nct_id == "NCT01234567"


@given(st.integers(min_value=0, max_value=120))
def test_whole_years_read_back(years: int) -> None:
    assert age_in_years(f"{years} Years") == years
