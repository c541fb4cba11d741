"""The knowledge base loads, indexes and validates; `islet check` catches each kind of defect."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from islet.check import check
from islet.cli import app
from islet.errors import KnowledgeError, UnknownTerm
from islet.kb import KnowledgeBase, load, read
from islet.paths import KNOWLEDGE_DIR
from islet.yamlfiles import read_yaml
from tests.tables import load_cases

VALID = Path(__file__).parents[1] / "fixtures" / "kb-valid"


def broken_copy(tmp_path: Path, case: dict[str, Any]) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(VALID, target)
    content = yaml.safe_load((target / "content.yaml").read_text())
    if "delete" in case:
        *where, key = case["delete"]
        node = content
        for step in where:
            node = node[step]
        del node[key]
    else:
        collection, index, field, value = case["set"]
        if index is None:
            content[collection] = value
        else:
            content[collection][index][field] = value
    (target / "content.yaml").write_text(yaml.safe_dump(content))
    return target


def problems_of(directory: Path) -> list[str]:
    report = check(directory)
    return report.problems + [
        f"reading level {r.item_id} {r.grade}" for r in report.readability if r.too_hard
    ]


def test_the_valid_fixture_has_no_problems() -> None:
    assert problems_of(VALID) == []


@pytest.mark.parametrize("case", load_cases("kb_defects.yaml"))
def test_check_reports_each_defect(case: dict[str, Any], tmp_path: Path, runner: CliRunner) -> None:
    directory = broken_copy(tmp_path, case)
    found = problems_of(directory)
    assert any(case["expect"] in p for p in found), found
    result = runner.invoke(app, ["check", "--dir", str(directory)])
    assert result.exit_code == 1


def test_unreadable_yaml_is_reported_not_raised(tmp_path: Path) -> None:
    target = tmp_path / "k"
    shutil.copytree(VALID, target)
    (target / "content.yaml").write_text("sections: [unclosed")
    assert any("cannot be read" in p for p in check(target).problems)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: 1\nb: [\n", "data.yaml: cannot be read: line 3, column 1: did not find expected node"),
        ("a: 1\na: 2\n", "data.yaml: cannot be read: line 2, column 1: a key is given twice: a"),
        ("x:\n  - y: 1\n    y: 2\n", "data.yaml: cannot be read: line 3, column 5: a key is given"),
        (
            "a: b: c\n",
            "data.yaml: cannot be read: line 1, column 5: mapping values are not allowed",
        ),
        ("a: !!python/name:os.system\n", "data.yaml: cannot be read: line 1, column 4: could not"),
    ],
)
def test_one_yaml_reader_names_the_file_and_line(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        read_yaml(path, "data.yaml")
    assert raised.value.problems[0].startswith(says), raised.value.problems


def test_the_yaml_reader_reads_what_pyyaml_reads() -> None:
    for path in sorted(KNOWLEDGE_DIR.rglob("*.yaml")):
        assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path


def test_load_refuses_an_invalid_knowledge_base(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no knowledge files"):
        load(tmp_path)


def test_the_shipped_knowledge_base_passes_check(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output


def test_topics_are_found_by_id_name_or_alias_with_suggestions() -> None:
    kb, _ = read(VALID)
    assert kb.topic("Surgery").id == "surgery"
    assert kb.topic("overview").id == "overview"
    with pytest.raises(UnknownTerm) as error:
        kb.topic("surgeri")
    assert error.value.suggestions == ["surgery"]


def test_shipped_kb_is_immutable(kb: KnowledgeBase) -> None:
    item = next(iter(kb.sections.values()))
    with pytest.raises(ValueError):
        item.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("collection", "query", "found"),
    [
        ("tumor_types", "insulinoma", "insulinoma"),
        ("tumor_types", "gastrin-producing tumor", "gastrinoma"),  # an alias finds the id
        ("glossary", "Insulin", "insulin"),
    ],
)
def test_an_item_of_one_collection_is_found_by_id_name_or_alias(
    kb: KnowledgeBase, collection: str, query: str, found: str
) -> None:
    assert kb.item_in(collection, query, "item").id == found


@pytest.mark.parametrize(
    ("collection", "query", "suggested"),
    [
        ("tumor_types", "insulinomaa", True),  # names nothing: close matches
        ("tests", "insulinoma", False),  # names a tumor type, not a test
    ],
)
def test_an_item_not_in_the_collection_is_unknown(
    kb: KnowledgeBase, collection: str, query: str, suggested: bool
) -> None:
    with pytest.raises(UnknownTerm) as unknown:
        kb.item_in(collection, query, "item")
    assert bool(unknown.value.suggestions) == suggested
