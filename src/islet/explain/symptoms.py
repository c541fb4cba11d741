"""The symptom explainer: lay words in, PDQ's symptom lists out, red flags first.

:func:`explain_symptoms` matches free text (or symptom ids) against the symptom vocabulary of the
knowledge base (lay names, synonyms, PDQ's signs) plus the matcher-only extras in
``knowledge/explain/symptom-matching.yaml``, and ranks PDQ's lists of signs (one per hormone
excess, one for nonfunctional tumors). It never names a diagnosis: every result carries the
reminder that these signs have many causes and only a doctor can tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from islet import kb as kb_module
from islet.errors import KnowledgeError
from islet.explain.evidence import SIGN_WEIGHT as SIGN_WEIGHT
from islet.explain.evidence import Evidence, Phrase, gather
from islet.explain.matching import (
    Match,
    Token,
    find,
    one_slip,
    phrase_words,
    stem,
    tokenize,
    words_of,
)
from islet.explain.slips import long_slips, long_words
from islet.explain.spelling import SpanishSpelling
from islet.explain.weights import WeightNumbers, weight_lost
from islet.kb import KnowledgeBase, load_data_file
from islet.language import Language, guess_language
from islet.model import Id, Source, Strict, plain_text
from islet.paths import knowledge_file
from islet.safety import Safety, triage
from islet.safety.cues import compiled
from islet.text import english
from islet.translations import in_language

EXTRAS_FILE = knowledge_file("explain", "symptom-matching.yaml")
MAX_TEXT_CHARS = 2000  # what a person may write about their symptoms in one go
MIN_SLIP = 6  # shorter words have too many real words one letter away
# A text of one complaint says little besides it: "i get the shakes every morning" (two words
# beside the sign) is one; "tired all the time and working too many hours" is not.
ONE_COMPLAINT_SLACK = 3


# --- the matcher-only extras -------------------------------------------------------------------


class RedFlagRule(Strict):
    symptom: Id
    needs_symptom: bool
    triggers: list[str] = Field(min_length=1)


class MatchingExtras(Strict):
    source: Source
    reminder: str
    urgent_notice: str
    not_recognised: str
    intro: str
    examples: list[str] = Field(min_length=1)
    sign_matching: list[Id] = Field(default_factory=list)
    extra_synonyms: dict[Id, list[str]] = Field(default_factory=dict)
    ignore_synonyms: list[str] = Field(default_factory=list)
    extra_signs: dict[str, list[str]] = Field(default_factory=dict)
    everyday_signs: list[str] = Field(default_factory=list)  # never one complaint on their own
    red_flags: list[RedFlagRule] = Field(default_factory=list)
    slips_of: list[str] = Field(default_factory=list)
    not_slips: list[str] = Field(default_factory=list)
    spellings: dict[str, str] = Field(default_factory=dict)  # as typed -> the word meant
    # phrasings that tell a sign only as something new ("diagnosed with diabetes"), and the
    # words that tell a condition of long standing, which take such a phrasing back
    new_only: dict[Id, list[str]] = Field(default_factory=dict)
    long_standing: list[str] = Field(default_factory=list)
    weight_numbers: WeightNumbers | None = None  # "went from 84 to 75" (English and Spanish)
    # places that put a symptom's name somewhere else: "mouth ulcers" are no stomach ulcers
    elsewhere: dict[Id, list[str]] = Field(default_factory=dict)
    # a sign of much -> the signs of little that, found over the same words, tell it instead
    said_little: dict[str, list[str]] = Field(default_factory=dict)
    # a general symptom -> the more specific ones that tell it: listed only without them
    told_within: dict[Id, list[Id]] = Field(default_factory=dict)


class SpanishExtras(Strict):
    """The fixed texts of the result in Spanish (``knowledge/es/explain/``), and Spanish lay
    phrasings added to the English ones (people mix the two: "tengo back pain")."""

    reminder: str
    urgent_notice: str
    not_recognised: str
    intro: str
    examples: list[str] = Field(min_length=1)
    extra_synonyms: dict[Id, list[str]] = Field(default_factory=dict)
    ignore_synonyms: list[str] = Field(default_factory=list)  # as in English
    extra_signs: dict[str, list[str]] = Field(default_factory=dict)  # Spanish sign -> phrasings
    everyday_signs: list[str] = Field(default_factory=list)  # Spanish signs, as in English
    new_only: dict[Id, list[str]] = Field(default_factory=dict)  # as in English
    elsewhere: dict[Id, list[str]] = Field(default_factory=dict)  # as in English
    long_standing: list[str] = Field(default_factory=list)


SPANISH_EXTRAS_FILE = knowledge_file("es", "explain", EXTRAS_FILE.name)


def _joined(english: dict[str, list[str]], spanish: dict[str, list[str]]) -> dict[str, list[str]]:
    """Per symptom id, the English phrasings and the Spanish ones after them."""
    return {sid: [*english.get(sid, []), *spanish.get(sid, [])] for sid in {**english, **spanish}}


@cache
def extras_in(language: Language, path: Path = EXTRAS_FILE) -> MatchingExtras:
    """The matcher-only extras with the result's fixed texts in ``language``."""
    data = extras(path)
    if language == "en":
        return data
    where = f"es/explain/{SPANISH_EXTRAS_FILE.name}"
    spanish = load_data_file(SPANISH_EXTRAS_FILE, SpanishExtras, where)
    lists = {
        "elsewhere",
        "extra_synonyms",
        "ignore_synonyms",
        "extra_signs",
        "everyday_signs",
        "new_only",
        "long_standing",
    }
    texts = spanish.model_dump(exclude=lists)
    return data.model_copy(
        update={
            **texts,
            "extra_synonyms": _joined(data.extra_synonyms, spanish.extra_synonyms),
            "ignore_synonyms": [*data.ignore_synonyms, *spanish.ignore_synonyms],
            "extra_signs": {**data.extra_signs, **spanish.extra_signs},
            "everyday_signs": [*data.everyday_signs, *spanish.everyday_signs],
            "new_only": _joined(data.new_only, spanish.new_only),
            "elsewhere": _joined(data.elsewhere, spanish.elsewhere),
            "long_standing": [*data.long_standing, *spanish.long_standing],
        }
    )


