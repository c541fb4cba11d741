"""One way of reading text (islet.text): folding, the stemmer's two styles, the word lists as
validated data, and whole-word phrase patterns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from islet.check import check
from islet.paths import KNOWLEDGE_DIR
from islet.text import (
    CLAUSE_TOKEN,
    PHRASE_TOKEN,
    WORD,
    EnglishWords,
    english,
    fold,
    in_sentence,
    language_problems,
    phrase_pattern,
    stem,
)

VALID = Path(__file__).parents[1] / "fixtures" / "kb-valid"


@pytest.mark.parametrize(
    ("typed", "options", "folded"),
    [
        ("Azúcar BAJA", {}, "azucar baja"),
        ("I’m shaky, don‘t know", {}, "i'm shaky, don't know"),
        ("don`t", {}, "don't"),
        ("light-headed 1-2", {}, "light-headed 1-2"),
        ("light-headed 1-2", {"hyphens": "space"}, "light headed 1-2"),
        ("light-headed 1-2", {"hyphens": "drop"}, "lightheaded 12"),
        ("my mum’s doctor’s note, don't", {"apostrophes": False}, "my mum doctor note, dont"),
        ("niño ÑANDÚ", {}, "nino nandu"),
        ("Azúcar-Baja", {"hyphens": "drop"}, "azucarbaja"),
    ],
)
def test_fold(typed: str, options: dict[str, object], folded: str) -> None:
    assert fold(typed, **options) == folded  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "folded", "tokens"),
    [
        (WORD, "what's ki-67?", ["what", "s", "ki", "67"]),
        (PHRASE_TOKEN, "no rash, i don't sweat.", ["no", "rash", ",", "i", "don't", "sweat", "."]),
        (CLAUSE_TOKEN, "24/7 i.v. mum's!", ["24/7", "i.v", ".", "mum's", "!"]),
    ],
)
def test_what_each_reader_counts_as_a_token(
    pattern: object, folded: str, tokens: list[str]
) -> None:
    assert pattern.findall(folded) == tokens  # type: ignore[attr-defined]


# Words that meet under each style, and words that must stay apart.
STEMS = [
    ("index", ["surgery", "surgeries"], True),
    ("index", ["treated", "treatment", "treat"], True),
    ("index", ["diagnosed", "diagnose", "diagnosis"], True),
    ("index", ["pancreas"], True),
    ("index", ["pancreas", "pancrea"], False),
    ("index", ["sweaty", "sweat"], False),
    ("phrase", ["sweaty", "sweating", "sweats"], True),
    ("phrase", ["tiredness", "tired"], True),
    ("phrase", ["dropping", "drop"], True),
    ("phrase", ["glass", "glas"], False),
]


@pytest.mark.parametrize(("style", "forms", "meet"), STEMS)
def test_one_stemmer_two_styles(style: str, forms: list[str], meet: bool) -> None:
    stems = {stem(f, style) for f in forms}  # type: ignore[arg-type]
    assert (len(stems) == 1) == meet, stems


def test_the_index_stem_keeps_singular_words_in_s_from_the_word_list() -> None:
    for word in english().index.singular_in_s:
        assert stem(word).rstrip("e") == word.rstrip("e"), word


def test_the_shipped_word_lists_have_no_problems() -> None:
    assert language_problems(KNOWLEDGE_DIR) == []


@pytest.mark.parametrize(
    ("find", "put", "says"),
    [
        ("    a about above", "    a a about above", "given twice: a"),
        ("    a about above", "    a Über about above", "not in lower case: Über"),
        (
            "    a about above",
            "    a café about above",
            "not folded (accents, curly apostrophes): café",
        ),
        (
            "  negations: >-",
            "  negation: >-",
            "language/english.yaml: phrases.negations: Field required",
        ),
        ("index:", "index: [\n", "language/english.yaml: cannot be read: line"),
    ],
)
def test_islet_check_names_what_is_wrong_in_a_word_list(
    tmp_path: Path, find: str, put: str, says: str
) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(VALID, folder)
    shutil.copytree(KNOWLEDGE_DIR / "language", folder / "language")
    path = folder / "language" / "english.yaml"
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, put, 1), encoding="utf-8")
    problems = check(folder).problems
    assert any(says in p for p in problems), problems


def test_the_word_lists_are_read_as_sets_of_words() -> None:
    lists = EnglishWords.model_validate(
        {
            "index": {
                "stop_words": "a the",
                "everyday_words": "time",
                "chat_spellings": {"wat": "what"},
                "irregular_forms": {},
                "spelling_variants": {},
                "singular_in_s": "gas",
                "medical_endings": "itis oma",
                "senses": {},
            },
            "phrases": {
                "stop_words": "a",
                "negations": "no don't",
                "not_negating_before": "sure",
                "clause_ends": ". but",
                "new_subjects": "i",
                "soft_breaks": ", and",
            },
        }
    )
    assert lists.index.stop_words == frozenset({"a", "the"})
    assert lists.index.medical_endings == ("itis", "oma")  # in order: the first ending wins
    assert lists.phrases.negations == frozenset({"no", "don't"})


@pytest.mark.parametrize(
    ("phrases", "text", "found"),
    [
        (["low grade"], "a low-grade tumor", "low-grade"),
        (["low grade"], "Low  Grade NET", "Low  Grade"),
        (["grade 1"], "grade 12", None),
        (["naive"], "treatment-naive", "naive"),
    ],
)
def test_phrase_patterns_find_whole_words(phrases: list[str], text: str, found: str | None) -> None:
    match = phrase_pattern(phrases).search(text)
    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Tumor size", "tumor size"),
        ("Gastrinoma", "gastrinoma"),
        ("Tipo de tumor", "tipo de tumor"),
        ("VIPoma", "VIPoma"),
        ("ACTH-secreting tumor", "ACTH-secreting tumor"),
        ("MEN1 syndrome", "MEN1 syndrome"),
        ("PRRT", "PRRT"),
        ("insulinoma", "insulinoma"),
    ],
)
def test_a_name_inside_a_sentence_keeps_the_capitals_of_a_name(name: str, written: str) -> None:
    assert in_sentence(name) == written
