"""Every page type renders for people: right content, valid structure, no stray markup."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from islet import kb as kb_module
from islet.kb import KnowledgeBase
from tests.tables import load_cases
from tests.webapp import read_page

KB = kb_module.load()
PAGES = load_cases("web_pages.yaml")
ITEM_PAGES = [
    *(pytest.param(f"/types/{i}", t.name, id=f"type-{i}") for i, t in KB.tumor_types.items()),
    *(pytest.param(f"/tests/{i}", t.name, id=f"test-{i}") for i, t in KB.tests.items()),
    *(pytest.param(f"/treatments/{i}", t.name, id=f"tr-{i}") for i, t in KB.treatments.items()),
    *(
        pytest.param(f"/patterns/{i}", p.name, id=f"pat-{i}")
        for i, p in KB.symptom_patterns.items()
    ),
    *(pytest.param(f"/glossary/{i}", g.term, id=f"term-{i}") for i, g in KB.glossary.items()),
]


@pytest.mark.parametrize("case", PAGES)
def test_page_shows_what_a_person_needs(web: TestClient, case: dict[str, Any]) -> None:
    response = web.get(case["path"])
    assert response.status_code == case.get("status", 200), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    for text in case.get("contains", []):
        assert text in response.text, f"missing {text!r}"
    for text in case.get("absent", []):
        assert text not in response.text, f"unexpected {text!r}"


@pytest.mark.parametrize("case", PAGES)
def test_page_structure_is_sound(web: TestClient, case: dict[str, Any]) -> None:
    page = read_page(web.get(case["path"]).text)
    assert page.h1 == 1
    assert not page.duplicate_ids
    assert not page.blocks_in_paragraphs, "block element inside <p> breaks the paragraph"
    assert "[[" not in web.get(case["path"]).text, "a glossary mark was not rendered"


@pytest.mark.parametrize(("path", "name"), ITEM_PAGES)
def test_every_item_has_a_page(web: TestClient, path: str, name: str) -> None:
    response = web.get(path)
    assert response.status_code == 200
    assert "Source: PDQ" in response.text
    page = read_page(response.text)
    assert not page.blocks_in_paragraphs
    assert "[[" not in response.text
    assert str(escape(name)) in response.text


def test_patient_summary_shows_every_section_but_the_professional_only(
    web: TestClient, kb: KnowledgeBase
) -> None:
    patient = web.get("/summary").text
    professional = web.get("/summary?audience=professional").text
    hidden = {s.id for s in kb.sections.values() if s.professional_only}
    # Children of a professional-only section are professional too.
    for section in kb.sections.values():
        if section.parent in hidden:
            hidden.add(section.id)
    for section in kb.sections.values():
        anchor = f'id="{section.id}"'
        assert anchor in professional
        assert (anchor in patient) is (section.id not in hidden), section.id


def test_external_facts_only_in_the_professional_view(web: TestClient, kb: KnowledgeBase) -> None:
    facts = [f for s in kb.sections.values() for f in s.external]
    assert facts, "the knowledge base has [EXTERNAL] facts to show"
    patient = web.get("/summary").text
    professional = web.get("/summary?audience=professional").text
    for fact in facts:
        assert fact.source.citation
        assert fact.source.citation.replace("&", "&amp;") in professional
        assert fact.source.citation.replace("&", "&amp;") not in patient


def test_glossary_terms_are_explained_in_place(web: TestClient, kb: KnowledgeBase) -> None:
    page = read_page(web.get("/summary").text)
    assert page.terms, "the patient summary marks glossary terms"
    assert set(page.terms) <= set(kb.glossary)
    term = kb.glossary[page.terms[0]]
    assert term.definition.split("[[")[0][:30] in web.get("/summary").text


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/types/Insulinoma", "/types/insulinoma"),
        ("/types/insulin-producing%20tumor", "/types/insulinoma"),
        ("/glossary/Insulin", "/glossary/insulin"),
        ("/topics/insulinoma", "/types/insulinoma"),
        ("/topics/general-information", "/summary#general-information"),
        ("/topics/mri?audience=professional", "/tests/mri?audience=professional"),
    ],
)
def test_names_and_aliases_lead_to_the_page(web: TestClient, path: str, location: str) -> None:
    response = web.get(path)
    assert response.status_code == 307
    assert response.headers["location"] == location


@pytest.mark.parametrize(
    ("path", "suggestion"),
    [
        ("/types/insulinomaa", "insulinoma"),
        ("/treatments/enucleaton", "enucleation"),
        ("/topics/gastrinomma", "gastrinoma"),
        ("/glossary/insulen", None),
        ("/no/such/page", None),
        ("/tests?type=insulinomaa", "insulinoma"),
    ],
)
def test_unknown_pages_are_a_calm_404(web: TestClient, path: str, suggestion: str | None) -> None:
    response = web.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Go to the start page" in response.text
    if suggestion:
        assert f"/topics/{suggestion}" in response.text


@pytest.mark.parametrize("path", ["/summary?audience=doctor", "/types/insulinoma?audience=x"])
def test_bad_query_values_are_a_calm_422(web: TestClient, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "audience" in response.text


def test_audience_switch_keeps_the_page_and_its_query(web: TestClient) -> None:
    html = web.get("/tests?type=insulinoma&audience=professional").text
    assert 'href="/tests?type=insulinoma" data-audience="patient"' in html
    assert 'href="/tests?type=insulinoma&amp;audience=professional"' in html
    assert 'href="/summary?audience=professional"' in html  # links keep the view
