"""Ask learns from its labelled questions (issue 12): the closest labelled questions vote for
their passages, over words and pieces of words, so a question worded like a labelled one in new
words reaches its passage; the model is validated data, built the same way every time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from islet import kb as kb_module
from islet.ask.answer import Engine
from islet.ask.evaluation import EvalQuestion, load_split
from islet.ask.learned import (
    MODEL_FILE,
    AskedModel,
    Example,
    QuestionVotes,
    expansion_examples,
    features,
    installed_model,
    labelled_examples,
    model_text,
    outside_examples,
    read_model,
    unknown_passages,
)
from islet.ask.lexicon import load_lexicon
from islet.ask.passages import passages
from islet.check import check
from islet.errors import KnowledgeError
from islet.yamlfiles import read_yaml

ROOT = Path(__file__).resolve().parents[2]

PASSAGES = ["a", "b", "c"]
SMALL = AskedModel(
    trained_on="three questions",
    k=2,
    weight=0.5,
    examples=[
        Example(q="my sugar keeps crashing at night, what causes that", passages=["a"]),
        Example(q="how do they take the tumour out", passages=["b"]),
        Example(q="what scan shows where it spread", passages=["c"]),
    ],
)


@pytest.mark.parametrize(
    ("question", "voted"),
    [
        ("why does his blood sugar crash every night", "a"),  # new words, an inflection
        ("how do they remove the tumor, do they take it all out", "b"),
        ("which scans show if it has spread", "c"),
        ("sugar crashng at nite", "a"),  # slips still share pieces of words
    ],
)
def test_a_question_worded_like_a_labelled_one_in_new_words_votes_for_its_passage(
    question: str, voted: str
) -> None:
    votes = QuestionVotes(SMALL, PASSAGES).votes(question)
    assert PASSAGES[int(votes.argmax())] == voted
    assert votes.max() == 1.0


def test_a_question_like_no_example_gets_no_vote() -> None:
    assert not QuestionVotes(SMALL, PASSAGES).votes("zzz qqq").any()


def test_the_vote_lifts_a_passage_by_its_weight_of_the_best_score() -> None:
    votes = QuestionVotes(SMALL.model_copy(update={"k": 1}), PASSAGES)  # the closest only
    lifted = votes.lift([1.5, 1.0, 0.0], "how do they take the tumour out")
    assert lifted == pytest.approx([1.5, 1.0 + 0.5 * 1.5, 0.0])
    off = QuestionVotes(SMALL.model_copy(update={"weight": 0.0}), PASSAGES)
    assert off.lift([2.0, 1.0, 0.0], "how do they take the tumour out") == [2.0, 1.0, 0.0]


def test_features_are_words_pairs_and_pieces_of_content_words() -> None:
    found = features("what is an insulinoma")
    assert "insulinoma" in found and "what_is" in found and "#<ins" in found
    assert "what" not in found  # a stop word alone says nothing about the topic


def test_the_installed_model_validates_and_names_only_passages_that_exist() -> None:
    model = installed_model()
    assert model is not None, "run scripts/train_ask_model.py"
    assert model.examples and model.weight > 0
    assert unknown_passages(model, {p.id for p in passages(kb_module.load())}) == []


def test_islet_check_names_an_example_whose_passage_the_knowledge_lacks(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "kb-valid", knowledge)
    (knowledge / "ask").mkdir(exist_ok=True)
    real = passages(kb_module.load(knowledge))[0].id
    model = SMALL.model_copy(
        update={"examples": [Example(q="what is it", passages=[real, "section:gone"])]}
    )
    (knowledge / "ask" / MODEL_FILE.name).write_text(model_text(model))
    problems = check(knowledge).problems
    assert [p for p in problems if "asked-model" in p] == [
        "ask/asked-model.json: an example names the passage 'section:gone', "
        "which the knowledge lacks"
    ]
    (knowledge / "ask" / MODEL_FILE.name).write_text("{not json")
    assert any("asked-model.json: cannot be read" in p for p in check(knowledge).problems)


def test_a_broken_model_file_says_what_is_wrong(tmp_path: Path) -> None:
    broken = tmp_path / "asked-model.json"
    broken.write_text(json.dumps({"trained_on": "x", "k": 0, "weight": 1, "examples": []}))
    with pytest.raises(KnowledgeError, match="k"):
        read_model(broken)


def test_building_the_model_is_deterministic_and_reads_no_held_out_question() -> None:
    kb = kb_module.load()
    lexicon = load_lexicon()

    def build() -> str:
        examples = (
            labelled_examples(load_split("dev"))
            + labelled_examples(load_split("old"))
            + expansion_examples(kb, lexicon)
        )
        return model_text(AskedModel(trained_on="t", k=10, weight=0.5, examples=examples))

    assert build() == build()
    stored = read_model(MODEL_FILE)
    built = AskedModel.model_validate_json(build())
    # The stored examples are the tuned splits' (in scope and out of scope), the expansions'
    # and the out-of-scope questions written for the scope signal, nothing else.
    written = read_yaml(ROOT / "scripts" / "data" / "ask-out-of-scope-en.yaml")["examples"]
    allowed = {e.q for e in built.examples} | {row["q"] for row in written}
    allowed |= {e.q for e in outside_examples(load_split("dev"))}
    assert {e.q for e in stored.examples} <= allowed


SCOPED = AskedModel(
    trained_on="two in scope, two out",
    k=2,
    weight=0.5,
    scope_k=2,
    scope_share=0.8,
    scope_similarity=0.3,
    examples=[
        Example(q="how do they take the tumour out", passages=["b"]),
        Example(q="what scan shows where it spread", passages=["c"]),
        Example(q="how is acute pancreatitis treated", out_of_scope="near-neighbour"),
        Example(q="what helps the pain of chronic pancreatitis", out_of_scope="near-neighbour"),
    ],
)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("how do doctors treat pancreatitis pain", "near-neighbour"),  # its closest are out
        ("how do they take it out", None),  # its closest are in scope
        ("zzz qqq", None),  # like nothing
    ],
)
def test_a_question_whose_closest_examples_are_out_of_scope_is_declined_for_their_reason(
    question: str, reason: str | None
) -> None:
    assert QuestionVotes(SCOPED, PASSAGES).outside(question) == reason


def test_the_scope_signal_is_off_without_scope_k_and_out_of_scope_ones_vote_for_nothing() -> None:
    off = QuestionVotes(SCOPED.model_copy(update={"scope_k": 0}), PASSAGES)
    assert off.outside("how is acute pancreatitis treated") is None
    assert not off.votes("how is acute pancreatitis treated")[0]  # "a": no example names it


def test_an_example_gives_passages_or_a_reason_never_both_or_neither() -> None:
    with pytest.raises(ValueError, match="out_of_scope"):
        Example(q="what is it", passages=["a"], out_of_scope="unrelated")
    with pytest.raises(ValueError, match="out_of_scope"):
        Example(q="what is it")


def test_the_engine_uses_the_vote_only_when_it_has_a_model() -> None:
    kb = kb_module.load()
    assert Engine(kb, load_lexicon(), learned=None).retriever.votes is None
    assert Engine(kb, load_lexicon(), learned=SMALL).retriever.votes is not None


# The vote only reorders what is shown (issue 12): each row is a question and a passage a vote
# lifts to the top for it; whether Islet answers, declines (and why) or says it is unsure is what
# the ranking without the vote decides.
VOTED = [
    # answered, but unsure: no passage about the pancreas among the best without the vote
    ("my grandma keeps asking what the pancreas even does and i never know what to say",
     "section:islet-cells-and-pancreas#patient"),
    # out of scope, though they name what a passage is about
    ("what surgery fixes a hernia", "treatment:surgery#patient"),
    ("my cat has diarrhea all the time what can the vet give her",
     "treatment:supportive-care-diarrhea#patient"),
    ("what does a liver transplant for hepatitis involve", "treatment:liver-resection#patient"),
    # answered with confidence
    ("can my kids inherit this from me", "section:risk-factors#patient"),
]  # fmt: skip


@pytest.fixture(scope="module")
def with_and_without_vote() -> tuple[Engine, Engine]:
    kb = kb_module.load()
    strong = AskedModel(
        trained_on="the rows of VOTED",
        k=1,
        weight=2.0,  # the voted passage comes first whatever else scores
        examples=[Example(q=q, passages=[p]) for q, p in VOTED],
    )
    return Engine(kb, load_lexicon(), learned=strong), Engine(kb, load_lexicon(), learned=None)


@pytest.mark.parametrize(("question", "voted"), VOTED)
def test_the_vote_never_decides_whether_a_question_is_answered(
    with_and_without_vote: tuple[Engine, Engine], question: str, voted: str
) -> None:
    on, off = (engine.answer(question) for engine in with_and_without_vote)
    assert (on.in_scope, on.reason) == (off.in_scope, off.reason)
    assert bool(on.understood.did_you_mean) == bool(off.understood.did_you_mean)
    if on.in_scope:  # what is shown is the vote's to order
        assert on.answers[0].passage_id == voted


def test_a_search_keeps_the_ranking_without_the_vote_for_its_decisions(
    with_and_without_vote: tuple[Engine, Engine],
) -> None:
    on, off = (engine.retriever.search(VOTED[0][0]) for engine in with_and_without_vote)
    assert on.hits[0].passage.id == VOTED[0][1] != off.hits[0].passage.id
    assert [h.passage.id for h in on.deciding_hits] == [h.passage.id for h in off.hits]
    assert off.deciding_hits == off.hits  # no vote, one ranking


def test_labelled_questions_become_examples_as_the_engine_reads_them() -> None:
    asked = [
        EvalQuestion(q="¿qué es un insulinoma?", expect=["tumor-type:insulinoma#patient"]),
        EvalQuestion(q="¿y eso?", expect=["section:general-information#patient"]),
        EvalQuestion(q="¿cuánto cuesta el seguro?", out_of_scope="unrelated"),
    ]
    read = {"¿qué es un insulinoma?": "what is an insulinoma", "¿y eso?": " "}.get
    examples = labelled_examples(asked, lambda q: read(q, ""))
    # Only in-scope questions, in the words the vote sees; a question read as nothing is left out.
    assert examples == [
        Example(q="what is an insulinoma", passages=["tumor-type:insulinoma#patient"])
    ]
