"""Condition names: pancreatic NETs in general and each tumor type, from the knowledge base."""

from __future__ import annotations

import pytest

from islet.errors import UnknownTerm
from islet.kb import KnowledgeBase
from islet.trials.client import StudyQuery
from islet.trials.conditions import (
    api_condition_query,
    condition_terms,
    general_names,
    resolve_type,
    spelling_variants,
)

EXPECTED_TYPES = {
    "gastrinoma",
    "insulinoma",
    "glucagonoma",
    "vipoma",
    "somatostatinoma",
    "acth-secreting",
    "other",
    "nonfunctional",
}


def test_the_general_names_are_the_summarys_names() -> None:
    names = {n.lower() for n in general_names()}
    assert {"pancreatic neuroendocrine tumor", "islet cell tumor", "pancreatic net"} <= names
    # "pNET" alone also means primitive neuroectodermal tumor in registries: never searched.
    assert "pnet" not in names


def test_every_tumor_type_is_known(kb: KnowledgeBase) -> None:
    assert set(kb.tumor_types) == EXPECTED_TYPES


@pytest.mark.parametrize("type_id", sorted(EXPECTED_TYPES))
def test_a_type_expands_to_its_names_and_the_general_names(kb: KnowledgeBase, type_id: str) -> None:
    terms = condition_terms(type_id)
    tumor_type = kb.tumor_types[type_id]
    assert {tumor_type.name, *tumor_type.aliases, *general_names()} <= set(terms)
    others = {t.name for i, t in kb.tumor_types.items() if i != type_id}
    assert not others & set(terms)
    assert len({t.lower() for t in terms}) == len(terms)


def test_no_type_means_every_type_and_the_general_names(kb: KnowledgeBase) -> None:
    terms = set(condition_terms(None))
    for tumor_type in kb.tumor_types.values():
        assert {tumor_type.name, *tumor_type.aliases} <= terms
    assert set(general_names()) <= terms


@pytest.mark.parametrize(
    ("term", "variants"),
    [
        ("islet cell tumor", ["islet cell tumor", "islet cell tumour"]),
        ("Nonfunctional Tumor", ["Nonfunctional Tumor", "Nonfunctional tumour"]),
        ("insulinoma", ["insulinoma"]),
    ],
)
def test_british_spelling_is_searched_too(term: str, variants: list[str]) -> None:
    assert spelling_variants(term) == variants
    assert all(v in condition_terms(None) for v in spelling_variants("islet cell tumor"))


@pytest.mark.parametrize(
    ("query", "type_id"),
    [
        ("insulinoma", "insulinoma"),
        ("INSULINOMA", "insulinoma"),
        ("VIPoma", "vipoma"),
        ("acth secreting", "acth-secreting"),
        ("Nonfunctional pancreatic NET", "nonfunctional"),
    ],
)
def test_a_type_is_named_by_id_name_or_alias(query: str, type_id: str) -> None:
    assert resolve_type(query) == type_id


def test_an_unknown_type_suggests_close_ones() -> None:
    with pytest.raises(UnknownTerm) as raised:
        resolve_type("insulinomma")
    assert raised.value.suggestions == ["insulinoma"]
    assert "Did you mean: insulinoma?" in str(raised.value)


def test_the_api_query_ors_quoted_phrases() -> None:
    assert api_condition_query(['islet "cell" tumor', "VIPoma"]) == '"islet cell tumor" OR "VIPoma"'
    params = StudyQuery(conditions=condition_terms("insulinoma")).params()
    assert '"Insulinoma"' in params["query.cond"]
    assert '"islet cell tumor"' in params["query.cond"]
    assert '"Gastrinoma"' not in params["query.cond"]
