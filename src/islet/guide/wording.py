"""Facts, values and leaf tests in short phrases, from the guide's wording data."""

from __future__ import annotations

from collections.abc import Sequence

from islet.guide.data import GuideData, Question
from islet.guide.logic import NONE, Facts, Reason
from islet.model import FactIn, FactIs


class Words:
    """Turns facts, values and leaf tests into short phrases from the guide data."""

    def __init__(self, data: GuideData) -> None:
        self.questions: dict[str, Question] = {q.fact: q for q in data.questions}
        self.phrases = data.phrases

    def question(self, fact: str) -> Question:
        return self.questions[fact]

    def value(self, fact: str, value: str | bool) -> str:
        question = self.question(fact)
        if value == NONE and question.none_label:
            return question.none_label
        return question.label_of(value)

    def values(self, fact: str, values: Sequence[str | bool]) -> str:
        return self.phrases.any_of.join(self.value(fact, v) for v in values)

    def said(self, fact: str, value: object) -> str:
        """What the person said for ``fact``, in words."""
        if isinstance(value, list):
            items = [str(v) for v in value] or [NONE]
            return self.phrases.all_of.join(self.value(fact, v) for v in items)
        assert isinstance(value, str | bool)
        return self.value(fact, value)

    def wanted(self, reason: Reason) -> str:
        """The values a leaf test names, in words (a yes/no test through a ``not`` flips)."""
        leaf = reason.leaf
        if isinstance(leaf, FactIs):
            text = self.value(leaf.fact, leaf.is_ != reason.negated)
            return text
        values: list[str] = leaf.in_ if isinstance(leaf, FactIn) else leaf.has_any
        return self.values(leaf.fact, values)

    def fits(self, reason: Reason, facts: Facts) -> str:
        fact = reason.leaf.fact
        return f"{self.question(fact).label}: {self.said(fact, facts[fact])}"

    def misfit(self, reason: Reason, facts: Facts) -> str:
        fact = reason.leaf.fact
        said = _inline(self.said(fact, facts[fact]))
        if reason.negated and not isinstance(reason.leaf, FactIs):
            # a "not" test over values: say what PDQ leaves out, not "anything but ..."
            left_out = _inline(self.wanted(Reason(reason.leaf)))
            return self.phrases.misfit_left_out.format(
                label=self.question(fact).label, said=said, left_out=left_out
            )
        return self.phrases.misfit.format(
            label=self.question(fact).label, wanted=_inline(self.wanted(reason)), said=said
        )


def _inline(phrase: str) -> str:
    """A choice label as it reads inside a sentence: "A tumor that makes ACTH" becomes "a tumor
    that makes ACTH"; names such as "VIPoma" keep their capitals."""
    if len(phrase) > 1 and phrase[0].isupper() and (phrase[1].islower() or phrase[1] == " "):
        return phrase[0].lower() + phrase[1:]
    return phrase
