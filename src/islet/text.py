"""How Islet reads people's words: normalisation, tokens, one stemmer and the word lists.

Ask, the symptom explainer, the safety triage and trial screening all read text through this
module, so that case, accents, curly apostrophes and hyphens are handled one way:

- :func:`fold` lower-cases, removes accents, straightens apostrophes (``’ ‘ ` -> '``) and, as
  each reader needs, splits or joins hyphenated words and drops apostrophes;
- the token patterns (``WORD``, ``PHRASE_TOKEN``, ``CLAUSE_TOKEN``, ``SPANISH_TOKEN``) say what
  a word is for each reader: Ask indexes letters and digits, the explainer keeps the
  punctuation that ends a clause, the triage keeps "i.v." and "24/7" whole;
- :func:`stem` is the one stemmer. It has two styles, because the two readers were tuned on
  different ones and merging them changes what they find (measured by ``islet eval ask`` and
  the explainer's tests): ``"index"``, light, for Ask's index ("surgeries" meets "surgery",
  "sweaty" stays itself), and ``"phrase"``, cruder, for the explainer's lay phrases ("sweaty",
  "sweating" and "sweats" all meet);
- :func:`phrase_pattern` turns phrases into one whole-word regular expression (trial screening);
- :func:`in_sentence` writes a name as it reads inside a sentence (Ask's answers, the web pages).

The word lists are data in ``knowledge/language/`` (English word lists, language cues),
validated on first use and by ``islet check``. Everything here is about language, not medicine.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError

from islet.model import Strict
from islet.paths import knowledge_file

LANGUAGE_DIR = knowledge_file("language")
ENGLISH_FILE = LANGUAGE_DIR / "english.yaml"
CUES_FILE = LANGUAGE_DIR / "cues.yaml"

Hyphens = Literal["keep", "space", "drop"]
StemStyle = Literal["index", "phrase"]

# Letters and digits: Ask's index terms and trial text.
WORD = re.compile(r"[a-z0-9]+")
# The symptom explainer: words (apostrophes are dropped before, "don't" is "dont"), and what
# ends a clause.
PHRASE_TOKEN = re.compile(r"[a-z0-9']+|[.,;!?()]")
# The safety triage: "i.v.", "24/7" and "mum's" stay whole; sentence and clause punctuation.
CLAUSE_TOKEN = re.compile(r"[a-z0-9]+(?:['/.][a-z0-9]+)*'?|[.!?;,\n]")
# Spanish questions read into English: "1,5", "1.5" and "ki-67" stay whole; a percent sign.
SPANISH_TOKEN = re.compile(r"[a-z0-9]+(?:[.,-][a-z0-9]+)*|%")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_HYPHEN_IN_WORD = re.compile(r"(?<=[a-z])-(?=[a-z])")
_POSSESSIVE = re.compile(r"'s\b")


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Tumor size" -> "tumor size", "Gastrinoma" ->
    "gastrinoma", while "VIPoma", "ACTH", "MEN1 syndrome" and "PRRT" keep their capitals."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def plain(text: str) -> str:
    """``text`` without accents or other combining marks ("azúcar" -> "azucar", "ñ" -> "n")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str, *, hyphens: Hyphens = "keep", apostrophes: bool = True) -> str:
    """Lower case without accents, every apostrophe straight (’ ‘ and ` become ').

    ``hyphens``: "keep" them; "space" splits a hyphenated word ("light-headed" -> "light
    headed"); "drop" removes every hyphen ("light-headed" -> "lightheaded").
    ``apostrophes=False`` drops a possessive 's and then every apostrophe ("mum's" -> "mum",
    "don't" -> "dont"). Every reader folds accents: on blind Spanish texts (``islet eval symptoms
    --lang es``) folding found more symptoms typed without them.
    """
    text = plain(text).lower().translate(_APOSTROPHES)
    if hyphens == "space":
        text = _HYPHEN_IN_WORD.sub(" ", text)
    elif hyphens == "drop":
        text = text.replace("-", "")
    if not apostrophes:
        text = _POSSESSIVE.sub("", text).replace("'", "")
    return text


# --- the word lists ------------------------------------------------------------------------------


def _as_typed(value: Any) -> Any:
    """Words written as one space-separated string, each once, in lower case."""
    if not isinstance(value, str):
        return value
    words = value.split()
    twice = sorted({w for w in words if words.count(w) > 1})
    if twice:
        raise ValueError(f"given twice: {', '.join(twice)}")
    upper = [w for w in words if w != w.lower()]
    if upper:
        raise ValueError(f"not in lower case: {', '.join(upper)}")
    return words


