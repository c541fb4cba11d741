"""Black-box acceptance of issue 2: `islet check/show/types/treatments/glossary/cite`.

Every command is run as a user runs it (typer's CliRunner on ``islet.cli.app``); expectations
come from tests/cases/knowledge_commands.yaml, written by hand from the fact base.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet.cli import app
from tests.tables import CASES

TABLES: dict[str, Any] = yaml.safe_load(
    (CASES / "knowledge_commands.yaml").read_text(encoding="utf-8")
)
# Drugs and trials the fact base gives only in the health-professional version (11.1, 11.3).
PROFESSIONAL_ONLY_WORDS = (
    "sunitinib",
    "everolimus",
    "streptozocin",
    "doxorubicin",
    "chlorozotocin",
    "dacarbazine",
    "temozolomide",
    "diazoxide",
    "lanreotide",
    "capecitabine",
    "cabozantinib",
    "radiant-3",
    "clarinet",
    "[external]",
)


def rows(table: str) -> list[Any]:
    return [pytest.param(row, id=str(row.get("id", i))) for i, row in enumerate(TABLES[table])]


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, list(args))


def run_json(runner: CliRunner, *args: str) -> Any:
    result = run(runner, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@cache
def types_json(runner: CliRunner) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = run_json(runner, "types")
    return data


@cache
def treatments_json(runner: CliRunner) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = run_json(runner, "treatments")
    return data


@cache
def diagnostic_test_ids(runner: CliRunner) -> list[str]:
    data = run_json(runner, "tests")
    return [t["id"] for t in data["general"] + data["type_specific"]]


def lower(value: Any) -> str:
    return json.dumps(value).lower()


def test_check_exits_0_and_reports_ok(runner: CliRunner) -> None:
    result = run(runner, "check", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["problems"] == []
    graded = [r for r in report["readability"] if not r["exempt"]]
    assert graded and all(r["grade"] <= 9 for r in graded)


@pytest.mark.parametrize("case", rows("tumor_types"))
def test_every_tumor_type_has_hormone_site_behaviour(
    case: dict[str, Any], runner: CliRunner
) -> None:
    found = [t for t in types_json(runner) if case["name"] in (t["id"] + " " + t["name"]).lower()]
    assert found, f"no tumor type named like {case['name']}"
    tumor = found[0]
    assert {"id", "name", "aliases", "functional", "hormone", "usual_sites", "behaviour"} <= set(
        tumor
    )
    assert tumor["functional"] is case["functional"]
    if case["hormone"] is None:
        assert not tumor["hormone"]
    else:
        assert case["hormone"] in tumor["hormone"].lower()
    assert set(case["sites_include"]) <= set(tumor["usual_sites"])
    assert not set(case.get("sites_exclude", [])) & set(tumor["usual_sites"])
    if not case["sites_include"]:
        assert tumor["usual_sites"] == [], "the patient text states no usual site"
    assert tumor["behaviour"] == case["behaviour"]
    syndromes = lower(tumor.get("syndromes", []) + tumor["aliases"])
    for word in case["syndromes_include"]:
        assert word in syndromes


def test_types_list_has_every_functional_type_and_the_nonfunctional_one(runner: CliRunner) -> None:
    names = lower([t["id"] + " " + t["name"] for t in types_json(runner)])
    for word in (
        "gastrinoma",
        "insulinoma",
        "glucagonoma",
        "vipoma",
        "somatostatinoma",
        "acth",
        "nonfunctional",
    ):
        assert word in names


@pytest.mark.parametrize("case", rows("treatment_names"))
def test_every_pdq_treatment_is_listed_by_name(case: dict[str, Any], runner: CliRunner) -> None:
    wanted = case["name"].lower()
    found = [
        t
        for t in treatments_json(runner)
        if wanted in [t["name"].lower(), *(a.lower() for a in t["aliases"])]
    ]
    assert found, f"{case['name']} is not a treatment name or alias"
    assert all({"id", "name", "aliases", "kind"} <= set(t) for t in found)
    if case["kind"]:
        assert found[0]["kind"] == case["kind"]


def test_treatment_ids_are_stable_kebab_case_and_unique(runner: CliRunner) -> None:
    ids = [t["id"] for t in treatments_json(runner)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def entity_ids(runner: CliRunner) -> list[str]:
    return (
        [t["id"] for t in types_json(runner)]
        + diagnostic_test_ids(runner)
        + [t["id"] for t in treatments_json(runner)]
    )


@pytest.mark.parametrize("audience", ["patient", "professional"])
def test_show_opens_every_tumor_type_test_and_treatment(audience: str, runner: CliRunner) -> None:
    for item_id in entity_ids(runner):
        data = run_json(runner, "show", item_id, "--audience", audience)
        assert data["id"] == item_id
        assert data["text"].strip(), item_id
        assert "[[" not in data["text"], f"{item_id}: unresolved glossary mark"
        assert data["source"]["section"] and data["source"]["version_date"], item_id
        assert data["source"]["document"] in ("patient", "professional", "external")
        if audience == "patient":
            shown = (data["text"] + " " + data.get("marked_text", "")).lower()
            assert "external" not in data, item_id
            assert not [w for w in PROFESSIONAL_ONLY_WORDS if w in shown], item_id


@pytest.mark.parametrize("item_id", ["insulinoma", "gastrinoma", "pancreatoduodenectomy"])
@pytest.mark.parametrize("audience", ["patient", "professional"])
def test_show_prints_text_in_the_terminal(item_id: str, audience: str, runner: CliRunner) -> None:
    result = run(runner, "show", item_id, "--audience", audience)
    assert result.exit_code == 0, result.output
    assert "Source:" in result.stdout
    assert "Traceback" not in result.output


def test_professional_view_of_gastrinoma_says_more_than_the_patient_view(runner: CliRunner) -> None:
    patient = run_json(runner, "show", "gastrinoma", "--audience", "patient")
    professional = run_json(runner, "show", "gastrinoma", "--audience", "professional")
    assert patient["text"] != professional["text"]
    # fact base 2.2: HP says up to 50% malignant and names the gastrinoma triangle.
    assert "50%" in professional["text"]
    assert "50%" not in patient["text"]


def test_show_without_topic_lists_the_sections(runner: CliRunner) -> None:
    contents = run_json(runner, "show")
    titles = lower(contents)
    for word in ("general", "stage", "treatment", "pdq"):
        assert word in titles


@pytest.mark.parametrize("case", rows("show_by_name"))
def test_show_finds_topics_by_everyday_names(case: dict[str, Any], runner: CliRunner) -> None:
    data = run_json(runner, "show", case["query"])
    label = (data["id"] + " " + str(data.get("name") or data.get("title") or "")).lower()
    assert case["expect"] in label


@pytest.mark.parametrize("case", rows("symptom_lists"))
def test_each_hormone_pattern_has_the_complete_pdq_list(
    case: dict[str, Any], runner: CliRunner
) -> None:
    data = run_json(runner, "show", case["pattern"])
    symptoms = data["symptoms"]
    assert len(symptoms) == case["count"]
    assert len(set(symptoms)) == len(symptoms)
    assert set(case["include"]) <= set(symptoms)
    for symptom_id in symptoms:  # each symptom opens with a lay name
        assert run_json(runner, "show", symptom_id)["lay_name"]


@pytest.mark.parametrize("case", rows("glossary"))
def test_glossary_finds_terms_by_alias(case: dict[str, Any], runner: CliRunner) -> None:
    entry = run_json(runner, "glossary", case["query"])
    assert {"id", "term", "definition", "source"} <= set(entry)
    assert case["expect"] in (entry["id"] + " " + entry["term"]).lower()
    assert len(entry["definition"].split()) >= 4
    text = run(runner, "glossary", case["query"])
    assert text.exit_code == 0 and entry["term"].lower() in text.stdout.lower()


@pytest.mark.parametrize("case", rows("unknown"))
def test_unknown_words_exit_2_with_close_matches(case: dict[str, Any], runner: CliRunner) -> None:
    result = run(runner, *case["args"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in case["says"]:
        assert word in result.output


@pytest.mark.parametrize(
    ("audience", "url", "pmid"),
    [
        ("patient", "cancer.gov/types/pancreatic/patient/pnet-treatment-pdq", "26389340"),
        ("professional", "cancer.gov/types/pancreatic/hp/pnet-treatment-pdq", "26389309"),
    ],
)
def test_cite_prints_pdqs_citation_format(
    audience: str, url: str, pmid: str, runner: CliRunner
) -> None:
    result = run(runner, "cite", "--audience", audience, "--accessed", "2025-06-01")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert text.startswith("PDQ® Adult Treatment Editorial Board. PDQ Pancreatic Neuroendocrine")
    assert "Bethesda, MD: National Cancer Institute." in text
    assert url in text and f"[PMID: {pmid}]" in text
    assert "Accessed 06/01/2025." in text
    if audience == "professional":
        assert "Updated 05/09/2025." in text  # fact base 12: HP latest update 05/09/2025


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "2025-02-30", "01/06/2025"])
def test_cite_refuses_a_date_it_cannot_read(bad: str, runner: CliRunner) -> None:
    result = run(runner, "cite", "--accessed", bad)
    assert result.exit_code == 2
    assert bad not in result.stdout


@pytest.mark.parametrize("audience", ["doctor", ""])
def test_a_bad_audience_exits_2(audience: str, runner: CliRunner) -> None:
    assert run(runner, "show", "insulinoma", "--audience", audience).exit_code == 2
