"""Comparisons with a neighbour the summary tells its subject from (issue 12).

"How is it different from regular pancreatic cancer", "is this the same as the pancreatic cancer
Steve Jobs had": a neighbour marked ``compared`` in ``knowledge/ask/neighbours.yaml`` is
answered, not declined, when the question compares it, and what answers the comparison is what
the neighbour lists as closest, in its order (the neighbour's definition, which says how it
differs, then the summary's overview). A question names the neighbour by one of
its names or by a glossary entry of its closest list ("pancreatic cancer").

Two things of the summary's own compared ("what is the difference between PRRT and chemo", "how
is chemoembolization different from radiofrequency ablation") are answered by both: the own
passage of each compared item comes first, in the order they ranked, so neither falls out of
the top answers behind passages about only one of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from islet.ask.focus import compares
from islet.ask.lexicon import Lexicon
from islet.ask.retrieval import Hit, Reading
from islet.ask.words import fold

# The kinds of item whose own passages answer a comparison of two of them.
COMPARED_KINDS = ("treatment", "test", "tumor-type")


class Comparisons:
    """Puts the closest passages of a compared neighbour first when a question compares it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._compared = [
            (
                re.compile(n.pattern()),
                frozenset(c for c in n.closest if c.startswith("glossary:")),
                list(n.closest),
            )
            for n in lexicon.neighbours
            if n.compared
        ]

    def reorder(self, question: str, reading: Reading, hits: Sequence[Hit]) -> list[Hit] | None:
        """``hits`` with the compared neighbour's closest passages first; None when the
        question compares no such neighbour."""
        if not self._compared or not compares(question):
            return None
        folded = " ".join(fold(question).split())
        named = {m.target for m in reading.mentions}
        for pattern, entries, order in self._compared:
            if pattern.search(folded) is None and not named & entries:
                continue
            key = {target: i for i, target in enumerate(order)}
            first = sorted((h for h in hits if _target(h) in key), key=lambda h: key[_target(h)])
            if first:
                return [*first, *(h for h in hits if h not in first)]
        return _both_compared(reading, hits)


def _both_compared(reading: Reading, hits: Sequence[Hit]) -> list[Hit] | None:
    """``hits`` with the own passages of the first two items of ``COMPARED_KINDS`` the question
    names first, in their order in ``hits``; None when it names fewer than two."""
    named = [
        m.target
        for m in reading.mentions
        if m.target.split(":", 1)[0] in COMPARED_KINDS and m.target not in reading.context
    ]
    targets = list(dict.fromkeys(named))[:2]
    if len(targets) < 2:
        return None
    own = [next((h for h in hits if _target(h) == t), None) for t in targets]
    first = sorted((h for h in own if h is not None), key=hits.index)
    if len(first) < 2:
        return None
    return [*first, *(h for h in hits if h not in first)]


def _target(hit: Hit) -> str:
    return f"{hit.passage.kind}:{hit.passage.item_id}"
