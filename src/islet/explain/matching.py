"""Finding lay phrases in free text: tokens, simple stemming, free word order, and negation.

Deterministic and small on purpose. A phrase matches when all its content words (stemmed, small
function words dropped) occur within a short window of one clause, in any order, so "yellow
skin" also finds "my skin looks yellow". A match is negated when a negation word ("no", "not",
"without", "don't" ...) comes before it in the same stretch of the clause, or sits inside it
without being one of the phrase's own words. A stretch ends at a soft break before a new
subject or a contrast ("no rash, just heartburn"), and a negation inside a condition ends where
its main clause starts ("if I don't eat I get the shakes"). A negation reaches past a comma only
into a list that closes with "and" or "or" ("no rash, cough or weight loss"); otherwise what
follows the comma is said as present ("no appetite, lump in my stomach"), and so is an item
that is a statement of its own, a verb in -ing with its object ("not hungry, losing weight, and
the itching is bad"). A negation and a word of having at the end of a stretch negate what came
before them ("úlcera no tengo"), and so does a negation that ends a stretch on its own, as in a
list of answers ("Weight loss: no. Rash: no"). A short question its writer answers is one clause
with its answer ("mouth sores? no", "weight? down 12 lbs"). A negated verb does not reach a new
verb phrase after "and" ("not eating much and losing weight fast": the weight loss is there).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from islet.text import PHRASE_TOKEN as TOKEN
from islet.text import PhraseWords, english, fold
from islet.text import stem as shared_stem

WINDOW_SLACK = 2  # extra words a phrase may be spread over


def stem(word: str) -> str:
    """A crude stem, the same for common forms of a word: sweaty/sweating/sweats -> sweat
    (:func:`islet.text.stem`, phrase style)."""
    return shared_stem(word, "phrase")


def _lists() -> PhraseWords:
    """Small words, negation words and clause breaks (``knowledge/language/english.yaml``)."""
    return english().phrases


@dataclass(frozen=True)
class Words:
    """A phrase ready for matching: its stemmed content words, in any order within a window;
    or, when dropping small words would leave a single word ("feeling down" -> "down"), the
    exact sequence of all its stemmed words."""

    stems: tuple[str, ...]
    exact: tuple[str, ...] | None = None


def words_of(phrase: str) -> list[str]:
    """The phrase's words as the matcher reads them (folded)."""
    return [w for w in TOKEN.findall(_clean(phrase)) if w[0].isalnum()]


@cache
def phrase_words(phrase: str) -> Words:
    """The phrase as :class:`Words` (``stems`` is empty when it has no content word); kept, as
    the same phrases are read for every text."""
    stop = _lists().stop_words
    words = words_of(phrase)
    stems = tuple(stem(w) for w in words if w not in stop)
    if len(words) > 1 and len(stems) == 1:
        return Words(stems, tuple(stem(w) for w in words))
    return Words(stems)


def _clean(value: str) -> str:
    """Folded (no case, hyphens, accents, possessive 's or apostrophes: "sugar's up" is "sugar
    up", "don't" is "dont"), a line break ends a clause. Without accents, "ulceras" and "azucar"
    typed plainly meet "úlceras" and "azúcar". A number and its unit are two words: "lost 6kg"
    is "lost 6 kg"."""
    folded = fold(value, hyphens="drop", apostrophes=False).replace("\n", " . ")
    return _NUMBER_UNIT.sub(r"\1 ", folded)


_NUMBER_UNIT = re.compile(r"\b(\d+(?:[.,]\d+)?)(?=[a-z])")


@dataclass(frozen=True)
class Token:
    raw: str
    stem: str
    content: bool  # a word that counts for matching
    negated: bool  # a negation word before it is still in force
    cue: bool  # this token is itself a negation word


@dataclass(frozen=True)
class Match:
    """Where a phrase was found: token positions in its clause, and the words of the text."""

    clause: int
    start: int
    end: int  # inclusive
    words: str
    negated: bool
    size: int  # number of content words in the phrase


def tokenize(
    text: str,
    slips: Mapping[str, str] | None = None,
    read: Callable[[str], str] | None = None,
) -> list[list[Token]]:
    """The text as clauses of tokens, each marked with whether a negation covers it. A word in
    ``slips`` (a mistyped word -> the word meant) is read as the word meant, and every word as
    ``read`` reads it (Spanish written by ear: :mod:`islet.explain.spelling`)."""
    ends = _lists().clause_ends
    raw = TOKEN.findall(_clean(text))
    if slips:
        raw = [slips.get(word, word) for word in raw]
    if read is not None:
        raw = [read(word) if word[0].isalpha() else word for word in raw]
    clauses: list[list[str]] = [[]]
    for i, word in enumerate(raw):
        if word == "?" and _answered(clauses[-1], raw[i + 1 :]):
            continue  # "rash? yes", "mouth sores? no", "weight? down 12 lbs": one clause
        if word in ends:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [_mark(words) for words in clauses if words]


