"""Properties of the guide that must hold for every situation (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from islet.errors import InvalidSituation
from islet.guide import GuideResult, options_for
from islet.guide.logic import answers as logic_answers
from islet.guide.logic import evaluate_all, facts_of
from islet.guide.result import Audience
from islet.kb import RECURRENT, KnowledgeBase, load
from islet.model import Condition, FactIn, Situation, fact_kind, fact_values, implied_facts

FACTS = list(Situation.model_fields)


def answers(fact: str) -> st.SearchStrategy[Any]:
    values = list(fact_values(fact))
    if fact_kind(fact) == "many":
        return st.lists(st.sampled_from(values), max_size=len(values), unique=True)
    return st.sampled_from(values)


facts_strategy = st.fixed_dictionaries({}, optional={fact: answers(fact) for fact in FACTS})


def situation_or_none(facts: dict[str, Any]) -> Situation | None:
    try:
        return Situation.model_validate(facts)
    except InvalidSituation:
        return None


def keyed(options: list[Any]) -> set[tuple[str, str]]:
    return {(option.rule_id, option.treatment_id) for option in options}


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(facts=facts_strategy, extra=st.sampled_from(FACTS), data=st.data())
def test_adding_a_fact_never_undoes_what_is_known(
    facts: dict[str, Any], extra: str, data: st.DataObject
) -> None:
    """A known fact only settles open options: what applied still applies and what was ruled out
    stays ruled out (a fact that contradicts an option's condition can only rule out an option
    that was open, never one that applied)."""
    kb = load()
    before = situation_or_none(facts)
    assume(before is not None and getattr(before, extra) is None)
    assert before is not None
    after = situation_or_none({**facts, extra: data.draw(answers(extra))})
    assume(after is not None)
    assert after is not None
    old, new = options_for(before, kb), options_for(after, kb)
    # Naming the tumor type takes the other types' lists out of the answer altogether.
    scope = keyed(new.applies) | keyed(new.depends) | keyed(new.excluded)
    # The only way an option that applied can be ruled out: the new fact is the one its
    # `unless` names (e.g. surgery to take the tumor out, once surgery is known not to).
    contradicted = {
        (rule.id, option.treatment)
        for rule in kb.rules.values()
        for option in rule.options
        if option.unless is not None and extra in facts_of([option.unless])
    }
    assert keyed(old.applies) - contradicted <= keyed(new.applies)
    assert keyed(old.excluded) & scope <= keyed(new.excluded)
    assert keyed(new.depends) <= keyed(old.depends)
    for option in new.excluded:
        key = (option.rule_id, option.treatment_id)
        if key not in keyed(old.excluded):
            assert key in keyed(old.depends) or key in contradicted & keyed(old.applies)


def test_empty_situation_leaves_every_option_open() -> None:
    kb = load()
    result = options_for(Situation(), kb)
    assert not result.applies and not result.excluded and not result.gaps
    every = {(rule.id, o.treatment) for rule in kb.rules.values() for o in rule.options}
    assert keyed(result.depends) == every


@SETTINGS
@given(facts=facts_strategy)
def test_every_option_has_one_status_and_a_reason(facts: dict[str, Any]) -> None:
    kb = load()
    situation = situation_or_none(facts)
    assume(situation is not None)
    assert situation is not None
    result = options_for(situation, kb)
    groups = [keyed(result.applies), keyed(result.depends), keyed(result.excluded)]
    assert sum(len(g) for g in groups) == len(groups[0] | groups[1] | groups[2])
    in_scope = {
        (rule.id, option.treatment)
        for rule in kb.rules.values()
        if rule.applies_to in (RECURRENT, situation.tumor_type) or situation.tumor_type is None
        for option in rule.options
    }
    assert groups[0] | groups[1] | groups[2] == in_scope
    for option in result.depends:
        assert option.depends_on, "an open option names what would decide it"
        assert all(getattr(situation, d.fact) is None for d in option.depends_on)
    for option in [*result.applies, *result.depends, *result.excluded]:
        assert option.reason and option.why and option.source.section
    assert {q.fact for q in result.next_questions} <= {
        fact for fact in FACTS if getattr(situation, fact) is None
    }


@SETTINGS
@given(facts=facts_strategy)
def test_same_situation_same_answer(facts: dict[str, Any]) -> None:
    kb = load()
    situation = situation_or_none(facts)
    assume(situation is not None)
    assert situation is not None
    first: GuideResult = options_for(situation, kb)
    again = options_for(Situation.model_validate(situation.model_dump()), kb)
    assert first.model_dump(mode="json") == again.model_dump(mode="json")


def test_a_deciding_answer_does_decide(kb: KnowledgeBase) -> None:
    """Giving each open option's "applies if" answers, one fact at a time, makes it apply."""
    base = {
        "tumor_type": "insulinoma",
        "tumor_count": "single",
        "size": "small",
        "resectable": True,
    }
    result = options_for(Situation.model_validate(base), kb)
    option = next(o for o in result.depends if o.treatment_id == "enucleation")
    for value in option.depends_on[0].applies_if:
        filled = {**base, option.depends_on[0].fact: [value]}
        again = options_for(Situation.model_validate(filled), kb)
        assert ("insulinoma-one-small-tumor-head-or-tail", "enucleation") in keyed(again.applies)