@cache
def extras(path: Path = EXTRAS_FILE) -> MatchingExtras:
    """The matcher-only extras; raises KnowledgeError when missing or invalid."""
    return load_data_file(path, MatchingExtras, f"explain/{path.name}")


def extras_problems(kb: KnowledgeBase, data: MatchingExtras) -> list[str]:
    """Ids in the extras that the knowledge base does not have."""
    named = [*data.sign_matching, *data.extra_synonyms, *data.new_only, *data.elsewhere]
    named += [*data.told_within, *(i for ids in data.told_within.values() for i in ids)]
    named += [r.symptom for r in data.red_flags]
    problems = [f"unknown symptom id '{i}'" for i in named if i not in kb.symptoms]
    problems += [
        f"red flag rule for '{r.symptom}', which has no red_flag text"
        for r in data.red_flags
        if r.symptom in kb.symptoms and not kb.symptoms[r.symptom].red_flag
    ]
    return problems


# --- result types ------------------------------------------------------------------------------


class SymptomRef(Strict):
    id: str
    lay_name: str


class FoundSymptom(SymptomRef):
    """A symptom recognised in the input: named outright, or only through PDQ's signs of it."""

    how: Literal["named", "signs"]
    words: list[str]  # the words of the input that matched
    signs: list[str]  # PDQ signs of this symptom found in the input


class PatternResult(Strict):
    """One PDQ list of signs, with the entries that matched the input and those that did not."""

    id: str
    name: str
    hormone: str | None
    tumor_types: list[str]
    score: float
    matched: list[FoundSymptom]
    unmatched: list[SymptomRef]
    explanation: str
    marked_explanation: str  # with [[glossary]] marks, for interfaces that link terms
    source: Source


