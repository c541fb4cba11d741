"""The safety triage's word lists and replies, read from ``knowledge/safety/`` and validated.

The vocabulary (``triage.yaml``) says which words signal an emergency, a crisis or a medicine
question, and which context undoes them (negation, the past, a question about signs in general);
the replies (``replies.yaml``) say what Islet answers for each level. Both are data: changing
what the triage recognises never needs a code change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar

import pydantic
from pydantic import Field, field_validator, model_validator

from islet import compiled
from islet.errors import KnowledgeError
from islet.kb import load_data_file
from islet.model import Source, Strict
from islet.paths import knowledge_file
from islet.safety.spelling import (
    ENGLISH_WORD_FILES,
    english_sound_alikes,
    english_swaps,
    sound_alikes,
)

SAFETY_DIR = knowledge_file("safety")
Level = Literal["emergency", "crisis", "medication", "none"]
# what a question asked in general is about, beside its answer: a danger sign (when to get urgent
# care) or too much of a medicine (Poison Control)
Topic = Literal["danger", "overdose"]
LEVELS: tuple[Level, ...] = ("emergency", "crisis", "medication", "none")  # highest first
T = TypeVar("T")


# the look-behinds that open every vocabulary pattern: no word, and no decimal number, before it
LEADING_EDGE = r"(?<![\w'])(?<!\d[.,])"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """One vocabulary pattern as a regular expression bounded by word edges; never starting
    inside a decimal number ("2.5 mg" is no "5 mg": a pattern takes the decimal whole). The
    pattern is grouped, so each of its top-level alternatives ("a|b|c") has both edges: no
    alternative matches inside a longer word ("ledge" in "knowledge", "ambien" in "tambien");
    a pattern meant to take a word's longer forms says so ("interaccion\\w*")."""
    # whole on its own first: an unclosed "[" or "(" would otherwise reach into the edges
    re.compile(pattern)
    return re.compile(rf"{LEADING_EDGE}(?:{pattern})(?![\w'])")


