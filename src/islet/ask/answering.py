"""The Ask engine: everything needed to answer questions for one audience, built once, and the
decision for each question: answer (plainly, structured, or unsure with "Did you mean"), say the
gap, or decline. Its ranking, structuring and wording steps are in :mod:`islet.ask.ranking`,
:mod:`islet.ask.structured` and :mod:`islet.ask.replies`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from islet.ask.comparisons import Comparisons
from islet.ask.learned import AskedModel, QuestionVotes, installed_model
from islet.ask.lexicon import NEIGHBOURS, Lexicon, OutOfScopeReason, dangling_targets
from islet.ask.passages import Passage, passage_of, passages
from islet.ask.question import checked, read_by_clause
from islet.ask.ranking import Ranking, asks_a_general_part, general_part
from islet.ask.replies import Replies
from islet.ask.responses import DEFAULT_LIMIT, Answer, Understood, answer_passage
from islet.ask.retrieval import Retriever, Search
from islet.ask.scope import Scope
from islet.ask.situations import Situations
from islet.ask.structured import Structuring, named_tests_first
from islet.ask.tuning import Tuning
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.model import Audience

if TYPE_CHECKING:
    from islet.ask.semantic import Encoder


class Engine(Ranking, Structuring, Replies):
    """Everything needed to answer questions for one audience, built once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: Lexicon,
        audience: Audience = "patient",
        *,
        encoder: Encoder | None = None,
        tuning: Tuning | None = None,
        structured: bool = True,
        learned: AskedModel | Literal["installed"] | None = "installed",
    ) -> None:
        problems = dangling_targets(lexicon, kb)
        if problems:
            raise KnowledgeError(problems)
        self.kb = kb
        self.lexicon = lexicon
        self.audience = audience
        self.structured = structured
        self.passages = passages(kb)
        # The labelled questions' vote: the installed model unless one is given (or None, off).
        model = installed_model() if learned == "installed" else learned
        self.retriever = Retriever(
            kb, lexicon, self.passages, audience, encoder=encoder, tuning=tuning, learned=model
        )
        self.by_id = {p.id: p for p in self.retriever.passages}
        answering = lexicon.answering
        treatments: dict[str, Passage] = {}
        for passage in self.retriever.passages:  # the audience's own text when it has one
            if passage.kind == "treatment" and (
                passage.item_id not in treatments or passage.audience == audience
            ):
                treatments[passage.item_id] = passage
        self.situations = Situations.of(kb, answering, treatments)
        self.comparisons = Comparisons(lexicon)
        self.leads = [
            (
                [re.compile(p) for p in lead.patterns],
                [re.compile(p) for p in lead.unless],
                passage_of(lead.passage),
                [self.by_id[passage_of(t)].title for t in lead.hedge],
            )
            for lead in answering.leads
        ]
        self.purpose = [re.compile(p) for p in answering.purpose_asks]
        items = {"test": frozenset(kb.tests), "treatment": frozenset(kb.treatments)}
        self.scope = Scope(lexicon, audience, lexicon.answering.subject, self.retriever.read, items)
        pdq = kb.pdq
        self.help = lexicon.answering.help.format(cis_phone=pdq.cis_phone if pdq else "")

    def answer(
        self,
        question: str,
        limit: int = DEFAULT_LIMIT,
        also: tuple[QuestionVotes, str] | None = None,
    ) -> Answer:
        """The best passages for ``question``, or ``in_scope: false`` with a helpful message;
        ``also``: a second vote that reorders what is shown and the text it reads."""
        text = checked(question)
        search = self.retriever.search(text, limit=len(self.by_id), also=also)
        # The vote (islet.ask.learned) only reorders what is shown: whether this is a situation
        # question, and every decision to answer or decline, read the ranking without it.
        hits, situation = self._reordered(text, search.reading, search.hits)
        unvoted = search.unvoted
        if unvoted is not None:
            unvoted, situation = self._reordered(text, search.reading, unvoted)
        search = replace(search, hits=hits, unvoted=unvoted)
        read = read_by_clause(text, search.reading.corrected)
        # A question that names one of the summary's tumor types ("can a glucagonoma cause
        # type 2 diabetes", "is a gastrinoma stomach cancer") is about that tumor, unless it
        # asks about the neighbour or other cancer it also names (focus.py).
        own_type = bool(search.reading.mentioned("tumor-type"))
        subject = own_type or bool(search.reading.subject)
        reason, closest_ids, said = self._out_of_scope(
            text, read, subject=subject, own_type=own_type
        )
        if reason is None and self.scope.other_topic(text, search.reading) is not None:
            reason, said = "unrelated", self.scope.other_message
        if reason is None and self.retriever.votes is not None:
            # The closest labelled questions are out of scope (islet.ask.learned): declined,
            # with the passages it comes closest to as what the summary does cover.
            reason = self.retriever.votes.outside(text)
            if reason is not None and reason != "unrelated":
                closest_ids = [hit.passage.id for hit in (unvoted or hits)[:2]]
        understood = Understood(
            corrected=search.reading.corrected,
            topics=list(dict.fromkeys(m.target for m in search.reading.mentions)),
        )
        if reason is not None:
            if reason in NEIGHBOURS and own_type:
                # The neighbour part is declined; the tumor type also named is covered, so its
                # own passage comes first among the closest ("is a carcinoid of the ileum
                # treated the same as an insulinoma").
                types = [
                    passage_of(f"tumor-type:{t}") for t in search.reading.mentioned("tumor-type")
                ]
                closest_ids = list(dict.fromkeys([*types, *closest_ids]))
            closest = [self.by_id[i] for i in closest_ids if i in self.by_id]
            return self._decline(text, reason, understood, closest=closest, message=said)
        gap = self.scope.gap(text, read)
        # Only for a question about the summary's subject ("what grade is the school in" is not).
        if gap is not None and (search.domain or search.reading.mentions):
            return self._gap_answer(text, gap, search, understood, limit)
        structured = self._structured(search.reading) if self.structured else None
        if situation and structured is not None and structured.facet.id != "treatment":
            # "It spread and keeps growing, what now" asks what PDQ lists for that situation,
            # not where the tumor grows.
            structured = None
        if structured is not None:
            if structured.facet.id == "treatment" and search.hits:
                first = search.hits[0].passage
                # A PDQ bullet for the situation, or the treatment the question names ("is
                # watching it an option"), comes before the tumor type's treatment part.
                # A cue word of the facet ("do I need surgery") asks about treatment in general.
                named = first.kind == "treatment" and any(
                    m.target == f"treatment:{first.item_id}"
                    and m.phrase not in structured.facet.cues
                    for m in search.reading.mentions
                )
                # Supportive care for a sign the question names ("how do they treat the high
                # sugar of a glucagonoma") is that sign's own care, before the type's part
                # (askfix17).
                cared = first.kind == "treatment" and self._cares_for_a_named_sign(first, search)
                if (situation and first.kind == "rule") or named or cared:
                    structured = replace(
                        structured, passage_ids=[first.id, *structured.passage_ids]
                    )
            if structured.facet.id == "tests":
                structured = named_tests_first(structured, search.reading)
            return self._structured_answer(text, structured, search, understood, limit)
        tuning = self.retriever.tuning
        rescued = (
            tuning.dense_rescue is not None
            and search.dense_best is not None
            and search.dense_best >= tuning.dense_rescue
        )
        # A question with no domain word in it ("what time is it") is not about the summary;
        # nor is one that names nothing Islet knows and that the passages barely cover.
        # A name counts when it is more than one everyday word ("run" is not "the runs").
        named = any(self._names(m) for m in search.reading.mentions)
        # A frame that fits (its items are named with no words of their own) with a domain word
        # beside it says what is asked: "just diagnosed, what happens next" asks how treatment
        # is planned, however few of its words the passages share.
        framed = bool(search.domain) and any(not m.phrase for m in search.reading.mentions)
        treated = self._purpose_of(text, search)
        general = asks_a_general_part(search) or treated is not None
        named = named or framed or general
        unrelated = not named and search.confidence < tuning.min_unnamed_confidence
        # Naming something Islet knows is not enough when the best passages cover almost none
        # of the question and are not about what it names ("what is medullary thyroid cancer
        # and how is it treated" names cancer and treatment).
        barely = search.confidence < tuning.min_named_confidence and not (
            situation or framed or general or self._agrees(search)
        )
        # A short question is mostly its topic: when its rarest word is in no passage and no
        # name Islet knows, the topic is not the summary's ("what are the symptoms of lupus").
        # Naming a tumor type or the summary's subject is naming the topic: an unknown word
        # next to it is a person or a place ("my sister Maria has an insulinoma, what is that").
        short = len(search.reading.focus) <= tuning.short_terms
        short = short and not (own_type or search.reading.subject or framed or general)
        barely = barely or (
            short and search.confidence < tuning.min_short_confidence and not search.main_covered
        )
        unrelated = unrelated or barely
        deciding = search.deciding_hits
        # Letters on their own ("e", "x") are no question: a stray key, not the "e" of e-mail
        # or the "x" of x-ray.
        letters = all(len(word) == 1 for word in search.reading.words)
        if not deciding or not (search.domain or named) or (unrelated and not rescued) or letters:
            why: OutOfScopeReason = "unrelated" if deciding and not letters else "not-understood"
            # Nothing understood is no confidence in anything: a stray "é" ranks every passage
            # alike, which reads as a perfect score (askes17).
            sure = search.confidence if why == "unrelated" else 0.0
            return self._decline(text, why, understood, sure)
        if search.confidence < tuning.min_confidence and not (situation or self._agrees(search)):
            understood = understood.model_copy(update={"did_you_mean": self._did_you_mean(search)})
        lead = self._lead(text)
        if lead is not None and lead[1] and not understood.did_you_mean:
            # A name shared with a neighbour, said alone, may mean either (ask19).
            understood = understood.model_copy(update={"did_you_mean": lead[1]})
        top = search.hits[0].score
        unsure = bool(understood.did_you_mean)
        shown = [
            answer_passage(hit.passage, search.confidence * hit.score / top)
            for hit in search.hits[:limit]
        ]
        if treated is not None:
            # "Why bother with it" asks what the treatment named is for: its passage first.
            own = [a for a in shown if a.passage_id == treated]
            leading = own[0] if own else answer_passage(self.by_id[treated], search.confidence)
            shown = [leading, *(a for a in shown if a.passage_id != treated)][:limit]
        topics = " or ".join(f"“{t}”" for t in understood.did_you_mean)
        return Answer(
            question=text,
            in_scope=True,
            message=self.lexicon.answering.did_you_mean.format(topics=topics) if unsure else None,
            answers=self._worded(self._led(text, shown, limit, general_part(search)), unsure),
            help=self.help,
            confidence=round(search.confidence, 3),
            understood=understood,
        )

    def _out_of_scope(
        self, question: str, read: str = "", *, subject: bool = False, own_type: bool = False
    ) -> tuple[OutOfScopeReason | None, list[str], str | None]:
        """The first out-of-scope rule the question matches (see :class:`Scope`), with the
        passage ids of its closest covered items."""
        reason, closest, message = self.scope.out_of_scope(
            question, read, subject=subject, own_type=own_type
        )
        return reason, [passage_of(target) for target in closest], message

    def _cares_for_a_named_sign(self, passage: Passage, search: Search) -> bool:
        """Whether ``passage`` is supportive care and the question names a sign (askfix17)."""
        item = self.kb.treatments.get(passage.item_id)
        signs = any(m.target.startswith("symptom:") for m in search.reading.mentions)
        return item is not None and item.kind == "supportive-care" and signs
