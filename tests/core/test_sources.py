"""The recorded PDQ versions, what each item cites, and how new versions are read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from islet import kb as kb_module
from islet.cli import app
from islet.sources.citations import cite, index_of, resolve, sources_of
from islet.sources.document import WHOLE, read_text
from islet.sources.record import SOURCE_FILES, age_warnings, citations, recorded
from islet.sources.text import clean, fingerprint, word_diff
from tests import webapp
from tests.review_helpers import as_markdown


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A [tumor](/Common/PopUps/x?id=1) in the pancreas.", "A tumor in the pancreas."),
        ("**Fasting serum gastrin test**: A test", "Fasting serum gastrin test: A test"),
        ("The patient’s health", "The patient's health"),
        ("about 1,000 new cases\nper year", "about 1,000 new cases per year"),
        ("per year.[[1](#cit/section_1.1)]", "per year."),
        ("Surgery To Remove The Tumor.", "surgery to remove the tumor."),
    ],
)
def test_markup_case_and_spacing_do_not_change_a_fingerprint(a: str, b: str) -> None:
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("at least 24 hours", "at least 48 hours"),
        ("Surgery to remove the tumor.", "Surgery to remove the tumor and lymph nodes."),
        ("less than 2%", "less than 2.5%"),
    ],
)
def test_any_change_of_words_or_numbers_changes_a_fingerprint(a: str, b: str) -> None:
    assert fingerprint(a) != fingerprint(b)


def test_word_diff_shows_only_the_change_with_some_context() -> None:
    old = (
        "The test is done after the patient has had nothing to eat or drink for at least 24 hours."
    )
    new = old.replace("24", "48")
    assert word_diff(old, new) == "… or drink for at least [-24-] {+48+} hours."


def test_clean_keeps_the_text_a_reader_sees() -> None:
    text = "[[Level of evidence C3](/Common/x)] and *DPYD\\*2A* variant"
    assert clean(text) == "[Level of evidence C3] and DPYD*2A variant"


@pytest.mark.parametrize("document", list(SOURCE_FILES))
def test_the_recorded_version_reads_back_to_the_same_fingerprints(document: str) -> None:
    version = recorded(document)
    doc = read_text(as_markdown(version).encode())
    assert doc.document == document
    assert [s.id for s in doc.sections] == [s.id for s in version.sections]
    for new, old in zip(doc.sections, version.sections, strict=True):
        assert [p.fingerprint for p in new.passages] == [p.fingerprint for p in old.passages]
        assert new.fingerprint == old.fingerprint


def test_every_item_rule_and_glossary_entry_links_to_a_recorded_section(
    kb: kb_module.KnowledgeBase,
) -> None:
    unlinked = [
        f"{key}: {source.section}"
        for key, _, source in sources_of(kb)
        if not resolve(source.section, recorded(source.document).as_document())
    ]
    assert unlinked == []
    assert citations().unresolved == []


def test_every_item_rule_glossary_entry_and_data_text_has_a_fingerprinted_citation(
    kb: kb_module.KnowledgeBase,
) -> None:
    """Each PDQ source named in the knowledge base and its data files (guide, calculator,
    explainers, Ask and trial words) is recorded with the fingerprint of the text it cites."""
    stored = {(c.item, c.document) for c in citations().citations if len(c.fingerprint) == 12}
    named = {(key, source.document) for key, _, source in sources_of(kb)}
    assert {key.split("/")[0] for key, _ in named} >= {
        "rules",
        "glossary",
        "treatments",
        "tests",
        "symptoms",
        "sections",
        "calculators",
        "guide",
    }
    assert sorted(named - stored) == []


def test_every_recorded_citation_names_a_real_section_and_passage(
    kb: kb_module.KnowledgeBase,
) -> None:
    keys = {key for key, _, _ in sources_of(kb)}
    for citation in citations().citations:
        doc = recorded(citation.document).as_document()
        assert citation.item in keys, f"{citation.item} is no longer in the knowledge base"
        if citation.section == WHOLE:
            continue
        section = doc.section(citation.section)
        assert all(index_of(section, ref) is not None for ref in citation.passages), citation


def test_the_recorded_citations_cite_what_the_items_name_today(
    kb: kb_module.KnowledgeBase,
) -> None:
    """An item whose source now names another section must be recorded again
    (python scripts/record_sources.py --citations-only)."""
    stored: dict[tuple[str, str], set[str]] = {}
    for c in citations().citations:
        stored.setdefault((c.item, c.document), set()).add(c.section)
    for key, item, source in sources_of(kb):
        if (key, source.document) in stored:
            doc = recorded(source.document).as_document()
            now = {section for section, _, _ in cite(item, source, doc)}
            assert now <= stored[(key, source.document)], key


@pytest.mark.parametrize(
    ("item", "passage_start"),
    [
        ("tests/fasting-serum-glucose-and-insulin-test", "Fasting serum glucose and insulin test:"),
        ("symptoms/low-blood-sugar", "Low blood sugar."),
        ("rules/gastrinoma-single-tumor-head", "For a single tumor in the head of the pancreas:"),
        ("rules/insulinoma-cannot-be-removed", "For tumors that cannot be removed by surgery"),
        ("symptom_patterns/insulin-excess", "Too much insulin may cause:"),
    ],
)
def test_items_that_rest_on_one_bullet_cite_that_passage(item: str, passage_start: str) -> None:
    (citation,) = [c for c in citations().citations if c.item == item and c.document == "patient"]
    section = recorded("patient").as_document().section(citation.section)
    first = section.passages[index_of(section, citation.passages[0]) or 0]
    assert first.text.startswith(passage_start)


@pytest.mark.parametrize(
    ("today", "months", "warned"),
    [
        (date(2025, 12, 31), 12, []),
        (date(2026, 6, 10), 12, ["patient", "professional"]),
        (date(2026, 6, 10), 24, []),
        (date(2026, 2, 1), 12, ["patient"]),
    ],
)
def test_check_warns_about_source_versions_older_than_the_limit(
    today: date, months: int, warned: list[str]
) -> None:
    warnings = age_warnings(today, months)
    assert [w.split()[2] for w in warnings] == warned


def test_islet_check_reports_the_age_warning_but_still_passes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--max-source-age", "1"])
    assert result.exit_code == 0
    assert "months old (more than 1)" in " ".join(result.output.split())


BAD = [
    ("empty", b"", "empty"),
    ("blank", b"  \n\n  ", "empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("not-utf8", bytes(range(128, 256)) * 20, "not"),
    (
        "another-summary",
        b"# Breast Cancer Treatment (PDQ\xc2\xae)-Patient Version\n\n"
        b"## General Information\n\nText.\n",
        "not the PDQ summary",
    ),
    (
        "another-page",
        b"<html><body><article><h1>Colon Cancer Screening</h1><h2>Overview</h2>"
        b"<p>Screening finds polyps.</p></article></body></html>",
        "not the PDQ summary",
    ),
    ("unrelated-text", b"Mix the flour and the butter.\nBake for 20 minutes.\n", "another summary"),
]


@pytest.mark.parametrize(("name", "data", "says"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_gets_a_clear_message_and_exit_2(
    name: str, data: bytes, says: str, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / f"{name}.md"
    path.write_bytes(data)
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2
    assert says in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("target", ["missing.md", "."])
def test_a_missing_file_or_a_folder_gets_exit_2(
    target: str, tmp_path: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["review", str(tmp_path / target)])
    assert result.exit_code == 2
    assert "cannot be read" in " ".join(result.output.split())


def test_health_names_the_source_versions_and_the_last_review() -> None:
    body = webapp.client().get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["sources"] == [
        {"document": d, "version_date": recorded(d).version_date, "reviewed": recorded(d).reviewed}
        for d in SOURCE_FILES
    ]


@pytest.mark.parametrize("path", ["/", "/summary?audience=professional", "/glossary/insulinoma"])
def test_the_footer_shows_the_source_versions_and_the_last_review(path: str) -> None:
    page = " ".join(webapp.client().get(path).text.split())
    patient, professional = recorded("patient"), recorded("professional")
    assert (
        f"PDQ versions used: patient {patient.version_date}; "
        f"health professional {professional.version_date}."
    ) in page
    assert f"last checked its content against them on {patient.reviewed}" in page
