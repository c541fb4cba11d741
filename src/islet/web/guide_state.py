"""The guide's situation as it travels in the page address (no server-side state).

Answers are query parameters named after the Situation facts: one value for a single fact,
``true``/``false`` for a yes/no fact, repeated values for a list fact with ``none`` for a known
empty list. ``asked`` lists the facts already put to the person, so a question left at
"I don't know" is not asked again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from islet.model import Situation, fact_kind

NONE = "none"  # a list fact known to be empty, e.g. "it has not spread"
FACTS = tuple(Situation.model_fields)


def query_value(value: str | bool) -> str:
    """A fact's value as it is written in the page address."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class GuideState:
    """Answers as Situation input (not yet validated) and the facts asked so far."""

    answers: dict[str, Any] = field(default_factory=dict)
    asked: tuple[str, ...] = ()

    def query(self, without: str | None = None) -> list[tuple[str, str]]:
        """The state as query pairs (``without`` leaves one fact's answer out)."""
        pairs: list[tuple[str, str]] = []
        for fact in FACTS:
            if fact == without or fact not in self.answers:
                continue
            value = self.answers[fact]
            if isinstance(value, list):
                pairs.extend((fact, str(v)) for v in value)
                if not value:
                    pairs.append((fact, NONE))
            else:
                pairs.append((fact, query_value(value)))
        pairs.extend(("asked", fact) for fact in self.asked)
        return pairs

    def chosen(self, fact: str, value: str | bool) -> bool:
        """Whether ``value`` is the answer (or among the answers) given for ``fact``."""
        given = self.answers.get(fact)
        if isinstance(given, list):
            return (value == NONE and not given) or value in given
        return given == value and given is not None


def read_state(params: QueryParams) -> GuideState:
    """The guide state in a query string. Values are passed on as sent: validating them is the
    Situation model's job, so a wrong value is reported against its field."""
    answers: dict[str, Any] = {}
    asked = [fact for fact in dict.fromkeys(params.getlist("asked")) if fact in FACTS]
    for fact in FACTS:
        values = [v.strip() for v in params.getlist(fact) if v.strip()]
        if not values:
            continue
        kind = fact_kind(fact)
        if kind == "many":
            answers[fact] = [] if values == [NONE] else values
        elif kind == "yesno":
            answers[fact] = {"true": True, "false": False}.get(values[-1], values[-1])
        else:
            answers[fact] = values[-1]
    return GuideState(answers, tuple(asked))
