"""`islet glossary WORD` explains every word a patient meets in Islet.

Every name, alias and syndrome name of the tumor types, tests and treatments is taken from the
knowledge base itself, so a new item (or a new alias) without a glossary entry fails here.
tests/cases/glossary.yaml adds the lay and medical words of the patient text, written by hand.
Commands run as a user runs them: typer's CliRunner on ``islet.cli.app``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet.cli import app
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase, load
from tests.tables import CASES

TABLES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (CASES / "glossary.yaml").read_text(encoding="utf-8")
)
MY_GLOSSARY = KNOWLEDGE_DIR / "glossary-terms.yaml"
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
PDQ_COPIES = {
    "patient": REFERENCE / "pdq-pnet-patient-current.md",
    "professional": REFERENCE / "pdq-pnet-professional-current.md",
}
VERSION_DATES = {"patient": "2025", "professional": "2025-05-09"}
DRUGS: list[str] = yaml.safe_load((CASES / "treatments.yaml").read_text(encoding="utf-8"))[
    "drug_names"
]
NAMED_FIELDS = {
    "tumor_types": ("name", "aliases", "syndromes"),
    "tests": ("name", "aliases"),
    "treatments": ("name", "aliases"),
}


def rows(table: str) -> list[Any]:
    return [pytest.param(row, id=row["query"]) for row in TABLES[table]]


def names_in_the_knowledge_base() -> list[Any]:
    """Every name a tumor type, test or treatment goes by, as ``collection/id/name`` params."""
    kb = load()
    names: dict[str, str] = {}
    for collection, fields in NAMED_FIELDS.items():
        for item in kb.collection(collection).values():
            for field in fields:
                value = getattr(item, field)
                for name in [value] if isinstance(value, str) else value:
                    names.setdefault(f"{collection}/{item.id}/{name}", name)
    return [pytest.param(name, id=key) for key, name in names.items()]


def lookup(runner: CliRunner, query: str) -> Any:
    return runner.invoke(app, ["glossary", query, "--json"])


def same_words(text: str) -> str:
    """A label as lookups compare it: case, hyphens and spacing do not matter."""
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


@pytest.mark.parametrize("name", names_in_the_knowledge_base())
def test_every_tumor_type_test_and_treatment_name_is_explained(
    name: str, runner: CliRunner
) -> None:
    result = lookup(runner, name)
    assert result.exit_code == 0, f"no glossary entry for {name!r}: {result.output}"
    entry = json.loads(result.stdout)
    assert len(entry["definition"].split()) >= 4


@pytest.mark.parametrize("case", rows("words") + rows("bracketed"))
def test_a_word_from_the_patient_text_opens_its_entry(
    kb: KnowledgeBase, case: dict[str, Any], runner: CliRunner
) -> None:
    result = lookup(runner, case["query"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == case["expect"]
    shown = runner.invoke(app, ["glossary", case["query"]])
    assert shown.exit_code == 0
    assert kb.glossary[case["expect"]].term in shown.stdout


@pytest.mark.parametrize("case", rows("unknown"))
def test_an_unknown_word_exits_2_with_close_matches(
    case: dict[str, Any], runner: CliRunner
) -> None:
    result = runner.invoke(app, ["glossary", case["query"]])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert case["query"] in result.output
    if case["suggests"]:
        assert case["suggests"] in result.output


def test_no_word_names_two_entries(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in kb.glossary.values():
        for label in (entry.id, entry.term, *entry.aliases):
            owners[same_words(label)].add(entry.id)
    clashes = {label: sorted(ids) for label, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"one word, several entries: {clashes}"


def test_a_definition_names_a_drug_only_when_the_entry_is_that_drug(kb: KnowledgeBase) -> None:
    for entry in kb.glossary.values():
        names = " ".join((entry.term, *entry.aliases)).lower()
        for drug in DRUGS:
            if drug in entry.definition.lower():
                assert drug in names, f"{entry.id} names the drug {drug}"


def pdq_headings(document: str) -> set[str]:
    lines = PDQ_COPIES[document].read_text(encoding="utf-8").splitlines()
    return {line.lstrip("#").strip() for line in lines if line.startswith("#")}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(entry, id=entry["id"])
        for entry in yaml.safe_load(MY_GLOSSARY.read_text(encoding="utf-8"))["glossary"]
    ],
)
def test_each_new_entry_names_the_pdq_section_it_is_used_in(entry: dict[str, Any]) -> None:
    source = entry["source"]
    assert source["version_date"] == VERSION_DATES[source["document"]]
    # "Part: heading" names a heading and the part of the summary it sits in.
    heading = source["section"].split(": ")[-1]
    assert heading in pdq_headings(source["document"]), source["section"]
