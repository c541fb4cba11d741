"""Patient text in Spanish (issue 17): knowledge/es/ by item id, validated by islet check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet import kb as kb_module
from islet.check_es import MIN_FERNANDEZ_HUERTA, parity_problems, spanish_report
from islet.cli import app
from islet.explain.symptoms import explain_symptoms, extras_in
from islet.translations import SPANISH_DIR, in_language


def test_the_spanish_texts_have_no_problems() -> None:
    report = spanish_report(kb_module.load())
    assert report.problems == []
    assert not any(r.too_hard for r in report.readability), MIN_FERNANDEZ_HUERTA


BROKEN: list[tuple[str, dict[str, Any], str]] = [
    ("unknown item", {"tumor_types": {"no-such-type": {"name": "X"}}}, "no such item"),
    ("unknown field", {"tumor_types": {"insulinoma": {"behaviour": "x"}}}, "not a patient field"),
    (
        "dangling mark",
        {"tumor_types": {"insulinoma": {"name": "I", "patient": "[[no-such-term|x]] y"}}},
        "glossary mark [[no-such-term|x]] is unknown",
    ),
    (
        "number changed",
        {"symptom_patterns": {"insulin-excess": {"name": "Demasiada insulina 2"}}},
        "numbers differ",
    ),
    ("field left out", {"tumor_types": {"insulinoma": {"name": "I"}}}, "has English text"),
    (
        "hormone left out",
        {"tumor_types": {"gastrinoma": {"name": "Gastrinoma", "syndromes": ["síndrome"]}}},
        "gastrinoma: 'hormone' has English text but no Spanish",
    ),
    (
        "syndromes left out",
        {"tumor_types": {"gastrinoma": {"name": "Gastrinoma", "hormone": "gastrina"}}},
        "gastrinoma: 'syndromes' has English text but no Spanish",
    ),
    (
        "syndromes not a list",
        {"tumor_types": {"vipoma": {"syndromes": "síndrome WDHA"}}},
        "vipoma.syndromes: expected a list of texts",
    ),
    (
        "option wording left out",
        {"rules": {"gastrinoma-liver-spread": {"bullet": "El cáncer llegó al hígado"}}},
        "'wordings' has English text",
    ),
    (
        "one wording too few",
        {"rules": {"gastrinoma-spread-or-not-better": {"bullet": "B", "wordings": ["Quimio"]}}},
        "one text per option wording",
    ),
]


def test_a_rule_shows_its_options_in_spanish() -> None:
    english = kb_module.load().rules["gastrinoma-liver-dominant-severe-symptoms"]
    spanish = in_language("es").rules[english.id]
    assert [o.treatment for o in spanish.options] == [o.treatment for o in english.options]
    assert all(o.wording and "quimioterapia" in o.wording for o in spanish.options)


@pytest.mark.parametrize(("what", "data", "problem"), BROKEN, ids=[b[0] for b in BROKEN])
def test_islet_check_names_what_is_wrong_in_spanish(
    tmp_path: Path, what: str, data: dict[str, Any], problem: str
) -> None:
    (tmp_path / "broken.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    report = spanish_report(kb_module.load(), tmp_path)
    assert any(problem in p for p in report.problems), report.problems


@pytest.mark.parametrize(
    ("english", "spanish", "problem"),
    [
        ("Fast for 72 hours.", "Ayune 72 horas.", None),
        ("Fast for 72 hours.", "Ayune 48 horas.", "numbers differ"),
        ("Fast for 72 hours.", "Ayune 72 días.", "hours differ"),
        ("A blood sugar of 54 mg/dL", "Un azúcar de 54 mg/dL", None),
        ("A blood sugar of 54 mg/dL", "Un azúcar de 54", "unit 'mg/dL' differs"),
        ("A tumor of 5 mm", "Un tumor de 5", "unit 'mm' differs"),
        ("This summary is 2 cm long", "Este resumen mide 2 cm", None),  # 'mm' inside a word
        ("octreotide or lanreotide", "octreotida o lanreotida", None),
        ("octreotide or lanreotide", "octreotida", "drug name 'lanreotide'"),
    ],
)
def test_numbers_units_hours_and_drugs_must_match(
    english: str, spanish: str, problem: str | None
) -> None:
    drugs = {"octreotide": "octreotida", "lanreotide": "lanreotida"}
    found = parity_problems(english, spanish, drugs)
    assert (problem is None and found == []) or any(problem in p for p in found if problem)


def test_check_with_lang_es_fails_exactly_while_items_lack_spanish(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--lang", "es", "--json"])
    spanish = json.loads(result.stdout)["spanish"]
    assert spanish["translated"] + len(spanish["missing"]) == spanish["items"]
    assert result.exit_code == (1 if spanish["missing"] else 0)
    plain = json.loads(runner.invoke(app, ["check", "--json"]).stdout)
    assert plain["spanish"]["strict"] is False


def test_a_knowledge_folder_without_spanish_still_checks(tmp_path: Path, runner: CliRunner) -> None:
    shutil.copytree(kb_module.KNOWLEDGE_DIR, tmp_path / "k", ignore=shutil.ignore_patterns("es"))
    result = runner.invoke(app, ["check", "--dir", str(tmp_path / "k"), "--json"])
    assert json.loads(result.stdout)["spanish"]["translated"] == 0


def _keys(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _keys(v) for k, v in data.items() if k not in ("aliases",)}
    return type(data).__name__


def test_show_in_spanish_keeps_ids_and_json_keys(runner: CliRunner) -> None:
    english = json.loads(runner.invoke(app, ["show", "insulinoma", "--json"]).stdout)
    result = runner.invoke(app, ["show", "insulinoma", "--lang", "es", "--json"])
    assert result.exit_code == 0, result.output
    spanish = json.loads(result.stdout)
    assert spanish["id"] == english["id"] and set(spanish) == set(english)
    assert spanish["text"] != english["text"] and "insulina" in spanish["text"]


def test_the_professional_view_stays_english(runner: CliRunner) -> None:
    english = runner.invoke(app, ["show", "insulinoma", "-a", "professional", "--json"]).stdout
    spanish = runner.invoke(
        app, ["show", "insulinoma", "-a", "professional", "--lang", "es", "--json"]
    ).stdout
    assert english == spanish


@pytest.mark.parametrize(
    ("text", "symptom", "pattern"),
    [
        ("me pongo tembloroso y sudoroso antes de comer", "low-blood-sugar", "insulin-excess"),
        ("tengo diarrea acuosa", "watery-diarrhea", "vip-excess"),
        ("me salió un sarpullido en las piernas", "skin-rash", "glucagon-excess"),
    ],
)
def test_the_symptom_explainer_understands_spanish_lay_words(
    text: str, symptom: str, pattern: str
) -> None:
    result = explain_symptoms(text)  # no language given: the words speak for themselves
    assert symptom in [s.id for s in result.symptoms]
    assert result.patterns[0].id == pattern
    assert result.reminder == extras_in("es").reminder


@pytest.mark.parametrize("example", extras_in("es").examples)
def test_every_spanish_example_is_recognised(example: str) -> None:
    assert explain_symptoms(example, language="es").recognised


def test_spanish_files_are_kept_apart_from_the_english_knowledge() -> None:
    assert SPANISH_DIR.parent == kb_module.KNOWLEDGE_DIR
    assert in_language("en") is kb_module.load()


@pytest.mark.parametrize(
    ("tumor_type", "hormone", "syndromes"),
    [
        ("gastrinoma", "gastrina", ["síndrome de Zollinger-Ellison"]),
        ("insulinoma", "insulina", []),
        ("glucagonoma", "glucagón", []),
        ("somatostatinoma", "somatostatina", []),
        ("acth-secreting", "hormona adrenocorticotrópica (ACTH)", ["síndrome de Cushing"]),
    ],
)
def test_a_tumor_types_hormone_and_syndromes_read_in_spanish(
    tumor_type: str, hormone: str, syndromes: list[str]
) -> None:
    spanish = in_language("es").tumor_types[tumor_type]
    assert (spanish.hormone, spanish.syndromes) == (hormone, syndromes)
    assert spanish.functional == kb_module.load().tumor_types[tumor_type].functional
