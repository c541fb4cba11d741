"""Islet's own words around a Spanish answer are Spanish too (issue 17): who to ask after a
safety reply, and why the trial search could not reach ClinicalTrials.gov; the JSON keys and
status codes stay as they are in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app

ENGLISH_HELP = "For questions about your own care"
SPANISH_HELP = "Para preguntas sobre su propia atención"


@pytest.mark.parametrize(
    "question", ["quiero morirme", "me desmayé y no puedo respirar", "¿puedo dejar el octreotide?"]
)
@pytest.mark.parametrize("lang", ["es", None])
def test_a_safety_reply_in_spanish_names_who_to_ask_in_spanish(
    web: TestClient, question: str, lang: str | None
) -> None:
    params = {"q": question, **({"lang": lang} if lang else {})}
    reply = web.get("/api/v1/ask", params=params).json()
    assert reply["safety"]["level"] != "none"
    assert (SPANISH_HELP in reply["help"], ENGLISH_HELP in reply["help"]) == (True, False)
    page = web.post("/ask?lang=es", data={"q": question}).text
    assert (SPANISH_HELP in page, ENGLISH_HELP in page) == (True, False)


def test_an_english_safety_reply_keeps_its_english_help(web: TestClient) -> None:
    reply = web.get("/api/v1/ask", params={"q": "I fainted and cannot breathe"}).json()
    assert ENGLISH_HELP in reply["help"]


def test_the_command_line_safety_reply_names_who_to_ask_in_spanish(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["ask", "quiero morirme", "--lang", "es", "--json"])
    assert shown.exit_code == 0
    assert SPANISH_HELP in shown.output and ENGLISH_HELP not in shown.output


@pytest.fixture
def no_records(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No imported trial records: the search asks the (unreachable) registry live."""
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path / "none.sqlite"))


@pytest.mark.usefixtures("no_records")
def test_the_trial_search_says_in_spanish_why_it_could_not_search(web: TestClient) -> None:
    page = web.get("/trials?type=insulinoma&lang=es").text
    assert "no se pudo conectar con ClinicalTrials.gov" in page
    assert "could not be reached" not in page
    english, spanish = web.get("/api/v1/trials"), web.get("/api/v1/trials?lang=es")
    assert (english.status_code, spanish.status_code) == (503, 503)
    assert set(english.json()) == set(spanish.json())
    assert (english.json()["type"], spanish.json()["type"]) == ("registry-unavailable",) * 2
    assert english.json()["title"] == "Trial search unavailable"
    assert spanish.json()["title"] == "La búsqueda de estudios no está disponible"
    assert "could not be reached" in english.json()["detail"]
    assert "no se pudo conectar con ClinicalTrials.gov" in spanish.json()["detail"]


@pytest.mark.parametrize("topic", ["nonfunctional", "insulinoma", "whipple", "diagnosis"])
def test_islet_show_names_its_source_in_spanish(runner: CliRunner, topic: str) -> None:
    spanish = runner.invoke(app, ["show", topic, "--lang", "es"])
    english = runner.invoke(app, ["show", topic])
    assert (spanish.exit_code, english.exit_code) == (0, 0)
    assert "Fuente: versión del PDQ para pacientes, sección" in " ".join(spanish.output.split())
    assert "Source:" not in spanish.output and "Source: PDQ patient version" in english.output


@pytest.mark.parametrize(
    ("topic", "label"),
    [
        ("insulinoma", "por lo general benigno (no es cáncer)"),
        ("gastrinoma", "la mayoría son malignos (cáncer)"),
        ("vipoma", "el resumen no lo dice"),
    ],
)
def test_a_tumor_types_behaviour_reads_in_spanish_and_its_id_stays(
    runner: CliRunner, web: TestClient, topic: str, label: str
) -> None:
    shown = " ".join(runner.invoke(app, ["show", topic, "--lang", "es"]).output.split())
    assert f"Benigno o maligno {label}" in shown
    assert "head, body" not in shown  # the site note says where, in words
    english = web.get(f"/api/v1/topics/{topic}").json()
    spanish = web.get(f"/api/v1/topics/{topic}?lang=es").json()
    assert (spanish["behaviour"], spanish["behaviour_label"]) == (english["behaviour"], label)
    assert spanish["usual_sites"] == english["usual_sites"]
    professional = web.get(f"/api/v1/topics/{topic}?lang=es&audience=professional").json()
    assert professional["behaviour_label"] == english["behaviour_label"]
