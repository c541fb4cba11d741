"""Ask Islet: question answering over the knowledge base, with citations.

``answer(question)`` returns an ``Answer``: the best passages with their section, source and a
score, or ``in_scope: false`` with a message when the summary does not cover the question.
"""

from islet.ask.answer import Answer, AnswerPassage, Engine, answer, engine
from islet.ask.passages import Passage, passages

__all__ = ["Answer", "AnswerPassage", "Engine", "Passage", "answer", "engine", "passages"]
