"""A Spanish reader stays in Spanish (issue 17): every link, form and redirect of a patient page
read with ``?lang=es`` keeps ``lang=es`` (a form by a hidden field), except the switch to English
and the professional view, which is English only and says so."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

# PAGES and helpers, and its fixtures (_trial_records, saved_trials): the same trial records
from tests.http.test_spanish_pages import (  # noqa: F401
    PAGES,
    _fetch,
    _trial_records,
    saved_trials,
)

MORE_PAGES: list[tuple[str, dict[str, str] | None]] = [
    ("/summary", None),
    ("/glossary?q=whiple", None),
    ("/guide/ask/size?tumor_type=insulinoma", None),
    ("/guide/options?tumor_type=insulinoma&tumor_count=single", None),
    ("/types/insulinoma", None),
]
TAG = re.compile(r"<(?:a|link|form)\b[^>]*>")
ADDRESS = re.compile(r'\b(?:href|action)="(/[^"#]*)')
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
ENGLISH_ONLY = ("/static/", "/clinician", "/openapi", "/api/")


def _leaving_spanish(page: str) -> list[str]:
    """The addresses of the page's links and forms that would show the next page in English."""
    lost = []
    for tag in TAG.findall(page):
        found = ADDRESS.search(tag)
        if not found or 'hreflang="en"' in tag:
            continue
        address = html.unescape(found.group(1))
        if address.startswith(ENGLISH_ONLY) or "audience=professional" in address:
            continue
        if tag.startswith("<form") and 'method="get"' in tag:
            form = next(f for f in FORM.findall(page) if f.startswith(tag))
            kept = '<input type="hidden" name="lang" value="es">' in form
        else:
            kept = "lang=es" in address
        if not kept:
            lost.append(address)
    return lost


@pytest.mark.parametrize(
    ("path", "form"), [(path, form) for path, form, _, _ in PAGES] + MORE_PAGES
)
def test_every_link_and_form_of_a_spanish_page_stays_in_spanish(
    web: TestClient, path: str, form: dict[str, str] | None
) -> None:
    assert _leaving_spanish(_fetch(web, path, form, "es")) == []


def test_the_check_finds_a_link_that_leaves_spanish() -> None:
    page = '<a href="/types/insulinoma">x</a><form method="get" action="/tests"></form>'
    assert _leaving_spanish(page) == ["/types/insulinoma", "/tests"]


@pytest.mark.parametrize(
    ("address", "goes_to"),
    [
        ("/topics/insulinoma?lang=es", "/types/insulinoma?lang=es"),
        ("/topics/treatment-of-gastrinoma?lang=es", "/summary?lang=es#treatment-of-gastrinoma"),
        ("/types/Insulinoma?lang=es", "/types/insulinoma?lang=es"),
        ("/topics/insulinoma", "/types/insulinoma"),
        (
            "/topics/insulinoma?audience=professional&lang=es",
            "/types/insulinoma?audience=professional",
        ),
    ],
)
def test_a_redirect_keeps_the_language(web: TestClient, address: str, goes_to: str) -> None:
    moved = web.get(address, follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (307, goes_to)
