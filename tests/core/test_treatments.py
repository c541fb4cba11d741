"""Every treatment of the summary matches the fact base, speaks plainly to patients and in detail
to professionals, and is listed by the CLI.

The table tests/cases/treatments.yaml was written by hand from ../shared/reference/pnet-facts.md
(§9, §10, §11); each row names the part of the fact base it checks.
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
from islet.model import Treatment, glossary_marks, plain_text
from islet.topics import view
from tests.tables import CASES, load_cases

MY_GLOSSARY = KNOWLEDGE_DIR / "glossary-treatments.yaml"
ROWS = load_cases("treatments.yaml")


def table(key: str) -> Any:
    return yaml.safe_load((CASES / "treatments.yaml").read_text(encoding="utf-8"))[key]


def my_glossary_ids() -> list[str]:
    entries = yaml.safe_load(MY_GLOSSARY.read_text(encoding="utf-8"))["glossary"]
    return [entry["id"] for entry in entries]


def mentions(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` as a whole word or phrase, ignoring case."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text.lower()) is not None


# --- Each treatment against the fact base --------------------------------------------------------


@pytest.mark.parametrize("case", ROWS)
def test_treatment_has_its_kind_parent_and_aliases(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    treatment = kb.treatments[case["id"]]
    assert treatment.kind == case["kind"]
    assert treatment.parent == case["parent"]
    missing = set(case.get("aliases", [])) - set(treatment.aliases)
    assert not missing, f"aliases missing: {sorted(missing)}"


@pytest.mark.parametrize("case", ROWS)
def test_treatment_names_its_source(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    treatment = kb.treatments[case["id"]]
    assert treatment.source.document == case["document"]
    assert treatment.source.section == case["section"]
    if treatment.professional:
        assert treatment.professional_source is not None
        assert treatment.professional_source.document in ("patient", "professional")


@pytest.mark.parametrize("case", ROWS)
def test_patient_text_states_the_facts(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    text = plain_text(kb.treatments[case["id"]].patient)
    missing = [fact for fact in case["patient_has"] if not mentions(text, fact)]
    assert not missing, f"patient text lacks {missing}: {text}"


@pytest.mark.parametrize("case", [row for row in ROWS if row.values[0].get("professional_has")])
def test_professional_text_states_the_detail(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    text = kb.treatments[case["id"]].professional or ""
    missing = [fact for fact in case["professional_has"] if fact.lower() not in text.lower()]
    assert not missing, f"professional text lacks {missing}"


@pytest.mark.parametrize("case", ROWS)
def test_external_facts_are_the_expected_trials(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    external = kb.treatments[case["id"]].external
    expected = case.get("external_has", [])
    assert len(external) >= len(expected)
    for trial in expected:
        assert any(trial in fact.text for fact in external), trial
    for fact in external:
        assert fact.source.document == "external"
        assert fact.source.citation


def test_every_treatment_is_in_the_table(kb: KnowledgeBase) -> None:
    assert sorted(kb.treatments) == sorted(row.values[0]["id"] for row in ROWS)


# --- The PDQ lists -------------------------------------------------------------------------------


def test_the_eight_pdq_surgeries_are_present_in_order(kb: KnowledgeBase) -> None:
    surgeries = table("pdq_surgeries")
    assert len(surgeries) == 8
    in_kb = [t.id for t in kb.treatments.values() if t.id in surgeries]
    assert in_kb == surgeries
    for treatment_id in surgeries:
        treatment = kb.treatments[treatment_id]
        assert (treatment.kind, treatment.parent) == ("surgery", "surgery")
        assert treatment.source.section == "Treatment Option Overview: Surgery"


def test_supportive_care_has_its_four_items(kb: KnowledgeBase) -> None:
    items = [t.id for t in kb.treatments.values() if t.parent == "supportive-care"]
    assert items == table("supportive_care_items")


def test_every_patient_treatment_type_is_present(kb: KnowledgeBase) -> None:
    for treatment_id in table("patient_treatment_types"):
        assert kb.treatments[treatment_id].source.document == "patient"


# --- Audience: drug names and trial results only for professionals -------------------------------


@pytest.mark.parametrize("drug", table("drug_names"))
def test_no_drug_name_reaches_a_patient(kb: KnowledgeBase, drug: str) -> None:
    for treatment in kb.treatments.values():
        shown = json.dumps(view(treatment, "patient")).lower()
        assert drug not in shown, f"{drug} in the patient view of {treatment.id}"
    glossary = [kb.glossary[i].definition + " " + kb.glossary[i].term for i in my_glossary_ids()]
    assert not any(drug in text.lower() for text in glossary)


def test_every_drug_pdq_names_is_in_some_professional_text(kb: KnowledgeBase) -> None:
    professional = " ".join(t.professional or "" for t in kb.treatments.values()).lower()
    external = " ".join(f.text for t in kb.treatments.values() for f in t.external).lower()
    missing = [d for d in table("drug_names") if d not in professional + " " + external]
    assert not missing


@pytest.mark.parametrize("case", ROWS)
def test_patient_view_hides_professional_detail(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    treatment = kb.treatments[case["id"]]
    patient = view(treatment, "patient")
    assert "professional" not in patient
    assert "external" not in patient
    assert patient["text"] == plain_text(treatment.patient)
    professional = view(treatment, "professional")
    assert professional["text"] == (treatment.professional or plain_text(treatment.patient))
    assert len(professional.get("external", [])) == len(treatment.external)


# --- Validation of the files this area owns ------------------------------------------------------


def test_islet_check_finds_no_problem_in_the_treatment_files() -> None:
    report = check()
    mine = set(my_glossary_ids())
    problems = [
        p
        for p in report.problems
        if p.startswith(("treatments.yaml", "glossary-treatments.yaml", "treatments/"))
        or any(f"glossary/{term}:" in p for term in mine)
    ]
    assert not problems
    too_hard = [
        r
        for r in report.readability
        if r.too_hard
        and (r.collection == "treatments" or (r.collection == "glossary" and r.item_id in mine))
    ]
    assert not too_hard


def test_every_glossary_mark_in_treatment_text_is_defined(kb: KnowledgeBase) -> None:
    for treatment in kb.treatments.values():
        for mark in glossary_marks(treatment.patient):
            assert mark in kb.glossary, f"{treatment.id}: [[{mark}]]"


def test_treatments_are_typed_treatments(kb: KnowledgeBase) -> None:
    assert all(isinstance(t, Treatment) for t in kb.treatments.values())


# --- What a user sees on the command line --------------------------------------------------------


def test_cli_lists_every_treatment_as_json(kb: KnowledgeBase, runner: CliRunner) -> None:
    result = runner.invoke(app, ["treatments", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [row["id"] for row in listed] == list(kb.treatments)
    by_id = {row["id"]: row for row in listed}
    for case in (row.values[0] for row in ROWS):
        row = by_id[case["id"]]
        assert set(row) == {"id", "name", "aliases", "kind"}
        assert row["kind"] == case["kind"]
        assert set(case.get("aliases", [])) <= set(row["aliases"])
        assert row["name"] == kb.treatments[case["id"]].name


def test_cli_lists_treatments_as_a_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["treatments"])
    assert result.exit_code == 0, result.output
    assert "enucleation" in result.output


@pytest.mark.parametrize("lookup", table("glossary_lookups"), ids=lambda row: row["query"])
def test_cli_glossary_finds_treatment_terms(lookup: dict[str, str], runner: CliRunner) -> None:
    result = runner.invoke(app, ["glossary", lookup["query"], "--json"])
    assert result.exit_code == 0, result.output
    entry = json.loads(result.output)
    assert entry["term"] == lookup["term"]
    assert entry["definition"]


def test_cli_glossary_enucleation_prints_a_definition(runner: CliRunner) -> None:
    result = runner.invoke(app, ["glossary", "enucleation"])
    assert result.exit_code == 0, result.output
    assert "enucleation" in result.output.lower()
    assert "tumor" in result.output.lower()


@pytest.mark.parametrize("lookup", table("topic_lookups"), ids=lambda row: row["query"])
def test_cli_show_finds_a_treatment_by_alias(lookup: dict[str, str], runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", lookup["query"], "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == lookup["id"]


def test_cli_show_professional_view_of_a_treatment_names_drugs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "supportive-care-ulcers", "--audience", "professional"])
    assert result.exit_code == 0, result.output
    assert "omeprazole" in result.output
    result = runner.invoke(app, ["show", "supportive-care-ulcers"])
    assert result.exit_code == 0, result.output
    assert "omeprazole" not in result.output


ABOUT = {
    "how": "How it is done",
    "why": "Why and when PDQ lists it",
    "side_effects": "Side effects",
}


def test_the_main_surgeries_say_why_and_their_side_effects(kb: KnowledgeBase) -> None:
    for treatment_id in ("enucleation", "pancreatoduodenectomy", "distal-pancreatectomy"):
        about = kb.treatments[treatment_id].about
        assert about is not None and about.why and about.side_effects, treatment_id


@pytest.mark.parametrize(
    "treatment_id", ["enucleation", "pancreatoduodenectomy", "distal-pancreatectomy", "surgery"]
)
def test_a_treatment_page_says_how_why_and_side_effects_with_links(
    kb: KnowledgeBase, treatment_id: str
) -> None:
    """Issue 14: a treatment page gives what PDQ says about how it is done, why, and its side
    effects, with its source, and links the related tests and the situations PDQ lists it for."""
    from islet.topics import listed_for
    from tests.webapp import client, read_page

    item = kb.treatments[treatment_id]
    html = client().get(f"/treatments/{treatment_id}").text
    for field, heading in ABOUT.items():
        said = item.about is not None and getattr(item.about, field)
        assert (heading in html) == bool(said), heading
    links = read_page(html).links
    for test_id in item.related_tests:
        assert f"/tests/{test_id}" in links
    listed = listed_for(kb, treatment_id)
    assert ("Where PDQ lists it" in html) == bool(listed)
    for applies_to, _bullet in listed:
        if applies_to in kb.tumor_types:
            assert f"/types/{applies_to}" in links
    if treatment_id == "enucleation":
        assert listed and "/tests/intraoperative-ultrasound" in links


@pytest.mark.parametrize(
    ("treatment_id", "lists"),
    [
        ("total-gastrectomy", {"gastrinoma"}),  # an option of its own
        ("acid-lowering-drugs", {"gastrinoma"}),  # its own, and "together with" a vagotomy
        # "with or without" an occlusion or chemoembolization, and its own
        (
            "systemic-chemotherapy",
            {"gastrinoma", "insulinoma", "glucagonoma", "recurrent-progressive"},
        ),
    ],
)
def test_listed_for_names_the_bullets_that_name_a_treatment(
    kb: KnowledgeBase, treatment_id: str, lists: set[str]
) -> None:
    """The PDQ bullets a treatment page links: every bullet naming the treatment as an option,
    or together with / with or without one."""
    from islet.topics import listed_for

    assert {applies_to for applies_to, _bullet in listed_for(kb, treatment_id)} == lists
