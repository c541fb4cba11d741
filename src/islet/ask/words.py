"""Words of questions and passages: splitting, stop words, a light stemmer, spelling repair.

The same functions turn passages and questions into terms, so that "tumors", "tumour" and
"tumor" meet in one index term. Everything here is about English, not about medicine.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

WORD = re.compile(r"[a-z0-9]+")

# Function words and question fillers: they say how a question is asked, not what it is about.
# A word list reads best as text; ruff would rather see a list literal of 190 strings.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any anything are as at be because been
    before being below between both but by can cannot could did do does doing done down
    during each else ever few for from further get gets getting go goes going got had has
    have having he her here hers herself him himself his how i if in into is it its itself
    just let lets me might much must my myself need needs no nor not now of off on once or
    other our ours out over own please really same she should so some something still such
    tell than that the their theirs them themselves then there these they thing things this
    those through to too under until up us very want was we were what whats when where which
    while who whom why will with would you your yours yourself im ive id dont doesnt isnt
    arent cant wont thats theres hi hello hey thanks thank anyone someone kind kinds type
    types mean means meant also maybe versus vs difference differences compare compared
    explain describe anyway actually exactly okay ok yes
    """.split()  # noqa: SIM905
)

# British spellings people type; the knowledge base is written in American English.
SPELLING_VARIANTS = {
    "tumour": "tumor",
    "tumours": "tumors",
    "oesophagus": "esophagus",
    "diarrhoea": "diarrhea",
    "haemorrhage": "hemorrhage",
    "oestrogen": "estrogen",
    "anaemia": "anemia",
    "paediatric": "pediatric",
    "centre": "center",
}

_VOWELS = set("aeiouy")
# Singular words ending in "as": "gastrinomas" loses its s, "pancreas" keeps it.
_SINGULAR_AS = frozenset(
    ("pancreas", "gas", "alias", "bias", "atlas", "canvas", "whereas", "christmas")
)
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


def fold(text: str) -> str:
    """Lower case without accents, curly quotes or possessive 's."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"'s\b", "", text).replace("'", "")


def words(text: str) -> list[str]:
    """The words of ``text`` in order, folded, British spellings made American.

    "non" joins the next word, so "non-functional" and "non functioning" meet "nonfunctional".
    """
    out: list[str] = []
    pending = ""
    for w in WORD.findall(fold(text)):
        if w == "non":
            pending = "non"
            continue
        out.append(SPELLING_VARIANTS.get(pending + w, pending + w))
        pending = ""
    if pending:
        out.append(pending)
    return out


def stem(word: str) -> str:
    """A light suffix-stripping stem: plural, -ing, -ed, -ly, -ment, -al and a final e.

    It is deliberately simpler than Porter's algorithm: it only needs "tests"/"test",
    "treated"/"treatment"/"treat", "diagnosed"/"diagnose", "surgeries"/"surgery" to meet.
    """
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    for ending, replacement, shortest in _PLURALS:
        if w.endswith(ending) and len(w) >= shortest:
            w = w[: -len(ending)] + replacement
            break
    else:
        if w.endswith("s") and not w.endswith(("ss", "us", "is", "os")) and w not in _SINGULAR_AS:
            w = w[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ments", "ment", "ly"):
        if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]) and len(w) - len(suffix) >= 3:
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


def _has_vowel(text: str) -> bool:
    return any(c in _VOWELS for c in text)


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are not stop words, unstemmed."""
    return [w for w in words(text) if w not in STOP_WORDS]


def terms(text: str) -> list[str]:
    """Index terms: content words of ``text``, stemmed, in order (repeats kept)."""
    return [stem(w) for w in content_words(text)]


class Speller:
    """Repairs misspelled words against a known vocabulary ("insulinoma" for "insulnoma")."""

    def __init__(self, vocabulary: Iterable[str], cutoff: float = 0.8) -> None:
        self.known = frozenset(vocabulary)
        self._stems = frozenset(stem(w) for w in self.known)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self.known):
            self._by_initial.setdefault(word[0], []).append(word)
        self.cutoff = cutoff

    def correct(self, word: str) -> str:
        """``word`` itself when known, too short or a number; else its closest known word."""
        if word in self.known or len(word) < 3 or not word.isalpha():
            return word
        if stem(word) in self._stems:  # another form of a known word: "glucagonomas"
            return word
        # Misspellings rarely change the first letter; looking only there keeps this fast.
        candidates = self._by_initial.get(word[0], [])
        # Short words need a closer match: "rain" is not a misspelling of "rating".
        cutoff = max(self.cutoff, 0.85) if len(word) <= 6 else self.cutoff
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return close[0] if close else word
