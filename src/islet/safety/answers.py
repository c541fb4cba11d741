"""Short answer sentences read with the sentence before them.

The triage reads one sentence at a time. A sentence that only answers the one before is read
as part of it: a denial after a sign asked about alone, with no person nor verb ("Chest pain? No."
-> "no chest pain"; never "chest pain. no. it is crushing", which asked nothing), a denial after a
question whether someone breathes, wakes or answers ("is he breathing? no" -> "he is not
breathing"), and a thing named after "I can not do this anymore" ("... The laundry." -> "i can
not do the laundry anymore"). The words are in ``knowledge/safety/answers.yaml``; in Spanish,
the "no" to a vital question only ("¿respira? no" -> "no respira").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from islet.kb import load_data_file
from islet.language import Language
from islet.model import Strict
from islet.paths import knowledge_file
from islet.safety.text import Sentence
from islet.safety.vocabulary import _Patterns as Checked

ANSWERS_FILE = knowledge_file("safety", "answers.yaml")


class VitalQuestion(Checked):
    """A question whether someone breathes, wakes or answers, and how a "no" to it is told."""

    asked: str
    told: str  # "{0}": the person the question names; "{1}": what it asks they do, if named

    @field_validator("asked")
    @classmethod
    def _valid(cls, value: str) -> str:
        return cls._check([value])[0]


class AnswerWords(Checked):
    denials: list[str] = Field(min_length=1)
    vital_questions: list[VitalQuestion] = Field(default_factory=list)
    # labels set before a question and its answer ("Q: ... A: no"), read as nothing
    question_labels: list[str] = Field(default_factory=list)
    answer_labels: list[str] = Field(default_factory=list)
    asked_words: int = Field(ge=1)
    not_asked: list[str] = Field(default_factory=list)
    # safetyfix17d: a denial may open a longer answer as its own clause ("no, nomás el susto"):
    # the question is denied, and the rest of the answer is read as a sentence of its own
    denial_opens: bool = False
    this_of: list[str] = Field(min_length=1)
    named: list[str] = Field(min_length=1)
    named_after: list[str] = Field(default_factory=list)
    not_named: list[str] = Field(default_factory=list)

    @field_validator(
        "denials",
        "this_of",
        "named",
        "named_after",
        "not_named",
        "question_labels",
        "answer_labels",
    )
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return cls._check(value)


class AnswersFile(Strict):
    en: AnswerWords
    es: AnswerWords | None = None


@dataclass(frozen=True)
class _Patterns:
    denial: re.Pattern[str]
    vital: tuple[tuple[re.Pattern[str], str], ...]
    asked_words: int
    not_asked: frozenset[str]
    denial_opens: bool
    this_of: re.Pattern[str]
    named: re.Pattern[str]


def answer_words(path: Path = ANSWERS_FILE, language: Language = "en") -> AnswerWords | None:
    """The answer words of ``language`` (None: it has none); raises KnowledgeError when the file
    is invalid."""
    data = load_data_file(path, AnswersFile, f"safety/{path.name}")
    return data.es if language == "es" else data.en


@cache
def _patterns(path: Path = ANSWERS_FILE, language: Language = "en") -> _Patterns | None:
    w = answer_words(path, language)
    if w is None:
        return None
    asked_label = rf"(?:(?:{'|'.join(w.question_labels)}) )?" if w.question_labels else ""
    answer_label = rf"(?:(?:{'|'.join(w.answer_labels)}) )?" if w.answer_labels else ""
    not_named = rf"(?!.*\b(?:{'|'.join(w.not_named)})\b)" if w.not_named else ""
    after = rf"(?: (?:{'|'.join(w.named_after)}))?" if w.named_after else ""
    named = "|".join(w.named)
    return _Patterns(
        denial=re.compile(rf"^{answer_label}(?:{'|'.join(w.denials)})$"),
        vital=tuple(
            (re.compile(rf"^{asked_label}(?:{q.asked})$"), q.told) for q in w.vital_questions
        ),
        asked_words=w.asked_words,
        not_asked=frozenset(w.not_asked),
        denial_opens=w.denial_opens,
        this_of=re.compile(rf"\b(?:{'|'.join(w.this_of)})\b"),
        named=re.compile(rf"^({not_named}(?:{named})){after}$"),
    )


def answered(parts: list[Sentence], language: Language = "en") -> list[Sentence]:
    """``parts`` with each short answer sentence read into the sentence before it."""
    p = _patterns(ANSWERS_FILE, language)
    if p is None:
        return parts
    out: list[Sentence] = []
    for sentence in parts:
        before = out[-1] if out else None
        rest = _after_denial(p, sentence) if before is not None and before.asked else None
        if before is not None and rest is not None:
            denied = _denied(p, before)
            if denied is not None:
                out[-1] = denied
                if rest.clauses:  # "no, nomás el susto": the rest read on its own
                    out.append(rest)
                continue
        elif before is not None and (this := p.this_of.search(before.text)):
            thing = p.named.match(sentence.text)
            if thing:
                out[-1] = _with(before, this, thing.group(1))
                continue
        out.append(sentence)
    return out


def _after_denial(p: _Patterns, sentence: Sentence) -> Sentence | None:
    """What ``sentence`` tells after the denial it is or opens with (nothing: it is only a
    denial), or None when it is no denial."""
    if p.denial.match(sentence.text):
        return Sentence("", ())
    first = sentence.clauses[0] if sentence.clauses else ""
    if not (p.denial_opens and len(sentence.clauses) > 1 and p.denial.match(first)):
        return None
    text = sentence.text[len(first) :].strip() if sentence.text.startswith(first) else ""
    return Sentence(text or " ".join(sentence.clauses[1:]), sentence.clauses[1:], sentence.asked)


def _denied(p: _Patterns, question: Sentence) -> Sentence | None:
    """``question`` read as denied by the answer after it, or None when a "no" does not deny it
    (a person, a verb asked with a person in English, a wish to die: kept as said)."""
    told = _vital(p, question.text)
    if told is not None:  # "is he breathing? no": he is not
        return Sentence(told, (told,))
    asked = question.text.split()
    if len(asked) <= p.asked_words and not p.not_asked & set(asked):
        return Sentence(f"no {question.text}", tuple(f"no {c}" for c in question.clauses))
    return None


def _vital(p: _Patterns, question: str) -> str | None:
    """How a "no" to ``question`` is told, when it asks whether someone breathes, wakes or
    answers ("is he breathing" -> "he is not breathing")."""
    for asked, told in p.vital:
        if match := asked.match(question):
            return told.format(*match.groups())
    return None


def _with(sentence: Sentence, this: re.Match[str], thing: str) -> Sentence:
    """The sentence with the "this" that ``this`` found replaced by ``thing``."""
    start, end = this.span(1)
    text = sentence.text[:start] + thing + sentence.text[end:]
    said = this.group(0)
    told = said[: start - this.start()] + thing + said[end - this.start() :]
    return Sentence(text, tuple(c.replace(said, told) for c in sentence.clauses))
