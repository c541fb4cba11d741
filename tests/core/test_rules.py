"""Every bullet of PDQ's patient treatment lists is recorded as a rule (fact base §10.A)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from islet.check import MAX_GRADE, unconditioned_feasibility
from islet.cli import app
from islet.kb import KNOWLEDGE_DIR, RECURRENT, KnowledgeBase
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
    if "unless" in case:
        assert sorted(t for t, o in by_id.items() if o.unless is not None) == sorted(case["unless"])
    professional = rule.professional_source
    assert (professional.section if professional else None) == case.get("hp_section")
    assert rule.professional_only == case.get("professional_only", False)
    if "section" in case:  # from the health professional version
        assert rule.source.document == "professional"
        assert rule.source.version_date == "2025-05-09"
        assert rule.source.section == case["section"]
    else:
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
    # PDQ does not discuss ACTH-making tumors. Nonfunctional tumors have no list of their own:
    # only the professional version's overview, written for all pancreatic NETs.
    assert not kb.rules_for("acth-secreting")
    assert {r.source.section.split(":")[0] for r in kb.rules_for("nonfunctional")} == {
        "Treatment Option Overview"
    }


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


FEASIBILITY_WORDS = [
    "when possible",
    "where possible",
    "if feasible",
    "when technically feasible",
    "if technically possible",
    "if technically and medically feasible",
    # "or similar" (issue 13)
    "whenever possible",
    "if resectable",
    "when it is feasible",
    "where surgically feasible",
    "if the tumor can be removed",
    "when they can all be taken out",
    "if it can be completely resected",
]

# Words that are not a condition on surgery being possible: no resectability condition is needed.
NOT_FEASIBILITY_WORDS = [
    "to take out as much of the tumor as possible",
    "where curative resection is not possible",
    "even when the disease has spread",
]


def rule_saying(words: str, condition: dict[str, Any] | None) -> Rule:
    option: dict[str, Any] = {"treatment": "tumor-removal-surgery", "wording": f"Surgery, {words}"}
    if condition is not None:
        option["condition"] = condition
    return Rule.model_validate(
        {
            "id": "test-rule",
            "applies_to": "somatostatinoma",
            "bullet": "Any somatostatinoma",
            "options": [option],
            "source": {"document": "patient", "section": "x", "version_date": "2025"},
        }
    )


@pytest.mark.parametrize("words", FEASIBILITY_WORDS)
def test_check_fails_for_when_possible_without_a_resectability_condition(words: str) -> None:
    assert unconditioned_feasibility([rule_saying(words, None)])
    other = {"fact": "spread", "has_any": ["liver"]}
    assert unconditioned_feasibility([rule_saying(words, other)])
    assert not unconditioned_feasibility([rule_saying(words, {"fact": "resectable", "is": True})])


@pytest.mark.parametrize("words", NOT_FEASIBILITY_WORDS)
def test_check_leaves_other_wording_alone(words: str) -> None:
    assert not unconditioned_feasibility([rule_saying(words, None)])


def test_islet_check_reports_an_unconditioned_when_possible(
    tmp_path: Path, runner: CliRunner
) -> None:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    rules = target / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    marker = "        wording: Surgery to take out the tumor, if technically possible"
    assert marker in text
    before = text.index(marker)
    cut = text.rindex("        condition: {fact: resectable, is: true}\n", 0, before)
    rules.write_text(text[:cut] + text[before:], encoding="utf-8")
    result = runner.invoke(app, ["check", "--dir", str(target)])
    assert result.exit_code == 1
    assert "somatostatinoma-surgery" in result.output and "resectable" in result.output
