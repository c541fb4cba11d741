"""Ask learns from its labelled questions: a nearest-neighbour vote over questions (issue 12).

The hand-written lexicons and rules read the questions their authors had seen; a new writer
uses other words. The labelled development questions (``eval/ask-blind-dev.yaml``, the old
split ``eval/questions.yaml``) and the questions of ``expansions.yaml`` are examples of how
people ask for each passage. A new question is compared with every example over its words,
word pairs and the character 3-5-grams of its content words (TF-IDF, cosine), so a slip or a
new inflection still counts; the ``k`` closest examples vote for their passages, each by its
similarity. The vote lifts those passages in the ranking by ``weight`` times the best score: it
reorders what retrieval found and can bring in a passage the words of the summary miss, but it
never decides whether a question is in scope: whether Islet answers, declines or says it is unsure
reads the ranking without the vote (``Search.deciding_hits``).

The one exception is the scope signal (ask20): out-of-scope examples (labelled with their reason)
vote for no passage, but when a question's ``scope_k`` closest examples are mostly out of scope
and alike enough (``QuestionVotes.outside``), a question the hand-written rules answered is
declined for their reason. It can only decline, never answer what the rules declined.

The examples are data (``knowledge/ask/asked-model.json``), written with ``k`` and ``weight``
by ``scripts/train_ask_model.py`` from the tuned splits only, never from the held-out test
splits; ``k`` and ``weight`` are the ones a leave-writers-out estimate chose.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from pydantic import Field, ValidationError, model_validator

from islet.ask.lexicon import ASK_DIR, Lexicon, OutOfScopeReason
from islet.ask.passages import passages
from islet.ask.words import stop_words, words
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.model import Strict
from islet.text import stem

if TYPE_CHECKING:
    from islet.ask.evaluation import EvalQuestion

MODEL_FILE = ASK_DIR / "asked-model.json"
GRAMS = (3, 5)  # the shortest and longest character n-grams of a content word


class Example(Strict):
    """One labelled question and the passages that answer it (any of them), or why it is out
    of scope (the summary does not answer it)."""

    q: str = Field(min_length=1)
    passages: list[str] = Field(default_factory=list)
    out_of_scope: OutOfScopeReason | None = None

    @model_validator(mode="after")
    def _passages_or_out_of_scope(self) -> Example:
        if bool(self.passages) == (self.out_of_scope is not None):
            raise ValueError("give either passage ids or an 'out_of_scope' reason")
        return self


class AskedModel(Strict):
    """The labelled questions Ask votes with, and how many vote and how much the vote counts."""

    trained_on: str  # which questions, how many, from which splits
    k: int = Field(ge=1)  # the closest examples that vote
    weight: float = Field(ge=0)  # the vote's lift, as a share of the best passage's score
    min_similarity: float = Field(default=0.0, ge=0, le=1)  # an example less alike votes not
    # The scope signal: when the ``scope_k`` closest examples (0: no signal) are out of scope
    # by at least ``scope_share`` of their similarity, and the closest is at least
    # ``scope_similarity`` alike, the question is declined for their reason.
    scope_k: int = Field(default=0, ge=0)
    scope_share: float = Field(default=1.0, ge=0, le=1)
    scope_similarity: float = Field(default=0.0, ge=0, le=1)
    examples: list[Example]


def features(question: str) -> list[str]:
    """The features of a question: its stemmed content words, every pair of neighbouring words
    (stop words included: they carry how it is asked) and the character n-grams of its content
    words ("<insu", "lin>"), once each."""
    found = words(question)
    stop = stop_words()
    stems = [stem(w) for w in found]
    out = [s for s, w in zip(stems, found, strict=True) if w not in stop]
    out += [f"{a}_{b}" for a, b in pairwise(stems)]
    out += pieces(found, stop)
    return list(dict.fromkeys(out))


def pieces(found: Iterable[str], skip: Collection[str]) -> list[str]:
    """The character n-grams (``GRAMS``) of the words ``found`` that are not in ``skip``, each
    word marked at its ends ("#<ins", "#lin>"): a slip or a new inflection still shares most."""
    low, high = GRAMS
    out: list[str] = []
    for word in found:
        if word in skip or len(word) < low:
            continue
        marked = f"<{word}>"
        out += [
            f"#{marked[i : i + n]}"
            for n in range(low, high + 1)
            for i in range(len(marked) - n + 1)
        ]
    return out


class QuestionVotes:
    """The examples of ``model`` indexed for the passages ``passage_ids`` (in ranking order)."""

    def __init__(
        self,
        model: AskedModel,
        passage_ids: Sequence[str],
        featurize: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.featurize = featurize or features  # another language's examples have their own
        self.k = model.k
        self.weight = model.weight
        self.min_similarity = model.min_similarity
        self.scope_k = model.scope_k
        self.scope_share = model.scope_share
        self.scope_similarity = model.scope_similarity
        where = {pid: i for i, pid in enumerate(passage_ids)}
        self.size = len(passage_ids)
        kept = [
            (ex.out_of_scope, [where[p] for p in ex.passages if p in where], self.featurize(ex.q))
            for ex in model.examples
        ]
        kept = [row for row in kept if (row[0] is not None or row[1]) and row[2]]
        rows = [(labels, feats) for _, labels, feats in kept]
        # The reason of each out-of-scope example (None for one in scope), which votes for no
        # passage: only the scope signal reads it.
        self._reasons: list[OutOfScopeReason | None] = [reason for reason, _, _ in kept]
        self._outside = np.asarray([r is not None for r in self._reasons], dtype=bool)
        self._labels = [np.asarray(labels, dtype=np.int64) for labels, _ in rows]
        n = len(rows)
        df: Counter[str] = Counter(f for _, feats in rows for f in feats)
        self._idf = {f: math.log((1 + n) / (1 + d)) + 1 for f, d in df.items()}
        # The examples' unit vectors as postings, one slice of ``_rows``/``_weights`` per feature.
        self._slot = {f: i for i, f in enumerate(df)}
        entries: list[tuple[int, int, float]] = []
        for row, (_, feats) in enumerate(rows):
            norm = math.sqrt(sum(self._idf[f] ** 2 for f in feats))
            entries.extend((self._slot[f], row, self._idf[f] / norm) for f in feats)
        entries.sort()
        self._rows_of = np.asarray([e[1] for e in entries], dtype=np.int64)
        self._weights = np.asarray([e[2] for e in entries])
        counts = np.bincount([e[0] for e in entries], minlength=len(self._slot))
        self._start = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._rows = n

    def similarities(self, question: str) -> NDArray[np.float64]:
        """The cosine similarity of ``question`` to every example."""
        known = [f for f in self.featurize(question) if f in self._idf]
        sims = np.zeros(self._rows)
        if not known:
            return sims
        norm = math.sqrt(sum(self._idf[f] ** 2 for f in known))
        for f in known:
            slot = self._slot[f]
            start, end = self._start[slot], self._start[slot + 1]
            sims[self._rows_of[start:end]] += self._weights[start:end] * (self._idf[f] / norm)
        return sims

    def votes(self, question: str) -> NDArray[np.float64]:
        """Each passage's vote in 0..1 (the best-voted passage 1; all 0 when none is alike)."""
        sims = self.similarities(question)
        votes = np.zeros(self.size)
        if not self._rows:
            return votes
        sims[self._outside] = -1.0  # out-of-scope examples vote for no passage
        closest = np.argsort(-sims, kind="stable")[: self.k]
        for row in closest:
            if sims[row] > self.min_similarity:
                votes[self._labels[row]] += sims[row]
        top = float(votes.max())
        return votes / top if top > 0 else votes

    def outside(self, question: str) -> OutOfScopeReason | None:
        """The reason the closest examples give for declining ``question``: the reason most
        alike among them, when the ``scope_k`` closest are out of scope by ``scope_share`` of
        their similarity and the closest is ``scope_similarity`` alike; None otherwise."""
        if not self.scope_k or not self._rows:
            return None
        sims = self.similarities(question)
        closest = np.argsort(-sims, kind="stable")[: self.scope_k]
        closest = closest[sims[closest] > 0]
        if not len(closest) or sims[closest[0]] < self.scope_similarity:
            return None
        by_reason: dict[OutOfScopeReason, float] = {}
        for row in closest:
            reason = self._reasons[row]
            if reason is not None:
                by_reason[reason] = by_reason.get(reason, 0.0) + float(sims[row])
        outside = sum(by_reason.values())
        if not outside or outside < self.scope_share * float(sims[closest].sum()):
            return None
        return max(by_reason, key=lambda r: by_reason[r])

    def lift(
        self, scores: list[float], question: str, onto: list[float] | None = None
    ) -> list[float]:
        """``scores`` with each passage lifted by its vote, ``weight`` times the best score;
        with ``onto`` (scores another vote lifted), that lifted by this vote as well.
        A question no passage scored for stays so: it is not understood, whatever it is like."""
        base = scores if onto is None else onto
        best = max(scores, default=0.0)
        if not self.weight or best <= 0:
            return base
        votes = self.votes(question)
        return [s + self.weight * best * float(v) for s, v in zip(base, votes, strict=True)]


