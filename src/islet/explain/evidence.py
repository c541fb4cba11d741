"""Weighing what the symptom matcher found: which symptoms the words show, and how strongly.

A phrase found in the text is evidence for one symptom: named outright ("heartburn"), named
inside a longer name of a more specific symptom ("diarrhea" in "watery diarrhea": implied), or
one of PDQ's signs of it ("shaky" for low blood sugar). Two rules keep shared words from
counting twice (measured on blind texts, ``islet eval symptoms``):

- **Signs explained by a named symptom.** A sign that is also a sign of a symptom the text
  names, or whose words are that named symptom's own words, says nothing more: with "my sugar
  drops and I feel weak", "weak" is low blood sugar's, not a sign of high blood sugar; with
  "headaches", the headache is named, not a sign of dehydration.
- **One sign is not enough alone.** A symptom shown only by its signs needs two of them, or one
  beside a symptom of the same PDQ list named outright: "tired" among other complaints is too
  common to stand for low or high blood sugar; "dizzy" beside watery diarrhea is dehydration.
  A text of one complaint is the exception: when a sign is all the text tells ("i feel shaky",
  "always thirsty": a short text with nothing else named), it stands for every symptom PDQ
  gives it to, unless PDQ ties it to a place (a clot "in the lung: cough"), which a lone cough
  cannot show, or it is an everyday complaint ("I have been tired lately": ``everyday_signs``
  in the matcher's word list). A sign among other talk stays too common to stand alone.
  Plain diarrhea found only inside "watery diarrhea" vouches for no other list's sign ("watery
  diarrhea, so weak" is not high blood sugar), and a lone sign that is one of the signs showing
  another symptom is that symptom's ("barely peeing, so thirsty" is dehydration, not also low
  potassium).
- **Look-alike names.** PDQ words some signs differently in each list (pain in the abdomen or
  back; abdominal pain that may spread to the back; cramps or pain in the abdomen), so the same
  words ("stomach pain") name several symptoms. When every place a symptom was named is also
  where a look-alike was named, the one whose PDQ list the rest of the text supports best is
  kept; with no support either way, all are kept. A window that reaches over another
  symptom's whole name ("stomach cramps, heartburn and ulcers" found as "stomach ... ulcers")
  makes no rival there, and a symptom also named on words of its own is sure: its list supports
  the contested ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from islet.explain.matching import Match, Words, covers

SIGN_WEIGHT = 0.5  # one PDQ sign is half the evidence of naming the symptom itself
# A symptom named only inside a longer name of a more specific one ("diarrhea" in "watery
# diarrhea") still counts, a little less, so the specific symptom's list comes first.
IMPLIED_WEIGHT = 0.9

Span = tuple[int, int, int]  # clause, first token, last token


@dataclass(frozen=True)
class Phrase:
    symptom: str
    kind: Literal["named", "sign"]
    label: str  # the name or sign the phrase stands for
    words: Words
    text: str = ""  # the phrase as written


@dataclass
class Evidence:
    named: list[str] = field(default_factory=list)
    signs: dict[str, list[str]] = field(default_factory=dict)
    negated_named: bool = False  # named after a negation word ("no diarrhea")
    negated_signs: set[str] = field(default_factory=set)  # signs after one ("not shaky")
    implied: list[str] = field(default_factory=list)  # named within a more specific name
    spans: list[Span] = field(default_factory=list)  # where it was named
    sign_spans: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def negated(self) -> bool:
        """Said to be absent: named after a negation, or two of its signs are; one sign alone
        is no more absence than it is presence ("no pain at all" says nothing of a clot)."""
        return self.negated_named or len(self.negated_signs) >= 2

    @property
    def named_score(self) -> float:
        return 1.0 if self.named else IMPLIED_WEIGHT if self.implied else 0.0

    @property
    def sign_score(self) -> float:
        return min(1.0, SIGN_WEIGHT * len(self.signs))

    @property
    def strong(self) -> bool:
        """Named, or shown by at least two of its signs."""
        return bool(self.named or self.implied) or self.sign_score >= 1.0


def _span(match: Match) -> Span:
    return (match.clause, match.start, match.end)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] <= b[2] and b[1] <= a[2]


def gather(
    found: list[tuple[Phrase, Match]],
    sign_labels: Mapping[str, set[str]],
    patterns: Iterable[list[str]],
    never_alone: frozenset[str] = frozenset(),
    short: bool = False,
    look_alikes: frozenset[frozenset[str]] = frozenset(),
) -> dict[str, Evidence]:
    """The evidence for each symptom. ``sign_labels``: each symptom's PDQ signs (for the ones
    matched by signs); ``patterns``: PDQ's lists, as symptom ids; ``never_alone``: signs that
    never stand alone (tied to a place, or everyday complaints); ``short``: whether the
    text says little besides what was found, so that one sign may be its one complaint;
    ``look_alikes``: pairs of symptoms that the same words name, which never imply each other."""
    lists = [list(p) for p in patterns]
    loose = _loose(found)
    evidence = _evidence(found, look_alikes, loose)
    alone = _one_complaint(evidence, never_alone) if short else None
    _explain_signs(evidence, sign_labels, lists, alone)
    _settle_shared_signs(evidence, lists)
    _settle_look_alikes(evidence, lists, loose)
    return evidence


def _evidence(
    found: list[tuple[Phrase, Match]], look_alikes: frozenset[frozenset[str]], loose: set[Span]
) -> dict[str, Evidence]:
    # A longer phrase over the same words is the more specific symptom: "watery diarrhea" is
    # watery diarrhea first, and plain "diarrhea" too (implied), so adding words to a
    # description never loses a list that the shorter description matched.
    # A window that reaches over another symptom's whole name (``_loose``: "stomach pain and
    # ulcers" for "stomach ulcers" over "heartburn") implies nothing. Nor does a longer phrase of
    # a look-alike (``look_alikes``: symptoms the same words name, as "belly pain" names three of
    # PDQ's pains): the two are rivals, settled by the rest of the text
    # (``_settle_look_alikes``), whichever of them has the longer phrase.
    evidence: dict[str, Evidence] = {}
    spans: dict[str, set[Span]] = {}
    for q, other in found:
        spans.setdefault(q.symptom, set()).add(_span(other))
    for phrase, match in found:
        covered = any(
            covers(other, match)
            and _span(match) not in spans[q.symptom]
            and frozenset((q.symptom, phrase.symptom)) not in look_alikes
            and _span(other) not in loose
            for q, other in found
            if q.symptom != phrase.symptom
        )
        entry = evidence.setdefault(phrase.symptom, Evidence())
        if match.negated and phrase.kind == "named":
            entry.negated_named = True
        elif match.negated:
            entry.negated_signs.add(phrase.label)
        elif phrase.kind == "named":
            (entry.implied if covered else entry.named).append(match.words)
            if not covered:
                entry.spans.append(_span(match))
        elif not covered:
            entry.signs.setdefault(phrase.label, []).append(match.words)
            entry.sign_spans.setdefault(phrase.label, []).append(_span(match))
    return evidence


def _one_complaint(evidence: Mapping[str, Evidence], never_alone: frozenset[str]) -> str | None:
    """The sign, when one sign said as present is all the text tells of: nothing named, no other
    sign (a sign said absent does not count as telling)."""
    if any(ev.named or ev.implied for ev in evidence.values()):
        return None
    labels = {label for ev in evidence.values() for label in ev.signs}
    if len(labels) != 1 or labels <= never_alone:
        return None
    return next(iter(labels))


def _explain_signs(
    evidence: dict[str, Evidence],
    sign_labels: Mapping[str, set[str]],
    patterns: list[list[str]],
    alone: str | None = None,
) -> None:
    named = {sid: ev for sid, ev in evidence.items() if ev.named or ev.implied}
    outright = {sid for sid, ev in evidence.items() if ev.named}
    for sid, ev in evidence.items():
        for label in list(ev.signs):
            by_named = any(
                other != sid
                and (
                    label in sign_labels.get(other, set())
                    or any(_overlap(s, n) for s in ev.sign_spans[label] for n in nev.spans)
                )
                for other, nev in named.items()
            )
            if by_named:
                del ev.signs[label]
                del ev.sign_spans[label]
        backed = any(
            any(o in outright and o != sid for o in pattern)
            for pattern in patterns
            if sid in pattern
        )
        if not (ev.named or ev.implied or backed or alone) and len(ev.signs) < 2:
            ev.signs.clear()  # one sign alone is not enough
            ev.sign_spans.clear()
    shown = {sid: set(ev.signs) for sid, ev in evidence.items() if len(ev.signs) >= 2}
    for sid, ev in evidence.items():
        if len(ev.signs) == 1 and any(
            other != sid and set(ev.signs) <= labels for other, labels in shown.items()
        ):
            ev.signs.clear()  # its one sign is one of several that show another symptom
            ev.sign_spans.clear()


def _settle_shared_signs(evidence: dict[str, Evidence], patterns: list[list[str]]) -> None:
    """Symptoms shown only by two signs or more, where one's signs are all among another's, are
    read as one: "very thirsty and peeing a lot" shows high blood sugar or low potassium, not
    both (a text of one complaint still stands for every symptom PDQ gives its sign to). The one
    kept is the one whose PDQ list the rest of the text supports best ("watery diarrhea,
    thirsty, peeing a lot" is low potassium's list), then the one shown by more signs ("thirsty,
    dizzy, dry mouth" is dehydration), then the one PDQ gives to more lists (high blood sugar,
    in two, before low potassium, in one)."""
    shown = {
        sid: set(ev.signs)
        for sid, ev in evidence.items()
        if len(ev.signs) >= 2 and not (ev.named or ev.implied)
    }
    rivals = {
        sid: {o for o, theirs in shown.items() if o != sid and signs <= theirs}
        for sid, signs in shown.items()
    }
    group = {sid for sid, others in rivals.items() if others}
    group |= {o for others in rivals.values() for o in others}
    if not group:
        return

    def rank(sid: str) -> tuple[float, int, int]:
        support = max(
            (
                sum(_score(evidence[o]) for o in pattern if o in evidence and o not in group)
                for pattern in patterns
                if sid in pattern
            ),
            default=0.0,
        )
        return (support, len(shown[sid]), sum(sid in pattern for pattern in patterns))

    ranks = {sid: rank(sid) for sid in group}
    for sid, others in rivals.items():
        if any(ranks[o] > ranks[sid] for o in others):
            evidence[sid].signs.clear()
            evidence[sid].sign_spans.clear()


def _loose(found: list[tuple[Phrase, Match]]) -> set[Span]:
    """Where a phrase's window reaches over other words: it holds the whole of another
    symptom's name, none of whose words are its own ("stomach cramps, heartburn and ulcers" holds
    "stomach ... ulcers" over "heartburn"). Such a match names no rival there."""
    return {
        _span(outer)
        for phrase, outer in found
        if any(
            q.symptom != phrase.symptom
            and _within(_span(inner), _span(outer))
            and not set(q.words.stems) & set(phrase.words.stems)
            for q, inner in found
        )
    }


def _settle_look_alikes(
    evidence: dict[str, Evidence], patterns: list[list[str]], loose: set[Span]
) -> None:
    named = {sid: ev for sid, ev in evidence.items() if ev.spans and not (ev.signs or ev.implied)}
    rivals: dict[str, set[str]] = {}
    tight = {sid: [s for s in ev.spans if s not in loose] for sid, ev in named.items()}
    for sid, ev in named.items():
        others = {
            other
            for other in named
            if other != sid and any(_overlap(s, o) for s in ev.spans for o in tight[other])
        }
        theirs = [o for other in others for o in tight[other]]
        if others and all(any(_overlap(s, o) for o in theirs) for s in ev.spans):
            rivals[sid] = others
    if not rivals:
        return
    # A symptom also named on words of its own ("a lump I can feel" beside "belly going to my
    # back and a lump") is sure: its list supports the contested ones'.
    contested = set(rivals)
    group = contested | {o for others in rivals.values() for o in others}

    def support(sid: str) -> float:
        return max(
            (
                sum(_score(evidence[o]) for o in pattern if o in evidence and o not in contested)
                for pattern in patterns
                if sid in pattern
            ),
            default=0.0,
        )

    scores = {sid: support(sid) for sid in group}
    for sid, others in rivals.items():
        if any(scores[o] > scores[sid] for o in others):
            evidence[sid].named.clear()
            evidence[sid].spans.clear()


def _within(small: Span, big: Span) -> bool:
    return small[0] == big[0] and big[1] <= small[1] and small[2] <= big[2]


def _score(ev: Evidence) -> float:
    return max(ev.named_score, ev.sign_score if ev.signs else 0.0)
