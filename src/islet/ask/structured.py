"""Structured answers: a direct answer built from the knowledge base's fields when the question
names one tumor type and one facet of it ("where do gastrinomas grow"), with the passages that
back it, in the order the question asks for them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from islet.ask.facets import FACETS
from islet.ask.lexicon import Facet, Lexicon
from islet.ask.passages import Passage
from islet.ask.retrieval import Reading, Retriever
from islet.kb import KnowledgeBase
from islet.model import TumorType
from islet.text import in_sentence


@dataclass(frozen=True)
class Structured:
    """The direct answer to one facet of one tumor type, with the passages that back it."""

    facet: Facet
    tumor: TumorType
    summary: str
    passage_ids: list[str]


class Structuring:
    """The engine's step that builds a structured answer (part of :class:`Engine`)."""

    kb: KnowledgeBase
    lexicon: Lexicon
    retriever: Retriever
    by_id: dict[str, Passage]

    def _structured(self, reading: Reading) -> Structured | None:
        """A direct answer when the question names one tumor type and one facet of it."""
        tumors = reading.mentioned("tumor-type")
        if len(tumors) != 1 or len(reading.focus) > self.retriever.tuning.structured_max_terms:
            return None
        facet = reading.facet
        if facet is None:
            return None
        tumor = self.kb.tumor_types[tumors[0]]
        summary, item_ids = FACETS[facet.id](self.kb, self.lexicon.answering, tumor)
        template = facet.summary if summary is not None else facet.summary_missing
        if template is None:
            return None
        ids = [pid for pid in item_ids if pid in self.by_id]
        text = template.format(name=in_sentence(tumor.name), value=summary)
        return Structured(facet, tumor, text[:1].upper() + text[1:], ids)


def named_tests_first(structured: Structured, reading: Reading) -> Structured:
    """A test the question names by its own name ("the secretin stimulation test: what result
    points to a gastrinoma") comes before the tumor type's other tests; a cue word of the
    facet ("which test") names none."""
    named = {
        m.target
        for m in reading.mentions
        if m.target.startswith("test:") and m.phrase and m.phrase not in structured.facet.cues
    }
    first = [pid for pid in structured.passage_ids if pid.split("#")[0] in named]
    if not first:
        return structured
    rest = [pid for pid in structured.passage_ids if pid not in first]
    return replace(structured, passage_ids=[*first, *rest])
