"""``options_for``: which PDQ treatment options apply to a situation, and why.

The engine is generic: it knows nothing about any tumor type. Each rule (one PDQ bullet) is
scoped to its list: a tumor type's rules count only when the tumor type is that type or unknown;
the list for recurrent or progressive tumors states its own condition. Each option is then
``applies`` (its conditions hold), ``depends`` (something it needs is unknown) or ``excluded``
(a known fact rules it out), with the reason in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from islet import kb as kb_module
from islet.guide.data import GuideData, load_guide_data
from islet.guide.gaps import gaps_for
from islet.guide.logic import (
    EvaluatedRule,
    Facts,
    Sensitivity,
    Truth,
    evaluate_all,
    facts_of,
    reasons,
    sensitivity,
)
from islet.guide.result import (
    Alert,
    Audience,
    Choice,
    DecidingFact,
    GuideOption,
    GuideResult,
    NextQuestion,
    Note,
    Status,
    TreatmentRef,
    source_ref,
)
from islet.guide.wording import Words
from islet.kb import RECURRENT, KnowledgeBase
from islet.model import (
    SETTLES_TOO,
    Condition,
    FactIn,
    Rule,
    RuleOption,
    Situation,
    plain_text,
)


def options_for(
    situation: Situation,
    kb: KnowledgeBase | None = None,
    data: GuideData | None = None,
    audience: Audience | None = None,
) -> GuideResult:
    """The PDQ options for ``situation``, each with its status and reason, plus alerts, the
    questions that would settle the most open options, the gaps where PDQ lists nothing, and
    notes.

    Never treats a missing fact as false. Deterministic: the same situation always gives the
    same result, in PDQ's order. ``audience="patient"`` leaves out the bullets only the health
    professional version lists, and says so when one of them fits what is known.
    """
    kb = kb or kb_module.load()
    data = data or load_guide_data()
    facts: Facts = {name: getattr(situation, name) for name in Situation.model_fields}
    if all(value is None for value in facts.values()):
        # Nothing known yet: where everyone starts, the same for everyone, and the slowest
        # answer (every option open). Worked out once per knowledge base and audience.
        key = (id(kb), id(data), audience)
        kept = _STARTING_POINTS.get(key)
        if kept is None or kept[0] is not kb or kept[1] is not data:
            kept = _STARTING_POINTS[key] = (
                kb,
                data,
                _options(situation, kb, data, facts, audience),
            )
        return kept[2]
    return _options(situation, kb, data, facts, audience)


# The result for a situation with no facts, by (knowledge base, guide data, audience); kept with
# the objects so that an id is never reused for others. It holds nothing a person entered.
_STARTING_POINTS: dict[
    tuple[int, int, Audience | None], tuple[KnowledgeBase, GuideData, GuideResult]
] = {}


def _options(
    situation: Situation,
    kb: KnowledgeBase,
    data: GuideData,
    facts: Facts,
    audience: Audience | None,
) -> GuideResult:
    words = Words(data)

    evaluated: list[EvaluatedRule] = []
    professional_lists_more = False
    for rule in kb.rules.values():
        scope = _scope(rule)
        if scope is not None and evaluate_all([scope], facts) is False:
            continue  # a list for another tumor type: not part of this answer
        conditions = [c for c in (scope, rule.condition) if c is not None]
        truth = evaluate_all(conditions, facts)
        if rule.professional_only and audience == "patient":
            # said only when such a bullet fits what is known, not for every open one
            professional_lists_more = professional_lists_more or truth is True
            continue
        evaluated.append(EvaluatedRule(rule, conditions, truth))

    groups: dict[Status, list[GuideOption]] = {"applies": [], "depends": [], "excluded": []}
    open_effects: list[list[Sensitivity]] = []
    # Options of one list share their conditions: what the missing facts would do to them is
    # worked out once per set of conditions in this call (kept only while it runs).
    known: dict[tuple[int, ...], list[Sensitivity]] = {}

    def effects_of(conditions: list[Condition]) -> list[Sensitivity]:
        key = tuple(map(id, conditions))
        if key not in known:
            known[key] = _effects(conditions, facts)
        return known[key]

    for item in evaluated:
        for option in item.rule.options:
            conditions = item.conditions + ([option.condition] if option.condition else [])
            truth = evaluate_all(conditions, facts)
            status: Status = "applies" if truth else "excluded" if truth is False else "depends"
            ruled_out = option.unless is not None and evaluate_all([option.unless], facts) is True
            if ruled_out:
                status = "excluded"
            effects = effects_of(conditions) if status == "depends" else []
            groups[status].append(
                _option(kb, data, words, item, option, conditions, facts, status, effects)
            )
            if effects:
                open_effects.append(effects)

    notes = [
        Note(id=note.id, text=note.text, source=source_ref(note.source))
        for note in data.notes
        if note.when is None or evaluate_all([note.when], facts) is True
    ]
    if professional_lists_more:
        more = data.professional_lists_more
        notes.append(
            Note(id=PROFESSIONAL_LISTS_MORE, text=more.text, source=source_ref(more.source))
        )
    return GuideResult(
        alerts=sorted(
            (
                Alert(
                    level=alert.level,
                    text=alert.text,
                    source=source_ref(alert.source),
                    more_sources=[source_ref(s) for s in alert.more_sources],
                )
                for alert in data.alerts
                if alert.when is None or evaluate_all([alert.when], facts) is True
            ),
            key=lambda alert: alert.level != "urgent",  # urgent first, otherwise in data order
        ),
        applies=groups["applies"],
        depends=groups["depends"],
        excluded=groups["excluded"],
        next_questions=_next_questions(data, open_effects, facts),
        gaps=gaps_for(data, words, situation, evaluated, facts),
        notes=notes,
        situation=situation,
        audience=audience,
    )


PROFESSIONAL_LISTS_MORE = "professional-lists-more"


def _scope(rule: Rule) -> Condition | None:
    """A tumor type's list holds only for that type; the recurrent list says its own scope."""
    return None if rule.applies_to == RECURRENT else _type_is(rule.applies_to)