SHORT_QUESTION = 4  # content words of a question its writer asks only to answer it


def _answered(question: list[str], rest: list[str]) -> bool:
    """Whether a question is one its writer answers straight after it, as in a list of
    answers ("rash? yes, on my legs. sores? no. weight? down 12 lbs", "¿azúcar? alta"): a short
    question, a few words naming a sign, and an answer after it. The answer tells of the sign
    the question names, so the two are read as one clause: "sores no" denies the sores. An
    answer that starts a sentence of its own, with a new subject ("throat? it burns when I
    swallow", "¿garganta? me arde al tragar"), is read on its own."""
    lists = _lists()
    words = [w for w in question if w[0].isalnum() and w not in lists.stop_words]
    answer = next((w for w in rest if w != "?"), "")  # "rash?? yes"
    return (
        0 < len(words) <= SHORT_QUESTION
        and answer != ""
        and answer not in lists.clause_ends
        and answer not in lists.new_subjects
    )


def _mark(words: list[str]) -> list[Token]:
    lists = _lists()
    tokens = []
    negating = False
    condition = False  # inside "if ..." / "si ..." and not yet in its main clause
    cue_at = -1
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        after = next((w for w in words[i + 1 :] if w not in lists.emphasis), "")
        if word in lists.soft_breaks and following in lists.new_subjects | lists.contrasts:
            negating = condition = False
        if word == "," and negating and not _list_goes_on(words[i + 1 :], "," in words[cue_at:i]):
            negating = condition = False  # "no appetite, lump in my stomach"
        if word in lists.soft_breaks and negating and _a_new_predicate(words, cue_at, i):
            negating = condition = False  # "not eating much | and losing weight fast"
        if negating and word in lists.adding and _whole_verb(words, cue_at, i):
            negating = condition = False  # "no me ayudó | y las úlceras vuelven"
        if negating and condition and word in lists.new_subjects and _verb_done(words, cue_at, i):
            negating = condition = False  # "if I don't eat | I get the shakes"
        if word in lists.conditions and not negating:
            condition = True
        previous = words[i - 1] if i else ""
        opens = previous in ("", *lists.soft_breaks) and following not in lists.new_subjects
        cue = (
            word in lists.negations
            and after not in lists.not_negating_before
            and previous not in lists.not_negating_after
            and (word not in lists.stretch_openers or opens)
        )
        content = word not in lists.stop_words and word[0].isalnum()
        tokens.append(Token(word, stem(word), content, negating, cue))
        if cue:
            negating = True
            cue_at = i
    return _asked_and_denied(_negated_before(tokens))


ASKED_REACH = 3  # words from the asking word to its "if": "asked me if", "me preguntó si"


def _asked_and_denied(tokens: list[Token]) -> list[Token]:
    """A question someone was asked ("asked if", "asked whether", "preguntó si"), answered in
    the same clause by a bare negation after a break, alone or after words of saying ("and I
    said no", "y dice que no", "y no"), denies what was asked about: "the doctor asked if my
    eyes were yellow and I said no". An answer of another kind leaves it as it was."""
    lists = _lists()
    out = list(tokens)
    for q, token in enumerate(tokens):
        if token.raw not in lists.asking:
            continue
        reach = tokens[q + 1 : q + 1 + ASKED_REACH]
        opener = next((q + 1 + k for k, t in enumerate(reach) if t.raw in lists.asking_openers), -1)
        if opener < 0:
            continue
        for a in range(opener + 2, len(tokens)):
            if tokens[a].raw in lists.asking:
                break
            if tokens[a].raw not in lists.answers:
                continue
            ends = a + 1 == len(tokens) or tokens[a + 1].raw in lists.soft_breaks
            k = a - 1
            while k > opener and tokens[k].raw in lists.saying:
                k -= 1
            if ends and tokens[k].raw in lists.soft_breaks:
                out[opener + 1 : k] = [replace(t, negated=True) for t in out[opener + 1 : k]]
            break
    return out


def _whole_verb(words: list[str], cue_at: int, i: int) -> bool:
    """Whether the negation ``cue_at`` and the words up to the joining word ``i`` are a whole
    negated verb: pronouns that stand only before a verb and then the verb alone ("no me
    ayudó y", "no le sirvió y"). Its object, if any, came before it, so what follows the
    joining word is not one more thing denied; "no me da hambre y sed" (a word after the verb)
    goes on."""
    between = words[cue_at + 1 : i]
    pronouns = _lists().verb_pronouns
    return (
        len(between) >= 2
        and all(w in pronouns for w in between[:-1])
        and (between[-1][0].isalpha() and between[-1] not in pronouns)
    )


