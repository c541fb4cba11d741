"""The word tables of the Spanish readers (cognate endings, verb endings, diminutives) are
validated data (issue 17): a malformed table is a KnowledgeError naming the file, for the
reader and through ``islet check``, never a stack trace."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from islet.ask.spanish_tables import (
    COGNATES,
    WORD_FORMS,
    cognate_table,
    read_cognates,
    read_word_forms,
    word_forms,
)
from islet.cli import app
from islet.errors import KnowledgeError
from islet.kb import KNOWLEDGE_DIR

READ = {COGNATES.name: read_cognates, WORD_FORMS.name: read_word_forms}

# (file, a piece of the installed file, what it is changed to, what the problem says)
BROKEN = [
    ("cognates.yaml", "  ciones: [tions]", "  ciones: [tions", "cannot be read"),  # bad YAML
    ("cognates.yaml", "  ciones: [tions]", '  "": [tions]', "endings"),  # an empty ending
    ("cognates.yaml", "  ciones: [tions]", "  ciones: tions", "endings.ciones"),  # not a list
    ("cognates.yaml", "  ciones: [tions]", "  ciones: [7]", "endings.ciones"),  # not a word
    ("cognates.yaml", "  ciones: [tions]", "  ciones: []", "endings.ciones"),  # no English
    ("cognates.yaml", "  ciones: [tions]", "  ciónes: [tions]", "endings"),  # an accent
    ("cognates.yaml", "  ciones: [tions]", "  Ciones: [tions]", "endings"),  # upper case
    ("cognates.yaml", "  ciones: [tions]", "  ciones: [tions, tions]", "given twice"),
    ("cognates.yaml", "  ciones: [tions]", "  cion: [tion]", "cannot be read"),  # key twice
    ("cognates.yaml", "  sion: [sion]", "  sion: [sion]\n  asion: [ation]", "'asion' must come"),
    ("cognates.yaml", "  es: [es, s]", "  es: [es, s]\n  trices: [trices]", "'trices' must come"),
    ("cognates.yaml", "  hiper: hyper", "  hiper: hyper\n  hiperx: hyperx", "'hiperx' must"),
    ("cognates.yaml", "  hiper: hyper", "  hiper: 5", "beginnings.hiper"),
    ("cognates.yaml", "letters:", "spellings:", "letters"),  # a part missing, one unknown
    ("word-forms.yaml", "  ando: [ar]", "  ando: [or]", "verb_endings.ando"),  # no infinitive
    ("word-forms.yaml", "  ando: [ar]", "  ando: []", "verb_endings.ando"),
    ("word-forms.yaml", "  a: [ar]", "  a: [ar]\n  ya: [er]", "'ya' must come before 'a'"),
    ("word-forms.yaml", "clitics: [selo,", "clitics: [me, selo,", "given twice: me"),
    ("word-forms.yaml", "clitics: [selo,", "clitics: ['', selo,", "clitics"),
    ("word-forms.yaml", '  cito: [""]', "  cito: ''", "diminutives.cito"),
    ("word-forms.yaml", "  isimo: [o, e]", "  isimo: [o, true]", "superlatives.isimo"),
    ("word-forms.yaml", "  qu: c", "  qu: [c]", "respellings.qu"),
]


def broken_copy(folder: Path, name: str, piece: str, changed: str) -> Path:
    """A copy of the installed table ``name`` in ``folder`` with ``piece`` made ``changed``."""
    text = (COGNATES.parent / name).read_text(encoding="utf-8")
    assert text.count(piece) == 1, f"{piece!r} is not once in {name}"
    path = folder / name
    path.write_text(text.replace(piece, changed), encoding="utf-8")
    return path


def test_the_installed_tables_are_valid_and_read_once() -> None:
    assert read_cognates() == cognate_table() and cognate_table() is cognate_table()
    assert read_word_forms() == word_forms() and word_forms() is word_forms()
    assert list(cognate_table().endings)[:2] == ["ciones", "cion"]


@pytest.mark.parametrize(("name", "line", "changed", "says"), BROKEN)
def test_a_malformed_table_is_refused_with_the_file_named(
    tmp_path: Path, name: str, line: str, changed: str, says: str
) -> None:
    path = broken_copy(tmp_path, name, line, changed)
    with pytest.raises(KnowledgeError) as refused:
        READ[name](path)
    problem = " ".join(refused.value.problems)
    assert problem.startswith(f"es/ask/{name}: ")
    assert says in problem


@pytest.mark.parametrize(
    ("name", "line", "changed"),
    [
        ("cognates.yaml", "  ciones: [tions]", "  ciones: [tions"),  # bad YAML
        ("cognates.yaml", "  ciones: [tions]", '  "": [tions]'),  # an empty ending
        ("word-forms.yaml", "  ando: [ar]", "  ando: ar"),  # the wrong type
    ],
    ids=["bad-yaml", "empty-ending", "wrong-type"],
)
def test_islet_check_reports_a_broken_table(
    tmp_path: Path, name: str, line: str, changed: str
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    broken_copy(knowledge / "es" / "ask", name, line, changed)
    result = CliRunner().invoke(app, ["check", "--dir", str(knowledge), "--json"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert any(p.startswith(f"es/ask/{name}: ") for p in report["spanish"]["problems"])


def test_islet_check_passes_the_installed_tables(tmp_path: Path) -> None:
    """The control for the test above: the same copy, unbroken, passes."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    result = CliRunner().invoke(app, ["check", "--dir", str(knowledge), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["spanish"]["problems"] == []
