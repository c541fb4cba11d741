"""Situation questions: a tumor type and where it is, how many, how far it has spread
("one gastrinoma in the head of the pancreas, what are the choices").

PDQ answers these with one bullet of a treatment list, which the knowledge base holds as a rule
(the guide's rules, with their PDQ source). The same feature patterns (``situation_features``
in ``knowledge/ask/answering.yaml``) read the question and every rule's bullet; when a question
names one tumor type (or a tumor that came back or keeps growing), describes its situation and
asks what is done about it, the rules of that type that share most features come first. A
question that names no type but tells where the tumor is, how big, or that it reached the liver
is read against the bullets of every type; as no type is known, what PDQ gives for that
situation whatever the type (an operation the fitting bullets list) leads, and the best-fitting
bullet follows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from islet.ask.lexicon import Answering
from islet.ask.passages import Passage
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
TUMOR_WORDS = re.compile(r"\b(tumou?rs?|growths?|mass|masses|lesions?|nodules?|lumps?|spots?)\b")
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
        treatments: Mapping[str, Passage] | None = None,
    ) -> None:
        self._features = {
            name: [re.compile(p) for p in patterns] for name, patterns in features.items()
        }
        self._asks = [re.compile(p) for p in asks[0]]
        self._recurrence_asks = [re.compile(p) for p in asks[1]]
        self.recurrence = frozenset(recurrence)  # targets ("section:recurrence") of coming back
        self.makers = _makers(kb)
        self.applies_to = {rule.id: rule.applies_to for rule in kb.rules.values()}
        self.options = {rule.id: rule.options for rule in kb.rules.values()}
        # The passage of each treatment, for a question whose words did not find the one PDQ
        # lists for its situation ("in the duodenum, what is done": the Whipple).
        self.treatments = dict(treatments or {})
        # What is about one tumor type: its own passage, its treatment part, its signs (a
        # treatment part several types share has each of them as an owner).
        self.type_owners: dict[tuple[str, str], set[str]] = {}
        for tumor in kb.tumor_types.values():
            for kind, item in (
                ("tumor-type", tumor.id),
                ("section", tumor.treatment_section),
                ("symptom-pattern", tumor.symptom_pattern),
            ):
                if item is not None:
                    self.type_owners.setdefault((kind, item), set()).add(tumor.id)
        self.type_items = frozenset(self.type_owners)
        self.rule_features = {rule.id: self.features(rule.bullet) for rule in kb.rules.values()}
        # What the options add ("surgery to remove the tumor and nearby lymph nodes") counts
        # when the question names it, never against the rule.
        self.option_features = {
            rule.id: self.features(" ".join(o.wording or "" for o in rule.options))
            for rule in kb.rules.values()
        }

    @classmethod
    def of(
        cls,
        kb: KnowledgeBase,
        answering: Answering,
        treatments: Mapping[str, Passage] | None = None,
    ) -> Situations:
        """The situations of ``kb`` read with the patterns of ``answering``; ``treatments`` are
        the passages shown for each treatment id (see :meth:`reorder`)."""
        asks = (answering.situation_asks, answering.recurrence_asks)
        features = answering.situation_features
        return cls(kb, features, asks, answering.recurrence_targets, treatments)

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
        tumors = self.named_types(reading)
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

    def of_one_type(self, passage: Passage) -> bool:
        """Whether ``passage`` is about one tumor type: that type, its treatment part, its signs
        or a bullet of its treatment list (the bullets for any tumor that came back are not)."""
        if passage.kind == "rule":
            return self.applies_to.get(passage.item_id, RECURRENT) != RECURRENT
        return (passage.kind, passage.item_id) in self.type_items

    def _named_types_first(self, types: set[str], hits: Sequence[Hit]) -> list[Hit] | None:
        """``hits`` with the passages about one type none of ``types`` left after the rest;
        None when no type is named or none of them is moved."""
        others = [h for h in hits if self.of_another_type(h.passage, types)] if types else []
        if not others:
            return None
        return [*(h for h in hits if h not in others), *others]

    def of_another_type(self, passage: Passage, types: set[str]) -> bool:
        """Whether ``passage`` is about one tumor type and none of ``types`` (a nonfunctional
        tumor's is the patient list of "other" types too)."""
        types = types | {PATIENT_LIST[t] for t in types if t in PATIENT_LIST}
        if passage.kind == "rule":
            owner = self.applies_to.get(passage.item_id, RECURRENT)
            return owner != RECURRENT and owner not in types
        owners = self.type_owners.get((passage.kind, passage.item_id))
        return owners is not None and not owners & types

    def _for_every_type(self, fitting: Sequence[Hit], hits: Sequence[Hit]) -> Hit | None:
        """The best-ranked passage that answers the situation of the ``fitting`` bullets for
        every type: a treatment they list (the operation PDQ names for that place) or a part
        that holds them and is no one type's ("surgery for cancer that has spread"); else the
        first treatment the best of them lists, when the question's words did not find it."""
        listed = [o.treatment for h in fitting for o in self.options[h.passage.item_id]]
        sources = {h.passage.source for h in fitting}
        for hit in hits:
            passage = hit.passage
            if self.of_one_type(passage):
                continue
            if (passage.kind == "treatment" and passage.item_id in listed) or (
                passage.kind == "section" and passage.source in sources
            ):
                return hit
        shown = [self.treatments[t] for t in listed if t in self.treatments]
        return Hit(shown[0], hits[0].score) if shown else None

    def named_types(self, reading: Reading) -> list[str]:
        """The tumor types the question names, or the one that makes the hormone it names
        ("his gastrin is sky high but no tumor is found": a gastrinoma)."""
        tumors = reading.mentioned("tumor-type")
        if not tumors:
            made = {self.makers.get(m.target) for m in reading.mentions} - {None}
            tumors = [t for t in made if t is not None]
        return tumors

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
        alike: list[Hit] = []  # bullets that fit as well as the best
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
                best, best_score, best_on_list, alike = hit, score, patient_list, []
            elif (patient_list, score) == (best_on_list, best_score):
                alike.append(hit)
        if best is None:
            # No bullet of the named type fits ("a nonfunctional tumor in the head, what
            # treatment"): what is about another type (a gastrinoma's list, an insulinoma's
            # bullet) does not answer it, and follows the rest (askes18, a review).
            return self._named_types_first(named_types, hits)
        if not self.named_types(reading) and wanted - {RECURRENT}:
            # Told without its type ("a small tumor in the head, what's the operation"): no
            # type is known, so neither one type's treatment part nor its bullet may lead as if
            # it were (an independent review). What PDQ gives for that situation whatever the
            # type leads; the best-fitting bullet follows it.
            common = self._for_every_type([best, *alike], hits)
            first = [best] if common is None else [common, best]
            return [*first, *(h for h in hits if h not in first)]
        first = [best]
        # PDQ says "small" or "large" and gives no size that divides them: a size in centimeters
        # fits both bullets, and the list that holds them answers it.
        unsized = "measured" in found and not found & SIZE_FEATURES
        if alike or (unsized and self.rule_features[best.passage.item_id] & SIZE_FEATURES):
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