def conditions_of(kb: KnowledgeBase, rule_id: str, treatment: str) -> list[Condition]:
    """Everything an option needs: its list's tumor type, its bullet's and its own condition."""
    rule = kb.rules[rule_id]
    option = next(o for o in rule.options if o.treatment == treatment)
    scope = None if rule.applies_to == RECURRENT else tumor_type_is(rule.applies_to)
    return [c for c in (scope, rule.condition, option.condition) if c is not None]


def tumor_type_is(tumor_type: str) -> Condition:
    return FactIn.model_validate({"fact": "tumor_type", "in": [tumor_type]})


@SETTINGS
@given(facts=facts_strategy, audience=st.sampled_from([None, "patient", "professional"]))
def test_a_missing_fact_never_makes_an_option_apply(
    facts: dict[str, Any], audience: Audience | None
) -> None:
    """An option applies only when what PDQ conditions it on is known: "surgery, when possible"
    never applies while `resectable` is unknown (issue 13, error 2). A fact its conditions read
    may be unknown only when no answer to it could change that (an "any of" that holds on one
    known part), so the option applies whatever the fact turns out to be."""
    kb = load()
    situation = situation_or_none(facts)
    assume(situation is not None)
    assert situation is not None
    known: dict[str, Any] = situation.model_dump()
    for option in options_for(situation, kb, audience=audience).applies:
        conditions = conditions_of(kb, option.rule_id, option.treatment_id)
        for fact in facts_of(conditions):
            if known[fact] is not None:
                continue
            for answer in logic_answers(fact):
                possible = situation_or_none({**facts, fact: answer})
                if possible is None:
                    continue  # an answer that contradicts what is known cannot be given
                filled = implied_facts(possible.model_dump())
                assert evaluate_all(conditions, filled) is True, (
                    f"{option.rule_id}/{option.treatment_id} applies without {fact}, "
                    f"but {fact}={answer!r} would rule it out"
                )


@SETTINGS
@given(facts=facts_strategy)
def test_the_patient_view_leaves_out_only_professional_bullets(facts: dict[str, Any]) -> None:
    kb = load()
    situation = situation_or_none(facts)
    assume(situation is not None)
    assert situation is not None
    every, patient = options_for(situation, kb), options_for(situation, kb, audience="patient")
    left_out = (keyed(every.applies) | keyed(every.depends)) - (
        keyed(patient.applies) | keyed(patient.depends)
    )
    assert all(kb.rules[rule_id].professional_only for rule_id, _ in left_out)
    told = "professional-lists-more" in {note.id for note in patient.notes}
    assert told or not (keyed(every.applies) - keyed(patient.applies))
    assert not any(o.professional_only for o in [*patient.applies, *patient.depends])
