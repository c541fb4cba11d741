"""Question frames: a question shaped a certain way asks about given items, whatever else it names.

"What scans does she need after the surgery?" names the surgery, but the surgery is when, not
what: the question asks about follow-up tests. A frame (``frames`` in
``knowledge/ask/answering.yaml``) holds patterns that must all match the question, the kinds of
named items it turns into context (their passages are no longer lifted for being named) and the
items the question is then about (named for it, as if the question had said them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from islet.ask.lexicon import Frame

if TYPE_CHECKING:
    from islet.ask.retrieval import Reading


class Frames:
    """The frames of the lexicon, compiled once."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self._frames = [
            (frame, [re.compile(p) for p in frame.patterns], [re.compile(p) for p in frame.unless])
            for frame in frames
        ]

    def fit(
        self, texts: Sequence[str], named: Sequence[str]
    ) -> tuple[set[str], list[str], set[str]]:
        """For a question (``texts``: as typed and as read, folded) that names ``named``
        ("kind:id"): the named items that are context, the items it is about (none when no
        frame fits) and the items it is not about."""
        context: set[str] = set()
        about: list[str] = []
        not_about: set[str] = set()
        for frame, patterns, unless in self._frames:
            if not all(any(p.search(t) for t in texts) for p in patterns):
                continue
            if any(p.search(t) for p in unless for t in texts):
                continue
            # A frame's own targets are what is asked, never context (askfix15: "survival
            # figures" names the survival part, a section, beside the sections it sets aside).
            context |= {
                t for t in named if t.partition(":")[0] in frame.context and t not in frame.targets
            }
            about += [t for t in frame.targets if t not in named and t not in about]
            # A named item the frame makes context may still be what it is not about ("G2
            # ... options?": the grade is when, and the grading passage is not the answer).
            not_about |= {t for t in frame.not_about if t not in named or t in context}
        return context, about, not_about

    def apply(
        self, texts: Sequence[str], reading: Reading, target_terms: Callable[[str], list[str]]
    ) -> None:
        """Mark in ``reading`` the named items that are context, and name the items the
        question is about instead, with their terms (``target_terms``) as its expansion."""
        from islet.ask.retrieval import Mention  # the reader imports this module

        context, about, not_about = self.fit(texts, [m.target for m in reading.mentions])
        reading.not_about = not_about
        if not about:
            return
        reading.context = context
        reading.facet = None  # the frame says what is asked ("which scans after ...")
        for target in about:  # as if the question had named them
            reading.mentions.append(Mention(target, ""))
            reading.expansion.extend(target_terms(target))
