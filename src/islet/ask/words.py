"""Words of questions and passages: splitting, stop and everyday words, a light stemmer,
spelling repair.

The same functions turn passages and questions into terms, so that "tumors", "tumour" and
"tumor" meet in one index term. Everything here is about English, not about medicine.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

WORD = re.compile(r"[a-z0-9]+")
# The whole words of a general English vocabulary (the word-piece vocabulary of the embedding
# model, from English Wikipedia and books): words spelling repair leaves alone.
ENGLISH_VOCABULARY = Path(__file__).resolve().parent / "embeddings" / "vocab.txt"

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

# Everyday English words that say nothing about health, the body, medicine or the summary itself.
# Passages happen to contain many of them ("today", "time", "store", "open"), so a question
# made only of these and stop words ("what time is it") is not about pancreatic NETs however
# well the passages cover it. They are real words: spelling repair never changes them and
# never turns another word into one ("weather" must not become "whether").
EVERYDAY_WORDS = frozenset(
    """
    time times today tonight tomorrow yesterday morning mornings afternoon evening night nights
    day days week weeks weekend weekends month months year years hour hours minute minutes
    moment date dates calendar clock season spring summer autumn winter holiday holidays
    birthday january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday ago soon later recent
    recently currently already always never sometimes usually once twice
    weather whether forecast rain rainy raining snow snowing sunny sun wind windy cloud cloudy
    storm outdoors sky star stars earth nature tree trees flower flowers garden animal animals
    dog dogs pet pets bird birds fish horse horses mount mountain mountains river sea ocean
    people person persons man woman women guy guys friend friends neighbor neighbour boss
    teacher student students president king queen government everyone everybody nobody
    somebody name names
    home house room office building store stores shop shops market restaurant city cities town
    country countries state states united america street road station airport school college
    university church park beach map address
    bus train plane bike bicycle phone phones laptop tv television internet
    online website email password account app apps game games sport sports ball team music
    song songs movie movies film films book books story stories news newspaper photo photos
    video videos money price prices cost costs dollar dollars bill bills job jobs career
    business company language languages word words letter letters color colour colors joke
    jokes recipe recipes dinner lunch breakfast coffee tea clothes shoes homework gift party
    take takes took taken taking make makes made making come comes came coming give gives gave
    given giving put puts see sees saw seen look looks looked looking find finds finding know
    knows knew known think thinks thought say says said tells told ask asks asked use uses
    used using try tries tried call calls called keep keeps kept begin begins began start
    starts started stop stops stopped show shows showed shown play plays played playing run
    runs ran running move moves moved turn turns turned bring brings brought buy buys bought
    sell sells sold read reads write writes wrote written writing learn learns learned
    learning change changes changed happen happens happened like likes liked love loves loved
    work works worked working wait waits waited waiting open opens opened close closes closed
    help helps helped seem seems become becomes became leave leaves hold holds stay stays
    include includes set sets send sends meet meets reach reaches build builds drive drives
    drove driving walk walks talk talks speak speaks watch watches listen cook cooks cooking
    bake baking fix fixes clean cleans wash wear win wins won reset visit visits travel
    stand enjoy hope wish plan plans car cars live lives life fly flies spell speed light away
    good better best bad worse worst great nice fine big bigger small smaller little large
    larger long longer short shorter tall taller high higher low lower new newer newest old
    older first last next main different another many more most less least lot lots
    certain sure real true false right wrong easy easier hard harder slow slower
    quick quickly early earlier late open free full whole important possible impossible
    available common usual normal general simple special clear ready busy happy beautiful
    funny interesting favorite favourite nearest near far cheap expensive black blue green
    orange brown grey gray present even well quite almost probably perhaps instead together
    around along inside outside way ways part parts place places example question questions
    answer answers problem problems number numbers level levels amount size list lists point
    points end group groups case cases idea reason result results system center
    one two three four five six seven eight nine ten twenty hundred thousand million billion
    second third half
    yet though although unless since either neither however therefore otherwise per via onto
    upon within without across among toward towards beside besides behind beyond rather every
    everything nothing sorry bye goodbye welcome
    """.split()  # noqa: SIM905
)

# Question words as people type them in chat ("wat is a whipple"); read as the words they are.
CHAT_SPELLINGS = {
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "whta": "what",
    "wats": "whats",
    "hw": "how",
    "wen": "when",
    "wher": "where",
    "wich": "which",
    "r": "are",
    "u": "you",
    "ur": "your",
    "shud": "should",
    "cud": "could",
    "wud": "would",
    "abt": "about",
    "pls": "please",
    "plz": "please",
    "cuz": "because",
    "coz": "because",
}

# Irregular past forms meet their verb ("who wrote this" meets "boards write the summaries");
# only forms that are not also everyday nouns ("left", "found", "lost" stay as they are).
IRREGULAR_FORMS = {
    "wrote": "write",
    "written": "write",
    "grew": "grow",
    "grown": "grow",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "came": "come",
    "went": "go",
    "gone": "go",
    "ate": "eat",
    "eaten": "eat",
    "knew": "know",
    "known": "know",
    "spoke": "speak",
    "spoken": "speak",
    "chose": "choose",
    "chosen": "choose",
    "began": "begin",
    "begun": "begin",
    "broke": "break",
    "broken": "break",
    "drank": "drink",
    "told": "tell",
    "ran": "run",
    "felt": "feel",
    "fell": "fall",
    "fallen": "fall",
    "seen": "see",
    "shown": "show",
    "sent": "send",
    "bought": "buy",
    "brought": "bring",
    "froze": "freeze",
    "frozen": "freeze",
    "made": "make",
    "said": "say",
    "kept": "keep",
    "held": "hold",
    "became": "become",
}

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

_KI67 = re.compile(r"\bki67\b")
_NORMAL = {**CHAT_SPELLINGS, **IRREGULAR_FORMS, **SPELLING_VARIANTS}

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
    """The words of ``text`` in order, folded, British spellings made American, chat spellings
    of question words ("wat") and irregular past forms ("wrote") read as the plain word.

    "non" joins the next word, so "non-functional" and "non functioning" meet "nonfunctional".
    """
    out: list[str] = []
    pending = ""
    # "Ki67" is how people type PDQ's "Ki-67".
    for w in WORD.findall(_KI67.sub("ki 67", fold(text))):
        if w == "non":
            pending = "non"
            continue
        out.append(_NORMAL.get(pending + w, pending + w))
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


def is_everyday(word: str) -> bool:
    """Whether ``word`` is a stop word or an everyday word (or a regular form of one): a word
    that says nothing about health, the body, medicine or the summary."""
    return word in STOP_WORDS or word in _EVERYDAY_FORMS


@cache
def english_words() -> frozenset[str]:
    """Whole English words of three letters or more; empty when the vocabulary is missing."""
    try:
        lines = ENGLISH_VOCABULARY.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w for w in lines if len(w) >= 3 and w.isascii() and w.isalpha())


def _regular_forms(word: str) -> set[str]:
    """``word`` with the endings of regular plurals and verb forms ("store", "stores", "opened")."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "ly"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) <= 4 and word[-1] not in "aeiouwxy" and word[-2] in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stop -> stopped
    return forms


