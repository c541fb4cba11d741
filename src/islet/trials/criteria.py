"""The eligibility rules: one small named function per topic, each returning a CriterionCheck.

Like hartwig ACTIN, every rule says pass, fail or undetermined with a message a person can
read. A rule that finds nothing about its topic in a line returns None. A rule never turns
"not said" into "no": when the person did not say, the outcome stays undetermined. When the
text is too loose to settle a point (a time window, neuroendocrine carcinoma rather than a
NET, a treatment Islet cannot match), the outcome is undetermined too. The rule on earlier
treatment lives in prior_treatment.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from islet import kb as kb_module
from islet.messages import N_, Message, joined
from islet.text import phrase_pattern
from islet.translations import ItemName
from islet.trials.eligibility import CriterionCheck, CriterionLine, Outcome, PersonFacts, Polarity
from islet.trials.records import Trial
from islet.trials.vocabulary import cue_pattern, vocabulary

LineRule = Callable[[CriterionLine, PersonFacts, Trial], CriterionCheck | None]

# Each message names what the line does with its topic, then the person's fact.
_SENTENCE = {
    "requires": N_("The trial asks for {topic}; {fact}."),
    "excludes": N_("The trial does not take people with {topic}; {fact}."),
    "allows": N_("The trial allows {topic}; {fact}."),
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3}
_GRADE_NUMBERS = re.compile(
    r"(?<!\w)(?:grades?|G)\s*([123]|i{1,3})(?!\w)((?:\s*(?:-|–|to|or|and|/|,)\s*(?:grade\s*|G)?"
    r"(?:[123]|i{1,3})(?!\w))*)",
    re.IGNORECASE,
)
_GRADE_WORDS = re.compile(
    r"(?<!\w)((?:low|intermediate|high)(?:[\s-]*(?:,|or|and|to|/)[\s-]*(?:low|intermediate|high))*)"
    r"[\s-]+grade(?!\w)",
    re.IGNORECASE,
)
_KI67 = re.compile(r"ki[\s-]?67", re.IGNORECASE)
_KI67_BOUND = re.compile(
    r"(<=|>=|≤|≥|<|>|less than|greater than|more than|at least|up to|below|above|under|over)"
    r"\s*(\d+(?:\.\d+)?)\s*%",
    re.IGNORECASE,
)
_KI67_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*%?\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*%")
_SPLIT = re.compile(r"[,;.)]")  # ends a clause


def judge(polarity: Polarity, has: bool | None) -> Outcome | None:
    """The outcome of a line that requires, excludes or allows X, for a person who has X
    (True), does not (False) or did not say (None). None: the line does not bear on them."""
    if polarity == "allows":
        return "pass" if has else None
    if has is None:
        return "undetermined"
    return "pass" if has == (polarity == "requires") else "fail"


def make_check(
    rule: str, line: CriterionLine, outcome: Outcome | None, topic: Message, fact: Message
) -> CriterionCheck | None:
    """The check for one line, or None when the line does not bear on the person. A fail on a
    line meant for a subgroup only ("For patients with ...") is softened to undetermined."""
    if outcome is None:
        return None
    if outcome == "fail" and line.conditional:
        outcome = "undetermined"
        fact = N_("{fact} (but this line applies only to some people)", fact=fact)
    return CriterionCheck(
        rule=rule,
        outcome=outcome,
        message=N_(_SENTENCE[line.polarity], topic=topic, fact=fact),
        section=line.section,
        criterion=line.text,
        polarity=line.polarity,
    )


# --- Structured fields -------------------------------------------------------------------------


def check_age(trial: Trial, person: PersonFacts) -> CriterionCheck:
    """Minimum AND maximum age from the record's structured fields."""
    low, high = trial.eligibility.min_age_years, trial.eligibility.max_age_years
    limits = age_range_text(trial)
    if person.age is None:
        outcome: Outcome = "undetermined"
        fact = N_("you did not give your age")
    else:
        inside = (low is None or person.age >= low) and (high is None or person.age <= high)
        outcome = "pass" if inside else "fail"
        fact = N_("you gave your age as {age}", age=f"{person.age:g}")
    return CriterionCheck(
        rule="age",
        outcome=outcome,
        message=N_("The trial takes {people}; {fact}.", people=limits, fact=fact),
        section="record",
    )


def age_range_text(trial: Trial) -> Message:
    """The record's ages in words, e.g. "people aged 18 years to 75 years"."""
    low, high = trial.eligibility.minimum_age, trial.eligibility.maximum_age
    if low and high:
        return N_("people aged {low} to {high}", low=age_words(low), high=age_words(high))
    if low:
        return N_("people aged {low} and older", low=age_words(low))
    if high:
        return N_("people up to {high} of age", high=age_words(high))
    return N_("people of any age (the record sets no age limit)")


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
# A registry age ("18 Years", "6 Months") in words, one message per unit and number.
_AGE_UNITS = {
    ("year", True): N_("{n} year"),
    ("year", False): N_("{n} years"),
    ("month", True): N_("{n} month"),
    ("month", False): N_("{n} months"),
    ("week", True): N_("{n} week"),
    ("week", False): N_("{n} weeks"),
    ("day", True): N_("{n} day"),
    ("day", False): N_("{n} days"),
    ("hour", True): N_("{n} hour"),
    ("hour", False): N_("{n} hours"),
    ("minute", True): N_("{n} minute"),
    ("minute", False): N_("{n} minutes"),
}


