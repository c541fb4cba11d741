"""How the safety triage reads text: normalised words, sentences and clauses.

Folded as everywhere in Islet (:func:`islet.text.fold`: lower case, accents removed, quotes
straightened, hyphenated words split), contractions and chat spellings rewritten from the
vocabulary ("can't" -> "can not", "u" -> "you"), one space between words. Sentences end at
. ! ? ; or a line break; a clause also ends at a break word of the language's grammar
(``grammar`` in ``knowledge/safety/triage.yaml``: a comma, "but", "however"...) or at a
conjunction that starts a new statement ("... and i passed out"), because negation and time
words reach only as far as their clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from islet.safety.dictation import dictated
from islet.text import CLAUSE_TOKEN, fold

SENTENCE_ENDS = frozenset(".!?;\n")
# a letter typed three times or more, to stress a word ("ayudaaa", "pleeease")
REPEATS = re.compile(r"([a-z])\1{2,}")
# a comma between a short whole part and one or two decimals: "2,4", "3,05" (not "1,200")
DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,2}),(\d{1,2})(?![\d,])")
# ... and in any language just before a glucose unit ("sugar 2,4 mmol")
DECIMAL_COMMA_MMOL = re.compile(r"(?<![\d.,])(\d{1,2}),(\d)(?= ?mmol)")
# a plus sign before a word is a clinician's "positive for" ("+SI"): read as those words
PLUS_WORD = re.compile(r"(?<![\w+])\+(?=[a-z])")
# ... and after a word, a screen read positive ("SI+"): read as "positive"
WORD_PLUS = re.compile(r"(?<=[a-z])\+(?![\w+])")


@dataclass(frozen=True)
class Sentence:
    text: str
    clauses: tuple[str, ...]
    asked: bool = False  # it ended with a question mark ("Chest pain?")


@dataclass(frozen=True)
class Numbers:
    """Number words of a language: tens, units, and the word between them ("cuarenta y uno")."""

    tens: dict[str, int]
    units: dict[str, int]
    joiners: frozenset[str] = frozenset()
    decimal_comma: bool = False  # "2,4" is two point four (Spanish), not a list or thousands
    reading_verbs: frozenset[str] = frozenset()  # dictated numbers: islet.safety.dictation
    sound_alikes: dict[str, str] = field(default_factory=dict)
    points: frozenset[str] = frozenset()


def words_of(text: str, rewrites: dict[str, str], numbers: Numbers) -> list[str]:
    """The text as normalised words and sentence/clause punctuation; number words as digits
    ("fifty one" -> "51"), possessives joined ("mum's" -> "mums")."""
    out: list[str] = []
    folded = REPEATS.sub(r"\1", fold(text, hyphens="space"))  # "ayudaaa" -> "ayuda"
    folded = DECIMAL_COMMA_MMOL.sub(r"\1.\2", folded)
    folded = PLUS_WORD.sub("positive for ", folded)
    folded = WORD_PLUS.sub(" positive", folded)
    if numbers.decimal_comma:
        folded = DECIMAL_COMMA.sub(r"\1.\2", folded)
    for token in CLAUSE_TOKEN.findall(folded):
        if token == "\n":  # a new line ends a sentence ("stopped my shots last month" / "i
            out.append(".")  # want to die"): .split() would drop it
            continue
        for word in rewrites.get(token, token).split():
            out.append(word.replace("'", "") if len(word) > 1 else word)
    said = dictated(out, numbers.sound_alikes, numbers.reading_verbs, numbers.points, numbers.units)
    return _numbers(said, numbers)


def _numbers(words: list[str], numbers: Numbers) -> list[str]:
    """Tens and tens-plus-unit number words as digits; units alone stay words ("one low")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        decade = _decade(word, numbers)
        if decade is not None:
            # a decade told as a span ("sugar in the thirties", "thirtys"): its digits' own form
            out.append(f"{decade}s")
        elif (joined := _tens_and_unit(word, numbers)) is not None:
            out.append(str(joined))  # run together: "thirtyfive", "fourtytwo"
        elif (tens := _tens(word, numbers)) is not None:
            value = tens
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


def _decade(word: str, numbers: Numbers) -> int | None:
    """The tens word a plural names ("thirties", "fourtys", "treintas": 30, 40), or None."""
    for ending, back in (("ies", "y"), ("ys", "y"), ("s", "")):
        if word.endswith(ending) and (tens := _tens(word[: -len(ending)] + back, numbers)):
            return tens
    return None


def _tens(word: str, numbers: Numbers) -> int | None:
    """A tens word's value, spelt as its unit and "-ty" too ("threety", "fourty": 30, 40)."""
    if word in numbers.tens:
        return numbers.tens[word]
    unit = numbers.units.get(word[:-2], 0) if word.endswith("ty") else 0
    return unit * 10 if 2 <= unit <= 9 else None


def _tens_and_unit(word: str, numbers: Numbers) -> int | None:
    """A tens word and a unit typed as one ("thirtyfive", "fourtytwo": 35, 42), or None."""
    at = word.find("ty") + 2
    if at < 2 or at >= len(word):
        return None
    tens, unit = _tens(word[:at], numbers), numbers.units.get(word[at:], 0)
    return tens + unit if tens is not None and 0 < unit < 10 else None


@dataclass(frozen=True)
class Clauses:
    """Where a language's clauses break: break words, and a conjunction before a new statement."""

    breaks: frozenset[str]
    new_statement: frozenset[str]
    conjunctions: frozenset[str]
    # scopefix16: a person named ("mom", "the baby", "el bebé") after a conjunction starts a
    # new statement too
    articles: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    # "yet", "while": a conjunction only when a present verb follows ("... yet he is not breathing")
    present_conjunctions: frozenset[str] = frozenset()
    present_verbs: frozenset[str] = frozenset()

    def joins(self, token: str, following: tuple[str, ...]) -> bool:
        """Whether ``token``, before the words ``following``, starts a new statement."""
        then = following[1] if len(following) > 1 else ""
        head = following[0] if following else ""
        if token in self.conjunctions:
            return self.opens(head, then)
        if token in self.present_conjunctions and self.opens(head, then):
            return bool(self.present_verbs & set(following[1:4]))
        return False

    def opens(self, following: str, then: str) -> bool:
        """Whether a conjunction before the words ``following`` and ``then`` starts a new
        statement."""
        if following in self.new_statement or following in self.people:
            return True
        return following in self.articles and then in self.people


def sentences(
    text: str, rewrites: dict[str, str], rules: Clauses, numbers: Numbers
) -> list[Sentence]:
    """The text as sentences, each with its clauses, every part one space-joined string."""
    result: list[Sentence] = []
    words: list[str] = []
    clauses: list[list[str]] = [[]]

    def close(end: str = "") -> None:
        parts = tuple(" ".join(c) for c in clauses if c)
        if parts:
            result.append(Sentence(" ".join(words), parts, asked=end == "?"))

    tokens = words_of(text, rewrites, numbers)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "." and "." in (following, tokens[i - 1] if i else ""):
            # an ellipsis trails off into the same thought ("kill my boss... at tennis"): a
            # clause break, not a sentence end
            if clauses[-1]:
                clauses.append([])
        elif token in SENTENCE_ENDS:
            close(token)
            words, clauses = [], [[]]
        elif token in rules.breaks or (rules.joins(token, tuple(tokens[i + 1 : i + 5]))):
            if token != ",":
                words.append(token)
            clauses.append([])
        else:
            words.append(token)
            clauses[-1].append(token)
    close()
    return result


def any_of(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether one of ``patterns`` is found in ``text``."""
    return any(p.search(text) for p in patterns)