class Speller:
    """Repairs misspelled words against a known vocabulary ("insulinoma" for "insulnoma").

    Stop words and everyday words are never the result of a repair and are never repaired
    themselves: "weather" is a word, not a misspelling of "whether". Between close candidates
    the ``preferred`` words (the names the knowledge base gives its items) win.
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        cutoff: float = 0.8,
        preferred: Iterable[str] = (),
        english: Iterable[str] = (),
    ) -> None:
        self.known = frozenset(vocabulary)
        # Real English words are never repaired: "peeling" is not a misspelling of "peeing".
        self.english = frozenset(english)
        self._stems = frozenset(stem(w) for w in self.known)
        self.preferred = frozenset(preferred)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self.known | self.preferred):
            if word.isalpha() and not is_everyday(word):
                self._by_initial.setdefault(word[0], []).append(word)
        self.cutoff = cutoff

    @property
    def targets(self) -> frozenset[str]:
        """Every word a repair can land on."""
        return frozenset(w for group in self._by_initial.values() for w in group)

    def looks_misspelled(self, word: str, cutoff: float = 0.75) -> bool:
        """Whether ``word`` is close to a known or everyday word ("somthing", "gastronoma"):
        then it is more likely a misspelling Islet could not repair than a new topic."""
        if word in self.known or word in self.english or is_everyday(word):
            return False
        pool = [w for w in self.known | _EVERYDAY_FORMS if w[:1] == word[:1]]
        return bool(difflib.get_close_matches(word, pool, n=1, cutoff=cutoff))

    def correct(self, word: str) -> str:
        """``word`` itself when known, everyday, too short or a number; else its closest known
        word that is not an everyday word, or ``word`` when none is close enough."""
        if word in self.known or len(word) < 3 or not word.isalpha() or is_everyday(word):
            return word
        if word in self.english:
            return word
        if stem(word) in self._stems:  # another form of a known word: "glucagonomas"
            return word
        # Misspellings rarely change the first letter; looking only there keeps this fast.
        candidates = self._by_initial.get(word[0], [])
        # Short words need a closer match: "rain" is not a misspelling of "rating".
        cutoff = max(self.cutoff, 0.85) if len(word) <= 6 else self.cutoff
        close = difflib.get_close_matches(word, candidates, n=_SPELLING_CHOICES, cutoff=cutoff)
        if not close:
            return word
        # A medical ending carries the meaning: "pancreatitis" is not a misspelled "pancreatic".
        ending = _medical_ending(word)
        close = [c for c in close if not ending or _medical_ending(c) == ending]
        if not close:
            return word
        best = _similarity(word, close[0])
        near = [c for c in close if _similarity(word, c) >= best - _PREFERENCE_MARGIN]
        return next((c for c in near if c in self.preferred), close[0])


_EVERYDAY_FORMS = frozenset(form for w in EVERYDAY_WORDS for form in _regular_forms(w))
_SPELLING_CHOICES = 4
_PREFERENCE_MARGIN = 0.05  # a knowledge-base name this close to the best match is taken instead


# Word endings that name a kind of disease, procedure or finding (inflammation, tumor, removal,
# ...): a word typed with one is never repaired into a word without it, or with another.
_MEDICAL_ENDINGS = (
    "itis", "osis", "oma", "omas", "ectomy", "ectomies", "otomy", "ostomy", "emia", "uria",
    "algia", "pathy", "plasty", "scopy", "gram", "graphy", "plasia", "trophy",
)  # fmt: skip


def _medical_ending(word: str) -> str:
    return next((e for e in _MEDICAL_ENDINGS if word.endswith(e) and len(word) > len(e) + 2), "")


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
