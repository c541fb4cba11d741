"""What Ask Islet declines, and what it answers with a plain "the summary does not cover this".

The out-of-scope rules (``answering.out_of_scope``: doses, advice, one person's outlook, near
neighbours, other cancers, money and everyday life), the illnesses, medicines, tests and
everyday health topics the summary never mentions (``other_topics``, issue 12: out-of-scope
recall) and the gaps (topics the summary does not cover for an audience) are all data in
``knowledge/ask/``; this module matches them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from islet.ask.focus import (
    about_neighbour,
    asking_parts,
    asks_about,
    asks_besides,
    asks_likeness,
    compares,
    compares_own,
    only_denied,
    only_likened,
)
from islet.ask.lexicon import NEIGHBOURS, Gap, Lexicon, OutOfScopeReason, OutOfScopeRule
from islet.ask.retrieval import Reading
from islet.ask.words import fold
from islet.model import Audience

# A tumor of the hormone-making cells, however it is said ("puede ser neuroendocrino"); the
# islet cells alone are the cells, which an islet transplant is about too.
_ENDOCRINE = re.compile(r"\b(neuroendocrine|pnets?)\b")
# Where a clause ends: a mark, or a new clause joined by "but", "because", "so" or "and then".
_CLAUSE_END = re.compile(r"[.,;:?!]|\b(but|because|so|and then)\b")
# Where the thing done ends and its circumstance begins: "is it safe to travel | for treatment",
# "to drive | after surgery". A treatment named after one is the purpose or the occasion of the
# act, not the act (a reviewers' miss: travel for treatment was answered with clinical trials).
_CIRCUMSTANCE = re.compile(r"\b(for|after|before|during|while|since|until|till|following)\b")


class Scope:
    """The out-of-scope rules, other illnesses and gaps of one lexicon, compiled once."""

    def __init__(
        self,
        lexicon: Lexicon,
        audience: Audience,
        subject: str,
        reader: Callable[[str], Reading] | None = None,
        items: dict[str, frozenset[str]] | None = None,
    ) -> None:
        answering = lexicon.answering
        # The named neighbours (ask/neighbours.yaml) after the rules: a rule's own closest
        # items and message come first.
        named = [
            (
                OutOfScopeRule(
                    reason=n.reason, patterns=[n.pattern()], closest=n.closest, message=n.message
                ),
                n,
            )
            for n in lexicon.neighbours
        ]
        rules = answering.out_of_scope + [rule for rule, _ in named]
        # Neighbours the summary tells its subject from: a comparison of the two is answered.
        # (Their positions, not the objects' ids: the engine is stored and read back whole.)
        compared = {len(answering.out_of_scope) + i for i, (_, n) in enumerate(named) if n.compared}
        self._rules = [
            (rule, [re.compile(p) for p in rule.patterns], i in compared)
            for i, rule in enumerate(rules)
        ]
        self._reader = reader
        # The ids of the knowledge base's items of each kind ("test": {"mri", ...}): a glossary
        # entry of the same id names that item too ("an MRI" is the glossary's and the test's).
        self._items = items or {}
        # The cue words of each kind's facet ("test", "scan" for tests): a clause that says
        # one names an item of that kind, as "the fasting test" names a test.
        self._cues = {
            kind: frozenset(facet.cues) for facet in answering.facets for kind in facet.kinds
        }
        self._gaps = [
            (gap, [re.compile(p) for p in gap.patterns])
            for gap in answering.gaps
            if not gap.audiences or audience in gap.audiences
        ]
        other = lexicon.other_topics
        self._other = other.pattern() if other is not None else None
        self._own_kinds = frozenset(other.about_the_subject) if other is not None else frozenset()
        self._own_words = re.compile(other.subject_words) if other is not None else None
        self.other_message = other.message if other is not None else None
        self._subject = subject

    def out_of_scope(
        self,
        question: str,
        read: str = "",
        *,
        neighbours: bool = True,
        subject: bool = False,
        own_type: bool = False,
    ) -> tuple[OutOfScopeReason | None, list[str], str | None]:
        """The reason of the first out-of-scope rule that the question, as typed or as read
        with its spelling repaired (``read``), matches, the "kind:id" targets of the rule's
        closest covered items and the rule's own message; (None, [], None) when none matches.
        ``neighbours`` False leaves the rules for near neighbours and other cancers out;
        ``subject`` True (the question names a tumor type or the summary's subject) leaves out
        the rules of everyday-life words, which are then story words. A question that names
        one of the summary's tumor types (``own_type``) or a tumor of the pancreas gets a
        neighbour's rule only when it is about the neighbour (see focus.py)."""
        typed = " ".join(fold(question).split())
        for rule, patterns, compared in self._rules:
            neighbour = rule.reason in NEIGHBOURS
            if neighbour and not neighbours:
                continue
            # Doses are read as typed: the words as read lose "mg/dL" to "mg dl".
            asked = [typed] if rule.reason == "dosing" or not read else [typed, read]
            matched = [p for p in patterns if any(p.search(text) for text in asked)]
            if not matched or (compared and compares(typed) and not self._treats_it(typed)):
                continue
            if rule.not_with_other_question and asks_besides(typed, patterns):
                continue
            if rule.asked_only and self._told(typed, matched):
                continue
            if rule.not_of_kinds and self._of_kinds(asked, matched, rule.not_of_kinds):
                continue
            names = self._subject_of(typed) if neighbour else self.names_subject
            # Everyday life told around the summary's subject (a tumor type, or a tumor of the
            # pancreas: "he ate like a horse, how can a tumor in the pancreas not be felt") is
            # a story, unless an asking part asks about it ("she has an insulinoma, can she
            # still drive?").
            if (
                rule.not_with_subject
                and (subject or self.names_subject(typed))
                and not any(asks_about(typed, p, self.names_subject) for p in matched)
            ):
                continue
            # The summary's subject likened to another cancer ("is pnet like lung cancer"): the
            # summary compares it with no other cancer (the pancreatic cancer it is told from is
            # a compared neighbour, answered above).
            if rule.reason == "other-cancer" and asks_likeness(typed, matched):
                return rule.reason, list(rule.closest), rule.message
            if neighbour and (own_type or names(typed)) and only_likened(typed, matched):
                continue  # "sugars high like a diabetic's": a likeness in the telling (ask21)
            if neighbour and only_denied(typed, matched):
                continue  # "im not even a diabetic": denied in the telling (ask22)
            if neighbour and (own_type or names(typed)):
                # A comparison of the person's own tumor with a neighbour ("my insulinoma causes
                # low sugar, how is that different from reactive hypoglycemia", "does everolimus
                # or gemcitabine work better for my pNET") asks about their tumor.
                if compares_own(typed, matched, names):
                    continue
                if not any(about_neighbour(t, matched, names) for t in asked):
                    continue
            return rule.reason, list(rule.closest), rule.message
        return None, [], None

    def _of_kinds(
        self, texts: list[str], patterns: list[re.Pattern[str]], kinds: list[str]
    ) -> bool:
        """Whether, wherever ``patterns`` match ``texts``, the words after the match up to the
        end of its clause name an item of one of ``kinds`` ("is it safe to | have a whipple":
        a treatment); where a match names none ("is it safe to | travel"), False."""
        reader = self._reader
        if reader is None:
            return False
        cues = frozenset().union(*(self._cues.get(kind, frozenset()) for kind in kinds))

        def of_kind(target: str) -> bool:
            kind, _, ident = target.partition(":")
            return kind in kinds or (
                kind == "glossary" and any(ident in self._items.get(k, ()) for k in kinds)
            )

        def names(clause: str) -> bool:
            return not cues.isdisjoint(clause.split()) or any(
                of_kind(m.target) for m in reader(clause).mentions
            )

        found = [(t, m) for p in patterns for t in texts for m in p.finditer(t)]
        return bool(found) and all(
            names(_CIRCUMSTANCE.split(_CLAUSE_END.split(text[match.end() :], 1)[0], 1)[0])
            for text, match in found
        )

    def _treats_it(self, question: str) -> bool:
        """Whether a part of ``question`` that compares nothing asks about a treatment without
        naming the summary's subject ("my uncle has adenocarcinoma, what chemo is used for that
        kind of cancer? is it the same as my dad's?"): besides the comparison, it asks how the
        neighbour is treated, which the summary does not say (ask24)."""
        reader = self._reader
        if reader is None:
            return False
        cues = self._cues.get("treatment", frozenset())
        return any(
            not compares(part)
            and not self.names_subject(part)
            and (
                not cues.isdisjoint(part.split())
                or any(m.target.startswith("treatment:") for m in reader(part).mentions)
            )
            for part in asking_parts(question)
        )

    def _told(self, question: str, patterns: list[re.Pattern[str]]) -> bool:
        """Whether what ``patterns`` match is only the story of ``question``: no part that
        asks matches, and one of them asks about something Islet knows ("planning a
        pregnancy, which scans use radiation"; not "we want a baby after the surgery, is that
        ok", whose asking part points back to it)."""
        parts = asking_parts(question)
        if not parts or any(p.search(part) for p in patterns for part in parts):
            return False
        reader = self._reader
        return reader is not None and any(reader(part).mentions for part in parts)

    def _subject_of(self, question: str) -> Callable[[str], bool]:
        """Whether a part of ``question`` names the summary's subject, where a neuroendocrine
        or islet cell tumor counts as one when the question names the pancreas ("a cyst on my
        pancreas, could it be a neuroendocrine tumor?"): alone, it may be one elsewhere."""
        if self._reader is None:
            return self.names_subject
        reader = self._reader
        pancreas = "glossary:pancreas" in {m.target for m in reader(question).mentions}
        return lambda text: (
            self.names_subject(text)
            or (pancreas and (bool(reader(text).subject) or _ENDOCRINE.search(text) is not None))
        )

    def names_subject(self, text: str) -> bool:
        """Whether ``text`` names the summary's own subject: one of its tumor types, a
        pancreatic NET or islet cell tumor, or a tumor or growth of the pancreas ("these
        pancreas tumors"). A neuroendocrine tumor alone may be one elsewhere, and a test or a
        treatment is what is asked of a subject, not the subject."""
        if self._reader is None:
            return False
        reading = self._reader(text)
        targets = {m.target for m in reading.mentions}
        if any(t.startswith("tumor-type:") for t in targets):
            return True
        if any(t.startswith(("pancrea", "islet", "pnet")) for t in reading.subject):
            return True
        own = self._own_words is not None and self._own_words.search(text) is not None
        return own and "glossary:pancreas" in targets

    def other_topic(self, question: str, reading: Reading) -> str | None:
        """The other illness, medicine, test or everyday topic the question is about ("how is
        gout treated"), or None when it names none, or also names the summary's own subject (a
        tumor type, one of its tests or treatments, a tumor or growth): "I have lupus, can I
        still have PRRT" is in scope."""
        if self._other is None:
            return None
        typed = " ".join(fold(question).split())
        found = self._other.search(typed)
        if found is None:
            return None
        # The other topic only likened to something of the summary's that the question names
        # ("hormone therapy for her glucagonoma, is that like menopause hormones?"): the
        # likeness is told, what is asked is the summary's (askfix16b).
        if only_likened(typed, [self._other]) and self._names_own(typed):
            return None
        # A question that asks about the other topic itself ("he has a gastrinoma, but how do
        # I stop getting kidney stones"), whatever its story names.
        if asks_about(typed, self._other, self._names_own):
            return found.group(0)
        if self._own_words is not None and self._own_words.search(typed):
            return None
        return None if self._owns(reading) else found.group(0)

    def _owns(self, reading: Reading) -> bool:
        """Whether a reading names the summary's subject or an item of its own kinds."""
        return bool(reading.subject) or any(
            m.target == self._subject or m.target.partition(":")[0] in self._own_kinds
            for m in reading.mentions
        )

    def _names_own(self, text: str) -> bool:
        """Whether ``text`` names a tumor or growth, or a tumor type, test or treatment of the
        summary: next to another illness, that is the summary's subject."""
        if self._own_words is not None and self._own_words.search(text):
            return True
        return self._reader is not None and self._owns(self._reader(text))

    def gap(self, question: str, read: str) -> Gap | None:
        """The first gap (a topic the summary does not cover for this audience) asked about."""
        typed = " ".join(fold(question).split())
        for gap, patterns in self._gaps:
            if any(p.search(text) for p in patterns for text in (typed, read)):
                return gap
        return None
