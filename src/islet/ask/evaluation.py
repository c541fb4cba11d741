"""Evaluation of Ask Islet on three question sets ("splits"), side by side with baselines.

- ``old``: ``eval/questions.yaml``, written by hand from the fact base (issue 6);
- ``dev``: ``eval/ask-blind-dev.yaml``, written blind by persona writers (issue 12), the only
  blind questions tuning may look at;
- ``test``: ``eval/ask-blind-test.yaml``, the held-out half of the same writing: only its
  aggregate figures are reported, never its questions or misses.

Every system is a function from a question to an ``Answer``. Top-1, top-3 and MRR@5 are over the
in-scope questions (a declined in-scope question counts as wrong, and as a wrong decline);
out-of-scope precision and recall treat "declined" as the positive class. Latency is wall time
per question after the index is built.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from islet import kb as kb_module
from islet.ask.answer import Answer, Engine
from islet.ask.baselines import DenseOnly, PlainBM25
from islet.ask.lexicon import OutOfScopeReason, load_lexicon
from islet.ask.semantic import Encoder, default_encoder, static_available
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.language import Language
from islet.paths import eval_file
from islet.yamlfiles import read_yaml

QUESTIONS = eval_file("questions.yaml")
SPLIT_FILES = {
    "old": QUESTIONS,
    "dev": eval_file("ask-blind-dev.yaml"),
    "test": eval_file("ask-blind-test.yaml"),
}
# The blind Spanish questions (issue 17): two files, dev for tuning and test held out.
SPANISH_SPLIT_FILES = {
    "dev": eval_file("ask-es-dev.yaml"),
    "test": eval_file("ask-es-test.yaml"),
}
HELD_OUT = "test"  # the split whose questions are never shown
Split = Literal["dev", "test", "all"]
System = Callable[[str], Answer]


class EvalQuestion(BaseModel):
    """One evaluation question: the passages that answer it, or why it is out of scope."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str = Field(min_length=1)
    expect: list[str] = []
    out_of_scope: OutOfScopeReason | None = None
    style: str | list[str] | None = None
    persona: str | None = None  # blind questions: who the writer wrote as
    writer: str | None = None
    position: int = 0  # 1-based place in the file
    split: Literal["dev", "test"] = "dev"

    @model_validator(mode="after")
    def _expect_or_out_of_scope(self) -> EvalQuestion:
        if bool(self.expect) == (self.out_of_scope is not None):
            raise ValueError("give either 'expect' passage ids or an 'out_of_scope' reason")
        return self

    @property
    def in_scope(self) -> bool:
        return self.out_of_scope is None

    @property
    def expected_ids(self) -> set[str]:
        """Expected passage ids in full: a bare "kind:id" means the patient passage."""
        return {e if "#" in e or e.startswith("glossary:") else f"{e}#patient" for e in self.expect}


def load_questions(path: Path = QUESTIONS, split: Split = "all") -> list[EvalQuestion]:
    """The questions of ``path``; every third one (positions 3, 6, ...) is the test split."""
    document = read_yaml(path)
    try:
        rows = document["questions"]
        out = [
            EvalQuestion.model_validate(
                {**row, "position": i, "split": "test" if i % 3 == 0 else "dev"}
            )
            for i, row in enumerate(rows, start=1)
        ]
    except (KeyError, TypeError) as error:
        raise KnowledgeError([f"{path}: cannot be read: {error}"]) from error
    except ValidationError as error:
        raise KnowledgeError([f"{path}: {e['loc']}: {e['msg']}" for e in error.errors()]) from error
    return [q for q in out if split == "all" or q.split == split]


def held_out_file(path: Path) -> bool:
    """Whether ``path`` is a held-out (test) question file, whose misses are never shown."""
    held_out = (files[HELD_OUT].resolve() for files in (SPLIT_FILES, SPANISH_SPLIT_FILES))
    return path.resolve() in set(held_out)


def split_files(language: Language = "en") -> dict[str, Path]:
    """The question file of each split for questions in ``language``."""
    return SPANISH_SPLIT_FILES if language == "es" else SPLIT_FILES