def _folded(value: Any) -> Any:
    """As :func:`_as_typed`, and folded as the readers fold their text (no accents)."""
    words = _as_typed(value)
    unfolded = [w for w in words if isinstance(w, str) and w != fold(w)]
    if unfolded:
        raise ValueError(f"not folded (accents, curly apostrophes): {', '.join(unfolded)}")
    return words


Words = Annotated[frozenset[str], BeforeValidator(_folded)]
WordSequence = Annotated[tuple[str, ...], BeforeValidator(_folded)]  # order counts
CueWords = Annotated[frozenset[str], BeforeValidator(_as_typed)]  # accents as people type them


class WordSense(Strict):
    """A word read as another when a word next to it gives it that sense ("how fast" is speed)."""

    reads_as: str
    next_to: Words
    # A third sense, read as the key next to its words ("a fast heartbeat" is a rapid one, so
    # "how fast does it grow" shares no word with it).
    other_senses: dict[str, Words] = Field(default_factory=dict)


class IndexWords(Strict):
    """Ask: how questions and passages become index terms."""

    stop_words: Words
    everyday_words: Words
    chat_spellings: dict[str, str]
    irregular_forms: dict[str, str]
    spelling_variants: dict[str, str]
    singular_in_s: Words  # "pancreas": a final s that is not a plural
    medical_endings: WordSequence
    senses: dict[str, WordSense]


class PhraseWords(Strict):
    """The symptom explainer: small words, negation and where a clause or statement ends."""

    stop_words: Words
    negations: Words
    not_negating_before: Words
    clause_ends: Words
    new_subjects: Words
    soft_breaks: Words
    # "if I don't eat I get the shakes": a negation inside a condition ends where its main
    # clause starts, at a new subject
    conditions: Words = frozenset()
    # "no ulcers, just reflux": after a soft break, a contrast starts a new statement
    contrasts: Words = frozenset()
    # "diarrhea I don't have" / "úlcera no tengo": a negation and one of these ending a stretch
    # negate what came before them in it
    having: Words = frozenset()
    # "sugar is high, which he never had": a negation and a word of having after one of these
    # (a subject between them or not) tell that what came before is new, not that it is absent
    relatives: Words = frozenset()
    # "the nurse asked if my eyes were yellow and I said no", "me preguntó si tenía la piel
    # amarilla y no": a question asked (``asking`` then ``asking_openers``) answered by a bare
    # negation, with words of saying (``saying``) before it or none, denies what was asked
    asking: Words = frozenset()
    asking_openers: Words = frozenset()
    saying: Words = frozenset()
    # "casi no orino y diarrea como agua": a negation after one of these says "hardly", a sign
    # of its own, and negates nothing that follows
    not_negating_after: Words = frozenset()
    # "without even trying": words read past when looking at the word after a negation
    emphasis: Words = frozenset()
    # "no rash, diarrhea nor ulcers", "sin sarpullido, diarrea ni úlceras": words that join the
    # last item of a negated list, as "and" and "or" do
    list_closers: Words = frozenset()
    # "Rash: no", "diarrea tampoco": negation words that, ending a stretch alone, deny what came
    # before them in it
    answers: Words = frozenset()
    # "not eating much and losing weight": after a negated verb, a joining word of these that
    # starts a new verb phrase ends the negation; negations of these deny things, not verbs
    adding: Words = frozenset()
    thing_negations: Words = frozenset()
    # "el omeprazol no me ayudó y las úlceras vuelven": pronouns that stand only before a verb;
    # a negation, these and one word before a joining word is a whole negated verb, and what
    # follows the joining word is said on its own
    verb_pronouns: Words = frozenset()
    # "my mood is fine", "stools are normal", "la piel está bien": a word of these, ending a
    # stretch after a verb of being (``being``, with ``degrees`` read past), says that what the
    # stretch names is not there
    # "the rash isn't there either": words after a negation that ends a stretch, which then
    # denies what came before it
    denial_tails: Words = frozenset()
    # "nothing like a rash": negations that deny only when they start a stretch and no new
    # subject follows them ("I eat nothing", "nothing I do helps" deny nothing)
    stretch_openers: Words = frozenset()
    well: Words = frozenset()
    being: Words = frozenset()
    degrees: Words = frozenset()


class EnglishWords(Strict):
    index: IndexWords
    phrases: PhraseWords


class LanguageCues(Strict):
    """Words common in one language and rare in the other, as typed (with or without accents)."""

    spanish: CueWords
    english: CueWords


