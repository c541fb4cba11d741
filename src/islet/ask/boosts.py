"""Score factors of Ask Islet's ranking: kind priors, the facet asked about, the items named.

BM25 scores each passage for the question's terms; these factors then say what kind of passage
the question is after ("what is X" wants X's own text; "how are ulcers treated" wants treatment
passages) and lift the passages about the items the question names, unless the question names
them only as context (a test that found the tumor, the surgery after which scans are asked about).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from islet.ask.passages import Passage
from islet.ask.tuning import Tuning
from islet.model import Audience

if TYPE_CHECKING:
    from islet.ask.retrieval import Reading


def boosts(
    reading: Reading,
    passages: Sequence[Passage],
    *,
    serves: Sequence[set[str]],
    double: Sequence[bool],
    subject: str,
    audience: Audience,
    tuning: Tuning,
) -> list[float]:
    """One score factor per passage (``serves``: the kinds of question each answers;
    ``double``: whether it is a glossary entry with an item passage of the same name)."""
    # Outside "what is X" questions, glossary mentions and the summary's subject only
    # expand the question: "cancer" must not lift one definition above the summary.
    subject_only = reading.focus == reading.terms and bool(reading.subject)
    items = {
        m.target.partition(":")[2]
        for m in reading.mentions
        if reading.definition
        or not (m.target.startswith("glossary:") or (m.target == subject and not subject_only))
    } - {t.partition(":")[2] for t in reading.context}  # when, not what (see frames.py)
    if reading.named_only:  # "I have X, what is it": X alone
        items = {t.partition(":")[2] for t in reading.named_last}
    facet_kinds = set(reading.facet.kinds) if reading.facet else set()
    # A sign told in the story of a question that asks another facet is why, not what: its own
    # passage, which repeats the story's words, is not the answer (ask16).
    # So is a test told as how the tumor was found ("they found it on a CT for kidney stones,
    # how can I feel nothing"): its passage repeats the story's words (ask18).
    told = {t for t in reading.context if t.startswith(("symptom:", "symptom-pattern:"))}
    told |= reading.found_by
    # A treatment told of another cancer ("she had chemo for breast cancer"), and the passages
    # about it, are that cancer's story (ask19).
    elsewhere = {t.partition(":")[2] for t in reading.other_cancer}
    boost = [1.0] * len(passages)
    for i, passage in enumerate(passages):
        # Even for "what is X", X's own passage says more than its glossary double.
        if passage.kind == "glossary" and (not reading.definition or double[i]):
            boost[i] *= tuning.glossary_prior
        if passage.professional_only and audience == "patient":
            boost[i] *= tuning.professional_only_prior
        storied = bool(told) and f"{passage.kind}:{passage.item_id}" in told
        if storied or bool(elsewhere.intersection(passage.topics)):
            boost[i] *= tuning.story_sign_prior
        if f"{passage.kind}:{passage.item_id}" in reading.not_about:
            boost[i] *= tuning.not_about_prior
        serves_facet = bool(facet_kinds & serves[i])
        if serves_facet:
            boost[i] *= 1 + tuning.facet_boost
        # A question about one facet of an item ("how are ulcers treated") is not answered
        # by the item's own text unless that text is of the kind the facet asks for.
        if items and (serves_facet or not facet_kinds):
            about = len(items.intersection(passage.topics))
            boost[i] *= (1 + tuning.mention_boost) ** about
            if passage.item_id in items:
                boost[i] *= 1 + tuning.own_boost
    return boost
