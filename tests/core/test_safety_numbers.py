"""The words with which the triage reads a number (a dose, a bare low reading) are validated
data: a bad entry is named on load and by ``islet check`` (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from islet.errors import KnowledgeError
from islet.safety.datacheck import safety_problems
from islet.safety.numberwords import NUMBERS_FILE, number_words
from islet.safety.vocabulary import SAFETY_DIR


def _numbers_with(tmp_path: Path, language: str, section: str, name: str, value: object) -> Path:
    data = yaml.safe_load(NUMBERS_FILE.read_text(encoding="utf-8"))
    data.setdefault(language, {}).setdefault(section, dict(data["en"][section]))[name] = value
    path = tmp_path / "numbers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_number_words_have_an_english_section_and_a_spanish_one() -> None:
    words = number_words()
    assert words.en.doses is not None and words.en.readings is not None
    assert words.es is not None


@pytest.mark.parametrize(
    ("language", "section", "name", "value"),
    [
        ("en", "doses", "taken", ["(took"]),
        ("en", "readings", "bare_followers", ["and", "now["]),
        ("es", "doses", "instead", ["en vez de)"]),
    ],
)
def test_a_word_that_is_no_valid_expression_is_a_knowledge_error(
    tmp_path: Path, language: str, section: str, name: str, value: object
) -> None:
    path = _numbers_with(tmp_path, language, section, name, value)
    with pytest.raises(KnowledgeError, match="not a valid expression"):
        number_words(path)


def test_english_must_have_both_its_dose_and_reading_words(tmp_path: Path) -> None:
    data = yaml.safe_load(NUMBERS_FILE.read_text(encoding="utf-8"))
    del data["en"]["readings"]
    path = tmp_path / "numbers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="en needs both"):
        number_words(path)


def test_the_check_names_a_bad_safety_entry(tmp_path: Path) -> None:
    folder = tmp_path / "safety"
    shutil.copytree(SAFETY_DIR, folder)
    assert safety_problems(tmp_path) == []
    bad = _numbers_with(tmp_path, "en", "doses", "units", ["mg", "(units"])
    bad.replace(folder / "numbers.yaml")
    problems = safety_problems(tmp_path)
    assert len(problems) == 1 and "safety/numbers.yaml" in problems[0], problems


@pytest.mark.parametrize(
    ("section", "name"),
    [("context", "recent"), ("glucose", "low_signs")],
)
def test_the_check_names_a_broken_time_or_low_sign_word(
    tmp_path: Path, section: str, name: str
) -> None:
    # the words that make a sign recent and those that make a bare number a low one are data,
    # validated like every other triage list
    folder = tmp_path / "safety"
    shutil.copytree(SAFETY_DIR, folder)
    data = yaml.safe_load((folder / "triage.yaml").read_text(encoding="utf-8"))
    assert data[section][name], f"the English {section}.{name} list is in the data"
    data[section][name] = [*data[section][name], "(unclosed"]
    (folder / "triage.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = safety_problems(tmp_path)
    assert len(problems) == 1 and "(unclosed" in problems[0], problems


def test_a_shared_list_is_written_once_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    # the medicines named by brand are one shared list, filled into every pattern naming it
    from islet.safety.vocabulary import vocabulary

    words = vocabulary()
    brands = words.shared["brand_medicines"]
    assert sum(brands in p for s in words.signals for p in s.patterns) >= 4
    assert not any("{{" in p for s in words.signals for p in s.patterns)
    folder = tmp_path / "safety"
    shutil.copytree(SAFETY_DIR, folder)
    data = yaml.safe_load((folder / "triage.yaml").read_text(encoding="utf-8"))
    data["signals"][0].setdefault("patterns", []).append("took my {{no_such_list}}")
    (folder / "triage.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = safety_problems(tmp_path)
    assert len(problems) == 1 and "no_such_list" in problems[0], problems


def test_shared_lists_fill_context_cues_and_the_spanish_file_and_an_unknown_one_is_named(
    tmp_path: Path,
) -> None:
    # safetyfix16b: a list written once serves the context cues (English) and the Spanish file's
    # own signals and cues too, filled on load; an unknown name there is refused, naming it
    from islet.safety.additions import additions
    from islet.safety.vocabulary import vocabulary

    words = vocabulary()
    told = words.shared["nothing_more_told"]
    assert any(told in p for p in words.context.figures_of_speech)
    assert not any("{{" in p for p in words.context.figures_of_speech)
    spanish = SAFETY_DIR.parent / "es" / "safety" / "triage.yaml"
    extra = additions(spanish)
    cues = [p for patterns in extra.context.values() for p in patterns]
    forms = [s.es for s in extra.own_signals if s.es]
    own = [p for f in forms for p in f.patterns] + [p for f in forms for g in f.all_of for p in g]
    assert any(extra.shared["nothing_more_told"] in p for p in cues)
    assert any(extra.shared["not_needed_where_going"] in p for p in own)
    assert not any("{{" in p for p in [*cues, *own])
    shutil.copytree(SAFETY_DIR, tmp_path / "safety")
    (tmp_path / "es" / "safety").mkdir(parents=True)
    data = yaml.safe_load(spanish.read_text(encoding="utf-8"))
    data["context"]["figures_of_speech"].append("se me fue {{no_such_list}}")
    (tmp_path / "es" / "safety" / "triage.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    problems = safety_problems(tmp_path)
    assert len(problems) == 1 and "no_such_list" in problems[0], problems
