"""How far a lowering cue reaches (islet.safety.scope; issues 11, 17; scopefix16): the place a cue
is found at, and which clause's sign it covers."""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.cues import compiled
from islet.safety.modelguard import reported_part
from islet.safety.scope import covers, found_at, named, reports_now
from islet.safety.text import Sentence, sentences


def _sentence(text: str, language: Language = "en") -> Sentence:
    c = compiled(language)
    (sentence,) = sentences(text, c.vocabulary.rewrites, c.rules.clauses, c.rules.numbers)
    return sentence


@pytest.mark.parametrize(
    ("text", "cue", "place"),
    [
        ("he is not breathing, the nurse said it is normal, he is not breathing", "explained", 1),
        ("the doctor said it is panic, but my lips are blue", "explained", 0),
        ("what are the signs of a clot, swelling, a warm calf", "informational", 0),
        ("swelling, a warm calf, what are the signs of a clot", "informational", 2),
        ("my calf is swollen", "explained", None),
    ],
)
def test_a_cue_is_placed_at_the_first_clause_by_whose_end_it_is_found(
    text: str, cue: str, place: int | None
) -> None:
    c = compiled("en")
    assert found_at(getattr(c, cue), _sentence(text)) == place


@pytest.mark.parametrize(
    ("text", "cue", "reaches", "covered"),
    [
        # the carry-on case: a question in general reaches the list told after it
        ("what are the signs of a clot, swelling, a warm calf", "informational", True, [1, 2]),
        # a contrast that narrows the question does not stop it; one before a report does
        (
            "what are the signs of low sugar, but in a child, like fainting",
            "informational",
            True,
            [1, 2],
        ),
        ("what are the signs of low sugar, but my son is fainting", "informational", True, []),
        # a person told in the present stops a past opening
        ("last month i fainted, i have crushing chest pain", "past", True, []),
        # a clinician's word covers the signs up to it, each by its place
        (
            "he is not breathing, the nurse said it is normal, he is not breathing",
            "explained",
            False,
            [0],
        ),
    ],
)
def test_a_cue_covers_the_clauses_up_to_it_and_those_it_reaches(
    text: str, cue: str, reaches: bool, covered: list[int]
) -> None:
    c = compiled("en")
    sentence = _sentence(text)
    at = found_at(getattr(c, cue), sentence)
    assert at is not None
    later = [k for k in range(at + 1, len(sentence.clauses)) if covers(sentence, at, k, c, reaches)]
    assert [k for k in range(at + 1) if covers(sentence, at, k, c, reaches)] == list(range(at + 1))
    assert later == [k for k in covered if k > at]


@pytest.mark.parametrize(
    ("text", "sign", "only_named"),
    [
        ("the doctor said it's just anxiety, the tightness in my chest", "tightness", True),
        ("the gp said that is normal with iron, the black stools", "black stools", True),
        ("the doctor said it is normal, the chest pain is crushing", "chest pain", False),
        ("the doctor said it is normal, the baby is not breathing", "not breathing", False),
    ],
)
def test_a_sign_after_a_cue_is_covered_only_when_it_is_only_named(
    text: str, sign: str, only_named: bool
) -> None:
    c = compiled("en")
    sentence = _sentence(text)
    clause = sentence.clauses[-1]
    start = clause.index(sign)
    at = found_at(c.explained, sentence)
    names = named(clause, start, start + len(sign), c.rules)
    assert names is only_named
    assert covers(sentence, at, len(sentence.clauses) - 1, c, False, names) is only_named


@pytest.mark.parametrize(
    ("clause", "language", "now"),
    [
        ("i have crushing chest pain", "en", True),
        ("his face is drooping", "en", True),
        ("can not lift his arm", "en", True),
        ("is it face drooping or slurred speech", "en", False),
        ("in a child like fainting", "en", False),
        ("that was dehydration", "en", False),
        ("tengo un dolor aplastante en el pecho", "es", True),
        ("no puedo respirar", "es", True),
        ("la glucosa esta en 40", "es", True),
        ("en mujeres", "es", False),
    ],
)
def test_a_clause_reports_now_when_someone_is_told_in_the_present(
    clause: str, language: Language, now: bool
) -> None:
    assert reports_now(clause, compiled(language).rules) is now


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "last month i fainted, i have crushing chest pain",
            "i have crushing chest pain",
        ),
        ("the doctor said it is panic, but my lips are blue", "my lips are blue"),
        (
            "what are the signs of low sugar, but in a child, like fainting",
            "what are the signs of low sugar but in a child like fainting",
        ),
        ("the doctor said it is normal", "the doctor said it is normal"),
    ],
)
def test_the_word_model_guard_reads_its_cues_only_as_far_as_they_reach(
    text: str, told: str
) -> None:
    assert reported_part(_sentence(text), compiled("en")) == told
