"""The symptom explainer: vignettes per PDQ list, negation, red flags first, unknown text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from islet.check import MAX_GRADE, grade
from islet.explain import symptoms as symptoms_module
from islet.explain.matching import one_slip, stem
from islet.explain.spelling import SpanishSpelling
from islet.explain.symptoms import explain_symptoms, extras, extras_problems
from islet.kb import KnowledgeBase
from tests.core.test_provenance import REFERENCE, own_strings, shingles
from tests.tables import load_cases


@pytest.mark.parametrize("case", load_cases("symptom_vignettes.yaml"))
def test_vignette(case: dict[str, Any]) -> None:
    result = explain_symptoms(case["text"])
    found = {s.id for s in result.symptoms}
    for symptom in case.get("found", []):
        assert symptom in found, f"{symptom} not recognised; found {sorted(found)}"
    for symptom in case.get("absent", []):
        assert symptom not in found
    negated = {s.id for s in result.negated}
    for symptom in case.get("negated", []):
        assert symptom in negated
    if "first" in case:
        assert result.patterns[0].id == case["first"], [p.id for p in result.patterns]
        assert result.patterns[0].score > result.patterns[1].score
    if "urgent" in case:
        assert result.urgent is case["urgent"]
        assert (result.urgent_notice is not None) is case["urgent"]
        assert bool(result.red_flags) is case["urgent"]
    if "red_flags" in case:  # the symptoms' own red flags; the safety triage's follow them
        own = [f.symptom_id for f in result.red_flags if not f.symptom_id.startswith("safety:")]
        assert own == case["red_flags"]


@pytest.mark.parametrize("case", load_cases("symptom_unrecognised.yaml"))
def test_unrecognised_text_says_so_with_examples(case: dict[str, Any]) -> None:
    result = explain_symptoms(case["text"])
    assert not result.recognised
    assert result.symptoms == []
    assert result.patterns == []
    assert result.examples
    assert "could not recognise" in result.message
    assert result.reminder


def test_every_example_is_recognised() -> None:
    for example in extras().examples:
        assert explain_symptoms(example).recognised, example


def test_every_pattern_is_ranked_with_matched_and_unmatched_in_pdq_order(
    kb: KnowledgeBase,
) -> None:
    result = explain_symptoms("diarrhea")
    assert {p.id for p in result.patterns} == set(kb.symptom_patterns)
    for pattern in result.patterns:
        listed = [s.id for s in pattern.matched] + [s.id for s in pattern.unmatched]
        assert sorted(listed) == sorted(kb.symptom_patterns[pattern.id].symptoms)
        order = kb.symptom_patterns[pattern.id].symptoms
        assert [s.id for s in pattern.matched] == [i for i in order if i in {"diarrhea"}]
        assert pattern.explanation and "[[" not in pattern.explanation
    scores = [p.score for p in result.patterns]
    assert scores == sorted(scores, reverse=True)


def test_red_flags_come_first_in_the_result() -> None:
    result = explain_symptoms("short of breath and chest pain")
    fields = list(result.model_dump())
    assert fields[:3] == ["urgent", "urgent_notice", "red_flags"]
    assert result.red_flags[0].message and "[[" not in result.red_flags[0].message


def test_symptom_ids_are_accepted(kb: KnowledgeBase) -> None:
    result = explain_symptoms(["steatorrhea", "gallstones"])
    assert result.patterns[0].id == "somatostatin-excess"
    assert all(s.how == "named" for s in result.symptoms)
    mixed = explain_symptoms(["low-blood-sugar", "and I feel confused"])
    assert mixed.urgent


def test_the_reminder_is_always_there() -> None:
    for text in ("my sugar keeps dropping", "hello", "short of breath"):
        result = explain_symptoms(text)
        assert "Only a doctor can tell" in result.reminder


FORBIDDEN = re.compile(r"\byou have\b|\byou've got\b|\bdiagnosis is\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text", ["my sugar keeps dropping and I am confused", "watery diarrhea", "jaundice", "hello"]
)
def test_never_says_you_have(text: str) -> None:
    dumped = explain_symptoms(text).model_dump()
    for where, value in own_strings(dumped):
        assert not FORBIDDEN.search(value), where


def test_matcher_extras_point_to_known_symptoms(kb: KnowledgeBase) -> None:
    assert extras_problems(kb, extras()) == []


def test_matcher_extras_are_in_own_words() -> None:
    reference: set[tuple[str, ...]] = set()
    for path in REFERENCE.iterdir():
        reference |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    copied = [w for w, text in own_strings(extras().model_dump()) if shingles(text) & reference]
    assert not copied


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (["sweaty", "sweating", "sweats"], True),
        (["shaky", "shaking", "shakes"], True),
        (["drops", "dropping", "dropped"], True),
        (["bruise", "bruises", "bruising"], True),
        (["tired", "tiredness"], True),
        (["dizzy", "dizziness"], True),
        (["headache", "headaches"], True),
        (["rash", "rush"], False),
        (["nervous", "nerve"], False),
    ],
)
def test_stemming(forms: list[str], same: bool) -> None:
    assert (len({stem(f) for f in forms}) == 1) is same


@settings(deadline=None)  # a property, not a timing: speed lives in benchmarks/
@given(st.text(max_size=200))
def test_any_text_gives_a_result(text: str) -> None:
    result = explain_symptoms(text)
    assert result.reminder
    assert result.recognised == bool(result.patterns)
    assert result.recognised != bool(result.examples)


def test_an_unknown_id_in_the_extras_is_reported(kb: KnowledgeBase) -> None:
    broken = extras().model_copy(update={"sign_matching": ["no-such-symptom"]})
    assert extras_problems(kb, broken) == ["unknown symptom id 'no-such-symptom'"]
    assert symptoms_module.SIGN_WEIGHT < 1  # a sign alone is weaker than naming the symptom


@pytest.mark.parametrize("name", ["reminder", "urgent_notice", "not_recognised", "intro"])
def test_fixed_texts_are_plain_language(name: str) -> None:
    assert grade(getattr(extras(), name)) <= MAX_GRADE


@pytest.mark.parametrize(
    ("short", "detailed"),
    [
        ("diarrhea", "watery diarrhea for weeks"),
        ("diarrhea", "very large amounts of watery diarrhea every day"),
        ("rash", "a red itchy rash on my legs that comes and goes"),
        ("ulcers", "stomach ulcers that keep coming back"),
        ("low blood sugar", "very low blood sugar in the morning"),
        ("weight loss", "sudden weight loss over the last months"),
        ("yellow skin", "my skin and eyes look yellow lately"),
    ],
)
def test_adding_words_never_loses_a_list(kb: KnowledgeBase, short: str, detailed: str) -> None:
    """A more detailed description matches at least every list the shorter one matches."""

    def matched(text: str) -> set[str]:
        return {p.id for p in explain_symptoms(text, kb).patterns if p.matched}

    assert matched(short)
    assert matched(short) <= matched(detailed)


def test_the_more_specific_symptom_ranks_its_list_first(kb: KnowledgeBase) -> None:
    result = explain_symptoms("watery diarrhea for weeks", kb)
    assert result.patterns[0].id == "vip-excess"
    assert {s.id for s in result.symptoms} == {"watery-diarrhea"}  # one complaint, not two
    assert "diarrhea" in {s.id for p in result.patterns for s in p.matched}  # for its lists


@pytest.mark.parametrize("case", load_cases("symptom_spanish.yaml"))
def test_spanish_vignette(case: dict[str, Any]) -> None:
    result = explain_symptoms(case["text"], language="es")
    found = {s.id for s in result.symptoms}
    assert set(case.get("found", [])) <= found, sorted(found)
    assert not set(case.get("absent", [])) & found, sorted(found)
    if "first" in case:
        assert result.patterns[0].id == case["first"], [p.id for p in result.patterns]


def test_a_slip_is_one_letter_off_and_never_a_real_word_kept() -> None:
    slips = one_slip(["yellow", "ulcers"], keep={"fellow"})
    assert slips["yelow"] == "yellow" and slips["yellwo"] == "yellow"
    assert slips["ulsers"] == "ulcers"
    assert "fellow" not in slips and "yellow" not in slips


def test_spanish_by_ear_and_diminutives_are_read_as_the_phrase_words() -> None:
    spelling = SpanishSpelling.of(["ulceras", "flacas", "azucar", "acid", "rapido"])
    assert spelling.read("ulseras") == "ulceras" and spelling.read("asucar") == "azucar"
    assert spelling.read("flaquitas") == "flacas" and spelling.read("rapidito") == "rapido"
    assert spelling.read("ulceras") == "ulceras"  # a phrase word is kept
    assert spelling.read("asi") == "asi"  # too short, and never heard as an English word
    assert spelling.read("stomach") == "stomach"  # English (Spanglish) is left alone


def test_another_form_of_a_phrase_verb_is_read_as_the_form_a_phrase_uses() -> None:
    spelling = SpanishSpelling.of(["sudo", "flota", "orina", "tienen"])
    assert spelling.read("sudaban") == "sudo" and spelling.read("flotaban") == "flota"
    assert spelling.read("orinaba") == "orina"
    assert spelling.read("tengo") == "tengo"  # a word of structure is never read as another
    assert spelling.read("tres") == "tres"  # no form of a phrase verb
    assert spelling.read("sudar") == "sudo"  # an infinitive is a form of its own verb
