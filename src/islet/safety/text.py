"""How the safety triage reads text: normalised words, sentences and clauses.

Lower case, accents folded, curly quotes straightened, contractions and chat spellings
rewritten from the vocabulary ("can't" -> "can not", "u" -> "you"), one space between words.
Sentences end at . ! ? ; or a line break; a clause also ends at a comma, "but", "however",
"although", or an "and" that starts a new statement ("... and i passed out"), because negation
and time words reach only as far as their clause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TOKEN = re.compile(r"[a-z0-9]+(?:['/.][a-z0-9]+)*'?|[.!?;,\n]")
SENTENCE_ENDS = frozenset(".!?;\n")


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


CLAUSE_BREAKS = frozenset({",", "but", "however", "although", "though", "whereas"})
NEW_STATEMENT = word_set(
    "i he she we they it my his her our their now then suddenly today this there"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    clauses: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case with accents removed and quotes straightened."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", plain)  # light-headed -> light headed


UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}


@dataclass(frozen=True)
class Numbers:
    """Number words of a language: tens, units, and the word between them ("cuarenta y uno")."""

    tens: dict[str, int]
    units: dict[str, int]
    joiners: frozenset[str] = frozenset()


ENGLISH_NUMBERS = Numbers(TENS, UNITS)


def words_of(text: str, rewrites: dict[str, str], numbers: Numbers = ENGLISH_NUMBERS) -> list[str]:
    """The text as normalised words and sentence/clause punctuation; number words as digits
    ("fifty one" -> "51"), possessives joined ("mum's" -> "mums")."""
    out: list[str] = []
    for token in TOKEN.findall(fold(text)):
        for word in rewrites.get(token, token).split():
            out.append(word.replace("'", "") if len(word) > 1 else word)
    return _numbers(out, numbers)


def _numbers(words: list[str], numbers: Numbers) -> list[str]:
    """Tens and tens-plus-unit number words as digits; units alone stay words ("one low")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in numbers.tens:
            value = numbers.tens[word]
            following = words[i + 1] if i + 1 < len(words) else ""
            if following in numbers.joiners and i + 2 < len(words):
                unit = words[i + 2]
                if 0 < numbers.units.get(unit, 0) < 10:
                    following = unit
                    i += 1
            if following in numbers.units and 0 < numbers.units[following] < 10:
                value += numbers.units[following]
                i += 1
            out.append(str(value))
        else:
            out.append(word)
        i += 1
    return out


@dataclass(frozen=True)
class Clauses:
    """Where a language's clauses break: break words, and a conjunction before a new statement."""

    breaks: frozenset[str]
    new_statement: frozenset[str]
    conjunctions: frozenset[str]


def sentences(
    text: str,
    rewrites: dict[str, str],
    clauses_of: Clauses | None = None,
    numbers: Numbers = ENGLISH_NUMBERS,
) -> list[Sentence]:
    """The text as sentences, each with its clauses, every part one space-joined string."""
    rules = clauses_of or Clauses(CLAUSE_BREAKS, NEW_STATEMENT, frozenset({"and"}))
    result: list[Sentence] = []
    words: list[str] = []
    clauses: list[list[str]] = [[]]

    def close() -> None:
        parts = tuple(" ".join(c) for c in clauses if c)
        if parts:
            result.append(Sentence(" ".join(words), parts))

    tokens = words_of(text, rewrites, numbers)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in SENTENCE_ENDS:
            close()
            words, clauses = [], [[]]
        elif token in rules.breaks or (
            token in rules.conjunctions and following in rules.new_statement
        ):
            if token != ",":
                words.append(token)
            clauses.append([])
        else:
            words.append(token)
            clauses[-1].append(token)
    close()
    return result