@cache
def _type_is(tumor_type: str) -> FactIn:
    return FactIn.model_validate({"fact": "tumor_type", "in": [tumor_type]})


def _effects(conditions: list[Condition], facts: Facts) -> list[Sensitivity]:
    """For each missing fact that could decide an open option, what its answers would do:
    the facts its conditions read, and the facts whose answers settle those too."""
    read = facts_of(conditions)
    settling = [fact for fact, settled in SETTLES_TOO.items() if set(settled) & set(read)]
    return [
        sensitivity(conditions, facts, fact)
        for fact in dict.fromkeys([*read, *settling])
        if facts.get(fact) is None
    ]


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
    phrases = data.phrases
    heading = list_info.heading if list_info else None
    list_heading = heading or phrases.list_title.format(list=list_name)
    depends_on: list[DecidingFact] = []
    if status == "applies":
        fitting = _unique(words.fits(r, facts) for c in conditions for r in reasons(c, facts, True))
        reason = phrases.fits.format(reasons="; ".join(fitting)) if fitting else ""
        reason = reason or phrases.every_case.format(list=list_name)
    elif status == "excluded":
        misfits = _unique(
            words.misfit(r, facts)
            for c in conditions
            if _truth(c, facts) is False
            for r in reasons(c, facts, False)
        )
        if option.unless is not None and _truth(option.unless, facts) is True:
            misfits += _unique(
                phrases.rules_out.format(fact=words.fits(r, facts))
                for r in reasons(option.unless, facts, True)
            )
        reason = phrases.does_not_fit.format(reasons=". ".join(misfits))
    else:
        depends_on = _deciding(words, effects)
        reason = phrases.depends.format(
            facts="; ".join(
                phrases.depends_fact.format(label=d.label, values=", ".join(d.applies_if_labels))
                for d in depends_on
            )
        )
    extra = f" {option.wording}." if option.condition and option.wording else ""
    if list_info and list_info.why:
        why = list_info.why.format(bullet=rule.bullet)
    elif rule.professional_only:
        why = data.why_professional_only.format(bullet=rule.bullet)
    else:
        why = data.why_list.format(list=list_name, bullet=rule.bullet)
    section_id = rule.section or (list_info.section if list_info else None)
    return GuideOption(
        treatment_id=option.treatment,
        name=name,
        explanation=plain_text(marked).strip(),
        explanation_marked=marked.strip(),
        wording=option.wording or name,
        status=status,
        why=why + extra,
        reason=reason,
        rule_id=rule.id,
        list_id=rule.applies_to,
        list_name=list_name,
        list_heading=list_heading,
        bullet=rule.bullet,
        source=source_ref(rule.source, section_id),
        usually=option.usually,
        rare=option.rare,
        with_or_without=[_ref(kb, t) for t in option.with_or_without],
        together_with=[_ref(kb, t) for t in option.together_with],
        depends_on=depends_on,
        professional_only=rule.professional_only,
        professional_source=(
            source_ref(rule.professional_source, section_id) if rule.professional_source else None
        ),
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


def _next_questions(
    data: GuideData, open_effects: list[list[Sensitivity]], facts: Facts
) -> list[NextQuestion]:
    """Unknown facts ranked by how many open options some answer to them would settle; then
    the unknown facts that are always asked (they change notes, not options)."""
    settles: dict[str, int] = {}
    for effects in open_effects:
        for effect in effects:
            if effect.settles:
                settles[effect.fact] = settles.get(effect.fact, 0) + 1
    order: dict[str, int] = {q.fact: i for i, q in enumerate(data.questions)}
    ranked = sorted(settles, key=lambda fact: (-settles[fact], order[fact]))
    ranked += [
        q.fact
        for q in data.questions
        if q.always_ask and facts.get(q.fact) is None and q.fact not in settles
    ]
    settles.update({fact: 0 for fact in ranked if fact not in settles})
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


def _ref(kb: KnowledgeBase, treatment_id: str) -> TreatmentRef:
    treatment = kb.treatments.get(treatment_id)
    name = treatment.name if treatment else treatment_id.replace("-", " ").capitalize()
    return TreatmentRef(treatment_id=treatment_id, name=name)
