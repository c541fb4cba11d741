"""Three-valued evaluation of rule conditions over the facts of a Situation.

A condition is true, false, or unknown (``None``) when a fact it needs is missing. A missing fact
is never read as "no": ``{fact: resectable, is: false}`` is unknown until ``resectable`` is given.
Besides the value, this module says *why*: which leaf tests made a condition true or false, and,
for an unknown condition, which answers to each missing fact would decide it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from islet.model import (
    AllOf,
    AnyOf,
    Condition,
    FactHasAny,
    FactIn,
    FactIs,
    Not,
    Rule,
    fact_kind,
    fact_values,
    implied_facts,
)

FactValue = str | bool | list[str] | None
Facts = Mapping[str, FactValue]
Truth = bool | None
Leaf = FactIn | FactHasAny | FactIs
NONE = "none"  # how an empty list is named among the answers to a list fact


def evaluate(condition: Condition, facts: Facts) -> Truth:
    """True, False, or None (unknown) for ``condition`` given ``facts``."""
    if isinstance(condition, FactIn):
        value = facts.get(condition.fact)
        return None if value is None else value in condition.in_
    if isinstance(condition, FactHasAny):
        items = facts.get(condition.fact)
        if items is None:
            return None
        assert isinstance(items, list)
        return any(item in items for item in condition.has_any)
    if isinstance(condition, FactIs):
        value = facts.get(condition.fact)
        return None if value is None else value is condition.is_
    if isinstance(condition, AllOf):
        return evaluate_all(condition.all, facts)
    if isinstance(condition, AnyOf):
        return _decided_by(True, (evaluate(part, facts) for part in condition.any))
    inner = evaluate(condition.not_, facts)
    return None if inner is None else not inner


def evaluate_all(conditions: Sequence[Condition], facts: Facts) -> Truth:
    """The conjunction of ``conditions`` (true when there are none)."""
    return _decided_by(False, (evaluate(condition, facts) for condition in conditions))


def _decided_by(decisive: bool, truths: Iterable[Truth]) -> Truth:
    """One ``decisive`` part decides (false for "all of", true for "any of"); otherwise an
    unknown part leaves the whole unknown. Stops at the first decisive part."""
    result: Truth = not decisive
    for truth in truths:
        if truth is decisive:
            return decisive
        if truth is None:
            result = None
    return result


def leaves(condition: Condition) -> Iterator[Leaf]:
    """Every leaf test in ``condition``, in order."""
    if isinstance(condition, AllOf | AnyOf):
        for part in condition.all if isinstance(condition, AllOf) else condition.any:
            yield from leaves(part)
    elif isinstance(condition, Not):
        yield from leaves(condition.not_)
    else:
        yield condition


def facts_of(conditions: Sequence[Condition]) -> list[str]:
    """The facts ``conditions`` read, each once, in order of first use."""
    seen: dict[str, None] = {}
    for condition in conditions:
        for leaf in leaves(condition):
            seen.setdefault(leaf.fact, None)
    return list(seen)


@dataclass(frozen=True)
class Reason:
    """A leaf test that decided a condition; ``negated`` when it counts through a ``not``."""

    leaf: Leaf
    negated: bool = False


def reasons(condition: Condition, facts: Facts, truth: bool) -> list[Reason]:
    """The leaf tests that make ``condition`` evaluate to ``truth`` (which it must)."""
    if isinstance(condition, AllOf | AnyOf):
        parts = condition.all if isinstance(condition, AllOf) else condition.any
        decisive = [p for p in parts if evaluate(p, facts) is truth]
        # all-true and any-false need every part; all-false and any-true need only one, but
        # naming every decisive part tells the person all that differs.
        out: list[Reason] = []
        for part in decisive:
            out.extend(reasons(part, facts, truth))
        return out
    if isinstance(condition, Not):
        return [Reason(r.leaf, not r.negated) for r in reasons(condition.not_, facts, not truth)]
    return [Reason(condition)]


def answers(fact: str) -> list[FactValue]:
    """The single answers a person can give for ``fact``; a list fact is asked one item at a
    time, plus the empty list ("none")."""
    out: list[FactValue] = []
    if fact_kind(fact) == "many":
        out.extend([str(v)] for v in fact_values(fact))
        out.append([])
    else:
        out.extend(fact_values(fact))
    return out


def answer_key(answer: FactValue) -> str | bool:
    """How an answer is named in results: the value, the list item, or ``"none"``."""
    if isinstance(answer, list):
        return answer[0] if answer else NONE
    assert answer is not None
    return answer


@dataclass(frozen=True)
class Sensitivity:
    """What each answer to one missing fact would do to a condition."""

    fact: str
    applies_if: list[str | bool]  # answers that make it true, else those that keep it possible
    rules_out: list[str | bool]  # answers that make it false
    settles: bool  # some answer decides it on its own


def sensitivity(conditions: Sequence[Condition], facts: Facts, fact: str) -> Sensitivity:
    """How the answers to the missing ``fact`` would change ``conditions`` (a conjunction)."""
    sufficient: list[str | bool] = []
    possible: list[str | bool] = []
    ruled_out: list[str | bool] = []
    trial: dict[str, FactValue] = dict(facts)
    for answer in answers(fact):
        trial[fact] = answer
        # the answer counts with what follows from it, as it will once given
        truth = evaluate_all(conditions, implied_facts(trial))
        key = answer_key(answer)
        if truth is True:
            sufficient.append(key)
        if truth is not False:
            possible.append(key)
        else:
            ruled_out.append(key)
    return Sensitivity(
        fact=fact,
        applies_if=sufficient or possible,
        rules_out=ruled_out,
        settles=bool(sufficient or ruled_out),
    )


@dataclass(frozen=True)
class EvaluatedRule:
    """A rule in scope, with its conditions (scope and own) and their truth."""

    rule: Rule
    conditions: list[Condition]  # the rule's scope and its own condition
    truth: Truth
