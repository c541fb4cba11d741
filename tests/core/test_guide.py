"""The personal guide against tables written by hand from the fact base (§10.A)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from islet.errors import InvalidSituation
from islet.guide import GuideResult, options_for, situation_from
from islet.kb import KnowledgeBase
from islet.model import Rule, Situation
from tests.tables import load_cases

TABLES = ("guide/bullets.yaml", "guide/partial.yaml", "guide/gaps.yaml")


def ids(options: list[Any]) -> set[str]:
    return {option.treatment_id for option in options}


def assert_guide_matches(result: GuideResult, case: dict[str, Any]) -> None:
    applies = ids(result.applies)
    if "applies" in case:
        assert applies == set(case["applies"])
    assert set(case.get("includes", [])) <= applies
    assert not set(case.get("not_applies", [])) & applies
    if "depends" in case:
        assert ids(result.depends) == set(case["depends"])
    if case.get("no_depends"):
        assert not result.depends, ids(result.depends)
    if "excluded" in case:
        assert set(case["excluded"]) <= ids(result.excluded)
    assert [gap.id for gap in result.gaps] == case.get("gaps", [])
    if "closest" in case:
        closest = [entry.rule_id for gap in result.gaps for entry in gap.closest]
        assert closest == case["closest"]
    for key, facts in case.get("deciding", {}).items():
        rule_id, treatment = key.split("/")
        option = next(
            o for o in result.depends if o.rule_id == rule_id and o.treatment_id == treatment
        )
        assert {d.fact: d.applies_if for d in option.depends_on} == facts
    asked = [q.fact for q in result.next_questions]
    if "next_first" in case:
        assert asked[:1] == [case["next_first"]]
    assert set(case.get("next_includes", [])) <= set(asked)


@pytest.mark.parametrize("case", load_cases("guide/bullets.yaml"))
def test_every_pdq_bullet(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    result = options_for(
        situation_from(case["situation"]), kb, audience=case.get("audience", "patient")
    )
    assert_guide_matches(result, case)
    fired = {option.rule_id for option in result.applies}
    assert set(case.get("bullets", [])) <= fired, "the row must exercise the bullets it names"


def test_the_bullet_table_covers_every_rule(kb: KnowledgeBase) -> None:
    covered = {
        rule
        for case in load_cases("guide/bullets.yaml")
        for rule in case.values[0].get("bullets", [])
    }
    assert covered == set(kb.rules)


@pytest.mark.parametrize("case", load_cases("guide/partial.yaml"))
def test_partial_situation(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    assert_guide_matches(
        options_for(
            situation_from(case["situation"]), kb, audience=case.get("audience", "patient")
        ),
        case,
    )


@pytest.mark.parametrize("case", load_cases("guide/gaps.yaml"))
def test_gap_is_said_out_loud(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    result = options_for(
        situation_from(case["situation"]), kb, audience=case.get("audience", "patient")
    )
    assert_guide_matches(result, case)
    for gap in result.gaps:
        assert "care team" in gap.message
        assert gap.see_also, "a gap points to what to read"


@pytest.mark.parametrize("case", load_cases("guide/contradictions.yaml"))
def test_contradiction_names_the_field(case: dict[str, Any]) -> None:
    given = case["json"] if "json" in case else case["situation"]
    with pytest.raises(InvalidSituation) as raised:
        situation_from(given)
    assert raised.value.field == case["field"]
    assert str(raised.value).startswith(f"{case['field']}: ")


def test_contradictions_are_caught_however_the_situation_is_built() -> None:
    with pytest.raises(InvalidSituation, match="sites"):
        Situation(tumor_count="none_found", sites=["head"])


def test_facts_that_follow_are_filled_in() -> None:
    assert Situation(tumor_count="none_found").sites == []
    assert Situation(spread=["lymph_nodes"]).liver_dominant_severe_symptoms is False
    assert Situation(spread=["liver"]).liver_dominant_severe_symptoms is None
    assert Situation(sites=["head", "head"]).sites == ["head"]


# --- What each option says -------------------------------------------------------------------


@pytest.fixture(scope="module")
def head_gastrinoma(kb: KnowledgeBase) -> GuideResult:
    situation = situation_from(
        {"tumor_type": "gastrinoma", "tumor_count": "single", "sites": ["head"], "spread": []}
    )
    return options_for(situation, kb)


def test_option_carries_name_explanation_source_and_flags(
    kb: KnowledgeBase, head_gastrinoma: GuideResult
) -> None:
    option = next(o for o in head_gastrinoma.applies if o.treatment_id == "total-gastrectomy")
    treatment = kb.treatments["total-gastrectomy"]
    assert option.name == treatment.name
    assert option.explanation and "[[" not in option.explanation
    assert option.explanation_marked.strip() == treatment.patient.strip()
    assert option.rare and not option.usually
    assert option.rule_id == "gastrinoma-single-tumor-head"
    assert option.source.section == "Treatment of Gastrinoma"
    assert option.source.section_id == "treatment-of-gastrinoma"
    assert option.source.document == "patient" and option.source.version_date == "2025"
    assert kb.rules[option.rule_id].bullet in option.why
    assert "one tumor" in option.reason and "head of the pancreas" in option.reason


def test_together_with_and_with_or_without_are_named(kb: KnowledgeBase) -> None:
    vagotomy = next(
        o
        for o in options_for(
            situation_from({"tumor_type": "gastrinoma", "tumor_count": "none_found"}), kb
        ).applies
        if o.treatment_id == "parietal-cell-vagotomy"
    )
    assert [t.treatment_id for t in vagotomy.together_with] == ["acid-lowering-drugs"]
    assert vagotomy.together_with[0].name == kb.treatments["acid-lowering-drugs"].name
    liver = options_for(
        situation_from(
            {
                "tumor_type": "insulinoma",
                "spread": ["liver"],
                "liver_dominant_severe_symptoms": True,
            }
        ),
        kb,
    )
    occlusion = next(o for o in liver.applies if o.treatment_id == "hepatic-arterial-occlusion")
    assert [t.treatment_id for t in occlusion.with_or_without] == ["systemic-chemotherapy"]


def test_excluded_option_says_what_does_not_fit(head_gastrinoma: GuideResult) -> None:
    whipple = next(o for o in head_gastrinoma.excluded if o.treatment_id == "pancreatoduodenectomy")
    assert "duodenum" in whipple.reason and "not for the head of the pancreas" in whipple.reason
    assert not whipple.depends_on


def test_open_option_names_the_deciding_facts(head_gastrinoma: GuideResult) -> None:
    for option in head_gastrinoma.depends:
        assert option.depends_on, option.rule_id
        for fact in option.depends_on:
            assert getattr(head_gastrinoma.situation, fact.fact) is None
            assert fact.applies_if and len(fact.applies_if_labels) == len(fact.applies_if)
            assert fact.label in option.reason


def test_next_questions_are_plain_and_ranked(head_gastrinoma: GuideResult) -> None:
    questions = head_gastrinoma.next_questions
    assert questions and all(q.question.endswith("?") for q in questions)
    counts = [q.settles for q in questions]
    assert counts == sorted(counts, reverse=True)
    assert all(q.choices for q in questions)


def test_the_next_question_is_the_most_useful_one_not_yet_passed(
    head_gastrinoma: GuideResult,
) -> None:
    first, second, *_ = head_gastrinoma.next_questions
    assert head_gastrinoma.next_question(set()) == first
    assert head_gastrinoma.next_question({first.fact, "tumor_type"}) == second
    every = {q.fact for q in head_gastrinoma.next_questions}
    assert head_gastrinoma.next_question(every) is None


def test_recurrent_note_only_for_recurrent_or_progressive(kb: KnowledgeBase) -> None:
    def notes(course: str) -> list[str]:
        result = options_for(situation_from({"tumor_type": "other", "course": course}), kb)
        return [note.id for note in result.notes]

    assert "recurrent-list-shown" in notes("recurrent")
    assert "recurrent-list-shown" in notes("progressive")
    assert "recurrent-list-shown" not in notes("new")
    assert "information-not-advice" in notes("new")


def test_json_shape_is_stable(head_gastrinoma: GuideResult) -> None:
    data = json.loads(json.dumps(head_gastrinoma.model_dump(mode="json")))
    assert {"applies", "depends", "excluded", "next_questions", "gaps"} <= set(data)
    option = data["applies"][0]
    assert {"treatment_id", "name", "explanation", "why", "source", "rule_id"} <= set(option)
    assert {"usually", "rare", "with_or_without", "together_with"} <= set(option)
    assert data["situation"]["tumor_type"] == "gastrinoma"


def test_a_list_with_nothing_that_fits_is_a_gap(kb: KnowledgeBase) -> None:
    # PDQ's lists always have an entry once the tumor is described, so this path is checked
    # with a one-rule list whose only bullet is ruled out by something other than the tumor.
    rule = Rule.model_validate(
        {
            "id": "only-if-it-cannot-be-removed",
            "applies_to": "somatostatinoma",
            "bullet": "x",
            "condition": {"fact": "resectable", "is": False},
            "options": [{"treatment": "chemotherapy"}],
            "source": {"document": "patient", "section": "x", "version_date": "2025"},
        }
    )
    small = KnowledgeBase(treatments=kb.treatments, rules={rule.id: rule})
    result = options_for(Situation(tumor_type="somatostatinoma", resectable=True), small)
    assert [gap.id for gap in result.gaps] == ["nothing-fits"]
    assert not result.applies and not result.depends


@pytest.mark.parametrize("case", load_cases("guide/unless.yaml"))
def test_known_unremovable_tumor_rules_out_removal_surgery(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    result = options_for(
        situation_from(case["situation"]), kb, audience=case.get("audience", "patient")
    )
    groups = {"applies": result.applies, "depends": result.depends, "excluded": result.excluded}
    found = [o for o in groups[case["status"]] if o.treatment_id == case["treatment"]]
    assert found, f"{case['treatment']} not in {case['status']}"
    others = [
        o
        for status, options in groups.items()
        if status != case["status"]
        for o in options
        if o.treatment_id == case["treatment"]
        and o.list_id == found[0].list_id
        and o.rule_id == found[0].rule_id
    ]
    assert not others
    if "reason" in case:
        assert case["reason"] in found[0].reason
