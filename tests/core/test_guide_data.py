"""The guide's own wording data (knowledge/guide/questions.yaml) is complete, plain and linked."""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat
import yaml

from islet.check import MAX_GRADE
from islet.errors import KnowledgeError
from islet.guide.data import GUIDE_DATA, GuideData, load_guide_data
from islet.kb import KnowledgeBase
from islet.model import Situation, fact_values
from tests.core.test_provenance import own_strings, reference_shingles, shingles

__all__ = ["reference_shingles"]  # a fixture, used by name below


@pytest.fixture(scope="module")
def data() -> GuideData:
    return load_guide_data()


def test_one_question_per_fact_with_every_value(data: GuideData) -> None:
    assert sorted(q.fact for q in data.questions) == sorted(Situation.model_fields)
    for question in data.questions:
        assert sorted(map(str, (c.value for c in question.choices))) == sorted(
            map(str, fact_values(question.fact))
        )


def test_every_rule_list_and_section_is_known(data: GuideData, kb: KnowledgeBase) -> None:
    assert {rule.applies_to for rule in kb.rules.values()} == {item.id for item in data.lists}
    linked = [item.section for item in data.lists]
    linked += [section for c in data.coverage for section in c.see_also]
    for section in linked:
        assert section in kb.sections, f"unknown section id {section}"


def test_coverage_gaps_are_types_without_a_list(data: GuideData, kb: KnowledgeBase) -> None:
    for coverage in data.coverage:
        assert coverage.tumor_type in kb.tumor_types
        # no list of its own in either version; nonfunctional tumors get the overview's bullets
        own = [r for r in kb.rules_for(coverage.tumor_type) if "Overview" not in r.source.section]
        assert not own
    assert not kb.tumor_types["acth-secreting"].treatment_covered


def plain_texts(data: GuideData) -> list[str]:
    texts = [data.nothing_fits, data.dont_know]
    texts += [f"{q.question} {q.help or ''}" for q in data.questions]
    texts += [c.message for c in data.coverage] + [a.message for a in data.aspects]
    texts += [alert.text for alert in data.alerts] + [data.professional_lists_more.text]
    texts += [n.text for n in data.notes]
    return texts


def test_text_is_plain(data: GuideData) -> None:
    for text in plain_texts(data):
        grade = textstat.flesch_kincaid_grade(text)
        assert grade <= MAX_GRADE, f"grade {grade}: {text}"


def test_rules_and_guide_text_are_in_own_words(
    reference_shingles: set[tuple[str, ...]],
) -> None:
    raw = yaml.safe_load(GUIDE_DATA.read_text(encoding="utf-8"))
    copied = [path for path, text in own_strings(raw) if shingles(text) & reference_shingles]
    assert not copied, copied


def test_broken_guide_data_is_a_knowledge_error(tmp_path: Path) -> None:
    raw = yaml.safe_load(GUIDE_DATA.read_text(encoding="utf-8"))
    raw["questions"] = raw["questions"][1:]  # the tumor type question is missing
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="one question per Situation fact"):
        load_guide_data(path)
