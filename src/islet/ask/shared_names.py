"""Names shared by the summary's subject and a far more common neighbour, said with the subject's
own words elsewhere in the question.

"Pancreatic cancer" names the common (exocrine) cancer as well as, loosely, a pancreatic NET
(``leads`` in ``knowledge/ask/answering.yaml``). Said with one of the subject's own words apart
from it ("pancreatic cancer, the neuroendocrine kind, how is it treated"; "my mom has pancreatic
cancer but the islet cell type"), the shared name and that word together name the subject: they
say what the question is about, not what it asks, as when it names a pancreatic NET outright.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from islet.ask.focus import compares
from islet.ask.lexicon import Lead
from islet.ask.words import terms

if TYPE_CHECKING:
    from islet.ask.retrieval import Reading


class SharedNames:
    """The shared names of the lexicon's leads, each with the words that make it the subject's."""

    def __init__(self, leads: Sequence[Lead]) -> None:
        self._leads = [
            (lead.passage, [re.compile(p) for p in lead.unless]) for lead in leads if lead.unless
        ]

    def shares(self, target: str) -> bool:
        """Whether ``target`` is the passage of a shared name ("pancreatic cancer")."""
        return any(passage == target for passage, _ in self._leads)

    def read_as_subject(
        self,
        texts: Sequence[str],
        reading: Reading,
        subject: str,
        target_terms: Callable[[str], list[str]],
    ) -> None:
        """When ``reading`` names a lead's shared name and the question (``texts``: as typed and
        as read, folded) also says one of the subject's own words, the name is the subject's:
        its mention becomes the subject, and its words and the subject's word are no longer
        searched for (unless nothing else is asked). A question that compares the two ("is
        pancreatic cancer the same as a neuroendocrine tumor") is left as it is."""
        if compares(texts[0]):
            return
        for target, own_words in self._leads:
            said = [m for m in reading.mentions if m.target == target and m.phrase]
            if not said:
                continue
            found = next((p.search(t) for p in own_words for t in texts if p.search(t)), None)
            if found is None:
                continue
            added = set(target_terms(target))
            reading.expansion = [t for t in reading.expansion if t not in added]
            reading.mentions = [
                replace(m, target=subject) if m.target == target else m for m in reading.mentions
            ]
            # Each word once for each time the question says it and has not said it as the
            # subject already.
            left = Counter(reading.terms) - Counter(reading.said_subject)
            named = []
            for term in [t for m in said for t in terms(m.phrase)] + terms(found.group(0)):
                if left[term] > 0:
                    left[term] -= 1
                    named.append(term)
            reading.subject.update(named)
            reading.said_subject.extend(named)