class RedFlagNotice(Strict):
    symptom_id: str
    lay_name: str
    message: str
    marked_message: str
    words: list[str]
    source: Source


class SymptomExplanation(Strict):
    """The whole answer. Red flags come first; ``patterns`` are ranked, best match first."""

    urgent: bool
    urgent_notice: str | None
    red_flags: list[RedFlagNotice]
    recognised: bool
    message: str
    reminder: str
    symptoms: list[FoundSymptom]
    negated: list[SymptomRef]  # symptoms the input says are absent ("no diarrhea")
    patterns: list[PatternResult]
    examples: list[str]  # phrasings Islet recognises, shown when nothing was recognised
    source: Source
    safety: Safety  # the safety triage of the text: emergencies and crisis come first


# --- matching ----------------------------------------------------------------------------------


def phrases(kb: KnowledgeBase, data: MatchingExtras) -> list[Phrase]:
    """Every phrase the matcher looks for, from the vocabulary and the extras."""
    out: list[Phrase] = []
    for symptom in kb.symptoms.values():
        ignored = {i.lower() for i in data.ignore_synonyms}
        synonyms = [s for s in symptom.synonyms if s.lower() not in ignored]
        names = [symptom.id.replace("-", " "), symptom.lay_name, *synonyms]
        names += data.extra_synonyms.get(symptom.id, [])
        names += data.new_only.get(symptom.id, [])
        if " (" in symptom.lay_name:
            names.append(symptom.lay_name.split(" (")[0])
        out += [Phrase(symptom.id, "named", symptom.lay_name, phrase_words(n), n) for n in names]
        if symptom.id in data.sign_matching:
            for sign in symptom.signs:
                label = sign.split(":", 1)[-1].strip()  # "in the lung: cough" -> "cough"
                for words in (label, *data.extra_signs.get(label, [])):
                    out.append(Phrase(symptom.id, "sign", label, phrase_words(words), words))
    return [p for p in out if p.words.stems]


