"""The glossary as a person types into it: the safety triage reads the words first.

The glossary search (:func:`search_glossary`, the ``/glossary?q=`` page) and the look-up of one
word (:func:`look_up_term`: ``islet glossary``, ``GET /api/v1/glossary/{term}``) give what a
person typed to :func:`islet.safety.help_first` before anything else, then search or look up
as before. The help rides on the answer (``safety``), or on the UnknownTerm when no entry fits,
so every interface can show it first. The words are used for this one answer and forgotten.
"""

from __future__ import annotations

from dataclasses import replace

from islet.errors import UnknownTerm
from islet.kb import KnowledgeBase
from islet.language import Language
from islet.model import GlossaryTerm
from islet.safety import Safety, help_first
from islet.topics import GlossaryFind, find_in_glossary


class GlossaryEntry(GlossaryTerm):
    """A glossary entry looked up by what a person typed; ``safety`` is the triage's help to
    show first (left out when nothing was signalled)."""

    safety: Safety | None = None


def look_up_term(kb: KnowledgeBase, typed: str, language: Language | None = None) -> GlossaryEntry:
    """The entry named by ``typed`` (id, term or alias), after the safety triage has read it;
    UnknownTerm, carrying the triage's help, when none fits."""
    safety = help_first(typed, language=language)
    try:
        entry = kb.term(typed)
    except UnknownTerm as error:
        error.safety = safety
        raise
    # Without help the entry is sent exactly as before: ``safety`` stays unset, and unsent.
    return GlossaryEntry.model_validate(
        {**entry.model_dump(), **({"safety": safety} if safety else {})}
    )


def search_glossary(
    kb: KnowledgeBase, typed: str, language: Language | None = None
) -> GlossaryFind:
    """The entries that fit ``typed`` (:func:`islet.topics.find_in_glossary`), after the safety
    triage has read it."""
    safety = help_first(typed, language=language)
    return replace(find_in_glossary(kb, typed), safety=safety)