def age_words(age: str) -> Message:
    """A registry's age ("18 Years") as it reads in a sentence ("18 years"); an age the registry
    writes some other way is shown as written."""
    match = _AGE.match(age)
    if match is None:
        return joined([age], "")
    number, unit = match.group(1), match.group(2).lower()
    return N_(_AGE_UNITS[unit, number == "1"], n=number)


def check_sex(trial: Trial, person: PersonFacts) -> CriterionCheck:
    """The record's sex field (ALL, FEMALE or MALE)."""
    allowed = trial.eligibility.sex
    if allowed is None:
        return CriterionCheck(
            rule="sex",
            outcome="undetermined",
            message=N_("The record does not say which sexes the trial takes."),
            section="record",
        )
    takes = {
        "ALL": N_("people of any sex"),
        "FEMALE": N_("women only"),
        "MALE": N_("men only"),
    }[allowed]
    if person.sex is None:
        outcome: Outcome = "pass" if allowed == "ALL" else "undetermined"
        fact = N_("you did not say your sex")
    else:
        outcome = "pass" if allowed in ("ALL", person.sex.upper()) else "fail"
        fact = N_("you said female") if person.sex == "female" else N_("you said male")
    return CriterionCheck(
        rule="sex",
        outcome=outcome,
        message=N_("The trial takes {people}; {fact}.", people=takes, fact=fact),
        section="record",
    )


# --- Lines of free text ------------------------------------------------------------------------


def check_men1(line: CriterionLine, person: PersonFacts, trial: Trial) -> CriterionCheck | None:
    """MEN1 (multiple endocrine neoplasia type 1) named in a criterion."""
    if not phrase_pattern(vocabulary().men1.names).search(line.text):
        return None
    facts = {
        True: N_("you said you have MEN1"),
        False: N_("you said you do not have MEN1"),
        None: N_("you did not say whether you have MEN1"),
    }
    return make_check(
        "men1", line, judge(line.polarity, person.men1), N_("MEN1"), facts[person.men1]
    )


def check_tumor_type(
    line: CriterionLine, person: PersonFacts, trial: Trial
) -> CriterionCheck | None:
    """A specific tumor type (insulinoma, gastrinoma...) named in a criterion."""
    named = [t for t, pattern in _type_patterns().items() if pattern.search(line.text)]
    if not named:
        return None
    topic = joined([_type_name(t) for t in named], N_(" or "))
    if person.tumor_type is None:
        has: bool | None = None
        fact = N_("you did not say which type of tumor you have")
    else:
        has = person.tumor_type in named
        fact = N_("you said your tumor is {name}", name=_type_name(person.tumor_type))
    return make_check("tumor-type", line, judge(line.polarity, has), topic, fact)


def check_functional_status(
    line: CriterionLine, person: PersonFacts, trial: Trial
) -> CriterionCheck | None:
    """Functional (hormone-making) or nonfunctional tumors named in a criterion."""
    words = vocabulary().functional_status
    nonfunctional = phrase_pattern(words.nonfunctional)
    named: set[bool] = set()
    if nonfunctional.search(line.text):
        named.add(False)
    # Remove "non-functioning" first, so "functioning" is only found on its own.
    if phrase_pattern(words.functional).search(nonfunctional.sub(" ", line.text)):
        named.add(True)
    if not named:
        return None
    person_functional = _is_functional(person.tumor_type)
    if named == {True, False}:
        if line.polarity == "excludes":
            return None
        has: bool | None = True  # either kind is accepted
        topic = N_("functional and nonfunctional tumors")
        fact = N_("this covers both kinds")
    else:
        wanted = named.pop()
        topic = N_("a functional (hormone-making) tumor") if wanted else N_("a nonfunctional tumor")
        has = None if person_functional is None else person_functional == wanted
        if person_functional is None:
            fact = N_("you did not say which type of tumor you have")
        else:
            kind = (
                N_("{name} is a functional tumor")
                if person_functional
                else N_("{name} is a nonfunctional tumor")
            )
            fact = N_(kind, name=_type_name(person.tumor_type or ""))
    return make_check("functional-status", line, judge(line.polarity, has), topic, fact)