def load_split(name: str, language: Language = "en") -> list[EvalQuestion]:
    """Every question of one named split: "old" (all of questions.yaml), "dev" or "test"; in
    Spanish, "dev" or "test" (``eval/ask-es-*.yaml``)."""
    files = split_files(language)
    if name not in files:
        raise KnowledgeError([f"no evaluation split '{name}' ({', '.join(files)})"])
    questions = load_questions(files[name])
    split = "test" if name == HELD_OUT else "dev"
    return [q.model_copy(update={"split": split}) for q in questions]


def unknown_expected_ids(questions: Sequence[EvalQuestion], known: set[str]) -> list[str]:
    """Expected passage ids that no passage has (a typo, or content that is not written yet)."""
    return sorted({e for q in questions for e in q.expected_ids if e not in known})


@dataclass
class Result:
    """The scores of one system on one set of questions."""

    system: str
    in_scope: int
    out_of_scope: int
    top1: float
    top3: float
    mrr5: float
    wrong_declines: float  # share of the in-scope questions declined
    oos_precision: float | None  # None when the system never declines a question
    oos_recall: float
    latency_median_ms: float
    latency_p95_ms: float
    build_seconds: float
    misses: list[tuple[str, str]] = field(default_factory=list)  # (question, what came back)


def summary_rows(results: Sequence[Result]) -> dict[str, list[str]]:
    """The scores as a report's rows, one cell per system."""
    return {
        "top-1 accuracy": [f"{r.top1:.3f}" for r in results],
        "top-3 accuracy": [f"{r.top3:.3f}" for r in results],
        "MRR@5": [f"{r.mrr5:.3f}" for r in results],
        "wrong declines": [f"{r.wrong_declines:.3f}" for r in results],
        "out-of-scope precision": [_maybe(r.oos_precision) for r in results],
        "out-of-scope recall": [f"{r.oos_recall:.3f}" for r in results],
        "latency median": [f"{r.latency_median_ms:.2f} ms" for r in results],
        "latency p95": [f"{r.latency_p95_ms:.2f} ms" for r in results],
        "index build": [f"{r.build_seconds:.2f} s" for r in results],
    }


