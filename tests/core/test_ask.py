"""Ask Islet (issue 6): answers from the summary with their sources, or a clear "not covered"."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from islet.ask import Engine, answer, passages
from islet.ask.lexicon import ASK_DIR, dangling_targets, load_lexicon
from islet.ask.words import everyday_words, is_everyday, stop_words, terms, words
from islet.cli import app
from islet.errors import InvalidQuestion, IsletError, KnowledgeError
from islet.kb import KnowledgeBase
from tests.tables import CASES, load_cases

# The package exports the function `answer`; the module of the same name is needed to patch it.
answer_module = importlib.import_module("islet.ask.answer")


def _table(name: str, key: str) -> list[Any]:
    rows = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))[key]
    return [pytest.param(row, id=str(row["id"])) for row in rows]


# --- Answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("ask_answers.yaml"))
def test_the_right_passage_comes_first(case: dict[str, Any]) -> None:
    reply = answer(case["question"], limit=5)
    assert reply.in_scope, reply.message
    within = case.get("within", 1)
    got = [a.passage_id for a in reply.answers[:within]]
    assert set(got) & set(case["expect"]), f"got {got}"
    for wording in case.get("text_has", []):  # what the first answer says in its own words
        assert wording in reply.answers[0].text, reply.answers[0].text


@pytest.mark.parametrize("case", _table("ask_answers.yaml", "professional"))
def test_professional_questions_find_professional_text(case: dict[str, Any]) -> None:
    reply = answer(case["question"], audience="professional", limit=5)
    got = [a.passage_id for a in reply.answers[: case.get("within", 1)]]
    assert set(got) & set(case["expect"]), f"got {got}"


@pytest.mark.parametrize("case", load_cases("ask_structured.yaml"))
def test_entity_and_facet_questions_are_answered_from_the_fields(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.in_scope
    assert reply.understood.facet == case["facet"]
    assert reply.summary is not None
    for wording in case["summary_has"]:
        assert wording.lower() in reply.summary.lower(), reply.summary
    if "first" in case:
        assert reply.answers[0].passage_id == case["first"]


def test_an_answer_carries_its_section_source_and_score() -> None:
    reply = answer("what is a Whipple")
    first = reply.answers[0]
    assert first.text and first.title
    assert first.section == first.source.section
    assert first.source.document == "patient"
    assert first.source.version_date == "2025"
    assert 0 < first.score <= 1
    assert [a.score for a in reply.answers] == sorted(
        (a.score for a in reply.answers), reverse=True
    )


def test_misspellings_are_reported_as_read() -> None:
    reply = answer("what is a glucaganoma")
    assert reply.understood.corrected == {"glucaganoma": "glucagonoma"}
    assert reply.answers[0].passage_id == "tumor-type:glucagonoma#patient"


def test_patients_never_get_professional_text(kb: KnowledgeBase) -> None:
    hp_words = ["diazoxide pancreaticoduodenectomy", "everolimus sunitinib", "Ki-67 WHO grade"]
    for question in [*hp_words, "gastrinoma triangle", "tumors of the pancreas"]:
        reply = answer(question, limit=10)
        assert all(a.audience in ("patient", None) for a in reply.answers), question
        assert all(a.source.document != "external" for a in reply.answers), question


# --- Out of scope -------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("ask_out_of_scope.yaml"))
def test_out_of_scope_questions_are_declined_with_help(
    case: dict[str, Any], kb: KnowledgeBase
) -> None:
    reply = answer(case["question"])
    assert not reply.in_scope
    assert reply.answers == []
    # "unrelated" covers both: nothing fitted well, or nothing matched at all.
    reasons = {"unrelated", "not-understood"} if case["reason"] == "unrelated" else {case["reason"]}
    assert reply.reason in reasons
    assert reply.message
    assert kb.pdq is not None and kb.pdq.cis_phone in reply.help
    assert "care team" in reply.help


@pytest.mark.parametrize("case", _table("ask_out_of_scope.yaml", "in_scope"))
def test_look_alike_questions_stay_in_scope(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.in_scope, f"declined as {reply.reason}"
    assert reply.answers


def test_the_decline_message_lists_what_the_summary_covers(kb: KnowledgeBase) -> None:
    message = answer("how do I bake bread").message or ""
    roots = [s for s in kb.sections.values() if s.parent is None and not s.professional_only]
    assert roots
    for section in roots:
        assert section.title in message


@pytest.mark.parametrize(
    "question", ["", "   ", "?!?", "12345", "x" * 1001, "\n\t"], ids=lambda q: repr(q[:10])
)
def test_unreadable_questions_raise_a_clear_error(question: str) -> None:
    with pytest.raises(InvalidQuestion):
        answer(question)


def test_limit_must_be_positive() -> None:
    with pytest.raises(InvalidQuestion):
        answer("what is a Whipple", limit=0)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_text_gets_an_answer_or_a_clear_error(text: str) -> None:
    try:
        reply = answer(text)
    except InvalidQuestion:
        return
    assert reply.in_scope == bool(reply.answers)
    assert all(0 <= a.score <= 1 for a in reply.answers)
    assert 0 <= reply.confidence <= 1
    assert answer(text) == reply  # deterministic


# --- Passages -----------------------------------------------------------------------------


def test_every_item_has_its_passages(kb: KnowledgeBase) -> None:
    ids = [p.id for p in passages(kb)]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for section in kb.sections.values():
        assert f"section:{section.id}#patient" in known
        if section.professional:
            assert f"section:{section.id}#professional" in known
        for n in range(1, len(section.external) + 1):
            assert f"section:{section.id}#external-{n}" in known
    for name, kind in [
        ("tumor_types", "tumor-type"),
        ("symptoms", "symptom"),
        ("symptom_patterns", "symptom-pattern"),
        ("tests", "test"),
        ("treatments", "treatment"),
        ("rules", "rule"),
    ]:
        for item_id in kb.collection(name):
            assert f"{kind}:{item_id}#patient" in known
    for term in kb.glossary:
        assert f"glossary:{term}" in known


def test_passages_keep_their_sources_and_external_facts_stay_professional(
    kb: KnowledgeBase,
) -> None:
    for passage in passages(kb):
        assert passage.text.strip()
        assert "[[" not in passage.text  # glossary marks resolved
        if passage.audience == "patient" and not passage.professional_only:
            # Plain-language texts, some written from the health-professional version.
            assert passage.source.document in ("patient", "professional")
        if "#external-" in passage.id:
            assert passage.audience == "professional"
            assert passage.source.document == "external" and passage.source.citation
        if passage.source.document == "external":
            assert not passage.for_audience("patient")


# --- Words and lexicon --------------------------------------------------------------------


def _pairs(key: str) -> list[Any]:
    rows = yaml.safe_load((CASES / "ask_words.yaml").read_text(encoding="utf-8"))[key]
    return [pytest.param(row, id=" / ".join(row)) for row in rows]


@pytest.mark.parametrize("pair", _pairs("stems"))
def test_forms_of_a_word_meet(pair: list[str]) -> None:
    assert terms(pair[0]) == terms(pair[1])


@pytest.mark.parametrize("pair", _pairs("different"))
def test_different_words_stay_apart(pair: list[str]) -> None:
    assert terms(pair[0]) != terms(pair[1])


def _words_table(key: str) -> list[Any]:
    return list(yaml.safe_load((CASES / "ask_words.yaml").read_text(encoding="utf-8"))[key])


@pytest.mark.parametrize("word", _words_table("everyday"))
def test_everyday_words_are_recognised(word: str) -> None:
    assert is_everyday(word)


@pytest.mark.parametrize("word", _words_table("domain"))
def test_domain_words_are_not_taken_for_everyday_ones(word: str) -> None:
    assert not is_everyday(word)


@pytest.mark.parametrize("pair", _pairs("spelling"))
def test_spelling_repair_prefers_domain_words_and_leaves_real_words_alone(
    pair: list[str],
) -> None:
    speller = answer_module.engine().retriever.speller
    assert speller.correct(pair[0]) == pair[1]


@pytest.mark.parametrize(
    ("word", "misspelled"),
    [
        ("gastronoma", True),  # close to a name Islet knows
        ("somthing", True),  # close to an everyday word
        ("hemorrhoids", False),  # a word of its own, in no passage
        ("insulinoma", False),  # known: not a misspelling
    ],
)
def test_a_word_close_to_a_known_or_everyday_word_looks_misspelled(
    word: str, misspelled: bool
) -> None:
    speller = answer_module.engine().retriever.speller
    assert speller.looks_misspelled(word) is misspelled


def test_no_spelling_repair_lands_on_a_stop_word_or_an_everyday_word() -> None:
    speller = answer_module.engine().retriever.speller
    assert speller.targets
    assert not {w for w in speller.targets if is_everyday(w)}


def test_every_everyday_word_in_the_passages_alone_is_out_of_scope() -> None:
    found = {
        w
        for p in answer_module.engine().passages
        for w in words(f"{p.title} {p.text}")
        if w in everyday_words()
    }
    assert len(found) > 50  # the passages do use everyday words: the rule is needed
    in_scope = sorted(w for w in found if answer(w).in_scope)
    assert in_scope == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(everyday_words() | stop_words())), min_size=1, max_size=7),
)
def test_questions_of_everyday_and_stop_words_only_are_never_answered(picked: list[str]) -> None:
    reply = answer(" ".join(picked))
    assert not reply.in_scope
    assert reply.answers == []


def test_every_lay_term_points_to_a_real_item(kb: KnowledgeBase) -> None:
    assert dangling_targets(load_lexicon(), kb) == []


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("lay_terms:\n  - {id: x, phrases: [a b]}\n", "exactly one"),
        ("lay_terms:\n  - {id: x, phrases: [a b], means: c}\n", "source"),
        ("lay_terms:\n  - {id: x, phrases: [a b], target: nocolon}\n", "kind:id"),
        ("nonsense: []\n", "unknown key"),
    ],
    ids=["neither", "means-without-source", "bad-target", "unknown-key"],
)
def test_bad_lexicon_data_is_reported(tmp_path: Any, yaml_text: str, problem: str) -> None:
    (tmp_path / "answering.yaml").write_text(
        (ASK_DIR / "answering.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=problem):
        load_lexicon.__wrapped__(tmp_path)


def test_a_target_that_does_not_exist_stops_the_engine(tmp_path: Any, kb: KnowledgeBase) -> None:
    (tmp_path / "answering.yaml").write_text(
        (ASK_DIR / "answering.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "lay.yaml").write_text(
        "lay_terms:\n  - {id: x, phrases: [tummy bug], target: symptom:no-such-symptom}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="no-such-symptom"):
        Engine(kb, load_lexicon.__wrapped__(tmp_path))


def test_semantic_without_the_model_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_module, "default_encoder", lambda: None)
    answer_module.engine.cache_clear()
    try:
        with pytest.raises(IsletError, match="islet\\[semantic\\]"):
            answer_module.answer("what is a Whipple", semantic=True)
    finally:
        answer_module.engine.cache_clear()


# --- Command line -------------------------------------------------------------------------


def test_ask_json_has_the_documented_shape(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "where do glucagonomas grow", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["in_scope"] is True
    assert {"in_scope", "answers", "summary", "message", "help", "confidence"} <= set(data)
    first = data["answers"][0]
    assert {"text", "section", "source", "score"} <= set(first)
    assert set(first["source"]) >= {"document", "section", "version_date"}
    assert first["passage_id"] == "tumor-type:glucagonoma#patient"


def test_ask_json_out_of_scope(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "how much octreotide should I take", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["in_scope"] is False
    assert data["answers"] == []
    assert data["reason"] == "dosing"
    assert data["message"]


def test_ask_prints_passages_with_their_source(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "what is a Whipple"])
    assert result.exit_code == 0
    assert "Source: PDQ patient version" in result.stdout
    assert "care team" in result.stdout


def test_ask_rejects_a_bad_audience(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "what is a Whipple", "--audience", "doctor"])
    assert result.exit_code == 2


def test_ask_with_an_empty_question_exits_2_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from islet.cli import main; main()", "ask", "  "],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "question is empty" in done.stderr
    assert "Traceback" not in done.stderr


PATIENT_PDQ = CASES.parents[2] / "shared" / "reference" / "pdq-pnet-patient-current.md"


def test_lay_words_paired_by_pdq_name_a_real_patient_heading() -> None:
    headings = {
        line.lstrip("#").strip()
        for line in PATIENT_PDQ.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    for term in load_lexicon().lay_terms:
        if term.source is not None:
            assert term.source.document == "patient" and term.source.version_date == "2025"
            assert term.source.section in headings, term.id
