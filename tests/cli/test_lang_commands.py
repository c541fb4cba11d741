"""``--lang`` on ``islet guide`` and ``islet tests`` (issue 17): texts change, keys and ids stay."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from islet.cli import app
from islet.explain.tests import SPANISH_TEXTS_FILE, ExplainerTexts
from islet.i18n import gettext_for
from islet.kb import load_data_file

GUIDE = ["guide", "--type", "insulinoma", "--count", "single", "--sites", "tail", "--size", "small"]


def _json(runner: CliRunner, args: list[str]) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ids(value: Any) -> Any:
    """Every key and every "id" value of a JSON document, in order (the parts that never
    change with the language; lists of words such as aliases may differ in length)."""
    if isinstance(value, dict):
        return [(k, _ids(v) if k != "id" else v) for k, v in value.items()]
    if isinstance(value, list):
        return [_ids(v) for v in value if isinstance(v, dict | list)]
    return None


@pytest.mark.parametrize("args", [["tests", "--type", "insulinoma"], ["tests"], GUIDE])
def test_lang_es_keeps_json_keys_and_ids(args: list[str], runner: CliRunner) -> None:
    assert _ids(_json(runner, [*args, "--lang", "es"])) == _ids(_json(runner, args))


def test_tests_lang_es_gives_the_spanish_fixed_texts(runner: CliRunner) -> None:
    spanish = load_data_file(SPANISH_TEXTS_FILE, ExplainerTexts, "es/explain")
    result = _json(runner, ["tests", "--type", "insulinoma", "--lang", "es"])
    assert result["general_note"] == " ".join(spanish.general_note.split())
    assert result["specific_note"] == " ".join(spanish.specific_note.split())


def test_tests_for_professionals_stay_english(runner: CliRunner) -> None:
    english = _json(runner, ["tests", "--audience", "professional"])
    assert _json(runner, ["tests", "--audience", "professional", "--lang", "es"]) == english


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (["tests", "--type", "insulinoma"], "Getting ready:"),
        (GUIDE, "Options PDQ lists for this situation"),
    ],
)
def test_lang_es_prints_the_labels_in_spanish(
    args: list[str], label: str, runner: CliRunner
) -> None:
    spanish = gettext_for("es")(label)
    assert spanish != label
    printed = " ".join(runner.invoke(app, [*args, "--lang", "es"]).stdout.split())
    assert spanish in printed and label not in printed


@pytest.mark.parametrize("args", [GUIDE, ["tests"]])
def test_an_unknown_language_is_a_clear_error(args: list[str], runner: CliRunner) -> None:
    result = runner.invoke(app, [*args, "--lang", "fr"])
    assert result.exit_code == 2
    assert "--lang must be one of en, es" in result.output


def _shape(value: Any, key: str = "") -> Any:
    """A guide data document with the texts people read left out: what must not change with
    the language (facts, values, ids, conditions, sources)."""
    texts = {"label", "question", "help", "none_label", "dont_know", "name", "heading", "why"}
    texts |= {"message", "text", "nothing_fits", "why_list", "why_professional_only"}
    if isinstance(value, dict):
        return {k: _shape(v, k) for k, v in value.items() if k not in texts and k != "phrases"}
    if isinstance(value, list):
        return [_shape(v, key) for v in value]
    return value


def test_the_spanish_guide_data_has_the_same_facts_values_conditions_and_sources() -> None:
    from islet.guide.data import guide_data_in

    english, spanish = guide_data_in("en"), guide_data_in("es")
    assert _shape(spanish.model_dump()) == _shape(english.model_dump())
    assert set(spanish.phrases.model_dump()) == set(english.phrases.model_dump())


def test_guide_lang_es_json_reads_in_spanish(runner: CliRunner) -> None:
    result = _json(runner, [*GUIDE, "--lang", "es"])
    option = result["applies"][0]
    assert option["treatment_id"] == "enucleation"
    assert option["name"] == "Enucleación"
    assert option["reason"].startswith("Se ajusta:")
    assert option["list_heading"] == "De la lista del PDQ para insulinoma"
    assert result["notes"][0]["text"].startswith("Estas son las opciones")
    assert all("911" in a["text"] for a in result["alerts"])


def test_the_guide_pages_keep_spanish_from_question_to_results() -> None:
    from tests.webapp import client

    web = client()
    step = web.get("/guide?lang=es")
    assert step.status_code == 200
    assert "¿Qué tipo de TNE de páncreas es?" in step.text
    assert 'name="lang" value="es"' in step.text  # the answer keeps the language
    query = "tumor_type=insulinoma&tumor_count=single&sites=tail&size=small&lang=es"
    options = web.get(f"/guide/options?{query}")
    assert options.status_code == 200
    assert "Se ajusta:" in options.text and "It fits:" not in options.text


@pytest.mark.parametrize(
    ("args", "spanish"),
    [
        (["ask", "...", "--lang", "es"], "la pregunta no tiene palabras"),
        (
            ["glossary", "zzzz", "--lang", "es"],
            "Islet no reconoce “zzzz” como palabra del glosario",
        ),
    ],
)
def test_an_error_reads_in_the_language_asked_for(
    runner: CliRunner, args: list[str], spanish: str
) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, spanish in " ".join(result.output.split())) == (2, True)
    english = runner.invoke(app, args[:-2])
    assert (english.exit_code, spanish in english.output) == (2, False)


def test_a_fact_from_outside_pdq_is_cited_as_itself(runner: CliRunner) -> None:
    """`islet ask -a professional` may print the WHO grading table, a fact from outside PDQ: its
    source line names the citation and says it is not part of PDQ, never "PDQ external"."""
    result = runner.invoke(app, ["ask", "what is the Ki-67 index", "-a", "professional"])
    printed = " ".join(result.stdout.split())
    assert result.exit_code == 0
    assert "WHO 2019" in printed and "(not part of PDQ)" in printed
    assert "PDQ external" not in printed
