"""The knobs of Ask Islet's retrieval and of its decisions to answer or decline (issue 12).

Every value was set on the development questions (the old split and the blind dev split) only,
never on the held-out blind test split.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    """The knobs of Islet's retrieval, set on the development questions only."""

    mention_boost: float = 0.5  # score x (1 + boost) per recognised item the passage is about
    own_boost: float = 0.3  # and x (1 + own) more when the passage is that item's own text
    glossary_prior: float = 0.6  # definitions are short; outside "what is X" they rank lower
    professional_only_prior: float = 0.7  # patients are first answered from the patient version
    story_sign_prior: float = 0.5  # a sign told in the story of a treatment or test question
    not_about_prior: float = 0.5  # an item a question frame says is not asked about
    facet_boost: float = 0.3  # passages of the kinds a facet asks for ("tests" -> test items)
    # A direct answer from one facet of one tumor type only for a question about that: in a
    # long story a facet word ("tests", "managing") is rarely what is asked.
    structured_max_terms: int = 10
    definition_max_terms: int = 3  # a "what is X" question with more terms asks more than that
    bm25_k1: float = 1.5  # 1.4-2.0 (b 0.5) score alike on the development questions
    bm25_b: float = 0.5  # weaker length normalisation: short definitions must not beat sections
    min_confidence: float = 0.45  # below this Islet answers but says it is unsure
    min_unnamed_confidence: float = 0.25  # below this, naming nothing known: out of scope
    min_named_confidence: float = 0.2  # below this, naming something known: out of scope too
    # A short question (at most ``short_terms`` terms) is mostly its topic: when the passages
    # cover little of it and not its rarest word, it is not the summary's ("symptoms of lupus").
    min_short_confidence: float = 0.3
    short_terms: int = 3
    confidence_depth: int = 2  # the best passages together must cover the question
    rrf_k: int = 60  # reciprocal rank fusion constant (Cormack et al. 2009)
    dense_weight: float = 0.25  # weight of the dense ranking in the fusion
    fusion_depth: int = 10  # how many passages of each ranking take part in the fusion
    dense_rescue: float | None = None  # dense similarity that keeps a weak question in scope
    expansion_weight: int = 1  # times the questions a passage answers count in its index
    question_weight: float = 0.5  # how much a passage asked about the same way is lifted
    asked_same: float = 0.95  # at least this close, the listed question's passage comes first
    question_near: float = 0.8  # share of the closest question's score a lifted passage needs