def check_grade(line: CriterionLine, person: PersonFacts, trial: Trial) -> CriterionCheck | None:
    """Tumor grade (G1-G3, low/intermediate/high grade) named in a criterion."""
    text = line.text
    about_tumor = cue_pattern("tumor_grade_context").search(text)
    if not about_tumor or cue_pattern("toxicity_context").search(text):
        return None  # e.g. "grade 2 neuropathy" is a side effect, not a tumor grade
    grades = grades_named(text)
    if not grades:
        return None
    topic = N_("grade {grades} tumors", grades=joined([str(g) for g in sorted(grades)], N_(" or ")))
    if person.grade is None:
        return make_check(
            "grade", line, judge(line.polarity, None), topic, N_("you did not give a grade")
        )
    outcome = judge(line.polarity, person.grade in grades)
    fact = N_("you said your tumor is grade {grade}", grade=person.grade)
    if outcome == "fail" and cue_pattern("carcinoma").search(text):
        # Neuroendocrine carcinoma is a different disease from a grade 3 NET; grade alone
        # cannot settle a line about carcinoma.
        outcome = "undetermined"
        fact = N_(
            "{fact}, and this line is about neuroendocrine carcinoma, which grade alone cannot "
            "settle",
            fact=fact,
        )
    return make_check("grade", line, outcome, topic, fact)


def grades_named(text: str) -> set[int]:
    """The WHO grades a criterion names: "G1/G2", "grade 1-2", "low- or intermediate-grade"."""
    found: set[int] = set()
    for match in _GRADE_NUMBERS.finditer(text):
        numbers = [match.group(1), *re.findall(r"[123]|i{1,3}", match.group(2), re.I)]
        values = sorted(_ROMAN[n.lower()] for n in numbers)
        if re.search(r"-|–|to", match.group(2)) and len(values) == 2:
            values = list(range(values[0], values[1] + 1))
        found.update(values)
    adjectives = {w.split()[0].lower(): g for g, ws in _grade_words().items() for w in ws}
    for match in _GRADE_WORDS.finditer(text):
        for word in re.findall(r"low|intermediate|high", match.group(1), re.I):
            if word.lower() in adjectives:
                found.add(adjectives[word.lower()])
    return found


def check_ki67(line: CriterionLine, person: PersonFacts, trial: Trial) -> CriterionCheck | None:
    """A Ki-67 limit ("Ki-67 < 10%", "Ki-67 3-20%"), against the person's Ki-67 or grade."""
    mention = _KI67.search(line.text)
    if mention is None:
        return None
    allowed = ki67_limits(line.text[mention.end() :])
    if allowed is None:
        return None
    low, high = allowed
    topic = (
        N_("a Ki-67 index from {low}% to {high}%", low=f"{low:g}", high=f"{high:g}")
        if low > 0
        else N_("a Ki-67 index below {high}%", high=f"{high:g}")
    )
    span = _person_ki67(person)
    if span is None:
        return make_check(
            "ki67",
            line,
            judge(line.polarity, None),
            topic,
            N_("you did not give a Ki-67 index or grade"),
        )
    inside: bool | None
    if low <= span[0] and span[1] <= high:
        inside = True
    elif span[1] <= low or span[0] >= high:
        inside = False
    else:
        inside = None  # the person's grade spans the limit
    if person.ki67 is not None:
        fact = N_("you gave a Ki-67 index of {ki67}%", ki67=f"{person.ki67:g}")
    else:
        fact = N_(
            "grade {grade} means a Ki-67 index of {low}% to {high}%",
            grade=person.grade,
            low=f"{span[0]:g}",
            high=f"{span[1]:g}",
        )
    return make_check("ki67", line, judge(line.polarity, inside), topic, fact)


def ki67_limits(text: str) -> tuple[float, float] | None:
    """The Ki-67 range (percent) that text right after "Ki-67" allows, or None."""
    head = _SPLIT.split(text, maxsplit=1)[0]
    found = _KI67_RANGE.search(head)
    if found:
        return float(found.group(1)), float(found.group(2))
    bound = _KI67_BOUND.search(head)
    if not bound:
        return None
    sign, value = bound.group(1).lower(), float(bound.group(2))
    if sign in ("<", "<=", "≤", "less than", "up to", "below", "under"):
        return 0.0, value
    return value, 100.0


def _person_ki67(person: PersonFacts) -> tuple[float, float] | None:
    if person.ki67 is not None:
        return person.ki67, person.ki67
    if person.grade is not None:
        band = vocabulary().grades.ki67_percent[person.grade]
        return band.low, band.high
    return None


# --- Helpers -----------------------------------------------------------------------------------


@cache
def _grade_words() -> dict[int, list[str]]:
    return {
        g: [w for w in ws if w.lower().endswith("grade")]
        for g, ws in vocabulary().grades.words.items()
    }


@cache
def _type_patterns() -> dict[str, re.Pattern[str]]:
    types = kb_module.load().tumor_types
    general = {n.lower() for n in vocabulary().general_names.names}
    return {
        type_id: phrase_pattern([n for n in (t.name, *t.aliases) if n.lower() not in general])
        for type_id, t in types.items()
        if type_id not in ("other", "nonfunctional")  # these are judged by functional status
    }


def _type_name(type_id: str) -> Message:
    tumor_type = kb_module.load().tumor_types.get(type_id)
    return ItemName("tumor_types", type_id, tumor_type.name if tumor_type else type_id)


def _is_functional(type_id: str | None) -> bool | None:
    if type_id is None:
        return None
    tumor_type = kb_module.load().tumor_types.get(type_id)
    return None if tumor_type is None else tumor_type.functional
