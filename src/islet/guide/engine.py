"""``options_for``: which PDQ treatment options apply to a situation, and why.

The engine is generic: it knows nothing about any tumor type. Each rule (one PDQ bullet) is
scoped to its list: a tumor type's rules count only when the tumor type is that type or unknown;
the list for recurrent or progressive tumors states its own condition. Each option is then
``applies`` (its conditions hold), ``depends`` (something it needs is unknown) or ``excluded``
(a known fact rules it out), with the reason in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from islet import kb as kb_module
from islet.guide.data import GuideData, Question, load_guide_data
from islet.guide.logic import (
    NONE,
    Facts,
    Reason,
    Sensitivity,
    Truth,
    evaluate_all,
    facts_of,
    reasons,
    sensitivity,
)
from islet.guide.result import (
    Choice,
    ClosestEntry,
    DecidingFact,
    Gap,
    GuideOption,
    GuideResult,
    NextQuestion,
    Note,
    SourceRef,
    Status,
    TreatmentRef,
)
from islet.kb import RECURRENT, KnowledgeBase
from islet.model import (
    Condition,
    FactIn,
    FactIs,
    Rule,
    RuleOption,
    Situation,
    Source,
    plain_text,
)


def options_for(
    situation: Situation,
    kb: KnowledgeBase | None = None,
    data: GuideData | None = None,
) -> GuideResult:
    """The PDQ options for ``situation``, each with its status and reason, plus the questions
    that would settle the most open options, the gaps where PDQ lists nothing, and notes.

    Never treats a missing fact as false. Deterministic: the same situation always gives the
    same result, in PDQ's order.
    """
    kb = kb or kb_module.load()
    data = data or load_guide_data()
    facts: Facts = {name: getattr(situation, name) for name in Situation.model_fields}
    words = Words(data)

    evaluated: list[EvaluatedRule] = []
    for rule in kb.rules.values():
        scope = _scope(rule)
        if scope is not None and evaluate_all([scope], facts) is False:
            continue  # a list for another tumor type: not part of this answer
        conditions = [c for c in (scope, rule.condition) if c is not None]
        evaluated.append(EvaluatedRule(rule, conditions, evaluate_all(conditions, facts)))

    groups: dict[Status, list[GuideOption]] = {"applies": [], "depends": [], "excluded": []}
    open_effects: list[list[Sensitivity]] = []
    for item in evaluated:
        for option in item.rule.options:
            conditions = item.conditions + ([option.condition] if option.condition else [])
            truth = evaluate_all(conditions, facts)
            status: Status = "applies" if truth else "excluded" if truth is False else "depends"
            effects = _effects(conditions, facts) if status == "depends" else []
            groups[status].append(
                _option(kb, data, words, item, option, conditions, facts, status, effects)
            )
            if effects:
                open_effects.append(effects)

    return GuideResult(
        applies=groups["applies"],
        depends=groups["depends"],
        excluded=groups["excluded"],
        next_questions=_next_questions(data, open_effects),
        gaps=_gaps(kb, data, words, situation, evaluated, facts),
        notes=[
            Note(id=note.id, text=note.text, source=_source(note.source))
            for note in data.notes
            if note.when is None or evaluate_all([note.when], facts) is True
        ],
        situation=situation.model_dump(mode="json"),
    )


@dataclass(frozen=True)
class EvaluatedRule:
    rule: Rule
    conditions: list[Condition]  # the rule's scope and its own condition
    truth: Truth


def _scope(rule: Rule) -> Condition | None:
    """A tumor type's list holds only for that type; the recurrent list says its own scope."""
    return None if rule.applies_to == RECURRENT else _type_is(rule.applies_to)


@cache
def _type_is(tumor_type: str) -> FactIn:
    return FactIn.model_validate({"fact": "tumor_type", "in": [tumor_type]})


def _effects(conditions: list[Condition], facts: Facts) -> list[Sensitivity]:
    """For each missing fact of an open option, what its answers would do."""
    return [
        sensitivity(conditions, facts, fact)
        for fact in facts_of(conditions)
        if facts.get(fact) is None
    ]


