"""What Ask Islet declines, and what it answers with a plain "the summary does not cover this".

The out-of-scope rules (``answering.out_of_scope``: doses, advice, one person's outlook, near
neighbours, other cancers, money and everyday life), the illnesses, medicines, tests and
everyday health topics the summary never mentions (``other_topics``, issue 12: out-of-scope
recall) and the gaps (topics the summary does not cover for an audience) are all data in
``knowledge/ask/``; this module matches them.
"""

from __future__ import annotations

import re

from islet.ask.lexicon import NEIGHBOURS, Gap, Lexicon, OutOfScopeReason
from islet.ask.retrieval import Reading
from islet.ask.words import fold
from islet.model import Audience


class Scope:
    """The out-of-scope rules, other illnesses and gaps of one lexicon, compiled once."""

    def __init__(self, lexicon: Lexicon, audience: Audience, subject: str) -> None:
        answering = lexicon.answering
        self._rules = [
            (rule, [re.compile(p) for p in rule.patterns]) for rule in answering.out_of_scope
        ]
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
        self, question: str, read: str = "", *, neighbours: bool = True, subject: bool = False
    ) -> tuple[OutOfScopeReason | None, list[str], str | None]:
        """The reason of the first out-of-scope rule that the question, as typed or as read
        with its spelling repaired (``read``), matches, the "kind:id" targets of the rule's
        closest covered items and the rule's own message; (None, [], None) when none matches.
        ``neighbours`` False leaves the rules for near neighbours and other cancers out;
        ``subject`` True (the question names a tumor type or the summary's subject) leaves out
        the rules of everyday-life words, which are then story words."""
        typed = " ".join(fold(question).split())
        for rule, patterns in self._rules:
            left_out = rule.reason in NEIGHBOURS and not neighbours
            if left_out or (subject and rule.not_with_subject):
                continue
            # Doses are read as typed: the words as read lose "mg/dL" to "mg dl".
            asked = [typed] if rule.reason == "dosing" or not read else [typed, read]
            if any(p.search(text) for p in patterns for text in asked):
                return rule.reason, list(rule.closest), rule.message
        return None, [], None

    def other_topic(self, question: str, reading: Reading) -> str | None:
        """The other illness, medicine, test or everyday topic the question is about ("how is
        gout treated"), or None when it names none, or also names the summary's own subject (a
        tumor type, one of its tests or treatments, a tumor or growth): "I have lupus, can I
        still have PRRT" is in scope."""
        if self._other is None:
            return None
        typed = " ".join(fold(question).split())
        found = self._other.search(typed)
        if found is None or (self._own_words is not None and self._own_words.search(typed)):
            return None
        own = any(
            m.target == self._subject or m.target.partition(":")[0] in self._own_kinds
            for m in reading.mentions
        )
        return None if own or reading.subject else found.group(0)

    def gap(self, question: str, read: str) -> Gap | None:
        """The first gap (a topic the summary does not cover for this audience) asked about."""
        typed = " ".join(fold(question).split())
        for gap, patterns in self._gaps:
            if any(p.search(text) for p in patterns for text in (typed, read)):
                return gap
        return None
