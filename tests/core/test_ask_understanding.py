"""Ask Islet understands how people really write (issue 12): spelling repair that keeps real
words, near neighbours declined with what PDQ does cover, stories and situations answered,
facets answered or said to be missing, whole lists, and matches in words."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from islet.ask import answer, engine
from islet.ask.lexicon import load_lexicon
from tests.tables import CASES

TABLE = yaml.safe_load((CASES / "ask_understanding.yaml").read_text(encoding="utf-8"))


def _rows(key: str) -> list[Any]:
    return [pytest.param(row, id=row["id"]) for row in TABLE[key]]


@pytest.mark.parametrize("case", _rows("spelling"))
def test_spelling_repair_only_mends_misspellings(case: dict[str, Any]) -> None:
    reading = engine().retriever.read(case["question"])
    for word in case.get("kept", []):
        assert word in reading.words and word not in reading.corrected
    assert reading.corrected == case.get("repaired", {})


@pytest.mark.parametrize("case", _rows("near_neighbours"))
def test_near_neighbours_are_declined_with_the_closest_covered_items(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert not reply.in_scope and reply.reason == "near-neighbour"
    assert reply.answers == []
    assert set(case["closest"]) <= {c.passage_id for c in reply.closest}
    if "closest_first" in case:
        assert reply.closest[0].passage_id == case["closest_first"]
    for item in reply.closest:
        assert item.source.section and item.match  # with its source, and no score as certainty


@pytest.mark.parametrize("case", _rows("not_covered"))
def test_what_the_summary_never_covers_is_declined_plainly_with_the_closest(
    case: dict[str, Any],
) -> None:
    reply = answer(case["question"])
    assert not reply.in_scope and reply.reason == "unrelated"
    assert reply.answers == []
    assert case["says"] in (reply.message or "")
    assert set(case["closest"]) <= {c.passage_id for c in reply.closest}
    for item in reply.closest:
        assert item.source.section and item.match


@pytest.mark.parametrize("case", _rows("answered"))
def test_stories_everyday_words_and_situations_are_answered(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.in_scope, reply.message
    first = reply.answers[0].passage_id
    if "first" in case:
        assert first in case["first"], [a.passage_id for a in reply.answers]
    assert first not in case.get("not_first", []), [a.passage_id for a in reply.answers]


@pytest.mark.parametrize("case", _rows("told_without_a_type"))
def test_a_situation_told_without_a_type_leads_with_what_answers_every_type(
    case: dict[str, Any],
) -> None:
    reply = answer(case["question"])
    ids = [a.passage_id for a in reply.answers]
    assert reply.in_scope and ids[0] in case["first"], ids
    one_type = engine().situations.of_one_type
    assert not one_type(engine().by_id[ids[0]])
    # The PDQ bullet that fits the situation comes next, with its type in its title.
    assert reply.answers[1].kind == "rule", ids


@pytest.mark.parametrize("case", _rows("told_with_its_type"))
def test_a_situation_told_with_its_type_shows_no_other_types_passage_first(
    case: dict[str, Any],
) -> None:
    reply = answer(case["question"])
    ids = [a.passage_id for a in reply.answers]
    assert reply.in_scope and ids, reply.message
    named = set(engine().retriever.read(case["question"]).mentioned("tumor-type"))
    situations = engine().situations
    for passage_id in ids[:3]:
        assert not situations.of_another_type(engine().by_id[passage_id], named), ids


@pytest.mark.parametrize("case", _rows("compared"))
def test_two_compared_items_both_lead_the_answer(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    ids = [a.passage_id for a in reply.answers]
    assert set(case["both"]) <= set(ids[:2]), ids


@pytest.mark.parametrize("case", _rows("facets"))
def test_the_facet_asked_is_answered_or_said_to_be_missing(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.understood.facet == case["facet"]
    assert reply.summary is not None
    for wording in case["summary_has"]:
        assert wording.lower() in reply.summary.lower()
    assert reply.answers[0].passage_id == case["first"]


def test_came_back_high_is_not_read_as_recurrence() -> None:
    def recurrence(question: str) -> bool:
        read = engine().retriever.read(question)
        return "glossary:recurrence" in {m.target for m in read.mentions}

    assert recurrence("it came back in the liver")
    assert not recurrence("my blood test came back high")


def test_a_passage_that_introduces_a_list_shows_the_list() -> None:
    reply = answer("What are the symptoms of Zollinger-Ellison syndrome?")
    pattern = next(a for a in reply.answers if a.kind == "symptom-pattern")
    listed = [line for line in pattern.text.splitlines() if line.startswith("- ")]
    pdq = engine().kb.symptom_patterns[pattern.item_id]
    assert len(listed) == len(pdq.symptoms) > 0


def test_matches_are_words_never_a_percentage() -> None:
    words = load_lexicon().answering.match_words
    reply = answer("what is a Whipple")
    assert reply.answers[0].match == words["best"]
    assert all(a.match in words.values() and "%" not in a.match for a in reply.answers)


def test_an_unsure_answer_asks_did_you_mean() -> None:
    reply = answer("is my tummy thing related")
    assert reply.in_scope and reply.understood.did_you_mean
    assert reply.message and "Did you mean" in reply.message
    assert reply.answers[0].match == load_lexicon().answering.match_words["possible"]
    sure = answer("what is a Whipple")
    assert not sure.understood.did_you_mean and sure.message is None


@pytest.mark.parametrize(
    "question", ["can cancer of the pancreas be cured", "what happens with pancreatic cancer"]
)
def test_a_shared_name_said_alone_is_answered_as_unsure(question: str) -> None:
    # ask19: "pancreatic cancer" with none of the subject's words may mean the common kind.
    reply = answer(question)
    assert reply.in_scope and reply.answers[0].passage_id == "glossary:exocrine-pancreatic-cancer"
    assert reply.message and "Did you mean" in reply.message
    assert {"exocrine pancreatic cancer", "pancreatic neuroendocrine tumor"} <= {
        t.lower() for t in reply.understood.did_you_mean
    }


def test_a_shared_name_beside_the_subject_is_not_hedged() -> None:
    reply = answer("is my pancreatic NET a kind of pancreatic cancer")
    assert reply.in_scope and not reply.understood.did_you_mean, reply.message


def test_everyday_questions_are_still_declined() -> None:
    for question in (
        "how do I bake sourdough bread",
        "what time is it",
        "how to fix a flat bike tire",
    ):
        assert not answer(question).in_scope, question


@pytest.mark.parametrize("case", _rows("review"))
def test_an_independent_users_questions_are_answered(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.in_scope, reply.message
    ids = [a.passage_id for a in reply.answers]
    assert ids[0] in case["first"], ids
    assert ids[0] != case.get("not_first"), ids
    if case.get("sure"):
        assert not reply.understood.did_you_mean, reply.message
    for wording in case.get("summary_has", []):
        assert reply.summary is not None and wording.lower() in reply.summary.lower()


@pytest.mark.parametrize(
    ("question", "told"),
    [
        # the vote, which reads every word, never lifts the story's treatment back to the top
        (
            "she had chemo for breast cancer, now they say she has a pancreatic NET, "
            "how is it treated",
            "treatment:chemotherapy#patient",
        ),
        # a treatment named by its everyday word ("radiation") is that treatment too
        (
            "my dad had radiation for lung cancer, now they found a tumor on his pancreas, "
            "what is it",
            "treatment:radiation-therapy#patient",
        ),
    ],
)
def test_a_treatment_told_of_another_cancer_never_leads(question: str, told: str) -> None:
    reply = answer(question)
    assert reply.in_scope and reply.answers[0].passage_id != told


@pytest.mark.parametrize("case", _rows("gaps"))
def test_what_the_summary_does_not_cover_is_said_plainly(case: dict[str, Any]) -> None:
    reply = answer(case["question"])
    assert reply.in_scope and reply.understood.gap == case["gap"]
    assert reply.summary is not None and "does not" in reply.summary
    nearby = load_lexicon().answering.match_words["nearby"]
    assert reply.answers and all(a.match == nearby for a in reply.answers)
    if "first" in case:
        assert reply.answers[0].passage_id == case["first"]


def test_professionals_get_the_grading_text_they_have() -> None:
    reply = answer("what does Ki-67 mean for grade", audience="professional")
    assert reply.understood.gap is None
    assert "hp-who-grading" in {a.item_id for a in reply.answers}


def test_the_summary_ranks_no_hospital() -> None:
    reply = answer("What is the best hospital for NETs?")
    assert not reply.in_scope and reply.message and "hospital" in reply.message
    assert "Cancer Information Service" in reply.message


@pytest.mark.parametrize("case", _rows("shared_name_and_fear"))
def test_a_shared_name_or_a_fearful_why_is_answered_from_what_it_asks(
    case: dict[str, Any],
) -> None:
    reply = answer(case["question"])
    assert reply.in_scope, reply.message
    ids = [a.passage_id for a in reply.answers]
    assert ids[0] in case["first"], ids
    if "second" in case:
        assert len(ids) > 1 and ids[1] in case["second"], ids
