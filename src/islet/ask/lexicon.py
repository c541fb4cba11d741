"""The data that teaches Ask Islet everyday words: lay terms, question facets, out-of-scope cues.

It lives in ``islet/knowledge/ask/*.yaml`` (a subfolder, so ``islet.kb`` does not load it) and is
validated here. Every lay term either names the knowledge-base item it stands for (``target``) or
carries the PDQ ``source`` where the summary itself gives the everyday wording.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.model import Audience, Id, Source, Strict
from islet.paths import knowledge_file
from islet.yamlfiles import read_mapping

ASK_DIR = knowledge_file("ask")

# How passages and targets name the collection an item comes from: "symptom:diarrhea".
KIND_OF_COLLECTION = {
    "sections": "section",
    "tumor_types": "tumor-type",
    "symptoms": "symptom",
    "symptom_patterns": "symptom-pattern",
    "tests": "test",
    "treatments": "treatment",
    "rules": "rule",
    "glossary": "glossary",
}
COLLECTION_OF_KIND = {kind: name for name, kind in KIND_OF_COLLECTION.items()}

OutOfScopeReason = Literal[
    "dosing",
    "advice",
    "personal-prognosis",
    "other-cancer",
    "near-neighbour",  # a neighbouring condition the summary does not cover (MEN2, pancreatitis)
    "unrelated",
    "not-understood",
    # set by the safety triage (islet.safety), before any retrieval; its medicine questions
    # keep the reason "dosing"
    "emergency",
    "crisis",
]
# Out-of-scope reasons about another condition: not when the question names a tumor type.
NEIGHBOURS: frozenset[OutOfScopeReason] = frozenset({"near-neighbour", "other-cancer"})
FacetId = Literal[
    "sites",
    "hormone",
    "tests",
    "symptoms",
    "treatment",
    "behaviour",
    "cause",
    "outlook",
    "prevention",
    "complications",
    "see-doctor",
]


MatchWord = Literal["best", "possible", "related", "loose", "closest", "nearby"]


class LayTerm(Strict):
    """Everyday phrases for one idea, and what they stand for in the knowledge base.

    ``target`` ("symptom:low-blood-sugar") adds that item's names to the question;
    ``means`` adds the given words and needs a ``source`` where PDQ uses that wording.
    """

    id: Id
    phrases: list[str] = Field(min_length=1)
    target: str | None = None
    means: str | None = None
    source: Source | None = None
    # Words that, within a few words of the phrase, give it another sense: a test result that
    # "came back high" is not a tumor that came back.
    unless_near: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _target_or_sourced_words(self) -> LayTerm:
        if (self.target is None) == (self.means is None):
            raise ValueError("give exactly one of 'target' or 'means'")
        if self.means is not None and self.source is None:
            raise ValueError("'means' needs the PDQ 'source' that uses this wording")
        if self.target is not None and ":" not in self.target:
            raise ValueError("target must look like 'kind:id', e.g. 'symptom:diarrhea'")
        return self


class Expansion(Strict):
    """Questions, in people's own words, that one knowledge item's passage answers."""

    item: str  # "kind:id", e.g. "section:prognosis"
    questions: list[str] = Field(min_length=1)


class Facet(Strict):
    """One thing people ask about a tumor type, recognised by its cue words."""

    id: FacetId
    cues: list[str] = Field(min_length=1)
    patterns: list[str] = Field(default_factory=list)  # each match counts as one more cue
    kinds: list[str] = Field(min_length=1)  # passage kinds that answer it: test, symptom, ...
    summary: str = Field(min_length=1)  # a template over the tumor type's fields
    summary_missing: str | None = None  # when the knowledge base has no value for the facet


class OutOfScopeRule(Strict):
    """Questions Islet must not answer, recognised by regular expressions."""

    reason: OutOfScopeReason
    patterns: list[str] = Field(min_length=1)
    closest: list[str] = Field(default_factory=list)  # near neighbours: what PDQ does cover
    message: str | None = None  # said instead of the reason's message ("no hospital ranking")
    # Everyday-life words that are story words when the question names a tumor type or the
    # summary's subject: then the rule is left out.
    not_with_subject: bool = False
    # A question that also asks for information in another part ("what are clinical trials,
    # and should I join one"): that part is answered, so the rule is left out (ask19).
    not_with_other_question: bool = False
    # Only when a part of the question that asks matches (focus.asking_parts), whatever else it
    # names: told as the story of another question, the words are left out (ask21).
    asked_only: bool = False
    # Kinds of Islet's items ("treatment", "test") that, named in what follows the words a
    # pattern matched (in the same clause), make the question one about that item rather than
    # the rule's: "is it safe to have a whipple" asks about the operation's risks, which the
    # summary covers; "is it safe to travel" names none and is still declined.
    not_of_kinds: list[str] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"bad pattern {pattern!r}: {error}") from error
        return patterns


class Neighbour(Strict):
    """A condition next to the summary's subject that it does not cover (MEN2, pancreatitis),
    by the names people use for it: a question about it is declined as such, with what the
    summary does cover nearby; one that only mentions it on the way is answered (see focus.py)."""

    id: Id
    names: list[str] = Field(min_length=1)  # lower case, no apostrophes: "von hippel lindau"
    closest: list[str] = Field(min_length=1)  # "kind:id" of what the summary does cover
    reason: OutOfScopeReason = "near-neighbour"
    # The summary tells its subject from this neighbour: a question that compares the two
    # ("is this different from regular pancreatic cancer?") is answered.
    compared: bool = False
    # Said instead of the reason's message (a treatment the summary never names is no condition).
    message: str | None = None

    def pattern(self) -> str:
        """Every name as a whole word or phrase (a plural "s" allowed; spaces or hyphens)."""
        names = sorted(self.names, key=len, reverse=True)
        spelled = (re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
        return r"\b(" + "|".join(spelled) + r")s?\b"


class Gap(Strict):
    """Something people ask that the summary (for some audiences) does not cover: the question
    gets this note, said plainly, and what the summary does say nearby, labelled as such."""

    id: str
    patterns: list[str] = Field(min_length=1)
    audiences: list[Audience] = Field(default_factory=list)  # empty: every audience
    note: str = Field(min_length=1)
    show: list[str] = Field(default_factory=list)  # "kind:id" of what the summary does say

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return OutOfScopeRule._compiles(patterns)


class Frame(Strict):
    """A question shape that asks about given items: the named items of ``context`` kinds are
    when or why, not what ("what scans after the Whipple" asks about follow-up tests)."""

    id: str
    patterns: list[str] = Field(min_length=1)  # every one must match the folded question
    unless: list[str] = Field(default_factory=list)  # none of these may match
    context: list[str] = Field(min_length=1)  # kinds of named items that become context
    targets: list[str] = Field(default_factory=list)  # "kind:id" of what the question is about
    # "kind:id" of items the question is not about, however many of its words their passages
    # share ("remove the whole pancreas" is not the operation that removes the whole stomach).
    not_about: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _says_what_it_is_about(self) -> Frame:
        if not self.targets and not self.not_about:
            raise ValueError(f"frame '{self.id}' needs targets or not_about")
        return self

    @field_validator("patterns", "unless")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return OutOfScopeRule._compiles(patterns)


class Lead(Strict):
    """A name people use both for the summary's subject and for a far more common neighbour
    ("pancreatic cancer"): said with nothing of the subject's own words, the passage that tells
    the two apart leads the answer, so what follows is not read as being about the neighbour."""

    id: str
    patterns: list[str] = Field(min_length=1)  # any one names it (the folded question)
    unless: list[str] = Field(default_factory=list)  # the subject's own words: then no lead
    passage: str  # "kind:id" of the passage that leads
    # "kind:id" of the items whose titles the answer offers as "Did you mean ...?": a shared
    # name said alone may mean either, so the answer is worded as unsure (ask19).
    hedge: list[str] = Field(default_factory=list)

    @field_validator("patterns", "unless")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return OutOfScopeRule._compiles(patterns)


class Answering(Strict):
    """Facets, out-of-scope cues and the messages Ask Islet shows."""

    @field_validator(
        "definition",
        "named_definition",
        "word_definition",
        "situation_asks",
        "recurrence_asks",
        "purpose_asks",
    )
    @classmethod
    def _definition_compiles(cls, patterns: list[str]) -> list[str]:
        return OutOfScopeRule._compiles(patterns)

    @field_validator("situation_features")
    @classmethod
    def _features_compile(cls, features: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in features.values():
            OutOfScopeRule._compiles(patterns)
        return features

    subject: str  # the glossary item naming the summary's own subject, e.g. glossary:pancreatic-net
    definition: list[str] = Field(min_length=1)  # patterns of "what is X" questions
    # "I have X. What does that mean?": a definition of the item the question names, whatever
    # story words come with it.
    named_definition: list[str] = Field(default_factory=list)
    # "What does <word> mean", "X vs Y": the named words in the groups `term` and `other` alone.
    word_definition: list[str] = Field(default_factory=list)
    # Words of a story around such a name ("my doctor", "just diagnosed with").
    story_words: list[str] = Field(default_factory=list)
    # The people a question is asked for, which never count against a domain question.
    people_words: list[str] = Field(default_factory=list)
    facets: list[Facet]
    site_names: dict[str, str]
    behaviour_phrases: dict[str, str]
    out_of_scope: list[OutOfScopeRule]
    gaps: list[Gap] = Field(default_factory=list)
    messages: dict[OutOfScopeReason, str]
    # Features of a tumor's situation (where, how many, how far it spread), each recognised by
    # patterns, and patterns of asking what is done about it: see situations.py.
    situation_features: dict[str, list[str]] = Field(default_factory=dict)
    situation_asks: list[str] = Field(default_factory=list)
    recurrence_asks: list[str] = Field(default_factory=list)
    # Items whose mention means the tumor came back or keeps growing ("section:recurrence").
    recurrence_targets: list[str] = Field(default_factory=list)
    frames: list[Frame] = Field(default_factory=list)  # question shapes: see frames.py
    leads: list[Lead] = Field(default_factory=list)  # names shared with a neighbour
    # Asking, often in fear, what a named treatment is for ("why bother", "what's the point of
    # it"): the treatment named is what is asked about (patterns over the folded question).
    purpose_asks: list[str] = Field(default_factory=list)
    # How an answer's passages relate to the question, in words (never a percentage).
    match_words: dict[MatchWord, str]
    help: str = Field(min_length=1)  # who to ask; may use {cis_phone}
    covers: str = Field(min_length=1)  # what the summary covers; may use {topics}
    did_you_mean: str = Field(min_length=1)  # an unsure answer's question back; uses {topics}

    @model_validator(mode="after")
    def _a_message_for_every_reason(self) -> Answering:
        missing = {rule.reason for rule in self.out_of_scope} - set(self.messages)
        if missing:
            raise ValueError(f"no message for: {', '.join(sorted(missing))}")
        return self


class OtherTopics(Strict):
    """Names of illnesses, medicines, tests and everyday health topics the summary does not
    cover ("gout", "metformin"), what makes a question about the summary's subject after all,
    and what a decline says. Each list is names separated by ";", lower case, no apostrophes."""

    illnesses: str = Field(min_length=1)
    medicines: str = ""
    tests: str = ""
    everyday: str = ""
    about_the_subject: list[str] = Field(min_length=1)  # item kinds: tumor-type, test, ...
    subject_words: str = Field(min_length=1)  # a pattern: "tumor", "growth", "islet" ...
    message: str = Field(min_length=1)

    @property
    def listed(self) -> list[str]:
        """Every name, one per entry."""
        return [
            name
            for names in (self.illnesses, self.medicines, self.tests, self.everyday)
            for name in _names(names)
        ]

    @property
    def words(self) -> frozenset[str]:
        """Every word of the names: real words that spelling repair must leave alone."""
        return frozenset(w for name in self.listed for w in name.split())

    def pattern(self) -> re.Pattern[str]:
        """One pattern for every name, as a whole word or phrase (a plural "s" allowed)."""
        names = sorted(self.listed, key=len, reverse=True)
        return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")s?\b")

    @field_validator("subject_words")
    @classmethod
    def _subject_compiles(cls, pattern: str) -> str:
        return OutOfScopeRule._compiles([pattern])[0]

    @model_validator(mode="after")
    def _no_repeats(self) -> OtherTopics:
        listed = self.listed
        repeated = sorted({n for n in listed if listed.count(n) > 1})
        if repeated:
            raise ValueError(f"listed twice: {', '.join(repeated)}")
        return self


def _names(names: str) -> list[str]:
    return [" ".join(name.split()) for name in names.split(";") if name.strip()]


class Lexicon(Strict):
    lay_terms: list[LayTerm]
    answering: Answering
    expansions: list[Expansion] = Field(default_factory=list)
    other_topics: OtherTopics | None = None
    neighbours: list[Neighbour] = Field(default_factory=list)


@cache
def load_lexicon(directory: Path = ASK_DIR) -> Lexicon:
    """The validated Ask Islet data; raises KnowledgeError listing every problem."""
    problems: list[str] = []
    lay_terms: list[LayTerm] = []
    expansions: list[Expansion] = []
    answering: Answering | None = None
    other: OtherTopics | None = None
    neighbours: list[Neighbour] = []
    for path in sorted(directory.glob("*.yaml")):
        document = read_mapping(path, f"ask/{path.name}", problems)
        if document is None:
            continue
        for key, value in document.items():
            try:
                if key == "lay_terms":
                    lay_terms.extend(LayTerm.model_validate(entry) for entry in value)
                elif key == "expansions":
                    expansions.extend(Expansion.model_validate(entry) for entry in value)
                elif key == "answering":
                    answering = Answering.model_validate(value)
                elif key == "other_topics":
                    other = OtherTopics.model_validate(value)
                elif key == "neighbours":
                    neighbours.extend(Neighbour.model_validate(entry) for entry in value)
                else:
                    problems.append(f"ask/{path.name}: unknown key '{key}'")
            except ValidationError as error:
                problems.extend(
                    f"ask/{path.name}: {key}: {'.'.join(map(str, d['loc']))}: {d['msg']}"
                    for d in error.errors()
                )
    if answering is None:
        problems.append("ask: no 'answering' block found")
    if not lay_terms:
        problems.append("ask: no lay terms found: is ask/lay-terms.yaml missing or empty?")
    ids = [term.id for term in lay_terms]
    problems.extend(
        f"ask: duplicate lay term '{i}'" for i in sorted({i for i in ids if ids.count(i) > 1})
    )
    if problems or answering is None:
        raise KnowledgeError(problems)
    return Lexicon(
        lay_terms=lay_terms,
        answering=answering,
        expansions=expansions,
        other_topics=other,
        neighbours=neighbours,
    )


def dangling_targets(lexicon: Lexicon, kb: KnowledgeBase) -> list[str]:
    """Problems for every lay term whose target is not an item of the knowledge base."""
    problems = []
    targets = [(f"lay term '{t.id}'", t.target) for t in lexicon.lay_terms if t.target]
    targets.append(("answering.subject", lexicon.answering.subject))
    targets.extend((f"expansion of '{e.item}'", e.item) for e in lexicon.expansions)
    targets.extend(
        (f"closest of a '{r.reason}' rule", c)
        for r in lexicon.answering.out_of_scope
        for c in r.closest
    )
    targets.extend((f"shown by gap '{g.id}'", t) for g in lexicon.answering.gaps for t in g.show)
    targets.extend(
        (f"closest of neighbour '{n.id}'", c) for n in lexicon.neighbours for c in n.closest
    )
    targets.extend((f"frame '{f.id}'", t) for f in lexicon.answering.frames for t in f.targets)
    targets.extend((f"frame '{f.id}'", t) for f in lexicon.answering.frames for t in f.not_about)
    targets.extend((f"lead '{d.id}'", d.passage) for d in lexicon.answering.leads)
    targets.extend((f"lead '{d.id}'", t) for d in lexicon.answering.leads for t in d.hedge)
    for where, target in targets:
        kind, _, item_id = target.partition(":")
        collection = COLLECTION_OF_KIND.get(kind)
        if collection is None or item_id not in kb.collection(collection):
            problems.append(f"ask: {where} points to unknown '{target}'")
    return problems
