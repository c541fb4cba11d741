"""`islet review`: crafted copies of the current PDQ version flag exactly the right items."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from islet.cli import app
from islet.sources.record import citations, recorded
from islet.sources.review import ReviewReport, review
from tests.review_helpers import crafted
from tests.tables import load_cases

CASES = load_cases("review_crafted.yaml")


def flagged(report: ReviewReport, passage_level: bool | None = None) -> set[str]:
    return {
        f.item for f in report.flagged if passage_level is None or f.passage_level == passage_level
    }


@pytest.mark.parametrize("case", CASES)
def test_crafted_version_flags_exactly_the_items_citing_the_change(
    case: dict[str, Any], tmp_path: Path
) -> None:
    report = review([crafted(tmp_path, case["document"], case["edits"])])
    (doc,) = report.documents
    kinds = [p["kind"] for s in doc.sections for p in s["passages"]]
    assert kinds == case["changes"]
    statuses = {status for s in doc.sections for status in s["status"]}
    assert set(case.get("sections", [])) <= statuses
    assert flagged(report, passage_level=True) == set(case["passage_flags"])
    assert set(case.get("also_flagged", [])) <= flagged(report)
    assert not set(case.get("not_flagged", [])) & flagged(report)
    if "flagged" in case:
        assert flagged(report) == set(case["flagged"])
    found = [{"kind": c["kind"], "old": c["old"], "new": c["new"]} for c in doc.critical]
    assert found == case["critical"]
    assert report.exit_code == (1 if report.flagged else 0)


@pytest.mark.parametrize("case", CASES)
def test_every_flag_cites_a_section_that_holds_the_change(
    case: dict[str, Any], tmp_path: Path
) -> None:
    report = review([crafted(tmp_path, case["document"], case["edits"])])
    old = recorded(case["document"]).as_document()
    ids = {s.id for s in old.sections}  # a crafted copy keeps the recorded headings
    sections = report.documents[0].sections
    changed = {s[key] for s in sections for key in ("id", "new_id") if s[key] in ids}
    holding = {a for sid in changed for a in _self_and_ancestors(old, sid)} | {"summary"}
    cited = {(c.item, c.section) for c in citations().citations}
    for flag in report.flagged:
        sections = {section for item, section in cited if item == flag.item}
        assert sections & holding, flag.item


def _self_and_ancestors(doc: Any, section_id: str) -> list[str]:
    out = [section_id]
    while doc.section(out[-1]).parent:
        out.append(doc.section(out[-1]).parent)
    return out


@pytest.mark.parametrize(
    ("document", "edit"),
    [
        ("patient", {"replace": "at least 24 hours", "with": "at least 48 hours"}),
        ("professional", {"replace": "≥ 10 mmol/hr.", "with": "≥ 15 mmol/hr."}),
    ],
)
def test_the_saved_html_page_is_read_like_the_markdown(
    document: str, edit: dict[str, str], tmp_path: Path
) -> None:
    unchanged = review([crafted(tmp_path, document, [], form="html")])
    (doc,) = unchanged.documents
    assert (doc.format, doc.new_date) == ("html", "2025-05-09")  # the page's "Updated:" line
    assert doc.sections == [] and unchanged.flagged == []  # tables, links, pictures: as recorded
    page = review([crafted(tmp_path, document, [edit], form="html")])
    text = review([crafted(tmp_path, document, [edit])])
    assert flagged(page) == flagged(text) != set()
    assert page.documents[0].critical == text.documents[0].critical != []


def test_new_latest_updates_and_date_are_reported(tmp_path: Path) -> None:
    edits = [
        {
            "replace": "## Latest Updates to This Summary (05/09/2025)",
            "with": "## Latest Updates to This Summary (03/14/2026)",
        },
        {
            "replace": "Editorial changes were made to this summary.",
            "with": "Added text about a new treatment option for liver metastases.",
        },
    ]
    report = review([crafted(tmp_path, "professional", edits)])
    (doc,) = report.documents
    assert doc.new_date == "2026-03-14"
    assert doc.recorded_date == "2025-05-09"
    assert doc.new_latest_updates == [
        "Added text about a new treatment option for liver metastases."
    ]


def test_treatment_rules_and_safety_texts_come_first(tmp_path: Path) -> None:
    edits = [
        {
            "replace": "- Targeted therapy.\n\n- For liver metastases:",
            "with": "- Targeted therapy with everolimus.\n\n- For liver metastases:",
        },
        {"replace": "at least 24 hours", "with": "at least 48 hours"},
    ]
    report = review([crafted(tmp_path, "patient", edits)])
    risks = [f.risk for f in report.flagged]
    assert risks[0] == "treatment rule"
    assert risks[1].startswith("safety")
    ranks = [f.rank for f in report.flagged]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    ("edits", "code"),
    [([], 0), ([{"replace": "at least 24 hours", "with": "at least 48 hours"}], 1)],
)
def test_cli_exit_code_says_whether_anything_cited_changed(
    edits: list[dict[str, str]], code: int, tmp_path: Path, runner: CliRunner
) -> None:
    path = crafted(tmp_path, "patient", edits)
    result = runner.invoke(app, ["review", str(path), "--json"])
    assert result.exit_code == code, result.output
    data = json.loads(result.output)
    assert data["exit_code"] == code
    assert data["cited_passages_changed"] is bool(code)
    text = runner.invoke(app, ["review", str(path)])
    assert text.exit_code == code
    if code:
        assert "tests/fasting-serum-glucose-and-insulin-test" in text.output
        assert "[-24-] {+48+}" in text.output


def test_both_versions_are_reviewed_together(tmp_path: Path, runner: CliRunner) -> None:
    patient = crafted(tmp_path, "patient", [])
    professional = crafted(tmp_path, "professional", [])
    result = runner.invoke(app, ["review", str(patient), str(professional), "--json"])
    assert result.exit_code == 0, result.output
    assert [d["document"] for d in json.loads(result.output)["documents"]] == [
        "patient",
        "professional",
    ]


def test_a_flag_shows_the_text_that_rests_on_the_cited_version(tmp_path: Path) -> None:
    """A professional-version change shows the item's professional text, where it has one."""
    edits = [{"replace": "may be relieved in 24 hours", "with": "may be relieved in 48 hours"}]
    report = review([crafted(tmp_path, "professional", edits)])
    (flag,) = [f for f in report.flagged if f.item == "treatments/hormone-therapy"]
    assert flag.says.startswith("For pNETs the HP counterpart is somatostatin analogue therapy")
    assert "Treatment of Glucagonoma" in flag.section
