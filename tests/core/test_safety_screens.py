"""The triage's screens (islet.safety.cues.screen): one expression per signal, and per part of a
signal of several parts, that finds words wherever any of its patterns would, so that a clause
it finds nothing in can be passed over without reading each pattern. A screen that missed what
one of its patterns finds would hide a sign: these tests hold every screen to its patterns on
the clauses of every spec row, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from islet.language import Language
from islet.safety.cues import compiled, screen
from islet.safety.languages import reading_for
from islet.safety.text import sentences
from islet.safety.vocabulary import compile_pattern

CASES = Path(__file__).parents[1] / "cases"


def _clauses(language: Language) -> list[str]:
    name = "safety_triage.yaml" if language == "en" else "safety_triage_es.yaml"
    rows = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))["cases"]
    c, vocab = compiled(language), reading_for(language).vocabulary
    return [
        clause
        for row in rows
        for sentence in sentences(row["text"], vocab.rewrites, c.rules.clauses, c.rules.numbers)
        for clause in sentence.clauses
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_screen_finds_whatever_its_patterns_find(language: Language) -> None:
    c = compiled(language)
    screened = [
        (patterns, s) for (_, patterns), s in zip(c.signals, c.signal_screens, strict=True)
    ] + [
        (part, s)
        for (_, groups), screens in zip(c.groups, c.group_screens, strict=True)
        for part, s in zip(groups, screens, strict=True)
    ]
    clauses = _clauses(language)
    assert len(clauses) > 200
    missed = [
        (clause, p.pattern)
        for clause in clauses
        for patterns, s in screened
        if s.search(clause) is None
        for p in patterns
        if p.search(clause)
    ]
    assert missed == []


def test_a_screen_drops_only_the_leading_word_edge_of_its_patterns() -> None:
    # the pattern keeps its word edges; the screen keeps the trailing one and finds a little
    # more (then the pattern itself reads the clause), never less
    ledge, quiet = compile_pattern("ledge"), compile_pattern("quiet")
    both = screen((ledge, quiet))
    assert ledge.search("on the ledge") and both.search("on the ledge")
    assert ledge.search("the knowledge") is None and both.search("the knowledge")
    assert quiet.search("so quietly") is None and both.search("so quietly") is None
    assert both.search("a quiet night") and both.search("nothing here") is None
