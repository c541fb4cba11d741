"""How the engine's answers are worded: declines with what the summary covers, the gap said
plainly with what the summary says nearby, a structured answer with its passages, and each
passage's match in words ("best match Islet found", "also related")."""

from __future__ import annotations

from collections.abc import Sequence

from islet.ask.lexicon import Gap, Lexicon, MatchWord, OutOfScopeReason
from islet.ask.passages import Passage, passage_of
from islet.ask.responses import Answer, AnswerPassage, Understood, answer_passage
from islet.ask.retrieval import Search
from islet.ask.structured import Structured
from islet.kb import KnowledgeBase
from islet.model import Audience

RELATED_SCORE = 0.5  # below this share of the best passage's score: "may also be related"


class Replies:
    """The engine's steps that put an answer or a decline into words (part of :class:`Engine`)."""

    kb: KnowledgeBase
    lexicon: Lexicon
    audience: Audience
    help: str
    by_id: dict[str, Passage]

    def _gap_answer(
        self, question: str, gap: Gap, search: Search, understood: Understood, limit: int
    ) -> Answer:
        """The gap said plainly, then what the summary does say nearby, labelled as such
        (an independent user review: unrelated passages were shown as the answer)."""
        shown = [self.by_id[passage_of(t)] for t in gap.show if passage_of(t) in self.by_id]
        # The question's own words choose which of them leads ("after they take out the tail
        # of the pancreas": the distal pancreatectomy, not the Whipple): in the order the
        # search ranks them, the gap's order for the ones it does not find. A question that
        # names several of them ("part of my pancreas": either operation) keeps the gap's order.
        named = {m.target for m in search.reading.mentions} & set(gap.show)
        if len(named) < 2:
            rank = {h.passage.id: i for i, h in enumerate(search.hits)}
            shown.sort(key=lambda p: rank.get(p.id, len(rank)))
        shown += [h.passage for h in search.hits if h.passage not in shown]
        words = self.lexicon.answering.match_words["nearby"]
        return Answer(
            question=question,
            in_scope=True,
            answers=[
                answer_passage(p, 0.0).model_copy(update={"match": words}) for p in shown[:limit]
            ],
            summary=gap.note,
            help=self.help,
            confidence=0.0,
            understood=understood.model_copy(update={"gap": gap.id}),
        )

    def _decline(
        self,
        question: str,
        reason: OutOfScopeReason,
        understood: Understood,
        confidence: float = 0.0,
        closest: Sequence[Passage] = (),
        message: str | None = None,
    ) -> Answer:
        answering = self.lexicon.answering
        topics = ", ".join(
            s.title
            for s in sorted(self.kb.sections.values(), key=lambda s: s.order)
            if s.parent is None and (self.audience == "professional" or not s.professional_only)
        )
        message = (
            (message or answering.messages[reason]) + " " + answering.covers.format(topics=topics)
        )
        declined = Answer.declined(
            question,
            reason,
            message=message,
            help=self.help,
            confidence=round(min(confidence, 1.0), 3),
            understood=understood,
        )
        if not closest:
            return declined
        words = answering.match_words["closest"]
        shown = [answer_passage(p, 0.0).model_copy(update={"match": words}) for p in closest]
        return declined.model_copy(update={"closest": shown})

    def _worded(self, answers: list[AnswerPassage], unsure: bool) -> list[AnswerPassage]:
        """``answers`` with their match in words: the first is the best match Islet found (or
        only a possible one when it is unsure), the others related more or less closely."""
        words = self.lexicon.answering.match_words
        out = []
        for rank, item in enumerate(answers):
            key: MatchWord
            if rank == 0:
                key = "possible" if unsure else "best"
            else:
                key = "related" if item.score >= RELATED_SCORE else "loose"
            out.append(item.model_copy(update={"match": words[key]}))
        return out

    def _structured_answer(
        self,
        question: str,
        structured: Structured,
        search: Search,
        understood: Understood,
        limit: int,
    ) -> Answer:
        chosen = list(dict.fromkeys(structured.passage_ids))
        top = search.hits[0].score if search.hits else 1.0
        scored = [(self.by_id[pid], 1.0) for pid in chosen]
        scored += [
            (hit.passage, min(0.9, hit.score / top))
            for hit in search.hits
            if hit.passage.id not in chosen
        ]
        return Answer(
            question=question,
            in_scope=True,
            answers=self._worded(
                [answer_passage(p, s) for p, s in scored[: max(limit, len(chosen))]], False
            ),
            summary=structured.summary,
            help=self.help,
            confidence=1.0,
            understood=understood.model_copy(update={"facet": structured.facet.id}),
        )