def _verb_done(words: list[str], cue_at: int, i: int) -> bool:
    """Whether the negated condition's verb came before word ``i``: a word stood between them
    ("if I don't eat | I"), or the negation is itself the verb, contracted ("if she doesn't |
    she gets the shakes"); "si no me da" goes on, "me" belonging to the condition."""
    return i > cue_at + 1 or words[cue_at].endswith(("nt", "n't"))


def _list_goes_on(rest: list[str], listing: bool) -> bool:
    """Whether the words after a comma are more items of one list, which a negation before the
    comma covers: the list closes with "and", "or", "nor" ("no rash, cough or weight loss").
    Without a word joining its last item, what follows the comma is said on its own, as present
    ("no appetite, lump in my stomach"); so is a ", and" straight after the negated words when no
    comma came before it (``listing``): "none of the creams help, and my tongue is sore". A list
    of plain items may end with a new statement instead ("no diarrhea, rash, heartburn, and I'm
    thirsty": the three are denied), but not one whose items tell of the person ("no appetite,
    lump in my stomach, and I'm tired": the lump is there)."""
    lists = _lists()
    if not listing and rest and rest[0] in lists.soft_breaks:
        return False
    if _a_statement(rest):
        return False
    new = lists.new_subjects | lists.contrasts
    items_of_a_list = False  # a comma seen after plain items (no "my", "I", "she" ...)
    for i, word in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else ""
        if word in new:
            return False
        if word == ",":
            items_of_a_list = True
        elif word in lists.list_closers:  # "nor", "ni": a denial of its own, whatever follows
            return True
        elif word in lists.soft_breaks:
            return following not in new or items_of_a_list
    return False


GERUND_ENDINGS = ("ing", "ando", "iendo")  # "losing", "bajando", "perdiendo"


def _a_statement(rest: list[str]) -> bool:
    """Whether the item after a comma is a statement of its own rather than one more thing
    denied: a verb in -ing with more words to it ("losing weight", "perdiendo peso"); a lone
    -ing word is a thing ("no rash, itching or bruising")."""
    lists = _lists()
    item = []
    for word in rest:
        if word == "," or word in lists.soft_breaks:
            break
        item.append(word)
    return len(item) > 1 and item[0].endswith(GERUND_ENDINGS)


def _a_new_predicate(words: list[str], cue_at: int, i: int) -> bool:
    """Whether the words after the joining word ``i`` say something new of their own, which a
    negated verb before it does not reach: "not eating much and losing weight fast" denies the
    eating, not the weight loss; so do "isn't eating and has lost weight" and "no come y ha
    bajado de peso". The joining word must add ("and", not "or": "not vomiting or losing
    weight" denies both), the negation must be of a verb, not of a thing ("no sweating and
    shaking hands" denies both), and what follows must be a verb with more words to it: one in
    -ing, or a word of having before another verb."""
    lists = _lists()
    if words[i] not in lists.adding or words[cue_at] in lists.thing_negations:
        return False
    rest = words[i + 1 :]
    if _a_statement(rest):
        return True
    return len(rest) > 1 and rest[0] in lists.having and rest[1][0].isalpha()


def _negated_before(tokens: list[Token]) -> list[Token]:
    """A negation and a word of having that end a stretch ("úlcera no tengo", "diarrhea I
    don't have"), unless a relative word comes just before them ("sugar high, which he never
    had": new, not absent), a negation alone at its end ("Rash: no"), or one followed only by
    words such as "there" or "either" ("the rash isn't there either") negate the stretch
    before them; a negation alone after a comma answers the stretch before the comma
    ("manchas rojas, tampoco"). So does a word of being well that ends a stretch after a verb
    of being ("my mood is fine", "stools are normal", "la piel está bien"): what the stretch
    names is not there."""
    lists = _lists()
    out = list(tokens)
    start = previous = 0  # where this stretch starts, and where the one before it did
    for i, token in enumerate(tokens):
        if token.raw in lists.soft_breaks:
            previous, start = start, i + 1
            continue
        ends = i + 1 == len(tokens) or tokens[i + 1].raw in lists.soft_breaks
        after = tokens[i + 2].raw if i + 2 < len(tokens) else ","
        having = i + 1 < len(tokens) and tokens[i + 1].raw in lists.having
        answer = token.raw in lists.answers and ends and not any(t.cue for t in tokens[start:i])
        if answer and start == i and start > 0 and tokens[start - 1].raw == ",":
            # the answer stands alone after a comma: it answers the stretch before the comma
            if not any(t.cue for t in tokens[previous : start - 1]):
                out[previous : start - 1] = [
                    replace(t, negated=True) for t in tokens[previous : start - 1]
                ]
            continue
        new_to_them = _after_a_relative(tokens, start, i)
        denied = token.cue and (
            (having and after in lists.soft_breaks and not new_to_them)
            or answer
            or _tail_only(tokens, i)
        )
        if denied or (token.raw in lists.well and ends and _said_of(tokens, start, i)):
            out[start:i] = [replace(t, negated=True) for t in tokens[start:i]]
    return out


