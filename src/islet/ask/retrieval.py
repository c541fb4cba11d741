"""Finding the passages that answer a question: BM25 with everyday-word expansion.

A question is read into index terms (spelling repaired against the passages' own words), the
phrases people use for knowledge-base items are recognised ("sugar crash", "Whipple", "yellow
eyes") and expanded with the item's name, and passages about a recognised item rank higher.
Optional dense embeddings are fused with BM25 by reciprocal rank. The confidence says how much
of what the question asks about the best passages actually cover.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from islet.ask import bm25
from islet.ask.boosts import boosts
from islet.ask.defined import words_defined
from islet.ask.facets import GENERAL_PARTS
from islet.ask.focus import (
    asking_parts,
    found_with,
    told_in_the_story,
    told_of_another_cancer,
    told_outside_the_asking,
)
from islet.ask.forms import QuestionForms
from islet.ask.frames import Frames
from islet.ask.lexicon import COLLECTION_OF_KIND, KIND_OF_COLLECTION, Facet, Lexicon
from islet.ask.passages import Passage
from islet.ask.phrases import Phrase, facet_of, other_sense, phrase_table
from islet.ask.pieces import joined_pieces, unspoken_marks
from islet.ask.shared_names import SharedNames
from islet.ask.tuning import Tuning
from islet.ask.words import (
    Speller,
    fold,
    is_everyday,
    spelling_words,
    stop_words,
    terms,
    words,
)
from islet.kb import KnowledgeBase
from islet.model import Audience
from islet.text import stem

if TYPE_CHECKING:
    import numpy as np

    from islet.ask.learned import AskedModel, QuestionVotes
    from islet.ask.semantic import Encoder

TITLE_WEIGHT = 2  # a passage's title counts this many times in its index text
STORY_KINDS = {"test", "treatment"}  # named only in a story, how or when, not what is asked
SIGN_KINDS = {"symptom"}  # and signs, when the question asks one of these facets:
SIGN_FACETS = {"treatment", "tests"}
# Items whose naming says what a question is about, whatever facet it asks.
OWN_KINDS = {"tumor-type", "symptom", "symptom-pattern", "test", "treatment", "rule"}


@dataclass(frozen=True)
class Mention:
    """An item of the knowledge base named in the question."""

    target: str  # "tumor-type:insulinoma"
    phrase: str  # the words of the question that named it


@dataclass
class Reading:
    """How Islet read a question."""

    words: list[str]  # every word, spelling repaired
    terms: list[str]  # stemmed content terms of the question
    corrected: dict[str, str] = field(default_factory=dict)
    expansion: list[str] = field(default_factory=list)  # stemmed terms added by lay terms
    mentions: list[Mention] = field(default_factory=list)
    understood: set[str] = field(default_factory=set)  # terms inside a recognised phrase
    subject: set[str] = field(default_factory=set)  # terms naming the summary's own subject
    said_subject: list[str] = field(default_factory=list)  # those terms, once per time said
    definition: bool = False  # a "what is X" question
    facet: Facet | None = None  # what the question asks about: tests, symptoms, treatment...
    # For "I have X, what is it?": only the named items' terms are searched for.
    named_only: list[str] = field(default_factory=list)
    named_last: list[str] = field(default_factory=list)  # the targets of the last name
    context: set[str] = field(default_factory=set)  # named items that are when, not what
    found_by: set[str] = field(default_factory=set)  # tests told as how it was found
    other_cancer: set[str] = field(default_factory=set)  # treatments told of another cancer
    not_about: set[str] = field(default_factory=set)  # items a frame says are not asked about

    @property
    def focus(self) -> list[str]:
        """The terms to search with: the subject's words only when nothing else is asked."""
        if self.named_only:
            return self.named_only
        # Only the words that named the subject: "islet cell tumors ... what are islet cells"
        # still asks about islet cells.
        rest = list(self.terms)
        for term in self.said_subject:
            rest.remove(term)
        return rest or self.terms

    @property
    def knows_what_is_asked(self) -> bool:
        """A "what is X" question, or one whose frame or general part named the items asked
        about (mentions with no phrase of the question's own)."""
        return self.definition or any(not m.phrase for m in self.mentions)

    def mentioned(self, kind: str) -> list[str]:
        """Ids of the mentioned items of one kind, first mention first, no repeats."""
        ids: list[str] = []
        for mention in self.mentions:
            k, _, item_id = mention.target.partition(":")
            if k == kind and item_id not in ids:
                ids.append(item_id)
        return ids


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float