def read_model(path: Path, name: str | None = None) -> AskedModel:
    """The validated model in ``path``; raises KnowledgeError saying what is wrong (of the
    file ``name``, "ask/<file>" unless given)."""
    name = name or f"ask/{path.name}"
    try:
        return AskedModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as error:
        raise KnowledgeError([f"{name}: cannot be read: {error}"]) from error
    except ValidationError as error:
        raise KnowledgeError(
            [f"{name}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        ) from error


@cache
def installed_model() -> AskedModel | None:
    """The model Ask ships, or None when it has not been trained."""
    return read_model(MODEL_FILE) if MODEL_FILE.is_file() else None


def labelled_examples(
    questions: Iterable[EvalQuestion], read: Callable[[str], str] | None = None
) -> list[Example]:
    """The in-scope ``questions`` as examples of the passages they expect; with ``read``, each
    as ``read`` gives it (a Spanish question in the English the Spanish reader gives the engine,
    which is what the vote sees), left out when nothing of it is read."""
    out = []
    for q in questions:
        text = read(q.q) if read is not None else q.q
        if q.in_scope and text.strip():
            out.append(Example(q=text, passages=sorted(q.expected_ids)))
    return out


def expansion_examples(kb: KnowledgeBase, lexicon: Lexicon) -> list[Example]:
    """The questions of expansions.yaml, each an example of every passage of its item."""
    of_item: dict[str, list[str]] = {}
    for passage in passages(kb):
        of_item.setdefault(f"{passage.kind}:{passage.item_id}", []).append(passage.id)
    out: list[Example] = []
    for expansion in lexicon.expansions:
        ids = sorted(of_item.get(expansion.item, []))
        out.extend(Example(q=q, passages=ids) for q in expansion.questions if ids)
    return out


def outside_examples(questions: Iterable[EvalQuestion]) -> list[Example]:
    """The out-of-scope ``questions`` as examples of their reason (the scope signal's)."""
    return [
        Example(q=q.q, out_of_scope=q.out_of_scope)
        for q in questions
        if q.out_of_scope is not None and q.q.strip()
    ]


def model_text(model: AskedModel) -> str:
    """The model as its data file holds it: the same model, the same bytes (an example's
    empty passages or absent reason left out)."""
    data = model.model_dump(exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def unknown_passages(model: AskedModel, known: Iterable[str]) -> list[str]:
    """The passage ids the model's examples name that no passage has."""
    have = set(known)
    return sorted({p for ex in model.examples for p in ex.passages if p not in have})