def explain_symptoms(
    text_or_ids: str | Sequence[str],
    kb: KnowledgeBase | None = None,
    language: Language | None = None,
) -> SymptomExplanation:
    """Rank PDQ's lists of signs against what a person describes.

    ``text_or_ids`` is free text in lay words ("my sugar keeps dropping and I get shaky"), or a
    list whose items are symptom ids (taken as named) or free text. Negated mentions ("no
    diarrhea", "not shaky", "without a rash") count as absent and are listed in ``negated``.

    Promises: red flags (signs that need urgent care now) come first, with ``urgent`` set; every
    pattern is listed, ranked by how well it matches, each with matched and unmatched symptoms
    in PDQ order; the reminder is always present; when no symptom is recognised the result says
    so (``recognised=False``) and gives ``examples`` instead of a ranking.
    """
    items = [text_or_ids] if isinstance(text_or_ids, str) else list(text_or_ids)
    spoken = language or guess_language(" ".join(items)) or "en"
    english = kb or kb_module.load()
    kb = in_language(spoken, english)
    data = extras_in(spoken)
    problems = extras_problems(kb, data)
    if problems:
        raise KnowledgeError([f"explain/{EXTRAS_FILE.name}: {p}" for p in problems])
    text_parts = [i for i in items if isinstance(i, str) and i not in kb.symptoms]
    searched = phrases(kb, data)
    if kb is not english:  # English names too: people mix the two languages
        searched += [p for p in phrases(english, extras()) if p.kind == "named"]
    known = frozenset(w for p in searched for w in p.words.stems)
    slips = {
        **_dropped_g(tuple(p.text for p in searched), known),
        **_slips(tuple(data.slips_of), frozenset(data.not_slips), known),
        **long_slips(text_parts, long_words(tuple(p.text for p in searched), known)),
        **data.spellings,
    }
    read = _spanish(tuple(p.text for p in searched)).read if spoken == "es" else None
    clauses = [c for part in text_parts for c in tokenize(part, slips, read)]
    found = [(p, m) for p in searched for m in find(p.words, clauses)]
    found = _new_only(found, data, clauses)
    found = _elsewhere(found, data, clauses)
    found = _said_little(found, data)
    sign_labels: dict[str, set[str]] = {}
    for phrase in searched:
        if phrase.kind == "sign":
            sign_labels.setdefault(phrase.symptom, set()).add(phrase.label)
    patterns = [p.symptoms for p in kb.symptom_patterns.values()]
    never_alone = frozenset(data.everyday_signs) | {
        sign.split(":", 1)[1].strip()  # a sign PDQ ties to a place: "in the lung: cough"
        for symptom in kb.symptoms.values()
        if symptom.id in data.sign_matching
        for sign in symptom.signs
        if ":" in sign
    }
    short = _words_beside(clauses, [m for _, m in found]) <= ONE_COMPLAINT_SLACK
    evidence = gather(found, sign_labels, patterns, never_alone, short, _look_alikes(searched))
    for item in items:
        if item in kb.symptoms:
            evidence.setdefault(item, Evidence()).named.append(kb.symptoms[item].lay_name)

    present = {
        sid: FoundSymptom(
            id=sid,
            lay_name=kb.symptoms[sid].lay_name,
            how="named" if ev.named or ev.implied else "signs",
            words=_unique([*ev.named, *ev.implied, *(w for ws in ev.signs.values() for w in ws)]),
            signs=list(ev.signs),
        )
        for sid, ev in evidence.items()
        if ev.named or ev.implied or (ev.signs and not ev.negated_named)
    }
    negated = [
        SymptomRef(id=sid, lay_name=kb.symptoms[sid].lay_name)
        for sid, ev in evidence.items()
        if ev.negated and sid not in present
    ]
    safety = triage("\n".join(text_parts), language or (spoken if spoken == "es" else None))
    _read_low_sugar(kb, safety, present, evidence)
    _read_weight_numbers(kb, data, "\n".join(text_parts), spoken, present, evidence)
    flags = _red_flags(kb, data, clauses, evidence) + _safety_flags(safety)
    recognised = bool(present)

    def within(sid: str) -> bool:  # told by a more specific symptom found beside it
        return any(other in present for other in data.told_within.get(sid, []))

    return SymptomExplanation(
        urgent=bool(flags),
        urgent_notice=(safety.message if safety.urgent else data.urgent_notice) if flags else None,
        red_flags=flags,
        recognised=recognised,
        message=data.intro if recognised else data.not_recognised,
        reminder=data.reminder,
        symptoms=[present[sid] for sid in kb.symptoms if sid in present and not within(sid)],
        negated=negated,
        patterns=_ranked(kb, present, evidence) if recognised else [],
        examples=[] if recognised else data.examples,
        source=data.source,
        safety=safety,
    )


def _look_alikes(searched: list[Phrase]) -> frozenset[frozenset[str]]:
    """Pairs of symptoms that the same words name ("belly pain" is a name of three of PDQ's
    pains): one's longer name never tells the other, they are rivals."""
    by_words: dict[frozenset[str], set[str]] = {}
    for phrase in searched:
        if phrase.kind == "named":
            by_words.setdefault(frozenset(phrase.words.stems), set()).add(phrase.symptom)
    return frozenset(
        frozenset((a, b)) for ids in by_words.values() for a in ids for b in ids if a != b
    )


def _new_only(
    found: list[tuple[Phrase, Match]], data: MatchingExtras, clauses: list[list[Token]]
) -> list[tuple[Phrase, Match]]:
    """The matches, less those of a phrasing that tells a sign only as new ("diagnosed with
    diabetes") in a clause that tells of a condition of long standing ("diagnosed with diabetes
    twenty years ago"): that is an illness someone has lived with, not a sign."""
    new_only = {(sid, text) for sid, texts in data.new_only.items() for text in texts}
    old = {m.clause for text in data.long_standing for m in find(phrase_words(text), clauses)}
    return [(p, m) for p, m in found if (p.symptom, p.text) not in new_only or m.clause not in old]