@cache
def english() -> EnglishWords:
    """The English word lists (``knowledge/language/english.yaml``); KnowledgeError if broken."""
    from islet.kb import load_data_file

    return load_data_file(ENGLISH_FILE, EnglishWords, "language/english.yaml")


@cache
def cues() -> LanguageCues:
    """The language cues (``knowledge/language/cues.yaml``); KnowledgeError if broken."""
    from islet.kb import load_data_file

    return load_data_file(CUES_FILE, LanguageCues, "language/cues.yaml")


LIST_FILES: dict[str, type[Strict]] = {"english.yaml": EnglishWords, "cues.yaml": LanguageCues}


def language_problems(directory: Path) -> list[str]:
    """Every problem in the word lists of ``directory/language`` (for ``islet check``); none
    when ``directory`` has no such folder (a knowledge folder of content only)."""
    from islet.errors import KnowledgeError
    from islet.kb import validation_problems
    from islet.yamlfiles import read_yaml

    problems: list[str] = []
    if not (directory / "language").is_dir():
        return problems
    for name, model in LIST_FILES.items():
        where = f"language/{name}"
        try:
            model.model_validate(read_yaml(directory / "language" / name, where))
        except KnowledgeError as error:
            problems.extend(error.problems)
        except ValidationError as error:
            problems.extend(validation_problems(where, "", error))
    return problems


# --- the stemmer ---------------------------------------------------------------------------------

_VOWELS = frozenset("aeiouy")
# Plural endings: (ending, replacement, shortest word it applies to).
_PLURALS = (
    ("ies", "y", 5),  # surgeries -> surgery
    ("sses", "ss", 5),
    ("ses", "s", 6),  # metastases -> metastas, diagnoses -> diagnos
    ("ches", "ch", 5),
    ("shes", "sh", 5),
    ("xes", "x", 4),
    ("zes", "z", 4),
)
# Endings cut last: diagnosis/prognosis meet diagnose, removal meets remove.
_ENDINGS = (("osis", 5), ("al", 7))


def stem(word: str, style: StemStyle = "index") -> str:
    """The stem of a folded word.

    ``"index"`` (Ask): a light suffix-stripping stem, plural, -ing, -ed, -ly, -ment, -al and a
    final e, simpler than Porter's on purpose: only "tests"/"test", "treated"/"treatment"/
    "treat", "diagnosed"/"diagnose", "surgeries"/"surgery" need to meet.
    ``"phrase"`` (the symptom explainer): cruder, so that the forms of a lay word meet:
    "sweaty"/"sweating"/"sweats", "tiredness"/"tired", "dropping"/"drop".
    """
    return _phrase_stem(word) if style == "phrase" else _index_stem(word)


def _index_stem(word: str) -> str:
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    for ending, replacement, shortest in _PLURALS:
        if w.endswith(ending) and len(w) >= shortest:
            w = w[: -len(ending)] + replacement
            break
    else:
        if (
            w.endswith("s")
            and not w.endswith(("ss", "us", "is", "os"))
            and w not in english().index.singular_in_s
        ):
            w = w[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ments", "ment", "ly"):
        if w.endswith(suffix) and has_vowel(w[: -len(suffix)]) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    for ending, shortest in _ENDINGS:
        if w.endswith(ending) and len(w) >= shortest:
            w = w[:-2]
            break
    if w.endswith("e") and len(w) > 3:  # "race" meets "racing", "dose" meets "dosing"
        w = w[:-1]
    return w


def _phrase_stem(word: str) -> str:
    if word.endswith("ness") and len(word) > 7:
        word = word[:-4]  # tiredness -> tired
    for suffix in ("ing", "ion", "ed", "es", "s"):
        plural = suffix in ("es", "s")
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not (plural and word.endswith(("ss", "us")))
        ):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] in "eyi":
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # dropp -> drop
    return word


def has_vowel(text: str) -> bool:
    """Whether ``text`` holds a vowel (y counts)."""
    return any(c in _VOWELS for c in text)


# --- phrases as patterns -------------------------------------------------------------------------


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of ``phrases`` as whole words.

    Spaces and hyphens inside a phrase match either, so "low grade" also finds "low-grade".
    """
    alternatives = sorted({_phrase_regex(p) for p in phrases}, key=len, reverse=True)
    # Whole words only; a hyphen counts as a boundary ("treatment-naive", "grade 1-2").
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _phrase_regex(phrase: str) -> str:
    parts = re.split(r"[\s-]+", phrase.strip())
    return r"[\s-]+".join(re.escape(part) for part in parts)