class Words:
    """Turns facts, values and leaf tests into short phrases from the guide data."""

    def __init__(self, data: GuideData) -> None:
        self.questions: dict[str, Question] = {q.fact: q for q in data.questions}

    def question(self, fact: str) -> Question:
        return self.questions[fact]

    def value(self, fact: str, value: str | bool) -> str:
        question = self.question(fact)
        if value == NONE and question.none_label:
            return question.none_label
        return question.label_of(value)

    def values(self, fact: str, values: Sequence[str | bool]) -> str:
        return " or ".join(self.value(fact, v) for v in values)

    def said(self, fact: str, value: object) -> str:
        """What the person said for ``fact``, in words."""
        if isinstance(value, list):
            items = [str(v) for v in value] or [NONE]
            return " and ".join(self.value(fact, v) for v in items)
        assert isinstance(value, str | bool)
        return self.value(fact, value)

    def wanted(self, reason: Reason) -> str:
        """The values a leaf test asks for, in words ("not ..." through a ``not``)."""
        leaf = reason.leaf
        if isinstance(leaf, FactIs):
            text = self.value(leaf.fact, leaf.is_ != reason.negated)
            return text
        values: list[str] = leaf.in_ if isinstance(leaf, FactIn) else leaf.has_any
        text = self.values(leaf.fact, values)
        return f"anything but {text}" if reason.negated else text

    def fits(self, reason: Reason, facts: Facts) -> str:
        fact = reason.leaf.fact
        return f"{self.question(fact).label}: {self.said(fact, facts[fact])}"

    def misfit(self, reason: Reason, facts: Facts) -> str:
        fact = reason.leaf.fact
        return (
            f"{self.question(fact).label}: PDQ gives this for {self.wanted(reason)}; "
            f"you said {self.said(fact, facts[fact])}"
        )


def _option(
    kb: KnowledgeBase,
    data: GuideData,
    words: Words,
    item: EvaluatedRule,
    option: RuleOption,
    conditions: list[Condition],
    facts: Facts,
    status: Status,
    effects: list[Sensitivity],
) -> GuideOption:
    rule = item.rule
    treatment = kb.treatments.get(option.treatment)
    name = treatment.name if treatment else option.treatment.replace("-", " ").capitalize()
    marked = treatment.patient if treatment else ""
    list_info = data.list_info(rule.applies_to)
    list_name = list_info.name if list_info else rule.applies_to
    depends_on: list[DecidingFact] = []
    if status == "applies":
        fitting = _unique(words.fits(r, facts) for c in conditions for r in reasons(c, facts, True))
        reason = "It fits what you said: " + "; ".join(fitting) + "." if fitting else ""
        reason = reason or f"PDQ lists this for every case of {list_name}."
    elif status == "excluded":
        misfits = _unique(
            words.misfit(r, facts)
            for c in conditions
            if _truth(c, facts) is False
            for r in reasons(c, facts, False)
        )
        reason = "It does not fit what you said. " + ". ".join(misfits) + "."
    else:
        depends_on = _deciding(words, effects)
        reason = "It depends on what is not known yet: " + "; ".join(
            f"{d.label} (it fits if: {', '.join(d.applies_if_labels)})" for d in depends_on
        )
        reason += "."
    extra = f" {option.wording}." if option.condition and option.wording else ""
    return GuideOption(
        treatment_id=option.treatment,
        name=name,
        explanation=plain_text(marked).strip(),
        explanation_marked=marked.strip(),
        wording=option.wording or name,
        status=status,
        why=f"PDQ's list for {list_name} gives this for: {rule.bullet}.{extra}",
        reason=reason,
        rule_id=rule.id,
        list_id=rule.applies_to,
        list_name=list_name,
        bullet=rule.bullet,
        source=_source(rule.source, list_info.section if list_info else None),
        usually=option.usually,
        rare=option.rare,
        with_or_without=[_ref(kb, t) for t in option.with_or_without],
        together_with=[_ref(kb, t) for t in option.together_with],
        depends_on=depends_on,
    )


def _truth(condition: Condition, facts: Facts) -> Truth:
    return evaluate_all([condition], facts)


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _deciding(words: Words, effects: list[Sensitivity]) -> list[DecidingFact]:
    out = []
    for effect in effects:
        if not effect.settles and not effect.rules_out:
            continue  # no single answer to this fact changes anything on its own
        question = words.question(effect.fact)
        out.append(
            DecidingFact(
                fact=effect.fact,
                label=question.label,
                question=question.question,
                applies_if=effect.applies_if,
                applies_if_labels=[words.value(effect.fact, v) for v in effect.applies_if],
                rules_out=effect.rules_out,
            )
        )
    return out