def _said_little(
    found: list[tuple[Phrase, Match]], data: MatchingExtras
) -> list[tuple[Phrase, Match]]:
    """The matches, less a sign of much ("pee all the time") found over the same words as a
    sign of little ("hardly pees"): "he hardly pees at all, thirsty all the time" makes less
    urine; a word of little says little, not much."""
    little = {
        (m.clause, i)
        for p, m in found
        if p.kind == "sign" and any(p.label in ls for ls in data.said_little.values())
        for i in range(m.start, m.end + 1)
    }
    return [
        (p, m)
        for p, m in found
        if not (
            p.kind == "sign"
            and p.label in data.said_little
            and any((m.clause, i) in little for i in range(m.start, m.end + 1))
        )
    ]


PLACE_REACH = 3  # words after a name that may say where it is: "ulcers in my mouth"


def _elsewhere(
    found: list[tuple[Phrase, Match]], data: MatchingExtras, clauses: list[list[Token]]
) -> list[tuple[Phrase, Match]]:
    """The matches, less a name that a place word puts somewhere else: the word just before it
    ("mouth ulcers", "leg ulcer") or one a few words after it, before any break ("ulcers in my
    mouth", "úlceras en la boca")."""
    breaks = english().phrases.soft_breaks
    kept = []
    for phrase, match in found:
        # the words as written (the lists spell each form): a stem may be another word's
        # ("dosis" and "dos" share one)
        places = {w for text in data.elsewhere.get(phrase.symptom, []) for w in words_of(text)}
        tokens = clauses[match.clause]
        before = tokens[match.start - 1].raw if match.start > 0 else ""
        after = []
        for token in tokens[match.end + 1 : match.end + 1 + PLACE_REACH]:
            if not token.raw[0].isalnum() or token.raw in breaks:
                break
            after.append(token.raw)
        if not places or (before not in places and not places & set(after)):
            kept.append((phrase, match))
    return kept


def _words_beside(clauses: list[list[Token]], matches: list[Match]) -> int:
    """How many content words of the text no phrase found covers."""
    covered = {(m.clause, i) for m in matches for i in range(m.start, m.end + 1)}
    return sum(
        1
        for c, tokens in enumerate(clauses)
        for i, token in enumerate(tokens)
        if token.content and not token.cue and (c, i) not in covered
    )


@cache
def _slips(words: tuple[str, ...], keep: frozenset[str], known: frozenset[str]) -> dict[str, str]:
    """Mistyped forms of ``words`` (one letter off) -> the word, never a word in ``keep`` or
    one whose stem a phrase uses."""
    slips = one_slip([w for w in words if len(w) >= MIN_SLIP], set(keep))
    return {slip: word for slip, word in slips.items() if stem(slip) not in known}


@cache
def _dropped_g(texts: tuple[str, ...], known: frozenset[str]) -> dict[str, str]:
    """A phrase word in -ing typed as said, without its g ("losin weight", "achin back") -> the
    word; never a form whose stem a phrase uses."""
    words = {w for text in texts for w in words_of(text) if w.endswith("ing") and len(w) > 5}
    return {w[:-1]: w for w in words if stem(w[:-1]) not in known}


@cache
def _spanish(texts: tuple[str, ...]) -> SpanishSpelling:
    """Spanish written by ear or in diminutives, read as the words of the phrases."""
    return SpanishSpelling.of(w for text in texts for w in words_of(text))


