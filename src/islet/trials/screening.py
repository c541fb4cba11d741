"""Screen one trial's eligibility criteria against what a person chose to tell.

The result lists, criterion by criterion, what the person's facts meet (pass), do not meet
(fail) or leave open (undetermined). It is a reading aid for a talk with the study team,
never a decision: undetermined stays undetermined, and criteria Islet cannot read at all are
simply not listed. Nothing the person enters is stored or logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from islet.i18n import Text
from islet.messages import N_, Message
from islet.trials.codes import OUTCOME_WORDS
from islet.trials.criteria import (
    LineRule,
    check_age,
    check_functional_status,
    check_grade,
    check_ki67,
    check_men1,
    check_sex,
    check_tumor_type,
)
from islet.trials.eligibility import CriterionCheck, Outcome, PersonFacts, criterion_lines
from islet.trials.prior_treatment import check_prior_treatment
from islet.trials.records import Trial

NOTE = N_(
    "This is a first reading of the trial's written criteria, not a decision. Only the study "
    "team can say who can join. Undetermined points need facts Islet does not have."
)


# The rules run on every criterion line, in this order.
LINE_RULES: tuple[LineRule, ...] = (
    check_tumor_type,
    check_functional_status,
    check_grade,
    check_ki67,
    check_men1,
    check_prior_treatment,
)


class ScreeningResult(BaseModel):
    nct_id: str
    checks: list[CriterionCheck]
    met: int
    not_met: int
    undetermined: int
    summary: Text
    note: Text = str(NOTE)  # the schema's default; screen() gives the message itself

    def by_outcome(self) -> list[dict[str, Any]]:
        """The checks grouped by outcome (met, not met, undetermined), each group with its
        outcome's words."""
        return [
            {
                "outcome": outcome,
                "label": label,
                "checks": [c for c in self.checks if c.outcome == outcome],
            }
            for outcome, label in OUTCOME_WORDS.items()
        ]


def screen(trial: Trial, person: PersonFacts) -> ScreeningResult:
    """Every rule on the record's age and sex fields and on each criterion line, in order."""
    checks = [check_age(trial, person), check_sex(trial, person)]
    for line in criterion_lines(trial.eligibility.criteria):
        for rule in LINE_RULES:
            result = rule(line, person, trial)
            if result is not None:
                checks.append(result)
    checks = _settle_conflicts(checks)
    counts = {outcome: _count(checks, outcome) for outcome in ("pass", "fail", "undetermined")}
    return ScreeningResult(
        nct_id=trial.nct_id,
        note=NOTE,
        checks=checks,
        met=counts["pass"],
        not_met=counts["fail"],
        undetermined=counts["undetermined"],
        summary=N_(
            "{met} met, {not_met} not met, {undetermined} undetermined",
            met=counts["pass"],
            not_met=counts["fail"],
            undetermined=counts["undetermined"],
        ),
    )


def _settle_conflicts(checks: list[CriterionCheck]) -> list[CriterionCheck]:
    """A fail that another line of the same rule expressly allows becomes undetermined.

    Criteria are often amended by adding a line ("well-differentiated grade 3 tumors are
    eligible") without rewording the old one; Islet cannot tell which line wins.
    """
    allowed = {c.rule for c in checks if c.polarity == "allows" and c.outcome == "pass"}
    settled = []
    for check in checks:
        if check.outcome == "fail" and check.rule in allowed:
            message = N_(
                "{point}, but another line of the criteria allows it.",
                point=_without_full_stop(check.message),
            )
            check = check.model_copy(update={"outcome": "undetermined", "message": message})
        settled.append(check)
    return settled


def _without_full_stop(message: str) -> str:
    """The message as a clause: its final full stop left out (in every language)."""
    if isinstance(message, Message):
        return _Clause(message.msgid, **message.params)
    return message.rstrip(".")


class _Clause(Message):
    """A message without its final full stop, in English as in the reader's language."""

    def __new__(cls, msgid: str, /, **params: object) -> _Clause:
        self = str.__new__(cls, msgid.format(**params).rstrip("."))
        self.msgid, self.params = msgid, params
        return self

    def _template(self, gettext: Callable[[str], str], language: str) -> str:
        return gettext(self.msgid).rstrip(".")


def _count(checks: list[CriterionCheck], outcome: Outcome) -> int:
    return sum(1 for check in checks if check.outcome == outcome)
