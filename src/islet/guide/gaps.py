"""Coverage gaps: where PDQ lists nothing for exactly the situation, said out loud.

A gap is never filled by guessing: it names what PDQ does not cover, the closest PDQ entries
(those that differ from the situation in the fewest facts) and what to read, and says to ask
the care team.
"""

from __future__ import annotations

from islet.guide.data import GuideData
from islet.guide.logic import EvaluatedRule, Facts, evaluate_all, facts_of, reasons
from islet.guide.result import ClosestEntry, Gap, source_ref
from islet.guide.wording import Words
from islet.model import Situation


def gaps_for(
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
                source=source_ref(coverage.source),
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
                source=source_ref(speaking[0].rule.source, list_info.section),
            )
        )
    if not gaps and own and all(item.truth is False for item in own):
        gaps.append(
            Gap(
                id="nothing-fits",
                message=data.nothing_fits.format(list=list_info.name),
                closest=[],
                see_also=[list_info.section],
                source=source_ref(own[0].rule.source, list_info.section),
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
        source=source_ref(item.rule.source, section),
    )