def _after_a_relative(tokens: list[Token], start: int, i: int) -> bool:
    """Whether the negation ``i`` follows a relative word, straight or after a subject ("high
    sugar, which he never had", "que nunca tuvo"); not a "que" that a noun follows, which
    only opens what is said ("aclaro que diarrea no tengo")."""
    lists = _lists()
    before = [t.raw for t in tokens[max(start, i - 2) : i]]
    return bool(before) and (
        before[-1] in lists.relatives
        or (len(before) == 2 and before[0] in lists.relatives and before[1] in lists.new_subjects)
    )


def _tail_only(tokens: list[Token], i: int) -> bool:
    """Whether the negation ``i`` is followed, to the end of its stretch, only by words that
    leave it denying what came before ("the rash isn't there either", "sores: not an issue"),
    at least one of them."""
    lists = _lists()
    tail = []
    for token in tokens[i + 1 :]:
        if token.raw in lists.soft_breaks:
            break
        tail.append(token.raw)
    return bool(tail) and all(w in lists.denial_tails for w in tail)


def _said_of(tokens: list[Token], start: int, i: int) -> bool:
    """Whether word ``i`` is said of the words before it in its stretch, through a verb of
    being ("my mood is fine", "my mood is perfectly fine"), and those words name something."""
    lists = _lists()
    j = i - 1
    while j > start and tokens[j].raw in lists.degrees:
        j -= 1
    return (
        j > start
        and tokens[j].raw in lists.being
        and any(t.content and not t.cue for t in tokens[start:j])
    )


def find(phrase: Words, clauses: list[list[Token]]) -> list[Match]:
    """Every place the phrase's words occur close together, without overlaps."""
    if not phrase.stems:
        return []
    if phrase.exact is not None:
        return _find_exact(phrase.exact, clauses)
    needed = set(phrase.stems)
    own_words = set(phrase.stems)
    found: list[Match] = []
    for c, tokens in enumerate(clauses):
        content = [i for i, t in enumerate(tokens) if t.content]
        used_until = -1
        for k, start in enumerate(content):
            if start <= used_until or tokens[start].stem not in needed:
                continue
            window = content[k : k + len(phrase.stems) + WINDOW_SLACK]
            missing = set(needed)
            end = start
            for i in window:
                if tokens[i].stem in missing:
                    missing.discard(tokens[i].stem)
                    end = i
                if not missing:
                    break
            if missing:
                continue
            inner_cue = any(t.cue and t.stem not in own_words for t in tokens[start : end + 1])
            found.append(
                Match(
                    clause=c,
                    start=start,
                    end=end,
                    words=" ".join(t.raw for t in tokens[start : end + 1]),
                    negated=tokens[start].negated or inner_cue,
                    size=len(needed),
                )
            )
            used_until = end
    return found


def _find_exact(sequence: tuple[str, ...], clauses: list[list[Token]]) -> list[Match]:
    found = []
    size = len(sequence)
    for c, tokens in enumerate(clauses):
        i = 0
        while i + size <= len(tokens):
            if tuple(t.stem for t in tokens[i : i + size]) == sequence:
                words = " ".join(t.raw for t in tokens[i : i + size])
                found.append(Match(c, i, i + size - 1, words, tokens[i].negated, size))
                i += size
            else:
                i += 1
    return found


def covers(big: Match, small: Match) -> bool:
    """Whether ``big`` is a longer phrase found over the same words as ``small``."""
    return (
        big.clause == small.clause
        and big.size > small.size
        and big.start <= small.start
        and small.end <= big.end
    )


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_slip(words: list[str], keep: set[str]) -> dict[str, str]:
    """Every word one slip away from one of ``words`` (a letter left out, added or changed, or
    two neighbours swapped), mapped to it; never one of ``words`` or of ``keep``, and never a
    slip shared by two words."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for word in words:
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        slips = {a + b[1:] for a, b in splits if b}
        slips |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        slips |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
        slips |= {a + c + b for a, b in splits for c in LETTERS}
        for slip in slips - {word}:
            if out.setdefault(slip, word) != word:
                shared.add(slip)
    return {s: w for s, w in out.items() if s not in keep and s not in words and s not in shared}
