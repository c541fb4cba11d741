"""A second vote for Spanish questions from Spanish examples (issue 17): a Spanish question is
compared in its own words with labelled Spanish questions; the vote is added to the English
one, only in the Spanish layer, and never decides whether Islet answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from islet import kb as kb_module
from islet.ask.answer import engine
from islet.ask.evaluation import load_split
from islet.ask.learned import MODEL_FILE, AskedModel, Example, QuestionVotes, model_text
from islet.ask.passages import passages
from islet.ask.spanish import SpanishAsk, reader, spanish_layer
from islet.ask.spanish_votes import installed_spanish_model, spanish_features
from islet.check import check

PASSAGES = ["a", "b", "c"]
SMALL = AskedModel(
    trained_on="three Spanish questions",
    k=1,
    weight=0.5,
    examples=[
        Example(q="¿qué operación hacen si el tumor está en la cola del páncreas?", passages=["a"]),
        Example(q="¿cómo se llega a saber si ya se pasó a los huesos?", passages=["b"]),
        Example(q="¿esto se hereda de los papás a los hijos?", passages=["c"]),
    ],
)


def features(question: str) -> list[str]:
    table = reader()
    return spanish_features(question, table.skip, table.spellings)


def test_spanish_features_are_words_pairs_and_pieces_of_content_words() -> None:
    found = features("¿Qué es la operación de Whipple?")
    assert "operac" in found  # the word's first letters: "operaciones" meets it
    assert "que_es" in found  # how it is asked
    assert "#<whi" in found  # pieces of a content word, for slips
    assert "que" not in found and "la" not in found  # a word that carries no topic alone


def test_a_word_after_a_negation_is_its_own_feature() -> None:
    without_food = features("la prueba donde está sin comer dos días")
    eating = features("¿qué tiene que comer?")
    assert "no_comer" in without_food and "comer" not in without_food
    assert "comer" in eating and "no_comer" not in eating
    assert "#<com" in eating and "#<com" not in without_food  # no pieces of a negated word


@pytest.mark.parametrize(
    ("question", "voted"),
    [
        ("si la bolita está en la colita del pancreas q operacion me hacen", "a"),
        ("como saben si se le paso a los guesos", "b"),  # a slip still shares pieces
        ("mis hijos lo pueden eredar?", "c"),
    ],
)
def test_a_spanish_question_worded_like_an_example_votes_for_its_passage(
    question: str, voted: str
) -> None:
    votes = QuestionVotes(SMALL, PASSAGES, features).votes(question)
    assert PASSAGES[int(votes.argmax())] == voted


def test_a_second_vote_lifts_what_the_first_lifted() -> None:
    votes = QuestionVotes(SMALL, PASSAGES, features)
    first = [1.0, 2.0, 0.0]  # what the English vote made of scores [1, 1, 0]
    lifted = votes.lift([1.0, 1.0, 0.0], "¿esto se hereda?", onto=first)
    assert lifted == pytest.approx([1.0, 2.0, 0.5])  # its weight times the best unvoted score


def test_the_spanish_vote_reorders_what_is_shown_but_never_decides() -> None:
    layer = spanish_layer(engine())
    off = SpanishAsk(layer.engine, layer.knowledge, layer.reader, layer.texts, None)
    for question in (
        "¿qué es un insulinoma?",
        "¿cuánto cuesta la operación sin seguro?",
        "mi tumor es chiquito y está en la colita del páncreas, ¿me lo pueden sacar solo?",
    ):
        with_vote, without = layer.answer(question, 5), off.answer(question, 5)
        assert with_vote.in_scope == without.in_scope
        assert with_vote.reason == without.reason


def test_the_installed_spanish_model_holds_only_spanish_dev_questions() -> None:
    model = installed_spanish_model()
    assert model is not None, "run scripts/train_ask_model.py --es"
    assert model.examples and model.weight > 0
    dev = {q.q for q in load_split("dev", "es")}
    assert {e.q for e in model.examples} <= dev  # never a held-out question
    known = {p.id for p in passages(kb_module.load())}
    assert {p for e in model.examples for p in e.passages} <= known


def test_islet_check_names_a_spanish_example_whose_passage_the_knowledge_lacks(
    tmp_path: Path,
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "kb-valid", knowledge)
    (knowledge / "es" / "ask").mkdir(parents=True, exist_ok=True)
    real = passages(kb_module.load(knowledge))[0].id
    model = SMALL.model_copy(
        update={"examples": [Example(q="¿qué es?", passages=[real, "section:gone"])]}
    )
    path = knowledge / "es" / "ask" / MODEL_FILE.name
    path.write_text(model_text(model))
    assert [p for p in check(knowledge).problems if "asked-model" in p] == [
        "es/ask/asked-model.json: an example names the passage 'section:gone', "
        "which the knowledge lacks"
    ]
    path.write_text("{not json")
    assert any("es/ask/asked-model.json: cannot be read" in p for p in check(knowledge).problems)