@dataclass(frozen=True)
class Search:
    reading: Reading
    hits: list[Hit]  # best first, only passages with a positive score
    confidence: float  # 0..1: share of the question's weight the best passages cover
    dense_best: float | None = None  # best cosine similarity when embeddings are used
    # Words of the question that are about the domain (not everyday words) and that the best
    # passages or a recognised phrase cover; without one the question is not about the summary.
    domain: tuple[str, ...] = ()
    asked_like: float = 0.0  # how much of the question one listed question says (0..1)
    # Whether the best passages or a recognised phrase cover the question's rarest term.
    main_covered: bool = True
    # The passages as ranked without the labelled questions' vote, when it voted (else None).
    unvoted: list[Hit] | None = None

    @property
    def deciding_hits(self) -> list[Hit]:
        """The ranking every decision to answer or decline reads: the one without the vote
        (islet.ask.learned), which only reorders what is shown."""
        return self.hits if self.unvoted is None else self.unvoted


class Retriever:
    """BM25 over the passages one audience may see, with lay-term expansion."""

    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: Lexicon,
        passages: Sequence[Passage],
        audience: Audience,
        *,
        encoder: Encoder | None = None,
        tuning: Tuning | None = None,
        learned: AskedModel | None = None,
    ) -> None:
        self.kb = kb
        self.tuning = tuning or Tuning()
        self.subject = lexicon.answering.subject
        self._definition = [re.compile(p) for p in lexicon.answering.definition]
        self._named_definition = [re.compile(p) for p in lexicon.answering.named_definition]
        self._word_definition = [re.compile(p) for p in lexicon.answering.word_definition]
        self._story = frozenset(lexicon.answering.story_words)
        # Other cancers (the out-of-scope rule's names): a treatment told with one is its story.
        self._other_cancers = [
            re.compile(p)
            for rule in lexicon.answering.out_of_scope
            if rule.reason == "other-cancer"
            for p in rule.patterns
        ]
        self._shared = SharedNames(lexicon.answering.leads)
        # Who the question is about and how they feel ("my mom", "scared"), and numbers (an age,
        # a date): the story, not what is asked (see _confidence).
        self._story_terms = frozenset(stem(w) for w in self._story)
        self._people_terms = frozenset(stem(w) for w in lexicon.answering.people_words)
        self._facets = lexicon.answering.facets
        # Compiled with the engine (so, when it is loaded from the cache, from the stored table
        # of Islet's patterns; see islet.regexes), not while a question is read.
        self._facet_patterns = [re.compile(p) for f in self._facets for p in f.patterns]
        self.frames = Frames(lexicon.answering.frames)
        self.passages = [p for p in passages if p.for_audience(audience)]
        self._items = frozenset(f"{p.kind}:{p.item_id}" for p in self.passages)
        self.audience = audience
        self._phrases_from: dict[str, list[Phrase]] = {}
        for phrase in sorted(phrase_table(kb, lexicon), key=lambda p: -len(p.words)):
            self._phrases_from.setdefault(phrase.words[0], []).append(phrase)
        asked: dict[str, list[str]] = {}
        for expansion in lexicon.expansions:
            asked.setdefault(expansion.item, []).extend(expansion.questions)
        self._asked = [asked.get(_item_key(p), []) for p in self.passages]
        self._doc_terms = [
            _index_terms(p)
            + [t for q in self._asked[i] for t in terms(q)] * self.tuning.expansion_weight
            for i, p in enumerate(self.passages)
        ]
        self._doc_sets = [set(t) for t in self._doc_terms]
        kind_of = kinds_by_id(kb)
        self._serves = [_serves(p, kind_of) for p in self.passages]
        # A glossary entry named like an item with its own passage ("glossary:insulinoma" and
        # "tumor-type:insulinoma") is the shorter double of that passage.
        own = {p.item_id for p in self.passages if p.kind != "glossary"}
        self._double = [p.kind == "glossary" and p.item_id in own for p in self.passages]
        self.bm25 = bm25.index(self._doc_terms, self.tuning.bm25_k1, self.tuning.bm25_b)
        df: Counter[str] = Counter(t for s in self._doc_sets for t in s)
        n = len(self.passages)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._unknown_weight = math.log(1 + (n + 0.5) / 0.5)
        surface = {w for p in self.passages for w in words(f"{p.title} {p.text} {p.extra}")}
        names = {
            w for group in self._phrases_from.values() for p in group for w in words(p.surface)
        }
        # Repairs prefer the names of the knowledge base's items ("insulinomma" -> "insulinoma").
        other = lexicon.other_topics.words if lexicon.other_topics else frozenset()
        neighbours = {w for n in lexicon.neighbours for name in n.names for w in name.split()}
        self.speller = Speller(
            surface | names,
            preferred=names,
            english=spelling_words() | other,
            elsewhere=other | neighbours,
        )
        # The same questions read with every word, for how a question is asked.
        self.forms = QuestionForms([[words(q) for q in asked] for asked in self._asked])
        # The labelled questions vote for their passages (see islet.ask.learned).
        self.votes = None
        if learned is not None:
            from islet.ask.learned import QuestionVotes

            self.votes = QuestionVotes(learned, [p.id for p in self.passages])
        self.encoder = encoder
        self._embeddings = (
            encoder.encode([f"{p.title}. {p.text}" for p in self.passages]) if encoder else None
        )
        # The questions each passage answers are embedded too: a passage is as close to a
        # question as its text or the closest of its questions.
        self._asked_of = [i for i, asked in enumerate(self._asked) for _ in asked]
        self._asked_embeddings = (
            encoder.encode([q for asked in self._asked for q in asked])
            if encoder and self._asked_of
            else None
        )

    # --- reading -------------------------------------------------------------------------

    def read(self, question: str) -> Reading:
        """The question's words with spelling repaired, its terms and the items it names."""
        stop = stop_words()
        # Words typed in pieces ("insu linoma") are joined first, and punctuation said aloud
        # to a phone ("question mark") is left out (islet.ask.pieces).
        raw = joined_pieces(unspoken_marks(words(question)), self.speller, stop)
        fixed = []
        corrected = {}
        for w in raw:
            good = w if w in stop else self.speller.correct(w)
            if good != w:
                corrected[w] = good
            fixed.append(good)
        reading = Reading(
            words=fixed,
            terms=[stem(w) for w in fixed if w not in stop],
            corrected=corrected,
        )
        stems = [stem(w) for w in fixed]
        last: list[str] = []  # the terms of the last phrase that named an item
        phrases_named: dict[str, tuple[list[str], list[str]]] = {}  # each: its terms, targets
        outside: list[str] = []  # the question's words before that phrase or around it
        i = 0
        while i < len(stems):
            match = self._longest_phrase(stems, i)
            # One everyday word names an item only as it is written: "runs" is diarrhea, but
            # "I run a newsletter" is not.
            loose = (
                match is not None
                and len(match.words) == 1
                and is_everyday(fixed[i])
                and fixed[i] not in words(match.surface)
            )
            if match is None or loose or other_sense(match, stems, i):
                i += 1
                continue
            n = len(match.words)
            span = stems[i : i + n]
            shown = fixed[i : i + n]
            reading.understood.update(s for s, w in zip(span, shown, strict=True) if w not in stop)
            if self.subject in match.targets:
                said = [s for s, w in zip(span, shown, strict=True) if w not in stop]
                reading.subject.update(said)
                reading.said_subject.extend(said)
            last = [s for s, w in zip(span, shown, strict=True) if w not in stop]
            reading.named_last = list(match.targets)
            phrases_named[" ".join(shown)] = (last, list(match.targets))
            outside = fixed[:i] + fixed[i + n :]
            for target in match.targets:
                reading.mentions.append(Mention(target, " ".join(shown)))
                if target != self.subject:
                    reading.expansion.extend(t for t in self._target_terms(target) if t not in span)
            reading.expansion.extend(t for t in match.means if t not in span)
            i += len(match.words)
        # The patterns see the question as typed and as read ("wat is a insulinomma").
        asked = (" ".join(fold(question).split()), " ".join(fixed))
        # "Pancreatic cancer, the neuroendocrine kind": the shared name is the subject's.
        self._shared.read_as_subject(asked, reading, self.subject, self._target_terms)
        if all(t not in self._idf for t in reading.focus if t not in reading.said_subject):
            reading.said_subject = []  # "islet tumors in kids": nothing else is in the summary
        # Only when the rest of the question is a story ("my doctor said I have"): "they cut
        # the nerve for the gastrinoma, what is that" asks about the nerve cut, not the name.
        story = all(w in stop or w in self._story or is_everyday(w) for w in outside)
        if last and story and any(p.search(text) for p in self._named_definition for text in asked):
            # "My doctor said I have a pancreatic NET, what does that even mean?" asks what
            # the item named last is ("it" is the nearest name): the story words ("even",
            # "doctor", "diagnosed") are not searched for.
            reading.named_only = last
        defined = words_defined(self._word_definition, asked, phrases_named)
        defined = None if reading.named_only else defined
        if defined is not None:
            # "The scan says progressive disease, what does progressive mean": the word asked
            # about alone, not the story around it.
            reading.named_only, reading.named_last = defined
        # A facet's own question form ("what is octreotide for", "what does it do") asks for
        # that facet, not for a definition, though it starts like one.
        facet_asked = any(p.search(text) for p in self._facet_patterns for text in asked)
        reading.definition = bool(reading.named_only) or (
            len(reading.focus) <= self.tuning.definition_max_terms
            and not facet_asked
            and any(p.search(text) for p in self._definition for text in asked)
        )
        # "What is X?" asks about X itself, whatever facet words X's name contains.
        # The facet is what the asking parts ask for, when any part asks ("more tests found it,
        # what does nonfunctional mean" does not ask about tests); a facet word inside a tumor
        # type's name ("the kind that doesnt make hormones") names, it does not ask; nor does
        # one inside a name shared with a neighbour ("the survival rate of pancreatic cancer"
        # asks the outlook, not whether it is cancer).
        parts = " ".join(
            reading.corrected.get(w, w) for p in asking_parts(asked[0]) for w in words(p)
        )
        naming = {
            m.phrase
            for m in reading.mentions
            if m.target.startswith("tumor-type:") or self._shared.shares(m.target)
        }
        for name in naming:
            parts = f" {parts} ".replace(f" {name} ", " it ")
        reading.facet = (
            None if reading.definition else facet_of(self._facets, parts.split() or fixed)
        )
        self.frames.apply(asked, reading, self._target_terms)
        self._ask_general_part(reading)
        named = [(m.target, m.phrase) for m in reading.mentions if m.phrase]
        reading.found_by = found_with(asked[0], named)
        reading.context |= told_in_the_story(asked[0], named, STORY_KINDS) | reading.found_by
        # a treatment named by its glossary word ("had radiation for lung cancer") is that
        # treatment too
        as_items = [
            (f"{kind}:{target.partition(':')[2]}", phrase)
            for target, phrase in named
            if target.startswith("glossary:")
            for kind in STORY_KINDS
            if f"{kind}:{target.partition(':')[2]}" in self._items
        ]
        reading.other_cancer = told_of_another_cancer(
            asked[0], named + as_items, STORY_KINDS, self._other_cancers
        )
        reading.context |= reading.other_cancer
        # Signs told in the story of a question that asks how a tumor it names is treated or
        # found ("he has diarrhea and reflux, the gastro thinks it's a gastrinoma, how do they
        # treat it") say why, not what is asked (ask16).
        tumor = bool(reading.subject) or bool(reading.mentioned("tumor-type"))
        if tumor and reading.facet is not None and reading.facet.id in SIGN_FACETS:
            told = {
                t.partition(":")[2] for t in told_outside_the_asking(asked[0], named, SIGN_KINDS)
            }
            # The groups of signs (a hormone's) that the told signs belong to are the story too.
            groups = {
                f"symptom-pattern:{p.id}"
                for p in self.kb.symptom_patterns.values()
                if told.intersection(p.symptoms)
            }
            reading.context |= {f"symptom:{t}" for t in told} | groups
        return reading

    def _ask_general_part(self, reading: Reading) -> None:
        """A facet asked of any condition (cause, outlook, prevention) about nothing the question
        names ("could anything have stopped this") asks it of the summary's subject, which the
        summary answers in a general part: that part is named for it, as a frame's items are.
        A named item of the summary's own ("what causes low blood sugar") is what is asked."""
        part = GENERAL_PARTS.get(reading.facet.id) if reading.facet is not None else None
        if part is None or reading.definition:
            return
        if any(m.target.partition(":")[0] in OWN_KINDS for m in reading.mentions):
            return
        target = part.partition("#")[0]
        if target not in {m.target for m in reading.mentions}:
            reading.mentions.append(Mention(target, ""))
            reading.expansion.extend(self._target_terms(target))

    def _longest_phrase(self, stems: list[str], start: int) -> Phrase | None:
        for phrase in self._phrases_from.get(stems[start], ()):
            if tuple(stems[start : start + len(phrase.words)]) == phrase.words:
                return phrase
        return None

    def _target_terms(self, target: str) -> list[str]:
        kind, _, item_id = target.partition(":")
        item = self.kb.collection(COLLECTION_OF_KIND[kind]).get(item_id)
        if item is None:
            return []
        for attr in ("lay_name", "name", "term", "title"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                return terms(value)
        return []

    # --- searching -----------------------------------------------------------------------

    def search(
        self, question: str, limit: int = 10, also: tuple[QuestionVotes, str] | None = None
    ) -> Search:
        """The passages that best answer ``question``, best first, with a confidence; ``also``:
        a second vote and the text it reads (a Spanish question's, islet.ask.spanish_votes)."""
        reading = self.read(question)
        focus = reading.focus
        query = focus + sorted(set(reading.expansion) - set(focus))
        if not query:
            return Search(reading, [], 0.0)
        boost = boosts(
            reading,
            self.passages,
            serves=self._serves,
            double=self._double,
            subject=self.subject,
            audience=self.audience,
            tuning=self.tuning,
        )
        scores = [s * b for s, b in zip(self.bm25.scores(query), boost, strict=True)]
        order = ranked(scores)
        best = order[: self.tuning.confidence_depth]
        found: set[str] = set().union(*(self._doc_sets[i] for i in best))
        # Confidence is lexical: on the development questions dense similarity did not tell
        # out-of-scope questions apart (some scored higher than in-scope ones).
        domain = domain_words(reading, found)
        confidence = self._confidence(reading, found, domain) if best else 0.0
        if self.tuning.question_weight:
            scores = self.forms.lift(
                scores, reading.words, self.tuning.question_weight, self.tuning.question_near
            )
        asked_like, owner = self.forms.asked_like(reading.words)
        # Asked word for word as a listed question: its passage answers it first.
        first = owner if asked_like >= self.tuning.asked_same and owner >= 0 and order else -1
        dense: np.ndarray | None = None
        dense_best = None
        if self.encoder is not None and self._embeddings is not None:
            import numpy as np  # only with embeddings, which are arrays themselves

            vector = self.encoder.encode([question])[0]
            dense = self._embeddings @ vector
            if self._asked_embeddings is not None:
                np.maximum.at(dense, self._asked_of, self._asked_embeddings @ vector)
            dense_best = float(dense.max())
        hits = self._hits(scores, first, dense, limit)
        unvoted = None
        # Not when the reading knows what is asked ("what is X", a frame's or a general part's
        # items): the story words around it ("just diagnosed with ...", "to the bones") would
        # vote for the story's passages.
        if (self.votes is not None or also is not None) and not reading.knows_what_is_asked:
            unvoted = hits
            voted = scores if self.votes is None else self.votes.lift(scores, question)
            if also is not None:
                voted = also[0].lift(scores, also[1], onto=voted)
            # What the question tells as its story (another cancer's chemotherapy, a test that
            # found the tumor) is not what it asks: the vote, which reads every word, never
            # lifts it back over what the reading put first; nor what a frame says is not
            # asked ("remove the whole tumor" is not the operation that takes out the whole
            # stomach: the vote reads "whole" and "remove" alike in both).
            told = reading.context | reading.other_cancer | reading.not_about
            if told:
                voted = [
                    scores[i] if f"{p.kind}:{p.item_id}" in told else v
                    for i, (p, v) in enumerate(zip(self.passages, voted, strict=True))
                ]
            hits = self._hits(voted, first, dense, limit)
        # Only needed (and only worked out) for a short question the passages barely cover.
        tuning = self.tuning
        barely = len(focus) <= tuning.short_terms and confidence < tuning.min_short_confidence
        main = self._main_covered(reading, found) if best and barely else bool(best)
        return Search(reading, hits, confidence, dense_best, domain, asked_like, main, unvoted)

    def _hits(
        self, scores: list[float], first: int, dense: np.ndarray | None, limit: int
    ) -> list[Hit]:
        """The best ``limit`` passages by ``scores``, passage ``first`` (when >= 0) first, fused
        with the ``dense`` similarities when there are any."""
        scores = list(scores)
        if first >= 0:
            scores[first] = max(scores) * 1.01
        order = ranked(scores)
        if dense is not None:
            scores = self._fuse(order, dense).tolist()
            order = ranked(scores)
        return [Hit(self.passages[i], float(scores[i])) for i in order[:limit]]

    def _fuse(self, lexical_order: list[int], dense: np.ndarray) -> np.ndarray:
        """Weighted reciprocal rank fusion (Cormack et al. 2009) of the lexical ranking and the
        dense ranking of the same candidates: embeddings reorder what BM25 found, and add the
        best few passages BM25 missed."""
        import numpy as np

        k = self.tuning.rrf_k
        fused = np.zeros(len(self.passages))
        candidates = lexical_order[: self.tuning.fusion_depth]
        for rank, i in enumerate(candidates):
            fused[i] += 1.0 / (k + rank + 1)
        dense_order = [int(i) for i in np.argsort(-dense, kind="stable")]
        for rank, i in enumerate(dense_order[: self.tuning.fusion_depth]):
            fused[i] += self.tuning.dense_weight / (k + rank + 1)
        return fused

    def _main_covered(self, reading: Reading, found: set[str]) -> bool:
        """Whether the question's rarest term (in the passages' terms; an unknown one is rarest)
        is covered by the best passages (``found``) or by a recognised phrase. An everyday word
        is not the topic while another term is ("what happens at a follow up visit"), nor is a
        number or a story word ("my mom is 90")."""
        if not reading.focus:
            return False
        story = {stem(w) for w in reading.words if is_everyday(w) or w in self._story}
        topical = [t for t in reading.focus if t not in story and not t.isdigit()]
        if not topical and any(m.phrase for m in reading.mentions):
            # Only the story is left ("what else can they do for my dad"): what the question
            # names is its topic.
            return True
        topical = topical or reading.focus
        main = max(topical, key=lambda t: self._idf.get(t, self._unknown_weight))
        if main in found or main in reading.understood | reading.subject:
            return True
        # A misspelling Islet could not repair ("somthing") is not a topic of its own.
        typed = [w for w in reading.words if stem(w) == main]
        return any(self.speller.looks_misspelled(w) for w in typed)

    def _confidence(self, reading: Reading, found: set[str], domain: tuple[str, ...]) -> float:
        """Share of the question's term weight that the best passages (``found``: their terms)
        or lay terms cover; ``domain``: the question's words of the summary's domain."""
        focus = reading.focus
        if not focus:
            return 0.0
        understood = reading.understood | reading.subject
        # Told around the subject, an item of the summary or words PDQ pairs with its own ("cut
        # it out": remove), a story word or number the passages lack does not count against
        # ("my mom has a pancreatic NET, what treatments"); told around nothing of the summary
        # ("my mom has not eaten for days"), it does.
        named = {stem(w) for m in reading.mentions for w in words(m.phrase)}
        told_around = (
            bool(reading.subject)
            or any(m.target.partition(":")[0] in OWN_KINDS for m in reading.mentions)
            or bool(reading.understood - named)
        )
        # A domain word of the question's own, not one of an everyday phrase a lay term reads
        # ("not eaten" is fasting): beside it, the people it is asked for do not count against.
        asked_of = any(stem(w) not in named for w in domain)
        total = covered = 0.0
        for term in focus:
            weight = self._idf.get(term, self._unknown_weight)
            if term in found or term in understood:
                covered += weight
            elif (told_around and (term in self._story_terms or term.isdigit())) or (
                asked_of and term in self._people_terms  # "treatments for my mother"
            ):
                continue
            total += weight
        return covered / total if total else 0.0


def ranked(scores: Sequence[float]) -> list[int]:
    """The documents with a positive score, best first (ties in document order)."""
    return [i for i in sorted(range(len(scores)), key=lambda i: -scores[i]) if scores[i] > 0]


def domain_words(reading: Reading, found: set[str]) -> tuple[str, ...]:
    """The question's words that make it a question about the summary: words that are not
    everyday words and that the best passages (``found``: their terms) or a recognised name
    or lay phrase cover.

    Stop words and everyday words alone never do: "what time is it" matches passages that say
    "time", but it is not about pancreatic NETs.
    """
    covered = found | reading.understood | reading.subject
    return tuple(
        dict.fromkeys(w for w in reading.words if not is_everyday(w) and stem(w) in covered)
    )


def _item_key(passage: Passage) -> str:
    """The "kind:id" of the item a passage belongs to, as expansions and lay terms name it."""
    return f"{passage.kind}:{passage.item_id}"


def _index_terms(passage: Passage) -> list[str]:
    """The passage's own words, its title counted ``TITLE_WEIGHT`` times.

    The aliases of the glossary terms a passage marks are not added: a question that uses an
    alias ("outlook") is already expanded with the term's name ("prognosis") when it is read,
    and adding every alias to every marking passage as well counted them twice and made long
    sections longer with words they do not say ("treatment trial" in every passage marking
    "clinical trial"), which reordered close rankings.
    """
    return terms(passage.title) * TITLE_WEIGHT + terms(f"{passage.text} {passage.extra}")


def kinds_by_id(kb: KnowledgeBase) -> dict[str, str]:
    """The passage kind of every topic and rule id (glossary ids may repeat them; left out)."""
    return {
        item_id: kind
        for name, kind in KIND_OF_COLLECTION.items()
        if name != "glossary"
        for item_id in kb.collection(name)
    }


def _serves(passage: Passage, kind_of: dict[str, str]) -> set[str]:
    """The kinds of question a passage answers: its own kind, and for a section the kinds of
    the items it discusses (the diagnosis section serves test questions)."""
    kinds = {passage.kind}
    if passage.kind == "section":
        kinds.update(kind_of[t] for t in passage.topics[1:] if t in kind_of)
    return kinds
