"""Situation questions: a tumor type and where it is, how many, how far it has spread
("one gastrinoma in the head of the pancreas, what are the choices").

PDQ answers these with one bullet of a treatment list, which the knowledge base holds as a rule
(the guide's rules, with their PDQ source). The same feature patterns (``situation_features``
in ``knowledge/ask/answering.yaml``) read the question and every rule's bullet; when a question
names one tumor type (or a tumor that came back or keeps growing), describes its situation and
asks what is done about it, the rules of that type that share most features come first. A
question that names no type but tells where the tumor is, how big, or that it reached the liver
gets the bullets of every type that share most features.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from islet.ask.lexicon import Answering
from islet.ask.retrieval import Hit, Reading
from islet.ask.words import fold, words
from islet.kb import KnowledgeBase

RECURRENT = "recurrent-progressive"  # the rules' applies_to for tumors that came back or grow
RECURRENCE_FEATURES = frozenset(("came-back", "growing"))
# "What can be done", not "is that a real treatment" (about one procedure it describes).
OPEN_QUESTION = re.compile(r"\b(what|which|whats)\b")
SPREAD_FEATURES = frozenset(("liver",))  # PDQ has liver bullets for several types
SITE_FEATURES = frozenset(("head", "body-or-tail", "duodenum"))  # where in the pancreas
PROCEDURE_ENDINGS = ("ectomy", "otomy", "ostomy")  # an operation named by its own word
TUMOR_WORDS = re.compile(r"\b(tumou?rs?|growths?|mass|masses|lesions?|nodules?|spots?)\b")
# What describes a tumor without naming its type: where it is, how big, how far it has spread.
# PDQ's bullets for several types are written in these terms. ("Several" is not among them: a
# plural, "islet cell tumors", says it as well.)
DESCRIBING_FEATURES = SPREAD_FEATURES | SITE_FEATURES | frozenset(("small", "large"))
SIZE_FEATURES = frozenset(("small", "large"))
SITUATION_FACETS = frozenset(("treatment", "sites"))
RECURRENT_PENALTY = 0.5
# A feature the bullet names and the question does not counts against the bullet this much;
# a qualifier (severe symptoms, no tumor found, cannot be taken out) counts as much as a match.
UNASKED_PENALTY = 0.3
OPTION_WEIGHT = 0.5  # a feature only the options name ("nearby lymph nodes") counts half
QUALIFIERS = frozenset(("severe", "none-found", "acid", "cannot-remove"))
# What a question's feature implies: cancer in the liver has spread.
IMPLIES = {"liver": "spread"}
# PDQ's patient version has no list of its own for nonfunctional tumors; they are among the
# "other types of pancreatic NETs", whose list it gives. A bullet of that patient list that fits
# comes before Islet's reading of the professional overview (the nonfunctional rules), which
# follows it.
PATIENT_LIST = {"nonfunctional": "other"}


class Situations:
    """Recognises situation questions and puts the matching PDQ bullets first."""

    def __init__(
        self,
        kb: KnowledgeBase,
        features: Mapping[str, Sequence[str]],
        asks: tuple[Sequence[str], Sequence[str]],
        recurrence: Sequence[str],
    ) -> None:
        self._features = {
            name: [re.compile(p) for p in patterns] for name, patterns in features.items()
        }
        self._asks = [re.compile(p) for p in asks[0]]
        self._recurrence_asks = [re.compile(p) for p in asks[1]]
        self.recurrence = frozenset(recurrence)  # targets ("section:recurrence") of coming back
        self.makers = _makers(kb)
        self.applies_to = {rule.id: rule.applies_to for rule in kb.rules.values()}
        self.rule_features = {rule.id: self.features(rule.bullet) for rule in kb.rules.values()}
        # What the options add ("surgery to remove the tumor and nearby lymph nodes") counts
        # when the question names it, never against the rule.
        self.option_features = {
            rule.id: self.features(" ".join(o.wording or "" for o in rule.options))
            for rule in kb.rules.values()
        }

    @classmethod
    def of(cls, kb: KnowledgeBase, answering: Answering) -> Situations:
        """The situations of ``kb`` read with the patterns of ``answering``."""
        asks = (answering.situation_asks, answering.recurrence_asks)
        return cls(kb, answering.situation_features, asks, answering.recurrence_targets)

    def features(self, text: str) -> frozenset[str]:
        """The situation features ``text`` names."""
        folded = " ".join(fold(text).split())
        return frozenset(
            name
            for name, patterns in self._features.items()
            if any(p.search(folded) for p in patterns)
        )

    def tumor_types(self, question: str, reading: Reading) -> tuple[set[str], frozenset[str]]:
        """The rules' tumor types a situation question is about, and its features; nothing
        when it is not a situation question."""
        asked = [" ".join(fold(question).split()), " ".join(reading.words)]
        if reading.definition or not any(p.search(text) for p in self._asks for text in asked):
            return set(), frozenset()
        found = self.features(" ".join(asked))
        # "Where" a tumor grows is a facet, but "it keeps growing, what now" is a situation; so
        # is "they can't find it on any scan, what do they do" (the scans are the story).
        if reading.facet and reading.facet.id not in SITUATION_FACETS and not found & QUALIFIERS:
            return set(), frozenset()
        found |= {IMPLIES[f] for f in found if f in IMPLIES}
        if "no-spread" in found:
            found -= {"spread", "no-spread"}
        if "several" in found:
            found -= {"one"}
        tumors = reading.mentioned("tumor-type")
        if not tumors:  # "his gastrin is sky high but no tumor is found": a gastrinoma
            made = {self.makers.get(m.target) for m in reading.mentions} - {None}
            tumors = [t for t in made if t is not None]
        came_back = found & RECURRENCE_FEATURES or any(
            m.target in self.recurrence for m in reading.mentions
        )
        wanted: set[str] = set()
        # A named type that keeps growing has its own bullets (PDQ's "keeps growing during
        # treatment" for VIPoma and others); one that came back has only the general ones.
        if len(tumors) == 1 and found - {"came-back", "one"}:
            wanted.add(tumors[0])
            wanted.update(PATIENT_LIST[t] for t in tumors if t in PATIENT_LIST)
        elif (
            not tumors
            and not came_back  # "it came back in the liver, what now": the recurrent bullets
            and any(OPEN_QUESTION.search(text) for text in asked)
            and (
                (found & SPREAD_FEATURES and not _names_a_treatment(reading, cues=False))
                # Where or how big says what the tumor is like only when a tumor is in the
                # question ("the operation where they take the head" describes an operation).
                or (
                    found & DESCRIBING_FEATURES
                    and TUMOR_WORDS.search(asked[0])
                    and not _names_a_treatment(reading, cues=True)
                )
            )
        ):
            # "What can be done if it has spread to the liver?" or "one small tumor in the
            # tail, which operation?" names no tumor type and no treatment: the PDQ bullets for
            # that situation, of any type, answer it (an independent user review). A named
            # treatment ("burn the spots") stays first.
            wanted.update(set(self.applies_to.values()) - {RECURRENT})
        treating = any(p.search(text) for p in self._recurrence_asks for text in asked)
        if came_back and treating and len(tumors) <= 1:
            wanted.add(RECURRENT)
        return wanted, found

    def reorder(self, question: str, reading: Reading, hits: Sequence[Hit]) -> list[Hit] | None:
        """``hits`` with the best-matching rule of the situation first; None when the question
        is not a situation question or no rule matches it."""
        wanted, found = self.tumor_types(question, reading)
        if not wanted:
            return None
        named = bool(reading.mentioned("tumor-type"))
        named_types = set(reading.mentioned("tumor-type"))
        patient_lists = {PATIENT_LIST[t] for t in named_types & wanted if t in PATIENT_LIST}
        best: Hit | None = None
        best_score = 0.0
        best_on_list = False
        ties = 0
        for hit in hits:  # best first, so on a tie the better ranked rule stays
            rule = hit.passage.item_id
            if hit.passage.kind != "rule" or self.applies_to.get(rule) not in wanted:
                continue
            own = self.rule_features[rule]
            unasked = own - found
            if own & found & SITE_FEATURES:
                unasked -= SITE_FEATURES  # "in the head or tail": one of the sites is enough
            # The named tumor type's own bullets before the general ones for any tumor.
            general = RECURRENT_PENALTY if named and self.applies_to[rule] == RECURRENT else 0.0
            score = -general + (
                len(own & found)
                + OPTION_WEIGHT * len((self.option_features[rule] - own) & found)
                - UNASKED_PENALTY * len(unasked - QUALIFIERS)
                - len(unasked & QUALIFIERS)
            )
            patient_list = self.applies_to[rule] in patient_lists
            # That list names no place in the pancreas ("other parts of the body" reads as
            # one): its bullets fit by the spread or growth they name.
            if score <= 0 or (patient_list and not own & found - SITE_FEATURES):
                continue
            if best is None or (patient_list, score) > (best_on_list, best_score):
                best, best_score, best_on_list, ties = hit, score, patient_list, 0
            elif (patient_list, score) == (best_on_list, best_score):
                ties += 1
        if best is None:
            return None
        first = [best]
        # PDQ says "small" or "large" and gives no size that divides them: a size in centimeters
        # fits both bullets, and the list that holds them answers it.
        unsized = "measured" in found and not found & SIZE_FEATURES
        if ties or (unsized and self.rule_features[best.passage.item_id] & SIZE_FEATURES):
            # The situation fits several bullets alike: the PDQ list they belong to answers it
            # ("it keeps growing, what else is there"), with the best-ranked bullet after it.
            listed = best.passage.source
            lists = [h for h in hits if h.passage.kind == "section" and h.passage.source == listed]
            first = [*lists[:1], best]
        return [*first, *(h for h in hits if h not in first)]


def _names_a_treatment(reading: Reading, cues: bool) -> bool:
    """Whether the question names a treatment or a test; with ``cues``, not when it only asks
    about treatment ("which operation", "what surgery": the treatment facet's own cue words)."""
    asking = reading.facet.cues if cues and reading.facet else ()
    return any(
        (m.target.startswith(("treatment:", "test:")) and m.phrase not in asking)
        or m.target.endswith(PROCEDURE_ENDINGS)  # "pancreatectomy", "gastrectomy"
        for m in reading.mentions
    )


def _makers(kb: KnowledgeBase) -> dict[str, str]:
    """The glossary entry of each hormone only one tumor type makes ("glossary:gastrin"), with
    that type: PDQ names each functional type for the hormone it makes too much of (the
    hormone's name is in the type's: gastrin, gastrinoma)."""
    makers: dict[str, list[str]] = {}
    for tumor in kb.tumor_types.values():
        for word in words(tumor.hormone or ""):
            if word in kb.glossary and word in tumor.id:
                makers.setdefault(f"glossary:{word}", []).append(tumor.id)
    return {target: types[0] for target, types in makers.items() if len(types) == 1}
