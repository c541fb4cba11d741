"""Tumor types, symptoms, symptom patterns and diagnostic tests match the fact base.

The tables in tests/cases/ were written by hand from ../shared/reference/pnet-facts.md (§2, §4,
§5); each row names the part of the fact base it checks.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet.check import check
from islet.cli import app
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase
from islet.model import TextItem, plain_text
from tests.tables import CASES, load_cases

MY_COLLECTIONS = ("tumor_types", "symptoms", "symptom_patterns", "tests")
MY_GLOSSARY = KNOWLEDGE_DIR / "glossary-entities.yaml"
# Professional-only detail (HP thresholds and percentages) never shows in patient text.
PROFESSIONAL_ONLY = re.compile(r"pg/mL|mg/dL|mmol|units?/kg|\d\s*%")


def table(name: str, key: str) -> Any:
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))[key]


def patient_words(item: TextItem) -> str:
    return plain_text(item.patient)


# --- Tumor types --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("tumor_types.yaml"))
def test_tumor_type_matches_the_fact_base(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    tumor = kb.tumor_types[case["id"]]
    assert tumor.functional is case["functional"]
    assert tumor.hormone == case["hormone"]
    assert tumor.usual_sites == case["usual_sites"]
    assert tumor.behaviour == case["behaviour"]
    assert tumor.syndromes == case["syndromes"]
    assert tumor.symptom_pattern == case["symptom_pattern"]
    assert tumor.treatment_section == case["treatment_section"]
    assert tumor.treatment_covered is case["treatment_covered"]
    assert tumor.professional is not None
    for fact in case["professional_has"]:
        assert fact in tumor.professional, fact
    assert not PROFESSIONAL_ONLY.search(patient_words(tumor))


def test_every_tumor_type_is_in_the_table_in_order(kb: KnowledgeBase) -> None:
    assert list(kb.tumor_types) == [row["id"] for row in table("tumor_types.yaml", "cases")]


def test_a_treatment_section_exists_for_each_type_that_names_one(kb: KnowledgeBase) -> None:
    for tumor in kb.tumor_types.values():
        if tumor.treatment_section is not None:
            assert tumor.treatment_section in kb.sections, tumor.id


def test_types_and_patterns_point_at_each_other(kb: KnowledgeBase) -> None:
    for tumor in kb.tumor_types.values():
        if tumor.symptom_pattern:
            assert tumor.id in kb.symptom_patterns[tumor.symptom_pattern].tumor_types
    for pattern in kb.symptom_patterns.values():
        for tumor_id in pattern.tumor_types:
            assert kb.tumor_types[tumor_id].symptom_pattern == pattern.id


# --- Symptom patterns and symptoms ---------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("symptom_patterns.yaml"))
def test_pattern_lists_pdq_signs_in_order(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    pattern = kb.symptom_patterns[case["id"]]
    assert pattern.symptoms == case["symptoms"]
    assert len(pattern.symptoms) == case["count"]
    assert pattern.hormone == case["hormone"]
    assert pattern.tumor_types == case["tumor_types"]
    assert pattern.professional, "the HP description of the pattern is missing"


def test_every_pattern_is_in_the_table(kb: KnowledgeBase) -> None:
    assert set(kb.symptom_patterns) == {
        row["id"] for row in table("symptom_patterns.yaml", "cases")
    }


@pytest.mark.parametrize("case", load_cases("symptoms.yaml"))
def test_symptom_vocabulary(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    symptom = kb.symptoms[case["id"]]
    assert case["lay_name_has"].lower() in symptom.lay_name.lower()
    synonyms = [s.lower() for s in symptom.synonyms]
    for wanted in case["synonyms_have"]:
        assert wanted.lower() in synonyms, wanted
    assert len(set(synonyms)) == len(synonyms), "a synonym is repeated"
    assert symptom.signs == case.get("signs", [])
    assert (symptom.red_flag is not None) is case["red_flag"]
    if symptom.red_flag:
        assert "urgent" in symptom.red_flag.lower()


def test_symptoms_are_exactly_those_the_patterns_use(kb: KnowledgeBase) -> None:
    used = [s for p in kb.symptom_patterns.values() for s in p.symptoms]
    assert set(kb.symptoms) == set(used)
    assert set(kb.symptoms) == {row["id"] for row in table("symptoms.yaml", "cases")}


def test_a_sign_pdq_repeats_is_one_shared_item(kb: KnowledgeBase) -> None:
    lay_names = [s.lay_name.lower() for s in kb.symptoms.values()]
    assert len(set(lay_names)) == len(lay_names)
    shared = {
        sid: sum(sid in p.symptoms for p in kb.symptom_patterns.values()) for sid in kb.symptoms
    }
    assert shared["diarrhea"] == 4
    assert shared["weight-loss"] == 3
    assert shared["high-blood-sugar"] == 2
    assert shared["yellowing-skin-and-eyes"] == 2


# --- Diagnostic tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("diagnostic_tests.yaml"))
def test_diagnostic_test_matches_the_fact_base(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    test = kb.tests[case["id"]]
    assert test.scope == case["scope"]
    assert test.used_for == case["used_for"]
    assert test.fasting_hours == case["fasting_hours"]
    assert case["name_has"].lower() in test.name.lower()
    for alias in case.get("aliases_have", []):
        assert alias in test.aliases, alias
    patient = patient_words(test)
    for fact in case.get("patient_has", []):
        assert fact in patient, fact
    for fact in case.get("professional_has", []):
        assert test.professional and fact in test.professional, fact
    if test.fasting_hours is not None:
        hours = f"{test.fasting_hours} hours"
        assert test.preparation and hours in test.preparation
        assert hours in patient
    else:
        assert "hours" not in patient
    assert not PROFESSIONAL_ONLY.search(patient)


def test_the_thirteen_general_tests_in_pdq_order(kb: KnowledgeBase) -> None:
    rows = [row for row in table("diagnostic_tests.yaml", "cases") if row["scope"] == "general"]
    expected = [row["id"] for row in sorted(rows, key=lambda row: row["order"])]
    assert len(expected) == 13
    assert [t.id for t in kb.tests.values() if t.scope == "general"] == expected


def test_every_test_is_in_the_table(kb: KnowledgeBase) -> None:
    assert set(kb.tests) == {row["id"] for row in table("diagnostic_tests.yaml", "cases")}


@pytest.mark.parametrize(
    ("tumor_type", "expected"), sorted(table("diagnostic_tests.yaml", "by_type").items())
)
def test_tests_pdq_lists_for_each_type(
    kb: KnowledgeBase, tumor_type: str, expected: list[str]
) -> None:
    assert tumor_type in kb.tumor_types
    listed = {t.id for t in kb.tests.values() if tumor_type in t.used_for}
    assert listed == set(expected)


@pytest.mark.parametrize("case", table("diagnostic_tests.yaml", "lookups"), ids=str)
def test_a_common_name_finds_the_item(kb: KnowledgeBase, case: dict[str, str]) -> None:
    assert kb.topic(case["query"]).id == case["id"]


def test_test_ids_do_not_clash_with_treatments_or_sections(kb: KnowledgeBase) -> None:
    assert not set(kb.tests) & (set(kb.treatments) | set(kb.sections))


# --- Validation of these files -------------------------------------------------------------------


def my_glossary_ids() -> set[str]:
    return {entry["id"] for entry in yaml.safe_load(MY_GLOSSARY.read_text())["glossary"]}


def test_these_files_pass_islet_check() -> None:
    report = check()
    mine = {f"{c}/" for c in MY_COLLECTIONS} | {f"glossary/{i}:" for i in my_glossary_ids()}
    files = ("tumor_types.yaml", "symptoms.yaml", "tests.yaml", "glossary-entities.yaml")
    problems = [
        p for p in report.problems if p.startswith(tuple(files)) or any(m in p for m in mine)
    ]
    assert not problems
    glossary = my_glossary_ids()
    hard = [
        f"{r.collection}/{r.item_id}: grade {r.grade}"
        for r in report.readability
        if r.too_hard
        and (
            r.collection in MY_COLLECTIONS or (r.collection == "glossary" and r.item_id in glossary)
        )
    ]
    assert not hard


# --- The command line ----------------------------------------------------------------------------


def test_islet_types_json_lists_every_type(runner: CliRunner) -> None:
    result = runner.invoke(app, ["types", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    expected = {row["id"]: row for row in table("tumor_types.yaml", "cases")}
    assert [row["id"] for row in rows] == list(expected)
    for row in rows:
        assert row["hormone"] == expected[row["id"]]["hormone"]
        assert row["usual_sites"] == expected[row["id"]]["usual_sites"]
        assert row["behaviour"] == expected[row["id"]]["behaviour"]
        assert row["syndromes"] == expected[row["id"]]["syndromes"]


def test_islet_show_insulinoma_prints_the_patient_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "insulinoma"])
    assert result.exit_code == 0, result.output
    assert "Insulinoma" in result.stdout
    assert "benign" in result.stdout
    assert "[[" not in result.stdout


def test_islet_show_insulinoma_json_by_audience(runner: CliRunner) -> None:
    patient = json.loads(runner.invoke(app, ["show", "insulinoma", "--json"]).stdout)
    assert patient["item_type"] == "TumorType"
    assert patient["id"] == "insulinoma"
    assert "professional" not in patient
    assert "10%" not in patient["text"]
    result = runner.invoke(app, ["show", "insulinoma", "--audience", "professional", "--json"])
    assert result.exit_code == 0, result.output
    assert "10% are malignant" in json.loads(result.stdout)["text"]


def test_islet_show_finds_a_test_by_its_other_name(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "octreotide scan", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "somatostatin-receptor-scintigraphy"
    assert data["item_type"] == "DiagnosticTest"
