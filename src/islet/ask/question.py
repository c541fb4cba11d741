"""The question as typed: checked before anything reads it, and read clause by clause."""

from __future__ import annotations

import re
from typing import Any

from islet.ask.words import words as words_of
from islet.errors import InvalidQuestion
from islet.messages import N_

MAX_QUESTION_CHARS = 1000  # people write their questions as stories (issue 12)
HAS_A_WORD = r"[^\W\d_]"  # a question needs a letter of some language (the API publishes it)


def checked(question: Any) -> str:
    """``question`` with its spaces tidied; InvalidQuestion when it is no text, empty, too long
    or has no letter in it."""
    if not isinstance(question, str):
        raise InvalidQuestion(N_("the question must be text"))
    text = " ".join(question.split())
    if not text:
        raise InvalidQuestion(N_("the question is empty: type a question in your own words"))
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            N_(
                "the question is too long ({count} characters; at most {most})",
                count=len(text),
                most=MAX_QUESTION_CHARS,
            )
        )
    if not re.search(HAS_A_WORD, text):
        raise InvalidQuestion(N_("the question has no words in it"))
    return text


# Where a clause ends: a comma, a colon, a question or exclamation mark, a full stop that is
# no decimal point ("1.5 cm") and ends no single letter ("H. pylori").
CLAUSE_END = re.compile(r"[,;:?!¿¡]|(?<!\b\w)\.(?!\d)")


def read_by_clause(text: str, corrected: dict[str, str]) -> str:
    """The question's words with their spelling repaired, a comma between its clauses: a rule
    never matches across one ("food comes up to the throat, is it the tumor" names no throat
    tumor), as it would not in the question as typed (askes17)."""
    clauses = (
        " ".join(corrected.get(w, w) for w in words_of(clause)) for clause in CLAUSE_END.split(text)
    )
    return " , ".join(c for c in clauses if c)
