"""How far a lowering cue reaches (islet.safety.scope; issues 11, 17; scopefix16): the place a cue
is found at, and which clause's sign it covers."""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.cues import compiled
from islet.safety.modelguard import reported_part
from islet.safety.scope import covers, found_at, named, reports_now, told_as_own
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
        ("what are the signs of a clot, swelling, a warm calf", "informational", True, [0, 1, 2]),
        # a contrast that narrows the question does not stop it; one before a report does
        (
            "what are the signs of low sugar, but in a child, like fainting",
            "informational",
            True,
            [0, 1, 2],
        ),
        ("what are the signs of low sugar, but my son is fainting", "informational", True, [0]),
        # a person told in the present stops a past opening
        ("last month i fainted, i have crushing chest pain", "past", True, [0]),
        # ... only when the sign is told in that clause or after it in the present (scopefix16b);
        # a clause of no sign is covered or not as any other, its sign's clause counts
        (
            "what are the warning signs of a stroke, my mom is asking, like face drooping",
            "informational",
            True,
            [0, 2],
        ),
        ("in 2019, i have epilepsy, i had a seizure at work", "past", True, [0, 1, 2]),
        ("last month i fainted, my husband is here, he is not breathing", "past", True, [0]),
        # ... and a gone clause about another sign does not undo the report (scopefix16b)
        (
            "last month i fainted, my husband is not breathing, the dizziness went away",
            "past",
            True,
            [0, 2],
        ),
        # an opening that only tells a time has the clause after it as its statement
        ("last year, i have a seizure because of low sugar", "past", True, [0, 1]),
        # a clinician's word covers the signs up to it, each by its place
        (
            "he is not breathing, the nurse said it is normal, he is not breathing",
            "explained",
            False,
            [0, 1],
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
    every = range(len(sentence.clauses))
    assert [k for k in every if covers(sentence, at, k, c, reaches)] == covered


@pytest.mark.parametrize(
    ("text", "language", "own"),
    [
        # safetyfix17b: after a question in general, a clause with a word of one's own tells the
        # asker's own signs; a clause that opens on an example still asks
        ("what are the signs of a heart attack, crushing chest pain down my left arm", "en", [1]),
        ("what are the signs of a heart attack, like chest pain down my left arm", "en", []),
        ("what are the signs of a heart attack, such as chest pain in my arm", "en", []),
        ("is it normal to feel this way, but in my dad, crushing chest pain", "en", [1, 2]),
        ("is it normal to feel this way, but in a child, crushing chest pain", "en", []),
        ("what are the signs of a clot, swelling, a warm calf", "en", []),
        # the sign asked about, claimed in the present (not in the past); a time of these days
        ("is it normal to get chest pain on chemo, mine is crushing", "en", [0, 1]),
        ("is it normal to get chest pain on chemo, mine was like that", "en", [1]),
        ("is it normal to feel this way, crushing chest pain since an hour ago", "en", [1]),
        ("qué son los signos de un infarto, dolor en mi pecho", "es", [1]),
        ("qué son los signos de un infarto, como dolor en mi pecho", "es", []),
    ],
)
def test_a_sign_after_a_question_is_told_as_own_after_a_word_of_ones_own(
    text: str, language: Language, own: list[int]
) -> None:
    c = compiled(language)
    sentence = _sentence(text, language)
    at = found_at(c.informational, sentence)
    assert at == 0
    every = range(len(sentence.clauses))
    assert [k for k in every if told_as_own(sentence, at, k, c)] == own


@pytest.mark.parametrize(
    ("text", "sign", "only_named"),
    [
        ("the doctor said it's just anxiety, the tightness in my chest", "tightness", True),
        ("the gp said that is normal with iron, the black stools", "black stools", True),
        ("the doctor said it is normal, the chest pain is crushing", "chest pain", False),
        # a present verb anywhere after the sign in its clause, up to a clause of its own
        (
            "the doctor said it's anxiety, the chest pain in my left arm is crushing me",
            "chest pain",
            False,
        ),
        ("the doctor said it's anxiety, the chest pain that is crushing me", "chest pain", False),
        (
            "the doctor said it's harmless, the chest pain i get when i'm stressed",
            "chest pain",
            True,
        ),
        # "the" and a person before the sign: that person's report
        (
            "the nurse said it was nothing, the baby turning blue and limp",
            "baby turning blue",
            False,
        ),
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
