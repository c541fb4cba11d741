"""Every bullet of PDQ's patient treatment lists is recorded as a rule (fact base §10.A)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import textstat
import yaml
from pydantic import ValidationError

from islet.check import MAX_GRADE
from islet.kb import RECURRENT, KnowledgeBase
from islet.model import FactHasAny, FactIn, FactIs, FactName, Rule, Situation
from tests.tables import CASES, load_cases

TABLE = yaml.safe_load((CASES / "rules.yaml").read_text(encoding="utf-8"))


def test_each_list_has_as_many_rules_as_pdq_has_bullets(kb: KnowledgeBase) -> None:
    counts = Counter(rule.applies_to for rule in kb.rules.values())
    assert dict(counts) == TABLE["counts"]
    assert [row["id"] for row in TABLE["cases"]] == list(kb.rules), "rules follow PDQ's order"


@pytest.mark.parametrize("case", load_cases("rules.yaml"))
def test_bullet_is_recorded(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    rule = kb.rules[case["id"]]
    assert rule.applies_to == case["applies_to"]
    assert [o.treatment for o in rule.options] == case["options"]
    by_id = {o.treatment: o for o in rule.options}
    assert sorted(t for t, o in by_id.items() if o.usually) == sorted(case.get("usually", []))
    assert sorted(t for t, o in by_id.items() if o.rare) == sorted(case.get("rare", []))
    assert {t: o.with_or_without for t, o in by_id.items() if o.with_or_without} == case.get(
        "with_or_without", {}
    )
    assert {t: o.together_with for t, o in by_id.items() if o.together_with} == case.get(
        "together_with", {}
    )
    conditional = sorted(t for t, o in by_id.items() if o.condition is not None)
    assert conditional == sorted(case.get("conditional", []))
    assert rule.source.document == "patient"
    assert rule.source.version_date == "2025"
    assert rule.source.section == TABLE["sections"][rule.applies_to]
    assert rule.bullet.strip() and all(o.wording for o in rule.options)


def test_every_option_names_a_known_treatment(kb: KnowledgeBase) -> None:
    for rule in kb.rules.values():
        for option in rule.options:
            for treatment in (option.treatment, *option.with_or_without, *option.together_with):
                assert treatment in kb.treatments, f"{rule.id}: unknown treatment {treatment}"


def test_a_treatment_appears_once_per_bullet(kb: KnowledgeBase) -> None:
    for rule in kb.rules.values():
        treatments = [o.treatment for o in rule.options]
        assert len(treatments) == len(set(treatments)), rule.id


def test_type_lists_name_known_tumor_types(kb: KnowledgeBase) -> None:
    for rule in kb.rules.values():
        assert rule.applies_to == RECURRENT or rule.applies_to in kb.tumor_types


def test_no_rule_for_types_pdq_does_not_cover(kb: KnowledgeBase) -> None:
    # PDQ has no list for nonfunctional tumors and does not discuss ACTH-making tumors.
    assert not kb.rules_for("nonfunctional")
    assert not kb.rules_for("acth-secreting")


def test_condition_facts_are_situation_fields() -> None:
    assert set(FactName.__args__) == set(Situation.model_fields)  # type: ignore[attr-defined]


BAD_CONDITIONS = [
    pytest.param(FactIn, {"fact": "sites", "in": ["head"]}, "has_any", id="list-fact-with-in"),
    pytest.param(FactHasAny, {"fact": "size", "has_any": ["small"]}, "in", id="one-with-has-any"),
    pytest.param(FactIs, {"fact": "course", "is": True}, "in", id="enum-fact-with-is"),
    pytest.param(FactIn, {"fact": "size", "in": ["tiny"]}, "tiny", id="unknown-value"),
    pytest.param(FactHasAny, {"fact": "spread", "has_any": ["bone"]}, "bone", id="unknown-item"),
    pytest.param(FactIn, {"fact": "grade", "in": ["G1"]}, "fact", id="unknown-fact"),
]


@pytest.mark.parametrize(("model", "data", "named"), BAD_CONDITIONS)
def test_a_wrong_condition_is_rejected(model: Any, data: dict[str, Any], named: str) -> None:
    with pytest.raises(ValidationError, match=named):
        model.model_validate(data)


def test_a_rule_with_a_wrong_condition_fails_validation() -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(
            {
                "id": "broken",
                "applies_to": "insulinoma",
                "bullet": "x",
                "condition": {"all": [{"fact": "sites", "has_any": ["pancreas"]}]},
                "options": [{"treatment": "enucleation"}],
                "source": {"document": "patient", "section": "x", "version_date": "2025"},
            }
        )


def test_bullets_are_plain(kb: KnowledgeBase) -> None:
    # A bullet that is only a tumor name ("Any somatostatinoma") is a term, not a sentence.
    for rule in kb.rules.values():
        if len(rule.bullet.split()) > 3:
            assert textstat.flesch_kincaid_grade(rule.bullet) <= MAX_GRADE, rule.bullet
