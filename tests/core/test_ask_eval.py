"""The Ask Islet evaluation (issue 6): the question set, the metrics, and `islet eval ask`."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from typer.testing import CliRunner

from islet.ask import Answer, passages
from islet.ask.answer import Understood, answer_passage
from islet.ask.evaluation import (
    EvalQuestion,
    evaluate,
    load_questions,
    load_split,
    score,
    unknown_expected_ids,
)
from islet.cli import app
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from tests.tables import CASES

MEDQUAD = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "medquad-pnet-patient-older.xml"
)
SUBSET = CASES / "ask_eval_subset.yaml"


# --- The question set ---------------------------------------------------------------------


def test_the_question_set_is_big_enough() -> None:
    questions = load_questions()
    assert sum(q.in_scope for q in questions) >= 150
    assert sum(not q.in_scope for q in questions) >= 30
    assert {q.split for q in questions} == {"dev", "test"}


def test_every_expected_passage_exists(kb: KnowledgeBase) -> None:
    known = {p.id for p in passages(kb)}
    assert unknown_expected_ids(load_questions(), known) == []


def test_questions_cover_every_section_of_the_patient_summary(kb: KnowledgeBase) -> None:
    expected = set().union(*(q.expected_ids for q in load_questions()))
    uncovered = [
        s.id
        for s in kb.sections.values()
        if not s.professional_only
        and kb.sections.get(s.parent or "", s).professional_only is False
        and f"section:{s.id}#patient" not in expected
    ]
    assert uncovered == []


def test_the_seven_medquad_questions_are_included() -> None:
    xml = MEDQUAD.read_text(encoding="utf-8")
    medquad = re.findall(r"<Question [^>]*>([^<]+)</Question>", xml)
    assert len(medquad) == 7
    asked = {q.q for q in load_questions()}
    assert set(medquad) <= asked


def test_a_question_needs_expected_passages_or_a_reason() -> None:
    with pytest.raises(ValueError):
        EvalQuestion(q="what is a Whipple")
    with pytest.raises(ValueError):
        EvalQuestion(q="x", expect=["section:prognosis"], out_of_scope="dosing")


def test_an_unreadable_question_file_is_a_knowledge_error(tmp_path: Path) -> None:
    bad = tmp_path / "questions.yaml"
    bad.write_text("questions:\n  - {q: 'no expectation'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_questions(bad)
    with pytest.raises(KnowledgeError):
        load_questions(tmp_path / "missing.yaml")


def test_every_third_question_is_held_out() -> None:
    questions = load_questions(SUBSET)
    assert [q.split for q in questions] == ["dev", "dev", "test"] * 2 + ["dev", "dev"]
    assert len(load_questions(SUBSET, "test")) == 2


# --- The metrics --------------------------------------------------------------------------


def _declining(question: str) -> Answer:
    return Answer.declined(question)


def test_a_system_that_declines_everything_has_full_recall_and_no_hits() -> None:
    questions = load_questions(SUBSET)
    result = score("decline", _declining, questions)
    assert (result.in_scope, result.out_of_scope) == (5, 3)
    assert result.top1 == 0 and result.mrr5 == 0
    assert result.oos_recall == 1
    assert result.oos_precision == pytest.approx(3 / 8)


def test_an_oracle_scores_one_everywhere(kb: KnowledgeBase) -> None:
    questions = load_questions(SUBSET)
    by_id = {p.id: p for p in passages(kb)}
    truth = {q.q: q for q in questions}

    def oracle(question: str) -> Answer:
        expected = truth[question]
        if not expected.in_scope:
            return _declining(question)
        best = by_id[sorted(expected.expected_ids)[0]]
        return Answer(
            question=question,
            in_scope=True,
            answers=[answer_passage(best, 1.0)],
            help="",
            confidence=1.0,
            understood=Understood(),
        )

    result = score("oracle", oracle, questions)
    assert (result.top1, result.mrr5, result.oos_precision, result.oos_recall) == (1, 1, 1, 1)
    assert result.misses == []


class HashingEncoder:
    """A tiny stand-in for the embedding model: hashed bag of words, unit length."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]:
        vectors = np.zeros((len(texts), 64))
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                vectors[row, sum(map(ord, word)) % 64] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


def test_the_evaluation_compares_the_systems_side_by_side() -> None:
    results = evaluate(load_questions(SUBSET), semantic=False)
    assert [r.system for r in results] == ["bm25-baseline", "islet"]
    baseline, islet = results
    assert islet.top1 >= baseline.top1
    assert islet.oos_recall == 1
    for r in results:
        assert 0 <= r.top1 <= r.mrr5 <= 1
        assert r.latency_median_ms <= r.latency_p95_ms


def test_embeddings_take_part_when_an_encoder_is_given() -> None:
    results = evaluate(load_questions(SUBSET), encoder=HashingEncoder())
    names = [r.system for r in results]
    assert names == ["bm25-baseline", "dense-only", "islet", "islet+embeddings"]
    fused = results[3]
    assert fused.in_scope == 5
    assert 0 <= fused.top1 <= 1
    assert fused.oos_recall == 1  # scope is decided lexically, embeddings only reorder


# --- Command line -------------------------------------------------------------------------


def test_eval_ask_prints_json_for_each_system(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["eval", "ask", "--questions", str(SUBSET), "--no-semantic", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["questions"] == 8
    systems = {r["system"]: r for r in data["results"]}
    assert set(systems) == {"bm25-baseline", "islet"}
    for key in (
        "top1",
        "mrr5",
        "oos_precision",
        "oos_recall",
        "latency_median_ms",
        "latency_p95_ms",
    ):
        assert key in systems["islet"]


def test_eval_ask_reads_a_question_file_in_the_language_asked(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["eval", "ask", "--questions", str(SUBSET), "--no-semantic", "--json", "--lang", "es"],
    )
    assert result.exit_code == 0, result.output
    systems = {r["system"] for r in json.loads(result.stdout)["results"]}
    assert systems == {"bm25-baseline", "islet", "islet-es"}


def test_eval_ask_prints_a_table(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["eval", "ask", "--questions", str(SUBSET), "--no-semantic", "--split", "dev"]
    )
    assert result.exit_code == 0, result.output
    assert "bm25-baseline" in result.stdout and "islet" in result.stdout
    assert "MRR@5" in result.stdout


def test_eval_ask_rejects_a_bad_split(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", "ask", "--questions", str(SUBSET), "--split", "x"])
    assert result.exit_code == 2


# --- The blind splits (issue 12) ----------------------------------------------------------


def test_the_blind_dev_split_loads_with_every_expected_passage(kb: KnowledgeBase) -> None:
    dev = load_split("dev")
    assert len(dev) >= 200 and {q.split for q in dev} == {"dev"}
    assert "near-neighbour" in {q.out_of_scope for q in dev}
    assert unknown_expected_ids(dev, {p.id for p in passages(kb)}) == []


def test_an_unknown_split_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError):
        load_split("holdout")


def test_eval_ask_reports_every_split_in_one_run(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", "ask", "--no-semantic", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["splits"]) == {"old", "dev", "test"}
    for report in data["splits"].values():
        systems = {r["system"]: r for r in report["results"]}
        assert {"bm25-baseline", "islet"} <= set(systems)
        for key in ("top1", "top3", "mrr5", "wrong_declines", "oos_precision", "oos_recall"):
            assert key in systems["islet"]
    # The held-out split's questions are never shown.
    assert all(r["misses"] == [] for r in data["splits"]["test"]["results"])
    assert data["split"] == "old" and data["results"]  # the keys of one split, as before
