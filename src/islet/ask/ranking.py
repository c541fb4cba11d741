"""The engine's ranking steps: what comes first among the passages found (a situation's PDQ
bullet, a compared neighbour, the passage of a name shared with a neighbour, the treatment a
question asks the purpose of), and whether the best passages are about what the question names."""

from __future__ import annotations

import re

from islet.ask.comparisons import Comparisons
from islet.ask.facets import GENERAL_PARTS
from islet.ask.passages import Passage, passage_of
from islet.ask.responses import DEFAULT_LIMIT, AnswerPassage, answer_passage
from islet.ask.retrieval import Hit, Mention, Reading, Retriever, Search
from islet.ask.situations import Situations
from islet.ask.words import fold, is_everyday, terms

# A lead: its patterns, the patterns that rule it out, its passage and the titles it offers.
Lead = tuple[list[re.Pattern[str]], list[re.Pattern[str]], str, list[str]]


class Ranking:
    """The engine's steps that reorder what it found (part of :class:`Engine`)."""

    retriever: Retriever
    by_id: dict[str, Passage]
    situations: Situations
    comparisons: Comparisons
    leads: list[Lead]
    purpose: list[re.Pattern[str]]

    def _led(
        self, question: str, shown: list[AnswerPassage], limit: int, part: str | None = None
    ) -> list[AnswerPassage]:
        """``shown`` with the passage of a name shared with a neighbour first, when the question
        uses that name and none of the subject's own words ("survival of pancreatic cancer":
        first what tells pancreatic NETs from the common, exocrine, pancreatic cancer). When the
        question asks a facet the summary answers in a general ``part`` (the outlook: "survival
        rate", "how deadly"), that part follows at once: the honest note and what PDQ says of
        its own subject, both shown (a reviewers' miss: the note alone read as the answer)."""
        lead = self._lead(question)
        if lead is None:
            return shown
        passage_id = lead[0]
        score = shown[0].score if shown else 1.0
        first = [answer_passage(self.by_id[passage_id], score)]
        if part is not None and part != passage_id and part in self.by_id:
            own = [a for a in shown if a.passage_id == part]
            first.append(own[0] if own else answer_passage(self.by_id[part], score))
        led = {a.passage_id for a in first}
        return [*first, *(a for a in shown if a.passage_id not in led)][:limit]

    def _purpose_of(self, question: str, search: Search) -> str | None:
        """The passage of the treatment the question names when it asks what that treatment is
        for, in doubt or fear ("why bother", "what's the point of chemo"); None otherwise."""
        folded = " ".join(fold(question).split())
        if not any(p.search(folded) for p in self.purpose):
            return None
        named = (m.target for m in search.reading.mentions if m.target.startswith("treatment:"))
        passage_id = next((passage_of(t) for t in named), None)
        return passage_id if passage_id in self.by_id else None

    def _lead(self, question: str) -> tuple[str, list[str]] | None:
        """The passage id of the first lead whose shared name ``question`` uses without the
        subject's own words, with the titles it offers as "Did you mean"; None when none."""
        folded = " ".join(fold(question).split())
        for patterns, unless, passage_id, hedge in self.leads:
            if not any(p.search(folded) for p in patterns):
                continue
            if any(p.search(folded) for p in unless) or passage_id not in self.by_id:
                continue
            return passage_id, hedge
        return None

    def _reordered(
        self, question: str, reading: Reading, hits: list[Hit]
    ) -> tuple[list[Hit], bool]:
        """``hits`` with a situation's PDQ bullet or a compared neighbour's passages first, and
        whether the question is a situation question."""
        situation = self.situations.reorder(question, reading, hits)
        if situation is not None:
            return situation, True
        compared = self.comparisons.reorder(question, reading, hits)
        return (hits if compared is None else compared), False

    def _names(self, mention: Mention) -> bool:
        """Whether ``mention`` names something other than the summary's subject: more than one
        everyday word ("run" is not "the runs")."""
        return mention.target != self.retriever.subject and (
            len(mention.phrase.split()) > 1 or not is_everyday(mention.phrase)
        )

    def _agrees(self, search: Search) -> bool:
        """Whether the best passages are about what the question names (an independent user
        review: "how do they figure out what stage it is" got "not sure" over the staging
        passages): then a low lexical confidence only means story words went unmatched."""
        mentions = [m for m in search.reading.mentions if self._names(m)]
        named = {m.target.partition(":")[2] for m in mentions}
        # "stage" names glossary:staging; the passages titled "Stages..." are about it too.
        said = {t for m in mentions for t in terms(m.phrase)}
        best = search.deciding_hits[:DEFAULT_LIMIT]
        return bool(named) and any(
            hit.passage.item_id in named
            or named & set(hit.passage.topics)
            or said & set(terms(hit.passage.title))
            for hit in best
        )

    def _did_you_mean(self, search: Search) -> list[str]:
        """The titles of the best few passages' topics, for an answer Islet is unsure of."""
        titles = dict.fromkeys(hit.passage.title for hit in search.hits[:DEFAULT_LIMIT])
        return list(titles)


def general_part(search: Search) -> str | None:
    """The general part of the summary that answers the facet the question asks (cause,
    outlook, prevention), or None."""
    facet = search.reading.facet
    return GENERAL_PARTS.get(facet.id) if facet is not None else None


def asks_a_general_part(search: Search) -> bool:
    """Whether the question asks a facet of any condition (its cause, outlook, prevention) that
    the summary answers in a general part, and that part is among the best passages: "is there
    an actual cure or do they just control it" asks the outlook of the subject it leaves unsaid,
    however many of its words ("actual", "control") the passages lack. Other illnesses and
    neighbours are declined before this is asked."""
    facet = search.reading.facet
    part = GENERAL_PARTS.get(facet.id) if facet is not None else None
    return part is not None and any(h.passage.id == part for h in search.hits[:DEFAULT_LIMIT])