def _maybe(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def splits_json(by_split: dict[str, list[Result]], files: dict[str, Path]) -> dict[str, Any]:
    """``islet eval ask --json``: each split's file, question count and results, and at the
    top the keys of one split's report as before issue 12 (the first split asked for)."""
    splits = {
        name: {
            "file": files[name].name,
            "questions": results[0].in_scope + results[0].out_of_scope,
            "results": [asdict(r) for r in results],
        }
        for name, results in by_split.items()
    }
    first = next(iter(splits))
    count, results = splits[first]["questions"], splits[first]["results"]
    return {"split": first, "questions": count, "results": results, "splits": splits}


def score(
    system_name: str, system: System, questions: Sequence[EvalQuestion], *, keep_misses: bool = True
) -> Result:
    """Run ``system`` on every question and compute the metrics; ``keep_misses`` False keeps
    no question text (for the held-out split)."""
    hits = top3 = 0
    reciprocal = 0.0
    declined_right = declined_wrong = 0
    latencies: list[float] = []
    misses: list[tuple[str, str]] = []
    for question in questions:
        started = time.perf_counter()
        reply = system(question.q)
        latencies.append((time.perf_counter() - started) * 1000)
        if not question.in_scope:
            if reply.in_scope:
                top = reply.answers[0].passage_id if reply.answers else "-"
                misses.append((question.q, f"answered with {top}"))
            else:
                declined_right += 1
            continue
        if not reply.in_scope:
            declined_wrong += 1
            misses.append((question.q, f"declined ({reply.reason})"))
            continue
        ranked = [a.passage_id for a in reply.answers[:5]]
        expected = question.expected_ids
        rank = next((i for i, pid in enumerate(ranked, start=1) if pid in expected), None)
        if rank is not None and rank <= 3:
            top3 += 1
        if rank == 1:
            hits += 1
        else:
            misses.append((question.q, " > ".join(ranked[:3])))
        if rank is not None:
            reciprocal += 1 / rank
    n_in = sum(q.in_scope for q in questions)
    n_out = len(questions) - n_in
    declined = declined_right + declined_wrong
    return Result(
        system=system_name,
        in_scope=n_in,
        out_of_scope=n_out,
        top1=hits / n_in if n_in else 0.0,
        top3=top3 / n_in if n_in else 0.0,
        mrr5=reciprocal / n_in if n_in else 0.0,
        wrong_declines=declined_wrong / n_in if n_in else 0.0,
        oos_precision=declined_right / declined if declined else None,
        oos_recall=declined_right / n_out if n_out else 0.0,
        latency_median_ms=statistics.median(latencies) if latencies else 0.0,
        latency_p95_ms=_percentile(latencies, 95),
        build_seconds=0.0,
        misses=misses if keep_misses else [],
    )


def _percentile(values: list[float], percent: float) -> float:
    if not values:
        return 0.0
    return float(np.percentile(np.asarray(values), percent))


def systems(
    kb: KnowledgeBase | None = None,
    *,
    semantic: bool | None = None,
    encoder: Encoder | None = None,
    language: Language = "en",
) -> dict[str, tuple[System, float]]:
    """The systems to compare, each with the seconds it took to build.

    ``semantic`` None adds "dense-only" and "islet+embeddings" when the static embeddings are
    installed (True: also MiniLM in NumPy, much slower over every passage); an ``encoder``
    (e.g. a small fake in tests) is used instead of the bundled model.
    ``language`` "es" adds "islet-es": Islet with its Spanish layer (the others read the
    Spanish question as it is typed).
    """
    knowledge = kb or kb_module.load()
    lexicon = load_lexicon()
    built: dict[str, tuple[System, float]] = {}

    started = time.perf_counter()
    baseline = PlainBM25(knowledge)
    built["bm25-baseline"] = (baseline, time.perf_counter() - started)

    if encoder is None and (semantic or (semantic is None and static_available())):
        encoder = default_encoder()
    if encoder is not None and semantic is not False:
        started = time.perf_counter()
        dense_only = DenseOnly(knowledge, encoder)
        built["dense-only"] = (dense_only, time.perf_counter() - started)

    started = time.perf_counter()
    islet = Engine(knowledge, lexicon)
    built["islet"] = (lambda q: islet.answer(q, 5), time.perf_counter() - started)

    if language == "es":
        from islet.ask.spanish import spanish_layer

        started = time.perf_counter()
        spanish = spanish_layer(islet)
        built["islet-es"] = (lambda q: spanish.answer(q, 5), time.perf_counter() - started)

    if encoder is not None and semantic is not False:
        started = time.perf_counter()
        dense = Engine(knowledge, lexicon, encoder=encoder)
        built["islet+embeddings"] = (lambda q: dense.answer(q, 5), time.perf_counter() - started)
    return built


def evaluate(
    questions: Sequence[EvalQuestion],
    *,
    kb: KnowledgeBase | None = None,
    semantic: bool | None = None,
    encoder: Encoder | None = None,
    keep_misses: bool = True,
    language: Language = "en",
) -> list[Result]:
    """Every system on ``questions``, side by side, in the same run (with "islet-es" for
    questions in Spanish)."""
    built = systems(kb, semantic=semantic, encoder=encoder, language=language)
    return _score_all(built, questions, keep_misses)


def evaluate_splits(
    names: Sequence[str],
    *,
    kb: KnowledgeBase | None = None,
    semantic: bool | None = None,
    encoder: Encoder | None = None,
    language: Language = "en",
) -> dict[str, list[Result]]:
    """Every system on every named split, in one run; the held-out split keeps no misses."""
    loaded = {name: load_split(name, language) for name in names}
    built = systems(kb, semantic=semantic, encoder=encoder, language=language)
    return {
        name: _score_all(built, questions, keep_misses=name != HELD_OUT)
        for name, questions in loaded.items()
    }


def _score_all(
    built: dict[str, tuple[System, float]], questions: Sequence[EvalQuestion], keep_misses: bool
) -> list[Result]:
    results = []
    for name, (system, seconds) in built.items():
        result = score(name, system, questions, keep_misses=keep_misses)
        result.build_seconds = seconds
        results.append(result)
    return results
