"""Islet in Spanish (issue 17): the language reaches every interface; interface strings come
from the gettext catalog; JSON keys and ids stay English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.i18n import catalog_path, chosen_language, gettext_for
from islet.language import from_accept_language, parse_language

ROOT = Path(__file__).resolve().parents[2]


# --- the catalog -------------------------------------------------------------------------------


def _marked_strings() -> set[str]:
    method_map = [("src/islet/**.py", "python"), ("src/islet/web/templates/**.html", "jinja2")]
    options = {"src/islet/web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(str(ROOT), method_map, options_map=options)
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def test_every_marked_interface_string_has_a_spanish_translation() -> None:
    with catalog_path("es").open("rb") as po:
        catalog = read_po(po, locale="es")
    translated = {m.id: m.string for m in catalog if m.id and m.string}
    marked = _marked_strings()
    assert marked, "no interface strings are marked for translation"
    assert sorted(marked - set(translated)) == []


def test_the_catalog_is_compiled_at_first_use() -> None:
    assert gettext_for("es")("Summary") == "Resumen"
    assert gettext_for("en")("Summary") == "Summary"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "es"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR,fr;q=0.9,es;q=0.5", "es"),
        ("fr-FR", None),
        ("es;q=0, en", "en"),
        ("", None),
    ],
)
def test_accept_language_picks_the_first_language_islet_speaks(
    header: str, language: str | None
) -> None:
    assert from_accept_language(header) == language


@pytest.mark.parametrize(("value", "language"), [("es", "es"), ("ES_mx", "es"), ("en-GB", "en")])
def test_language_codes_are_read_leniently(value: str, language: str) -> None:
    assert parse_language(value) == language


def test_islet_lang_is_the_default_and_a_bad_value_is_named(
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
) -> None:
    monkeypatch.setenv("ISLET_LANG", "es")
    assert chosen_language(None) == "es"
    assert chosen_language("en") == "en"
    monkeypatch.setenv("ISLET_LANG", "klingon")
    result = runner.invoke(app, ["ask", "what is a whipple"])
    assert result.exit_code == 2 and "ISLET_LANG must be one of en, es" in result.output


# --- command line ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["ask", "me desmayé"], ["symptoms", "me desmayé"]])
def test_a_spanish_emergency_is_answered_in_spanish_on_the_command_line(
    command: list[str],
    runner: CliRunner,
) -> None:
    plain = runner.invoke(app, command)
    assert plain.exit_code == 0, plain.output
    assert "Urgente" in plain.output and "911" in plain.output
    told = runner.invoke(app, [*command, "--lang", "es", "--json"])
    assert told.exit_code == 0, told.output
    english = runner.invoke(app, [command[0], "I fainted", "--json"])
    assert _keys(json.loads(told.stdout)) == _keys(json.loads(english.stdout))


def _keys(data: object) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for v in data for k in _keys(v)}
    return set()


# --- API ---------------------------------------------------------------------------------------


def test_the_api_takes_lang_or_accept_language(web: TestClient) -> None:
    by_query = web.get("/api/v1/ask", params={"q": "I fainted", "lang": "es"}).json()
    assert by_query["safety"]["message"].startswith("Esto puede ser una emergencia")
    by_header = web.post(
        "/api/v1/symptoms", json={"text": "I fainted"}, headers={"Accept-Language": "es-US"}
    ).json()
    assert by_header["urgent_notice"].startswith("Esto puede ser una emergencia")
    english = web.get("/api/v1/ask", params={"q": "I fainted"}).json()
    assert english["safety"]["message"].startswith("This may be a medical emergency")
    assert set(by_query) == set(english) and set(by_query["safety"]) == set(english["safety"])


def test_an_unknown_language_is_a_422(web: TestClient) -> None:
    assert web.get("/api/v1/ask", params={"q": "hola", "lang": "xx"}).status_code == 422


# --- web pages ---------------------------------------------------------------------------------


def test_a_page_in_spanish_says_so_and_links_both_languages(web: TestClient) -> None:
    page = web.get("/", params={"lang": "es"})
    assert page.status_code == 200
    assert '<html lang="es">' in page.text
    assert re.search(r'<link rel="alternate" hreflang="en" href="[^"]*/"', page.text)
    assert re.search(r'<link rel="alternate" hreflang="es" href="[^"]*\?lang=es"', page.text)
    assert ">Resumen</a>" in page.text and 'href="/summary?lang=es"' in page.text
    assert 'class="language-switch"' in page.text


def test_english_pages_are_unchanged_by_default(web: TestClient) -> None:
    page = web.get("/")
    assert '<html lang="en">' in page.text and ">Summary</a>" in page.text


def test_the_professional_view_stays_english_and_says_so(web: TestClient) -> None:
    page = web.get("/summary", params={"lang": "es", "audience": "professional"})
    assert '<html lang="en">' in page.text
    assert "solo en inglés" in page.text


def test_the_web_ask_page_answers_a_spanish_emergency_in_spanish(web: TestClient) -> None:
    page = web.post("/ask", params={"lang": "es"}, data={"q": "no puedo respirar"})
    assert page.status_code == 200
    assert "Pida ayuda de emergencia ahora" in page.text and 'href="tel:911"' in page.text