def _next_questions(data: GuideData, open_effects: list[list[Sensitivity]]) -> list[NextQuestion]:
    """Unknown facts ranked by how many open options some answer to them would settle."""
    settles: dict[str, int] = {}
    for effects in open_effects:
        for effect in effects:
            if effect.settles:
                settles[effect.fact] = settles.get(effect.fact, 0) + 1
    order: dict[str, int] = {q.fact: i for i, q in enumerate(data.questions)}
    ranked = sorted(settles, key=lambda fact: (-settles[fact], order[fact]))
    out = []
    for fact in ranked:
        question = data.question(fact)
        out.append(
            NextQuestion(
                fact=fact,
                question=question.question,
                help=question.help,
                multiple=question.multiple,
                choices=[Choice(value=c.value, label=c.label) for c in question.choices],
                none_label=question.none_label,
                settles=settles[fact],
            )
        )
    return out


def _gaps(
    kb: KnowledgeBase,
    data: GuideData,
    words: Words,
    situation: Situation,
    evaluated: list[EvaluatedRule],
    facts: Facts,
) -> list[Gap]:
    """Where PDQ lists nothing for exactly this situation; never filled by guessing."""
    gaps: list[Gap] = []
    coverage = data.coverage_for(situation.tumor_type)
    if coverage is not None:
        gaps.append(
            Gap(
                id=coverage.id,
                message=coverage.message,
                closest=[],
                see_also=coverage.see_also,
                source=_source(coverage.source),
            )
        )
    list_info = data.list_info(situation.tumor_type or "")
    if list_info is None:
        return gaps
    own = [item for item in evaluated if item.rule.applies_to == list_info.id]
    for aspect in data.aspects:
        speaking = [item for item in own if set(facts_of(item.conditions)) & set(aspect.facts)]
        ruled_out = [item for item in speaking if item.truth is False]
        if not speaking or len(ruled_out) < len(speaking):
            continue
        misfits = {item.rule.id: _misfit_facts(item, facts) for item in speaking}
        if not all(set(misfits[i.rule.id]) & set(aspect.facts) for i in speaking):
            continue  # ruled out by something other than the tumor itself
        fewest = min(len(m) for m in misfits.values())
        described = "; ".join(
            f"{words.question(fact).label.lower()}: {words.said(fact, facts[fact])}"
            for fact in aspect.facts
            if facts.get(fact) is not None
        )
        gaps.append(
            Gap(
                id=aspect.id,
                message=aspect.message.format(list=list_info.name, described=described),
                closest=[
                    _closest(words, item, list_info.name, list_info.section, misfits[item.rule.id])
                    for item in speaking
                    if len(misfits[item.rule.id]) == fewest
                ],
                see_also=[list_info.section],
                source=_source(speaking[0].rule.source, list_info.section),
            )
        )
    if not gaps and own and all(item.truth is False for item in own):
        gaps.append(
            Gap(
                id="nothing-fits",
                message=data.nothing_fits.format(list=list_info.name),
                closest=[],
                see_also=[list_info.section],
                source=_source(own[0].rule.source, list_info.section),
            )
        )
    return gaps


def _misfit_facts(item: EvaluatedRule, facts: Facts) -> list[str]:
    found = [
        r.leaf.fact
        for c in item.conditions
        if evaluate_all([c], facts) is False
        for r in reasons(c, facts, False)
    ]
    return list(dict.fromkeys(found))


def _closest(
    words: Words, item: EvaluatedRule, list_name: str, section: str, misfit: list[str]
) -> ClosestEntry:
    return ClosestEntry(
        rule_id=item.rule.id,
        bullet=item.rule.bullet,
        list_name=list_name,
        differs_on=[words.question(fact).label for fact in misfit],
        source=_source(item.rule.source, section),
    )


def _ref(kb: KnowledgeBase, treatment_id: str) -> TreatmentRef:
    treatment = kb.treatments.get(treatment_id)
    name = treatment.name if treatment else treatment_id.replace("-", " ").capitalize()
    return TreatmentRef(treatment_id=treatment_id, name=name)


def _source(source: Source, section_id: str | None = None) -> SourceRef:
    return SourceRef(
        document=source.document,
        section=source.section,
        version_date=source.version_date,
        section_id=section_id,
    )