def _read_low_sugar(
    kb: KnowledgeBase,
    safety: Safety,
    present: dict[str, FoundSymptom],
    evidence: dict[str, Evidence],
) -> None:
    """A low blood sugar number is low blood sugar, never high ("my sugar was 30")."""
    reading = safety.reading
    if reading is None or reading.low is None or "low-blood-sugar" not in kb.symptoms:
        return
    high = present.get("high-blood-sugar")
    if high is not None and not any("high" in w or "hyper" in w for w in high.words):
        del present["high-blood-sugar"]
    if "low-blood-sugar" not in present:
        evidence.setdefault("low-blood-sugar", Evidence()).named.append(reading.words)
        present["low-blood-sugar"] = FoundSymptom(
            id="low-blood-sugar",
            lay_name=kb.symptoms["low-blood-sugar"].lay_name,
            how="named",
            words=[reading.words],
            signs=[],
        )


def _read_weight_numbers(
    kb: KnowledgeBase,
    data: MatchingExtras,
    text: str,
    language: Language,
    present: dict[str, FoundSymptom],
    evidence: dict[str, Evidence],
) -> None:
    """A weight told as two numbers, the second smaller, is weight loss ("bajé de 84 a 75")."""
    if data.weight_numbers is None or "weight-loss" in present or "weight-loss" not in kb.symptoms:
        return
    words = weight_lost(text, data.weight_numbers, compiled(language).sugar_context)
    if words is None:
        return
    evidence.setdefault("weight-loss", Evidence()).named.append(words)
    present["weight-loss"] = FoundSymptom(
        id="weight-loss",
        lay_name=kb.symptoms["weight-loss"].lay_name,
        how="named",
        words=[words],
        signs=[],
    )


def _safety_flags(safety: Safety) -> list[RedFlagNotice]:
    """The triage's emergency or crisis signs as red flags, so ``red_flags`` names why."""
    if not safety.urgent:
        return []
    return [
        RedFlagNotice(
            symptom_id=f"safety:{safety.level}",
            lay_name=sign[:1].upper() + sign[1:],
            message=safety.message,
            marked_message=safety.message,
            words=safety.words,
            source=safety.source,
        )
        for sign in safety.signs or [safety.level]
    ]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _red_flags(
    kb: KnowledgeBase,
    data: MatchingExtras,
    clauses: list[list[Token]],
    evidence: dict[str, Evidence],
) -> list[RedFlagNotice]:
    notices = []
    for rule in data.red_flags:
        symptom = kb.symptoms[rule.symptom]
        if rule.needs_symptom and not (rule.symptom in evidence and evidence[rule.symptom].strong):
            continue
        words = [
            m.words
            for trigger in rule.triggers
            for m in find(phrase_words(trigger), clauses)
            if not m.negated
        ]
        if words and symptom.red_flag:
            notices.append(
                RedFlagNotice(
                    symptom_id=symptom.id,
                    lay_name=symptom.lay_name,
                    message=plain_text(symptom.red_flag),
                    marked_message=symptom.red_flag,
                    words=_unique(words),
                    source=symptom.source,
                )
            )
    return notices


def _ranked(
    kb: KnowledgeBase, present: dict[str, FoundSymptom], evidence: dict[str, Evidence]
) -> list[PatternResult]:
    scored = []
    for order, pattern in enumerate(kb.symptom_patterns.values()):
        score = 0.0
        for sid in pattern.symptoms:
            if sid in present:
                ev = evidence[sid]
                score += max(ev.named_score, ev.sign_score)
        coverage = score / len(pattern.symptoms)
        result = PatternResult(
            id=pattern.id,
            name=pattern.name,
            hormone=pattern.hormone,
            tumor_types=pattern.tumor_types,
            score=round(score, 2),
            matched=[present[s] for s in pattern.symptoms if s in present],
            unmatched=[
                SymptomRef(id=s, lay_name=kb.symptoms[s].lay_name)
                for s in pattern.symptoms
                if s not in present
            ],
            explanation=plain_text(pattern.patient),
            marked_explanation=pattern.patient,
            source=pattern.source,
        )
        scored.append((-score, -coverage, order, result))
    return [entry[-1] for entry in sorted(scored, key=lambda e: e[:3])]
