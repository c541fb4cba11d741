"""The general Spanish -> English dictionary fills the gaps of the Spanish reading table
(issue 17): validated data, and the table always wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from islet.ask.spanish import Reader
from islet.ask.spanish_general import General, general, read_general, with_general
from islet.check_es import spanish_report
from islet.errors import KnowledgeError
from islet.kb import load

TABLE = Reader(
    phrases={("panza",): "belly", ("pet",): "PET", ("scan",): "scan", ("operar",): "surgery"},
    skip=frozenset({"el", "la", "es"}),
)
DICTIONARY = General(
    words={
        "panza": "stomach",
        "vientre": "belly",
        "es": "is",
        "operaron": "operated",
        "huevo": "egg",
        "d": "of",
    },
    phrases={"dolor de panza": "belly pain", "pet scan": "PET-CT scan", "boca seca": "dry mouth"},
)


def test_the_installed_dictionary_is_valid_and_has_words_and_phrases() -> None:
    dictionary = general()
    assert dictionary.words and dictionary.phrases
    assert all(len(key.split()) > 1 for key in dictionary.phrases)


@pytest.mark.parametrize(
    ("mode", "question", "read"),
    [
        # a phrase with a word the table lacks ("dolor") is read with the dictionary
        ("gaps", "dolor de panza", "belly pain"),
        ("gaps", "boca seca", "dry mouth"),
        # a phrase of words the table all knows keeps the table's reading
        ("gaps", "pet scan", "PET scan"),
        ("phrases", "pet scan", "PET-CT scan"),  # the phrases mode overrides it
        # single words only in the word modes, never over the table's own word
        ("gaps", "vientre", "vientre"),
        ("words", "vientre", "belly"),
        ("words", "panza", "belly"),
        # a word the table lists as carrying no meaning stays out
        ("words", "es panza", "belly"),
        (None, "dolor de panza", "dolor de belly"),
        # words last: a word nothing else reads is read with the dictionary, with its plural
        ("gaps, words last", "vientre", "belly"),
        ("gaps, words last", "huevos", "egg"),
        # ... but the table's plurals and verb forms come first ("panzas", "operaron")
        ("gaps, words last", "panzas", "belly"),
        ("gaps, words last", "operaron", "surgery"),
        ("words", "operaron", "operated"),
        # ... never an English word, nor a letter left of one ("do" is no plural of "d")
        ("gaps, words last", "what do they do", "what do they do"),
        ("gaps, words last", "dolor de panza", "belly pain"),
    ],
)
def test_the_dictionary_reads_only_what_the_table_does_not(
    mode: str | None, question: str, read: str
) -> None:
    reader = with_general(TABLE, DICTIONARY, mode)  # type: ignore[arg-type]
    assert reader.to_english(question) == read


def test_a_phrase_the_table_reads_word_by_word_is_not_read_as_one() -> None:
    reader = with_general(TABLE, DICTIONARY, "gaps")
    assert ("pet", "scan") not in reader.phrases
    assert reader.phrases[("dolor", "de", "panza")] == "belly pain"


@pytest.mark.parametrize(
    "text",
    [
        "words: {Panza: belly}\nphrases: {}\n",  # not lowercase
        "words: {barriga: belly}\nphrases: {dolor de panzá: belly pain}\n",  # an accent
        "words: {panza: ''}\nphrases: {}\n",  # no English
        "words: {panza: belly, panza: stomach}\nphrases: {}\n",  # given twice
        "words: {panza: belly}\n",  # no phrases
        "words: {panza: belly}\nphrases: {}\nfacts: {}\n",  # an unknown part
    ],
)
def test_a_malformed_dictionary_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "es-en-general.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError):
        read_general(path)


def test_islet_check_reports_a_malformed_dictionary(tmp_path: Path) -> None:
    (tmp_path / "ask").mkdir()
    (tmp_path / "ask" / "es-en-general.yaml").write_text("words: {Panza: belly}\n", "utf-8")
    problems = spanish_report(load(), tmp_path).problems
    assert any("es-en-general.yaml" in problem for problem in problems)


# A word the dictionary knows is a real word: a slip or a sound repair never turns it into a
# table word that means something else; a misspelling both agree on is still repaired.
REPAIRS = Reader(
    phrases={("fuerte",): "severe", ("operacion",): "surgery", ("leucemia",): "leukemia"},
    skip=frozenset(),
)
REAL = General(
    words={
        "muerte": "death",
        "glucemia": "blood sugar",
        "operasion": "operation",
        "operacion": "operation",
    },
    phrases={},
)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("muerte", "death"),
        ("glucemia", "blood sugar"),
        ("operasion", "surgery"),  # the table's word, which the dictionary's agrees with
        ("operacoin", "surgery"),  # a slip the dictionary does not know is repaired as before
    ],
)
def test_a_real_word_is_never_repaired_into_another(question: str, read: str) -> None:
    dictionary = General(words=REAL.words | {"operacion": "operation"}, phrases={})
    reader = with_general(REPAIRS, dictionary, "gaps, words last")
    assert reader.to_english(question) == read
