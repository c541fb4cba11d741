"""A language's own safety words kept in its own folder (``knowledge/es/safety/triage.yaml``).

``triage.yaml`` holds each signal's Spanish forms beside its English ones; a language's own file
adds more without touching it: patterns (and ``all_of`` groups) for signals that already have
forms in that language, signals of its own, and context cues. :mod:`islet.safety.languages`
merges them into that language's reading; English never reads them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from islet.errors import KnowledgeError
from islet.kb import load_data_file
from islet.model import Strict
from islet.safety.vocabulary import Context, Findable, Signal, compile_pattern, shared_filled


class Additions(Strict):
    """What a language's own file adds to its reading of ``triage.yaml``."""

    # more patterns for a signal of ``triage.yaml`` that has forms in this language, by its id
    signals: dict[str, Findable] = Field(default_factory=dict)
    # signals of this language alone (their ``es`` forms hold the words; no English patterns)
    own_signals: list[Signal] = Field(default_factory=list)
    # more cues for the context lists (``figures_of_speech``, ``wish_to_live`` ...), by name
    context: dict[str, list[str]] = Field(default_factory=dict)
    # alternations written once, named in the patterns and cues as {{name}} (filled in on load)
    shared: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _shared_filled(cls, data: object) -> object:
        return shared_filled(data, ("signals", "own_signals", "context"))


@cache
def additions(path: Path) -> Additions:
    """The additions at ``path`` (none when there is no such file); raises KnowledgeError when
    the file is invalid."""
    if not path.is_file():
        return Additions()
    return load_data_file(path, Additions, f"{path.parent.parent.name}/safety/{path.name}")


def addition_problems(extra: Additions, signals: list[Signal]) -> list[str]:
    """Additions for a signal that does not exist or has no forms in the language, and own
    signals whose id is taken or that have no forms in the language."""
    forms = {s.id for s in signals if s.es is not None}
    ids = {s.id for s in signals}
    own = extra.own_signals
    missing = [i for i in extra.signals if i not in forms]
    problems = [f"signal '{i}' has no Spanish forms to add to" for i in missing]
    problems += [f"own signal '{s.id}' is already a signal" for s in own if s.id in ids]
    problems += [f"own signal '{s.id}' has no Spanish forms" for s in own if s.es is None]
    known = ids | {s.id for s in own}
    problems += [
        f"own signal '{s.id}' needs unknown signal '{n}'"
        for s in own
        for n in s.needs
        if n not in known
    ]
    lists = {n for n, f in Context.model_fields.items() if f.annotation == list[str]}
    problems += [f"context has no list '{n}'" for n in extra.context if n not in lists]
    for name, patterns in extra.context.items():
        for pattern in patterns:
            try:
                compile_pattern(pattern)
            except re.error as error:
                problems.append(f"context {name}: {pattern!r} is not a valid expression: {error}")
    return problems


def checked(extra: Additions, signals: list[Signal], where: str) -> Additions:
    problems = addition_problems(extra, signals)
    if problems:
        raise KnowledgeError([f"{where}: {p}" for p in problems])
    return extra
