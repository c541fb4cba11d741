"""The prior-treatment rule: what a criterion says about earlier treatment, and whether the
treatments a person listed meet it.

Treatments are matched as concepts from vocabulary.yaml: a person's "octreotide" counts for a
line about "somatostatin analogues" or "systemic therapy" (its groups); a person's broader
"chemotherapy" leaves a line about temozolomide undetermined, since it may or may not hide it.
"""

from __future__ import annotations

import re
from functools import cache

from islet.messages import N_
from islet.text import phrase_pattern
from islet.trials.criteria import judge, make_check
from islet.trials.eligibility import CriterionCheck, CriterionLine, PersonFacts
from islet.trials.records import Trial
from islet.trials.vocabulary import TreatmentConcept, cue_pattern, vocabulary

_SPLIT = re.compile(r"[,;.)]")  # ends a clause


def check_prior_treatment(
    line: CriterionLine, person: PersonFacts, trial: Trial
) -> CriterionCheck | None:
    """Earlier treatment named in a criterion ("prior everolimus", "previously treated")."""
    text = cue_pattern("temporal").sub(" ", line.text)  # "prior to enrolment" is about time
    about_treatment = cue_pattern("prior_treatment").search(text)
    if not about_treatment or cue_pattern("toxicity_context").search(text):
        return None
    counted, not_counted = _split_counted(text)
    named = sorted(c for c, pattern in _concept_patterns().items() if pattern.search(counted))
    excluded = {c for c, pattern in _concept_patterns().items() if pattern.search(not_counted)}
    if not named:
        return None  # a line naming no treatment Islet knows is left to the study team
    # The treatments keep the vocabulary's (English) names: the ones the form asks for.
    topic = N_("earlier treatment with {names}", names=", ".join(_display(c) for c in named))
    if person.prior_treatments is None:
        fact = N_("you did not say which treatments you have had")
        return make_check("prior-treatment", line, judge(line.polarity, None), topic, fact)
    has = _had_any(person.prior_treatments, named, excluded) if person.prior_treatments else False
    if line.conditional and has is False:
        return None  # "Patients who received X must ..." does not apply to someone without X
    if not person.prior_treatments:
        fact = N_("you said you have had no treatment yet")
        return make_check("prior-treatment", line, judge(line.polarity, False), topic, fact)
    listed = ", ".join(person.prior_treatments)
    if has:
        fact = N_("you listed {listed}", listed=listed)
    elif has is False and excluded:
        shown = ", ".join(_display(c) for c in sorted(excluded))
        fact = N_(
            "you listed {listed}, and this line does not count {shown}", listed=listed, shown=shown
        )
    elif has is False:
        fact = N_("you listed {listed}, which is none of these", listed=listed)
    else:
        fact = N_(
            "you listed {listed}; Islet cannot tell whether this line covers them", listed=listed
        )
    outcome = judge(line.polarity, has)
    if has and outcome != "pass" and cue_pattern("time_limit").search(text):
        outcome = "undetermined"
        fact = N_(
            "{fact}, but the line counts only treatment within a set time before the trial",
            fact=fact,
        )
    return make_check("prior-treatment", line, outcome, topic, fact)


def _had_any(entries: list[str], named: list[str], excluded: set[str]) -> bool | None:
    """Whether a person who lists ``entries`` had any of the ``named`` concepts; entries that
    are (or belong to) an ``excluded`` concept do not count ("other than SSAs").

    True when an entry is a named concept or a member of one (octreotide is a somatostatin
    analog); False only when every entry is recognised, none matches, and no entry is a broader
    class that might hide a named drug ("chemotherapy" may or may not have been temozolomide);
    None otherwise.
    """
    patterns = _concept_patterns()
    entered: set[str] = set()
    recognised = True
    for entry in entries:
        hits = {name for name, pattern in patterns.items() if pattern.search(entry)}
        recognised = recognised and bool(hits)
        entered |= hits
    entered = {c for c in entered if not ({c} | _ancestors(c)) & excluded}
    covered = entered | {g for c in entered for g in _ancestors(c)}
    if covered & set(named):
        return True
    hidden = any(c in _ancestors(n) for n in named for c in entered)
    return False if recognised and not hidden else None


@cache
def _ancestors(concept: str) -> frozenset[str]:
    """Every group a treatment concept belongs to, directly or through another group."""
    concepts = _vocabulary_concepts()
    found: set[str] = set()
    todo = list(concepts[concept].groups)
    while todo:
        group = todo.pop()
        if group not in found:
            found.add(group)
            todo.extend(concepts[group].groups)
    return frozenset(found)


def _vocabulary_concepts() -> dict[str, TreatmentConcept]:
    return vocabulary().treatments.concepts


def _display(concept: str) -> str:
    known = vocabulary().treatments.concepts.get(concept)
    return known.names[0] if known else concept


@cache
def _concept_patterns() -> dict[str, re.Pattern[str]]:
    return {name: phrase_pattern(list(c.names)) for name, c in _vocabulary_concepts().items()}


def _split_counted(text: str) -> tuple[str, str]:
    """The line split into what counts and what expressly does not ("other than SSAs")."""
    pattern = cue_pattern("not_counting")
    counted: list[str] = []
    not_counted: list[str] = []
    rest = text
    while match := pattern.search(rest):
        counted.append(rest[: match.start()])
        after = rest[match.end() :]
        stop = _SPLIT.search(after)
        not_counted.append(after[: stop.start()] if stop else after)
        rest = after[stop.end() :] if stop else ""
    counted.append(rest)
    return " ".join(counted), " ".join(not_counted)
