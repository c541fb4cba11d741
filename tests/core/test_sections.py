"""The summary sections and codes cover the whole PDQ summary and match the fact base.

The tables in tests/cases/sections.yaml and tests/cases/codes.yaml were written by hand from the
PDQ copies in ../shared/reference and from pnet-facts.md; each fact row names what it checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet.cli import app
from islet.kb import KnowledgeBase
from islet.model import Section, glossary_marks, plain_text
from tests.tables import CASES, load_cases

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
PATIENT_COPY = REFERENCE / "pdq-pnet-patient-current.md"
PROFESSIONAL_COPY = REFERENCE / "pdq-pnet-professional-current.md"

# Every drug PDQ names (fact base §11.1 "Named drugs anywhere in PDQ"): patient text never names
# one; drug names belong in professional text only.
DRUGS = re.compile(
    r"omeprazole|lansoprazole|pantoprazole|cimetidine|ranitidine|famotidine|octreotide"
    r"|diazoxide|streptozocin|doxorubicin|fluorouracil|chlorozotocin|dacarbazine|temozolomide"
    r"|capecitabine|sunitinib|everolimus|octreotate|lanreotide|edotreotide",
    re.IGNORECASE,
)
# Glossary marks in patient text, except the octreotide scan, which is a test name, not a drug.
TEST_NAMES = re.compile(r"octreotide scan", re.IGNORECASE)


def table(key: str) -> list[Any]:
    """The rows of one table in tests/cases/sections.yaml as pytest params."""
    rows = yaml.safe_load((CASES / "sections.yaml").read_text(encoding="utf-8"))[key]
    return [pytest.param(row, id=str(row.get("id") or row["heading"])) for row in rows]


def headings(path: Path, levels: tuple[int, ...]) -> list[tuple[str, str]]:
    """(enclosing H2, heading) for every Markdown heading of the given levels, in order."""
    found: list[tuple[str, str]] = []
    h2 = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(#{2,6}) (.+?)\s*$", line)
        if not match:
            continue
        level, text = len(match.group(1)), match.group(2)
        if level == 2:
            h2 = text
        if level in levels:
            found.append((h2, text))
    return found


def section_for(rows: list[dict[str, Any]], under: str, heading: str) -> str | None:
    for row in rows:
        if row["heading"] == heading and row.get("under", under) == under:
            return str(row["section"])
    return None


def bullets(text: str) -> list[str]:
    """The list items ("- " or "1. " lines) of a Markdown text."""
    return [line for line in text.splitlines() if re.match(r"\s*(?:- |\d+\. )", line)]


def raw_rows(key: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load(
        (CASES / "sections.yaml").read_text(encoding="utf-8")
    )[key]
    return rows


# --- The tree ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("sections.yaml"))
def test_section_sits_where_the_summary_puts_it(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    section = kb.sections[case["id"]]
    assert section.parent == case["parent"]
    assert section.order == case["order"]
    assert section.professional_only is case.get("professional_only", False)
    assert section.title and section.key_points
    if case["professional"]:
        assert section.professional, f"{section.id} needs professional text"
        assert section.professional_source is not None
    if case.get("external"):
        assert section.external, f"{section.id} needs its [EXTERNAL] facts"


def test_the_tree_has_exactly_the_sections_of_the_table(kb: KnowledgeBase) -> None:
    assert sorted(kb.sections) == sorted(row["id"] for row in raw_rows("cases"))


def test_siblings_have_distinct_orders(kb: KnowledgeBase) -> None:
    seen: dict[tuple[str | None, int], str] = {}
    for section in kb.sections.values():
        key = (section.parent, section.order)
        assert key not in seen, f"{section.id} and {seen[key]} share order {key}"
        seen[key] = section.id


def test_professional_only_sections_live_under_professional_parents(kb: KnowledgeBase) -> None:
    for section in kb.sections.values():
        parent = kb.sections.get(section.parent or "")
        if parent is not None and parent.professional_only:
            assert section.professional_only, f"{section.id} sits under a professional-only part"


# --- Every PDQ heading maps to a section ---------------------------------------------------------


@pytest.mark.parametrize(
    ("copy", "key", "levels"),
    [
        (PATIENT_COPY, "patient_headings", (2, 3)),
        (PROFESSIONAL_COPY, "professional_headings", (2, 3, 4)),
    ],
    ids=["patient", "professional"],
)
def test_every_pdq_heading_maps_to_a_section(
    kb: KnowledgeBase, copy: Path, key: str, levels: tuple[int, ...]
) -> None:
    rows = raw_rows(key)
    unmapped = [
        f"{h2} / {heading}"
        for h2, heading in headings(copy, levels)
        if section_for(rows, h2, heading) is None
    ]
    assert not unmapped, "PDQ headings with no section:\n" + "\n".join(unmapped)


@pytest.mark.parametrize("case", table("patient_headings"))
def test_patient_heading_row_is_real(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    found = headings(PATIENT_COPY, (2, 3))
    assert any(
        heading == case["heading"] and case.get("under", h2) == h2 for h2, heading in found
    ), "the mapping names a heading the patient copy does not have"
    assert case["section"] in kb.sections


@pytest.mark.parametrize("case", table("professional_headings"))
def test_professional_heading_row_is_real(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    found = headings(PROFESSIONAL_COPY, (2, 3, 4))
    assert any(
        heading == case["heading"] and case.get("under", h2) == h2 for h2, heading in found
    ), "the mapping names a heading the professional copy does not have"
    section = kb.sections[case["section"]]
    assert section.professional, f"{section.id} must carry the HP content of this heading"


# --- Key facts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", table("facts"))
def test_section_carries_the_key_facts(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    section = kb.sections[case["section"]]
    text = section.patient if case["audience"] == "patient" else section.professional
    assert text is not None
    words = plain_text(text)
    if "bullets" in case:
        assert len(bullets(words)) == case["bullets"]
    for fact in case.get("contains", []):
        assert fact in words, fact
    for fact in case.get("absent", []):
        assert fact not in words, fact


@pytest.mark.parametrize("section_id", ["stages", "treatment-overview", "general-information"])
def test_root_key_points_follow_pdq(kb: KnowledgeBase, section_id: str) -> None:
    # PDQ's Key Points lists: 8 (general information), 4 (stages, newer version), 7 (overview).
    expected = {"general-information": 8, "stages": 4, "treatment-overview": 7}
    assert len(kb.sections[section_id].key_points) == expected[section_id]


# --- Rules every section keeps -------------------------------------------------------------------


def every_section() -> list[Any]:
    return [pytest.param(row["id"], id=row["id"]) for row in raw_rows("cases")]


@pytest.mark.parametrize("section_id", every_section())
def test_patient_text_names_no_drug_and_no_external_fact(
    kb: KnowledgeBase, section_id: str
) -> None:
    section: Section = kb.sections[section_id]
    for text in (section.patient, *section.key_points, section.title):
        words = TEST_NAMES.sub("", plain_text(text))
        assert not DRUGS.search(words), f"drug name in patient text: {DRUGS.search(words)}"
        assert "[EXTERNAL]" not in words


@pytest.mark.parametrize("section_id", every_section())
def test_key_points_and_titles_are_plain_words(kb: KnowledgeBase, section_id: str) -> None:
    # Key points, titles and professional text are shown as they are: no glossary marks.
    section = kb.sections[section_id]
    shown = (*section.key_points, section.title, section.title_professional, section.professional)
    for text in (t for t in shown if t):
        assert not glossary_marks(text)


def test_professional_text_names_the_drugs_pdq_names(kb: KnowledgeBase) -> None:
    professional = " ".join(s.professional or "" for s in kb.sections.values())
    for drug in ("cimetidine", "diazoxide", "streptozocin", "sunitinib", "everolimus"):
        assert drug in professional


# --- Codes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("codes.yaml"))
def test_code_matches_the_fact_base(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    code = kb.codes[case["id"]]
    assert (code.system, code.code) == (case["system"], str(case["code"]))
    assert code.verified is case["verified"]
    assert code.concept == case["concept"]
    # Fact-base codes cite §13; the FHIR/mCODE codes cite the mCODE guide's source and the
    # lymph-node spread codes the ICD-10-CM code set; neither is marked verified, since the fact
    # base does not list them.
    cited = {"mcode": "fhir-mCODE-ig commit 543477b5", "icd10cm": "ICD-10-CM FY2026 code set"}.get(
        case.get("source", ""), "§13"
    )
    assert code.source.document == "external" and cited in (code.source.citation or "")


def test_codes_are_exactly_the_table(kb: KnowledgeBase) -> None:
    rows = yaml.safe_load((CASES / "codes.yaml").read_text(encoding="utf-8"))["cases"]
    assert sorted(kb.codes) == sorted(row["id"] for row in rows)


def test_every_code_system_of_the_fact_base_is_present(kb: KnowledgeBase) -> None:
    systems = {code.system for code in kb.codes.values()}
    fact_base = {"ICD-O-3", "ICD-O-3.2", "ICD-10-CM", "NCIt", "UMLS", "LOINC", "OncoTree"}
    assert systems == fact_base | {"SNOMED CT"}  # SNOMED CT only for the mCODE codes


# --- What a user sees ----------------------------------------------------------------------------


def test_show_lists_the_roots_in_summary_order(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--json"])
    assert result.exit_code == 0, result.output
    roots = json.loads(result.output)
    expected = sorted(
        (row for row in raw_rows("cases") if row["parent"] is None), key=lambda r: r["order"]
    )
    assert [root["id"] for root in roots] == [row["id"] for row in expected]
    by_id = {root["id"]: root["children"] for root in roots}
    assert by_id["stages"] == [
        "treatment-planning",
        "how-cancer-spreads",
        "metastasis",
        "recurrence",
    ]


@pytest.mark.parametrize(
    ("topic", "audience", "shown", "hidden"),
    [
        ("prognosis", "patient", "MEN1", "212"),
        ("prognosis", "professional", "212", "age and general health"),
        ("hp-who-grading", "professional", "Ki-67", ""),
        ("hp-who-grading", "patient", "PDQ does not describe", "Ki-67"),
    ],
)
def test_show_gives_each_audience_its_text(
    topic: str, audience: str, shown: str, hidden: str, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["show", topic, "--audience", audience])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert shown in flat
    if hidden:
        assert hidden not in flat
