"""What Ask hands back: the answer to one question, its passages and what Islet recognised.

The pydantic models the CLI, the API and the web page show (:class:`Answer`,
:class:`AnswerPassage`, :class:`Understood`), and :func:`answer_passage`, which turns a passage
of the summary into part of an answer.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from islet.ask.lexicon import OutOfScopeReason
from islet.ask.passages import Passage
from islet.model import Audience, Source
from islet.safety import Safety, no_alert

DEFAULT_LIMIT = 3  # how many passages an answer shows unless asked for another number


class AnswerPassage(BaseModel):
    """One passage that answers the question, with where it comes from."""

    model_config = ConfigDict(frozen=True)

    text: str
    section: str  # the PDQ section the passage was written from
    source: Source
    score: float = Field(ge=0, le=1)  # confidence that this passage answers the question
    passage_id: str
    item_id: str  # the knowledge-base item the passage belongs to
    title: str
    kind: str
    audience: Audience | None
    # How the passage relates to the question, in words that do not read as certainty (issue
    # 12: people read "100%" as "certainly right"): "best match Islet found", "also related"...
    match: str = ""


class Understood(BaseModel):
    """What Islet recognised in the question (shown so people can see why it answered)."""

    model_config = ConfigDict(frozen=True)

    corrected: dict[str, str] = {}  # misspelled word -> the word Islet read
    topics: list[str] = []  # knowledge-base items named in the question, "kind:id"
    facet: str | None = None  # for structured answers: sites, hormone, tests, ...
    # A topic the summary does not cover for this audience ("grade"), said plainly (summary).
    gap: str | None = None
    # When Islet is unsure what the question is after: the topics it thinks it is about
    # (titles of the best passages' items), shown as "Did you mean ...?".
    did_you_mean: list[str] = []


class Answer(BaseModel):
    """The answer to one question. ``in_scope`` false means: no answer, see ``message``."""

    model_config = ConfigDict(frozen=True)

    question: str
    in_scope: bool
    answers: list[AnswerPassage]
    summary: str | None = None  # a direct answer built from the knowledge base's fields
    # Why there is no answer and what the summary covers; for an answer Islet is unsure of, the
    # "Did you mean ...?" question back.
    message: str | None = None
    reason: OutOfScopeReason | None = None
    # For a question about a near neighbour (MEN2, pancreatitis...): the closest passages the
    # summary does cover, shown with the decline.
    closest: list[AnswerPassage] = []
    help: str  # who can answer what Islet cannot
    confidence: float = Field(ge=0, le=1)
    understood: Understood
    # What the safety triage found; for emergency, crisis and medication it is the answer.
    safety: Safety = Field(default_factory=no_alert)

    @classmethod
    def declined(
        cls,
        question: str,
        reason: OutOfScopeReason = "unrelated",
        message: str | None = None,
        help: str = "",
        confidence: float = 0.0,
        understood: Understood | None = None,
    ) -> Answer:
        """No answer: the question is out of scope for ``reason``."""
        return cls(
            question=question,
            in_scope=False,
            answers=[],
            message=message,
            reason=reason,
            help=help,
            confidence=confidence,
            understood=understood or Understood(),
        )


def answer_passage(passage: Passage, score: float) -> AnswerPassage:
    """``passage`` as part of an answer, its score clipped to 0..1."""
    return AnswerPassage(
        text=passage.text,
        section=passage.source.section,
        source=passage.source,
        score=round(max(0.0, min(1.0, score)), 3),
        passage_id=passage.id,
        item_id=passage.item_id,
        title=passage.title,
        kind=passage.kind,
        audience=passage.audience,
    )
