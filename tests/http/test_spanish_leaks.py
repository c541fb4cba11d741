"""No English interface wording left on a Spanish page (issue 17): every page of
``test_spanish_pages.PAGES`` (and the trial pages with bad input), rendered with ``?lang=es``,
holds no stretch of three or more words of an English catalog message that has a different
Spanish translation. Record texts published in English (study titles, criteria) are not catalog
messages, so they do not count."""

from __future__ import annotations

import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from islet.i18n import catalog_path

# PAGES and helpers, and its fixtures (_trial_records, saved_trials): the same trial records
from tests.http.test_spanish_pages import (  # noqa: F401
    PAGES,
    RADIANT,
    _fetch,
    _main_text,
    _trial_records,
    saved_trials,
)

PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")
BAD_SCREENING = {"age": "500", "sex": "x", "grade": "7", "ki67": "abc", "men1": "maybe"}
MORE_PAGES: list[tuple[str, dict[str, str] | None]] = [
    ("/trials?type=insulinoma&near=55905&radius=3000&age=50", None),
    ("/trials?age=abc&near=99999&status=foo&type=blah&nct=xx", None),
    (f"/trials/{RADIANT}/screening", {**BAD_SCREENING, "prior": "a", "no_prior": "1"}),
    (f"/trials/{RADIANT}/screening", {"age": "80", "sex": "male", "prior": "octreotide"}),
    (f"/trials/shortlist?nct={RADIANT}&near=55905", None),
    ("/ask", {"q": ""}),
    ("/ask", {"q": "..."}),
    ("/guide/options?tumor_count=none_found&sites=head", None),
    ("/types/no-such-type", None),
    ("/glossary/no-such-word", None),
]


@cache
def english_phrases() -> dict[str, str]:
    """Each stretch of 3+ words of a catalog message whose Spanish differs, by its message."""
    with catalog_path("es").open("rb") as po:
        catalog = read_po(po, locale="es")
    phrases: dict[str, str] = {}
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or message.string == message.id:
            continue
        for chunk in PLACEHOLDER.split(message.id):
            chunk = " ".join(chunk.split()).strip(" .,:;()“”'\"")
            if len(chunk.split()) >= 3 and chunk not in str(message.string):
                phrases[chunk] = message.id
    return phrases


def test_the_catalog_gives_phrases_to_look_for() -> None:
    assert "Please check what you entered" in english_phrases()
    assert "give a number from" in english_phrases()


@pytest.mark.parametrize(
    ("path", "form"), [(path, form) for path, form, _, _ in PAGES] + MORE_PAGES
)
def test_a_spanish_page_shows_no_english_catalog_wording(
    web: TestClient, path: str, form: dict[str, str] | None
) -> None:
    text = _main_text(_fetch(web, path, form, "es"))
    assert {p: m for p, m in english_phrases().items() if p in text} == {}


@pytest.mark.parametrize(("path", "form"), MORE_PAGES[:3])
def test_the_same_page_in_english_shows_that_wording(
    web: TestClient, path: str, form: dict[str, str] | None
) -> None:
    """The check can fail: in English the same pages hold catalog phrases."""
    text = _main_text(_fetch(web, path, form, None))
    assert [p for p in english_phrases() if p in text] != []


# An error a person can cause, asked in Spanish through the API and the command line: the
# message is Spanish, the field name and the exit code stay as they are.
API_ERRORS = [
    ("/api/v1/trials?status=foo", "status", "Islet no reconoce “foo” como estado del estudio"),
    ("/api/v1/trials?near=99999", "near", "el código postal 99999 no está"),
    (f"/api/v1/trials/{RADIANT}?near=abc", "near", "no es un código postal de EE. UU."),
    ("/api/v1/ask?q=...", "q", "la pregunta no tiene palabras"),
]


@pytest.mark.parametrize(("path", "field", "spanish"), API_ERRORS)
@pytest.mark.parametrize("how", ["lang", "accept-language"])
def test_an_api_error_detail_follows_the_language(
    web: TestClient, path: str, field: str, spanish: str, how: str
) -> None:
    if how == "lang":
        body = web.get(f"{path}&lang=es").json()
    else:
        body = web.get(path, headers={"Accept-Language": "es-MX,es;q=0.9"}).json()
    assert (body["field"], spanish in body["detail"]) == (field, True)
    assert spanish not in web.get(path).json()["detail"]


def test_a_screening_answer_in_spanish_keeps_its_keys_and_ids(web: TestClient) -> None:
    person = {"person": {"age": 50, "sex": "female", "grade": 2}}
    english = web.post(f"/api/v1/trials/{RADIANT}/screening", json=person).json()
    spanish = web.post(f"/api/v1/trials/{RADIANT}/screening?lang=es", json=person).json()
    shape = [(c["rule"], c["outcome"], c["section"]) for c in english["screening"]["checks"]]
    assert [(c["rule"], c["outcome"], c["section"]) for c in spanish["screening"]["checks"]] == (
        shape
    )
    assert english["screening"]["checks"][0]["message"].startswith("The trial takes people aged")
    assert spanish["screening"]["checks"][0]["message"].startswith("El estudio acepta a personas")
    assert spanish["ages"] == "personas de 18 años o más"