class _Patterns(Strict):
    @staticmethod
    def _check(patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                compile_pattern(pattern)
            except re.error as error:
                raise ValueError(
                    f"pattern {pattern!r} is not a valid expression: {error}"
                ) from None
        return patterns


class Findable(_Patterns):
    """Patterns, or groups of which each must be found in one sentence."""

    patterns: list[str] = Field(default_factory=list)
    # or: every group must be found in the same sentence ("blood" + "vomit" in any order)
    all_of: list[list[str]] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return cls._check(value)

    @field_validator("all_of")
    @classmethod
    def _valid_groups(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            if not group:
                raise ValueError("an all_of group needs at least one pattern")
            cls._check(group)
        return value


class Forms(Findable):
    """A signal in another language: its label and the patterns added to the English ones."""

    label: str


class Signal(Findable):
    """Words that signal one thing (chest pain, thoughts of suicide, stopping a medicine...)."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    level: Level  # ``none``: a helper signal other signals may need (low-sugar words, a medicine)
    kind: str
    label: str  # what was recognised, in plain words ("chest pain or pressure")
    needs: list[str] = Field(default_factory=list)  # counts only with one of these signals too
    event: bool = False  # the words report something that happened (not made hypothetical)
    resolvable: bool = False  # "fine now" in the same sentence undoes it
    mild_excluded: bool = False  # "a bit", "climbing stairs" undo it
    danger_topic: bool = False  # asked about in general, it still earns the urgent-care note
    negatable: bool = True  # false: a mention counts even after "not" ("did not take my X")
    # true: a sign of intent that does not count in a sentence telling it as a mistake and the
    # person as well ("took the whole box by mistake, thought they were vitamins, feels fine": a
    # possible overdose, medication; without "feels fine" it stays an emergency)
    deliberate: bool = False
    # false: a sign told as meant (it needs words that mean it), which a figure of speech in the
    # sentence ("..., he forgot our anniversary") does not undo
    figured: bool = True
    # true: the parts of its ``all_of`` may be told in any sentences of the text, not only in
    # one sentence or a run of fragments ("... on the stove. ok it wasn't the stove. i did it to
    # myself")
    whole_text: bool = False
    es: Forms | None = None  # the Spanish label and patterns (see islet.safety.languages)

    @model_validator(mode="after")
    def _something_to_find(self) -> Signal:
        # a signal with words in Spanish only (a Spanish way of saying it that English does not
        # share) has neither: the English triage never looks for it
        if not _findable(self) and (self.es is None or not _findable(self.es)):
            raise ValueError("a signal needs patterns, or all_of with at least two groups")
        return self


def _findable(forms: Findable) -> bool:
    return bool(forms.patterns) or len(forms.all_of) >= 2


class Context(_Patterns):
    negation_window: int = Field(ge=1, le=10)
    negation: list[str] = Field(min_length=1)
    # cues that deny a whole list ("denies CP, SOB, melena"): the short items after them are negated
    list_negation: list[str] = Field(default_factory=list)
    pseudo_negation: list[str]
    past: list[str]
    resolved: list[str]
    present: list[str]
    mild: list[str]
    informational: list[str]
    informational_crisis: list[str]
    figures_of_speech: list[str]
    # the opposite of a crisis: a wish to live, a fear of dying ("I do not want to die")
    wish_to_live: list[str] = Field(default_factory=list)
    # a change a clinician made ("the endocrinologist stopped my diazoxide"): words for them,
    # and the verbs that report a change made (a match that starts with one)
    prescribers: list[str] = Field(default_factory=list)
    clinician_changes: list[str] = Field(default_factory=list)
    # a clinician's instruction told, ending where the medicine words start ("la doctora me
    # indicó que deje el omeprazol antes del estudio"): what was said, not a question to answer
    clinician_orders: list[str] = Field(default_factory=list)
    # a dose taken as prescribed, reported rather than to be changed
    as_prescribed: list[str] = Field(default_factory=list)
    # a routine told with its schedule ("i take my insulin twice a day"): in a text that asks
    # nothing, no medicine question for the word model to raise
    routine_told: list[str] = Field(default_factory=list)
    # a faint, or someone who could not be woken, over after sugar or food: no emergency now
    recovered_after_sugar: list[str] = Field(default_factory=list)
    # a wish or a fear about not waking ("she prays she will not wake up", "worried about not
    # waking up after the operation"): no emergency sign in its words (a wish is read as crisis)
    not_waking_wishes: list[str] = Field(default_factory=list)
    # an emergency sign feared or said to be over, in its own words ("me da miedo desmayarme",
    # "no me he vuelto a desmayar"): no emergency sign in them (the text's other signs still count)
    feared_or_over: list[str] = Field(default_factory=list)
    # someone away who does not answer messages ("no vino a trabajar y no contesta"): no sign of
    # a person lying unresponsive in its words (read like ``not_waking_wishes``)
    away_not_answering: list[str] = Field(default_factory=list)
    # a habit of waking late or not early ("she no longer wakes early since retiring"): no sign of
    # a person lying unresponsive, nor a wish not to wake, in its words
    waking_habits: list[str] = Field(default_factory=list)
    # an emergency sign said of an animal ("my dog had a seizure", "the cat collapsed"): no
    # emergency in its words, as with the wishes above
    not_of_a_person: list[str] = Field(default_factory=list)
    # a clinician's word that the sign is harmless ("the gp said that is normal with iron"): no
    # emergency sign told up to it counts (never one told after it: islet.safety.scope)
    explained: list[str] = Field(default_factory=list)
    # a sign had, then told as gone at the sentence's end ("had a tight chest this morning but it
    # is gone now"): no emergency sign told up to it counts, as with ``explained``
    told_gone: list[str] = Field(default_factory=list)
    # safetyfix15c: a sign named only as what a form or a clinician asks about ("the nurse asked
    # me about chest pain"): a history asked for; only an emergency sign whose words lie in the
    # words asked about is covered, never a sign of now told after them in the sentence
    asked_about: list[str] = Field(default_factory=list)
    # an everyday doing that shares a crisis's words ("go home and sleep", "old clothes to the
    # charity shop", "commit to eating better"): the word model raises no crisis over it
    everyday_doings: list[str] = Field(default_factory=list)
    # words right after a sign that deny it, in a language that can put the denial last
    # ("sangre no hay", "negro tampoco": no blood, not black either)
    negation_after: list[str] = Field(default_factory=list)
    # words that say a sign has not come back since ("nothing since", "does not happen now"):
    # a sign told in the past elsewhere in the text, long enough ago, is over
    none_since: list[str] = Field(default_factory=list)
    # words that tell a medicine taken as a mistake ("by accident", "por error"), and that the
    # person is well so far ("feels fine", "se siente bien")
    accidental: list[str] = Field(default_factory=list)
    well_so_far: list[str] = Field(default_factory=list)
    # a time of these last days ("this morning", "yesterday"): a sign told with one is recent,
    # whatever ``none_since`` follows; the patterns are read as one expression between word edges
    recent: list[str] = Field(default_factory=list)
    # a question about how a sign is stopped, treated or prevented ("how do they stop that",
    # "como lo evitan"), and a sign told as a pattern that recurs in its own words ("faints from
    # low sugar", "se desmaya"): the two together, with nothing of now, ask rather than report
    treatment_asked: list[str] = Field(default_factory=list)
    habitual_signs: list[str] = Field(default_factory=list)
    # a question about a medicine in general, asked of no one ("what does a missed dose mean for
    # the treatment", "what happens if you overdose on octreotide"): answered, no medicine sign
    medicine_asked_in_general: list[str] = Field(default_factory=list)
    # too much of a hormone a tumor makes, asked about as the disease ("my tumor makes too much
    # insulin, what are the symptoms of too much insulin"): a medicine sign whose words lie inside
    # one is no dose taken, whoever the sentence speaks of
    hormone_asked: list[str] = Field(default_factory=list)
    # safetyfix14e: words that say a sign is meant now ("but now", "tonight", "again", "esta vez
    # lo digo en serio"): a figure of speech or a clinician's word in the same sentence does not
    # undo a sign told with one
    meant_now: list[str] = Field(default_factory=list)
    # safetyfix15b: the meant-now words that say it from the next sentence too ("... for the
    # washing line. Not joking, it's for me tonight."), never a bare time ("going camping tonight")
    meant_now_after: list[str] = Field(default_factory=list)
    # safetyfix15b: words that set a change against what was told before it ("... as prescribed,
    # but today i took double", "... como dijo el doctor, pero hoy me tomé el doble"): a dose told
    # as prescribed on one side of them says nothing of the other side
    contrasts: list[str] = Field(default_factory=list)

    @field_validator(
        "past",
        "resolved",
        "present",
        "mild",
        "informational",
        "informational_crisis",
        "figures_of_speech",
        "meant_now",
        "meant_now_after",
        "contrasts",
        "wish_to_live",
        "as_prescribed",
        "routine_told",
        "recovered_after_sugar",
        "clinician_changes",
        "not_waking_wishes",
        "away_not_answering",
        "waking_habits",
        "not_of_a_person",
        "explained",
        "told_gone",
        "asked_about",
        "everyday_doings",
        "recent",
        "treatment_asked",
        "habitual_signs",
        "medicine_asked_in_general",
        "hormone_asked",
    )
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return cls._check(value)


class GlucoseWords(Strict):
    words: list[str] = Field(min_length=1)
    weak_words: list[str]
    sugar_context: list[str] = Field(min_length=1)
    gap: int = Field(ge=1, le=10)
    mmol_if_below: float = Field(gt=0)
    low_mg_dl: float = Field(gt=0)
    serious_mg_dl: float = Field(gt=0)
    not_glucose: list[str]  # other measures whose numbers are not blood sugar
    # what a label or a bottle says: the number it tells is a dose; other numbers stay readings
    dose_labels: list[str] = Field(default_factory=list)
    # the word "low" another measure takes ("low potassium", "el potasio bajo"): no low sugar
    measure_low: list[str] = Field(default_factory=list)
    # words right after a number that make it something else ("40 anos"), words before it that
    # make it a limit ("menos de 70"), and words after it that name sugar ("40 de azucar");
    # the English ones are built into islet.safety.readings
    not_a_reading_after: list[str] = Field(default_factory=list)
    thresholds: list[str] = Field(default_factory=list)
    number_before: list[str] = Field(default_factory=list)
    # words just before a number that make it someone's age ("mi hijo de 45", "a sus 60")
    ages_before: list[str] = Field(default_factory=list)
    # words naming an illness, a diagnosis or a turn in a life: between a reading word and "at"
    # they make the number after "at" an age ("then diabetes out of nowhere at 58")
    onsets: list[str] = Field(default_factory=list)
    # other measures that, named just before a reading word, own its number ("el potasio me
    # salio en 3.2", "el ki 67 marca 15") unless a sugar word claims it
    measures_before: list[str] = Field(default_factory=list)
    # words a reading word and its number never have between them: a verdict ("sugar was fine,
    # he turned 60") or a label that gives the number another meaning ("sugar ok, room 38")
    gap_stops: list[str] = Field(default_factory=list)
    # a medicine named before a number in plain "mg" makes it a dose, not a shortened mg/dL
    # reading ("my sugar pills are 5 mg" against "sugar 44mg")
    dose_words: list[str] = Field(default_factory=list)
    # a language's own forms of a bare number told as where someone is now, with signs of low
    # sugar in the text and no sugar word ("40 y temblando", "mi mamá está en 35"); group 1 is
    # the number (English's are built into islet.safety.lowreading)
    bare_readings: list[str] = Field(default_factory=list)
    # a language's own words that tell a clause as now after one saying the sugar came up
    # ("pero ahora está en 45"); English has its ``still_now`` in numbers.yaml
    told_now: list[str] = Field(default_factory=list)
    # signs beside which a bare number is read as a low sugar ("shaky", "confused"; a language
    # adds its own: "no puede tragar")
    low_signs: list[str] = Field(default_factory=list)

    @field_validator("low_signs")
    @classmethod
    def _valid_signs(cls, value: list[str]) -> list[str]:
        # searched as written (their own word edges); an expression invalid alone is invalid
        # inside the vocabulary's word edges too, so the vocabulary's own check serves
        return _Patterns._check(value)


class Grammar(Strict):
    """How a language marks clauses, reports, questions and numbers: English's, and each other
    language's (added to the English one in islet.safety.languages)."""

    clause_breaks: list[str]
    new_statement: list[str]
    conjunctions: list[str]
    hypothetical: list[str]
    personal: list[str]
    not_personal: list[str] = Field(default_factory=list)  # English words that mean else here
    generic: list[str] = Field(default_factory=list)  # "alguien", "la gente": in general
    # pronouns that may stand for the person named later in the same clause (Spanish "le", "les":
    # "¿la quimio le da convulsiones a los niños?" asks about children in general)
    doubled: list[str] = Field(default_factory=list)
    # a device or a check that tells a number as one's own reading ("the meter says 38")
    own_reading: list[str] = Field(default_factory=list)
    # a sentence opening with one of these asks rather than reports ("what causes black stools")
    question_openers: list[str] = Field(default_factory=list)
    # patterns: a sentence opening with one of these supposes rather than reports ("what if my
    # sugar is 50", "say it drops to 40"): no reading in it
    supposing: list[str] = Field(default_factory=list)
    event: list[str]  # patterns: a match holding one reports an event ("se desmayo")
    negative_start: list[str]
    tens: dict[str, int]
    units: dict[str, int]
    joiners: list[str]
    decimal_comma: bool = False  # "2,4" is a decimal number in this language
    # dictated numbers (islet.safety.dictation): just after a reading verb, words that sound
    # like a number word ("for tea": forty), and a unit, a point word and a unit as a decimal
    reading_verbs: list[str] = Field(default_factory=list)
    sound_alike_numbers: dict[str, str] = Field(default_factory=dict)
    points: list[str] = Field(default_factory=list)
    # scopefix16: words that name a thing or a person ("the", "el"); people named who start a
    # new statement after a conjunction ("... and mom is not breathing", "y el bebé no respira");
    # verbs that tell a sign in the present ("i have", "his face is", "tengo", "no puedo")
    articles: list[str] = Field(default_factory=list)
    present_conjunctions: list[str] = Field(default_factory=list)  # "yet", "while" before a now
    people: list[str] = Field(default_factory=list)
    present_verbs: list[str] = Field(default_factory=list)
    verb_negations: list[str] = Field(default_factory=list)  # "no puedo respirar": still a report
    # safetyfix17b: words of one's own ("my", "i"): after a question in general, a clause with one
    # tells the asker's own signs; unless it opens on an example word ("like", "such as")
    own: list[str] = Field(default_factory=list)
    mine: list[str] = Field(default_factory=list)  # "mine": the sign asked about, one's own
    examples: list[str] = Field(default_factory=list)
    # safetyfix17e: ... unless that clause tells a source or a wish to know ("my book lists
    # shaking", "i want to know"): the words are the asker's, the signs are not
    sources: list[str] = Field(default_factory=list)


class LanguageVocabulary(Strict):
    """What a language adds to the English vocabulary."""

    rewrites: dict[str, str]
    # key words read through their sound-alike spellings (islet.safety.spelling), except
    # spellings that are other real words
    sound_alikes: list[str] = Field(default_factory=list)
    not_sound_alikes: list[str] = Field(default_factory=list)
    context: Context
    glucose: GlucoseWords
    grammar: Grammar


# a shared alternation named in a signal's pattern: "{{brand_medicines}}"
SHARED = re.compile(r"\{\{(\w+)\}\}")


class Vocabulary(Strict):
    # alternations written once, named in the signals' patterns as {{name}} (filled in on load)
    shared: dict[str, str] = Field(default_factory=dict)
    rewrites: dict[str, str]
    medicine_names: list[str] = Field(default_factory=list)  # read through one-letter slips
    # English key words read through their sound-alike spellings (islet.spelling), except
    # spellings that are real English words or listed here
    sound_alikes: list[str] = Field(default_factory=list)
    not_sound_alikes: list[str] = Field(default_factory=list)
    # English key words read through two neighbouring letters typed the wrong way round ("wnat",
    # "kllI"), except spellings that are real English words
    swapped_letters: list[str] = Field(default_factory=list)
    spelled_alike: dict[str, str] = Field(default_factory=dict)  # worked out on load
    context: Context
    glucose: GlucoseWords
    signals: list[Signal] = Field(min_length=1)
    grammar: Grammar  # English
    languages: dict[Literal["es"], LanguageVocabulary] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _shared_filled(cls, data: object) -> object:
        """The signals, context cues and language forms with each {{name}} replaced by its
        shared alternation; an unknown name is refused, naming it."""
        return shared_filled(data, ("signals", "context", "languages"))


def shared_filled(data: object, keys: tuple[str, ...]) -> object:
    """``data`` (a file's mapping) with each {{name}} in the values under ``keys`` replaced by
    the alternation its ``shared`` mapping gives; an unknown name is refused, naming it."""
    if not isinstance(data, dict):
        return data
    shared = data.get("shared") or {}
    if not isinstance(shared, dict):
        return data

    def name(match: re.Match[str]) -> str:
        if match.group(1) not in shared:
            raise ValueError(f"pattern names unknown shared list '{match.group(1)}'")
        return str(shared[match.group(1)])

    def filled(value: object) -> object:
        if isinstance(value, str):
            return SHARED.sub(name, value)
        if isinstance(value, list):
            return [filled(v) for v in value]
        if isinstance(value, dict):
            return {k: filled(v) for k, v in value.items()}
        return value

    return {**data, **{k: filled(data[k]) for k in keys if k in data}}


class Contact(Strict):
    """A number to call or text; interfaces turn it into a tel: or sms: link."""

    label: str
    number: str = Field(pattern=r"^[0-9-]+$")
    call: bool = False
    text: bool = False


class LevelReply(Strict):
    message: str
    actions: list[str]
    contacts: list[Contact]


class ExtraReply(Strict):
    message: str
    actions: list[str]
    contacts: list[Contact]


class LowSugarReply(Strict):
    first: str  # leads a reply where a low number is the only sign
    with_danger: str  # follows the call to 911 when there are danger signs too
    unit: str  # a number without a unit that is low in mg/dL and high in mmol/L
    actions: list[str]


class Replies(Strict):
    source: Source
    levels: dict[Level, LevelReply]
    overdose: ExtraReply
    overdose_emergency: str
    missed: str
    low_sugar: LowSugarReply
    crisis_also: str
    reading: dict[Literal["serious-low", "low"], str]
    danger_topic: str
    overdose_topic: ExtraReply
    reading_sign: str = "a low blood sugar reading"  # the sign shown for a low reading


def compiled_from(
    path: Path, build: Callable[[], T], expected: type[T], also: tuple[Path, ...] = ()
) -> T:
    """``build()``'s object made from the safety file at ``path`` (and the files ``also`` read),
    loaded from the compiled cache when it was made from the same files and code (see
    ``islet.compiled``)."""
    try:
        code = compiled.code_files((*compiled.SHAPING_CODE, "safety"))
        key = compiled.digest([path, *also, *code], {"pydantic": pydantic.VERSION})
    except OSError:
        return build()  # unreadable: building says so
    return compiled.cached(f"safety.{path.name}", key, build, expected)


@cache
def vocabulary(path: Path = SAFETY_DIR / "triage.yaml") -> Vocabulary:
    """The triage vocabulary; raises KnowledgeError when it is missing, invalid or dangling."""
    # Compiled with its misspellings: working them out takes longer than loading them.
    return compiled_from(
        path, lambda: _checked_vocabulary(path), Vocabulary, also=ENGLISH_WORD_FILES
    )


def _checked_vocabulary(path: Path) -> Vocabulary:
    data = load_data_file(path, Vocabulary, f"safety/{path.name}")
    problems = vocabulary_problems(data)
    if problems:
        raise KnowledgeError([f"safety/{path.name}: {p}" for p in problems])
    slips = misspellings(data.medicine_names, keep=set(data.rewrites))
    keep = set(data.rewrites) | set(data.not_sound_alikes) | set(slips)
    alike = english_sound_alikes(data.sound_alikes, keep)
    alike = {**english_swaps(data.swapped_letters, keep | set(alike)), **alike}
    languages = {
        name: extra.model_copy(
            update={
                "rewrites": {**_alike(extra), **extra.rewrites},
                "glucose": _with_doses(extra.glucose, data.medicine_names),
            }
        )
        for name, extra in data.languages.items()
    }
    return data.model_copy(
        update={
            "rewrites": {**alike, **slips, **data.rewrites},
            "spelled_alike": alike,
            "glucose": _with_doses(data.glucose, data.medicine_names),
            "languages": languages,
        }
    )


def _with_doses(glucose: GlucoseWords, medicine_names: list[str]) -> GlucoseWords:
    """The reading words with every medicine's name as a dose word ("diazoxide 50mg")."""
    return glucose.model_copy(update={"dose_words": [*glucose.dose_words, *medicine_names]})


def _alike(extra: LanguageVocabulary) -> dict[str, str]:
    """A language's sound-alike spellings of its key words, as rewrites."""
    keep = set(extra.rewrites) | set(extra.not_sound_alikes)
    return sound_alikes(extra.sound_alikes, keep)


MIN_NAME = 7  # shorter names have too many real words one letter away
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspellings(names: list[str], keep: set[str]) -> dict[str, str]:
    """Every word one slip away from a name (a letter left out, added or changed, or two
    neighbours swapped), mapped to the name; never a name itself or a word in ``keep``."""
    out: dict[str, str] = {}
    for name in (n for n in names if len(n) >= MIN_NAME):
        splits = [(name[:i], name[i:]) for i in range(len(name) + 1)]
        slips = {a + b[1:] for a, b in splits if b}
        slips |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        slips |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
        slips |= {a + c + b for a, b in splits for c in LETTERS}
        for slip in slips - {name}:
            out.setdefault(slip, name)
    return {slip: name for slip, name in out.items() if slip not in keep and slip not in names}


def vocabulary_problems(data: Vocabulary) -> list[str]:
    """Duplicate signal ids and ``needs`` that name no signal."""
    ids = [s.id for s in data.signals]
    problems = [
        f"signal id '{i}' is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    problems += [
        f"signal '{s.id}' needs unknown signal '{n}'"
        for s in data.signals
        for n in s.needs
        if n not in ids
    ]
    return problems


@cache
def replies(path: Path = SAFETY_DIR / "replies.yaml") -> Replies:
    """What Islet says for each level; raises KnowledgeError when missing or invalid."""
    data = load_data_file(path, Replies, f"safety/{path.name}")
    missing = [level for level in LEVELS if level not in data.levels]
    if missing:
        raise KnowledgeError([f"safety/{path.name}: no reply for level '{m}'" for m in missing])
    return data
