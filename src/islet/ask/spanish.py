"""Ask Islet in Spanish (issue 17): a layer beside the English engine, not inside it.

A Spanish question is read into English words with the table in ``knowledge/es/ask/words.yaml``
(accent- and case-blind, longest phrase first, plural endings tried; a general dictionary fills
its gaps, :mod:`islet.ask.spanish_general`), answered by the English engine, and the answer is
given back in Spanish (the Spanish knowledge's texts, ``knowledge/es/ask/answering.yaml``'s
fixed texts). The safety triage has already read the question (:func:`islet.ask.answer.answer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

from islet import kb as kb_module
from islet.ask.answer import Answer, AnswerPassage, Engine
from islet.ask.learned import AskedModel, QuestionVotes
from islet.ask.passages import Passage, passages
from islet.ask.spanish_cognates import cognates
from islet.ask.spanish_context import background_patterns, without_background
from islet.ask.spanish_facets import FacetTexts, facet_summary
from islet.ask.spanish_general import general, with_general
from islet.ask.spanish_organs import organ_patterns
from islet.ask.spanish_slips import by_slip
from islet.ask.spanish_sounds import KnownWords, by_sound
from islet.ask.spanish_verbs import for_oneself, infinitives, is_infinitive, plain_words
from islet.ask.spanish_votes import installed_spanish_model, spanish_features
from islet.ask.words import english_words, terms
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.text import SPANISH_TOKEN, fold  # fold: ñ reads as n, as people often type it
from islet.translations import SPANISH_DIR, in_language
from islet.yamlfiles import read_mapping

ASK_DIR = SPANISH_DIR / "ask"
MAX_PHRASE_WORDS = 6
READER_PARTS = (
    "skip",
    "spellings",
    "patterns",
    "background",
    "reporting",
    "doubting",
    "before_infinitive",
    "after_infinitive",
    "organ_phrases",
    "likening",
    "phrases",
)
# An English question's word order ("is he going to die"): Spanish has none ("se va a morir"
# asks or tells), so a reading of the table in a clause someone is reported to have said is
# put back in the order of a statement ("he is going to die").
INVERTED = re.compile(
    r"^(is|are|am|was|were|will|can|could|does|do|did|should|would|has|have) "
    r"(it|he|she|i|we|they|you|that|this|there)\b(.*)$"
)
UNSURE = ("unrelated", "not-understood")  # declines a low confidence decides, not a rule
JOINED_PART = 4  # the shortest part of a compound typed as two words ("crio cirugia")
MOSTLY_READ = 3  # asked again when the table read at least three words for each one it did not
TOKEN = SPANISH_TOKEN  # "1,5", "1.5" and "ki-67" stay whole
PAUSES = re.compile(r"[,;:¿¡]")
SENTENCE_END = re.compile(r"[.!;\n]")
CLAUSE_BREAK = re.compile(r"[,:¿¡]")
# A question word that opens a question ("¿qué opciones hay?", "Tiene 2 cm. Qué le hacen",
# "Gastrinoma: qué síntomas da") asks "what"; elsewhere "que" is mostly "that" and carries no
# meaning. The table's own phrases ("que es": "what is") are read first.
OPENING_ASK = {"que": "what", "cual": "which", "cuales": "which"}
ASK_OPENS = re.compile(r"[¿?.!:]")
# An apostrophe inside a word is left out, as the English engine does ("couldn't": couldnt):
# English typed among Spanish ("they couldn't find el tumor") keeps its words whole.
APOSTROPHE_IN_WORD = re.compile(r"(?<=[a-z])['’](?=[a-z])")


@dataclass(frozen=True)
class Reader:
    """Reads Spanish questions into English words."""

    phrases: dict[tuple[str, ...], str]
    skip: frozenset[str]
    spellings: dict[str, str] = field(default_factory=dict)  # chat spellings: "q" -> "que"
    # Spanish word orders a phrase cannot list ("la operación ... de las paratiroides"): a
    # pattern over the folded question adds its English words to the reading.
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()
    background: tuple[re.Pattern[str], ...] = ()  # clauses told as background, left out
    # Verbs that report what someone said or thinks ("dice", "me dijeron", "cree"): the clause
    # after their "que" tells, it does not ask ("mi comadre dice que se va a morir").
    reporting: frozenset[str] = frozenset()
    # Words that ask whether what follows their "que" is true ("¿es cierto que es mortal?",
    # "¿es verdad que se hereda?"): that "que" joins, it never asks "what", and the clause
    # after it is what is asked, in its question order.
    doubting: frozenset[str] = frozenset()
    # Readings of the table that a Spanish infinitive completes as English does with "to"
    # ("¿es seguro viajar?": "is it safe to travel"): Spanish has no "to", and without it the
    # English engine would not read the question as the one it is.
    before_infinitive: frozenset[str] = frozenset()
    # Words of the clause after such an infinitive that say why or when it is done ("¿es
    # seguro viajar para el tratamiento?": "for"): read there, though skipped elsewhere, so the
    # English engine tells the act (travel) from its purpose (treatment), as it does in English.
    after_infinitive: dict[str, str] = field(default_factory=dict)
    slips: bool = True  # a word one letter off a word of the table read as it (spanish_slips)
    # The English engine's own words (stems): a learned word is read as its English cognate
    # when English or these know it (spanish_cognates); empty, English alone decides.
    english: frozenset[str] = frozenset()
    cognates: bool = True
    # The question's sentences and clauses kept in the reading ("?", ".", ","), so the English
    # engine can tell the story told from the part that asks (islet.ask.focus).
    sentences: bool = True
    # Single words read only when nothing else reads a word (the table, its plurals, verb forms,
    # cognates, diminutives): a general dictionary's everyday words ("huevo": egg), never
    # overriding how the table reads a word it knows.
    last_words: dict[str, str] = field(default_factory=dict)
    # Every single word of that dictionary with its English: a word it knows is a real word,
    # never repaired into another word that means something else ("muerte" is not "fuerte").
    real_words: dict[str, str] = field(default_factory=dict)
    # A likeness asked with "como" ("¿es el TNEP como el cáncer de pulmón?", "¿es como el cáncer
    # de páncreas normal?"): Spanish puts no "like" where English does, so a clause opened by
    # one of ``liken_opens`` ("es": "is") with one of ``liken_words`` ("como": "like") and an
    # article after it is read in English's order, the organ's name read in place.
    liken_opens: dict[str, tuple[str, str]] = field(default_factory=dict)  # told, alone
    liken_words: dict[str, str] = field(default_factory=dict)
    liken_articles: frozenset[str] = frozenset()
    liken_within: int = 0
    organs: tuple[tuple[re.Pattern[str], str], ...] = ()  # the organ phrases' patterns

    def to_english(self, question: str, keep: Callable[[str], bool] | None = None) -> str:
        """``question`` with every Spanish word or phrase of the table in English, the words
        that carry no meaning left out, and the rest (names, numbers, English) kept; with
        ``keep``, only the rest that ``keep`` accepts."""
        folded = without_background(APOSTROPHE_IN_WORD.sub("", fold(question)), self.background)
        folded = self._joined(folded)
        found_tokens = list(TOKEN.finditer(folded))
        typed = [self._small(self._spoken(self.spellings.get(t, t))) for t in _texts(found_tokens)]
        tokens = [t if self._plural(t) or self._verb(t) else self._repaired(t) for t in typed]
        marks = _marks(folded, found_tokens) if self.sentences else {}
        out: list[str] = []
        at: dict[int, int] = {}  # how many words were read before each token
        joins, told = self._reported(tokens, _marks(folded, found_tokens))
        act_ends = -1  # where the clause of an infinitive read with "to" ends
        likened = self._likened(tokens, folded, found_tokens, marks)
        i = 0
        while i < len(tokens):
            at[i] = len(out)
            if i in marks and out:
                out[-1] += marks[i]
            if i in joins:  # the "que" of "dice que" joins, it never asks "what"
                i += 1
                continue
            if i in likened:
                english, size = likened[i]
                if english.startswith(", ") and out:
                    out[-1], english = out[-1] + ",", english[2:]
                out.append(english.removeprefix(", "))
                i += size
                continue
            found = self._longest(tokens, i, stop=_next_mark(marks, i, len(tokens)))
            if found is not None:
                size, english = found
                after = i + size  # the next word, in the same clause
                if (
                    english in self.before_infinitive
                    and after not in marks
                    and (self._infinitive_at(tokens, after))
                ):
                    # Done to the one who asks ("¿es seguro operarme?"): "for me to", as
                    # English asks it of one person.
                    english += " for me to" if for_oneself(tokens[after]) else " to"
                    act_ends = _next_mark(marks, after, len(tokens)) if marks else len(tokens)
                out.append(_told(english) if i in told else english)
                i += size
                continue
            word = tokens[i]
            if i < act_ends and word in self.after_infinitive:
                out.append(self.after_infinitive[word])
                i += 1
                continue
            if word in OPENING_ASK and _opens_question(folded, found_tokens, i):
                out.append(OPENING_ASK[word])
                i += 1
                continue
            read = (
                None
                if word in self.skip
                else self._plural(word)
                or self._verb(word)
                or self._cognate(word)
                or self._made_from(word)
                or self._last_word(word)
            )
            if read is not None or (word not in self.skip and (keep is None or keep(word))):
                out.append(read or word)
            i += 1
        # The patterns see the question as typed and with its spellings put right ("q", "anios").
        spelled = " ".join(typed)
        added: dict[str, int] = {}
        for pattern, english in self.patterns:
            last = pattern_end(pattern, folded)
            last = pattern_end(pattern, spelled) if last is None else last
            if last is not None and english not in added:
                added[english] = _next_mark(marks, last, len(tokens)) if marks else len(tokens)
        # The words a pattern adds belong to the clause it found them in, before its end: a
        # cancer named in the story ("yo creía que era para el cáncer de mama.") is not asked.
        for english, end in sorted(added.items(), key=lambda a: -a[1]):
            where = at.get(end, len(out)) if end < len(tokens) else len(out)
            if end < len(tokens) and where > 0:
                out[where - 1] = out[where - 1].removesuffix(marks[end])
                english += marks[end]
            out.insert(where, english)
        if len(tokens) in marks and out:
            out[-1] += marks[len(tokens)]
        return " ".join(out)

    def _likened(
        self,
        tokens: list[str],
        folded: str,
        found: list[re.Match[str]],
        marks: dict[int, str],
    ) -> dict[int, tuple[str, int]]:
        """Where a likeness is asked with "como": the opening verb and the likening word, each
        with its English and how many words it takes (the likening word, its article and the
        organ's name read in place when one follows: "like lung cancer")."""
        out: dict[int, tuple[str, int]] = {}
        for start, word in enumerate(tokens):
            if word not in self.liken_opens:
                continue
            # Opening the question, or right before the likening word after its subject ("¿el
            # tumor de mi papá es como el cáncer de páncreas normal?").
            right_before = start + 1 < len(tokens) and tokens[start + 1] in self.liken_words
            if not (right_before or _opens_question(folded, found, start)):
                continue
            end = min(_next_mark(marks, start + 1, len(tokens)), start + 1 + self.liken_within)
            for k in range(start + 1, end):
                after = k + 1
                if tokens[k] not in self.liken_words or after >= len(tokens):
                    continue
                if tokens[after] not in self.liken_articles:
                    break
                while after < len(tokens) and tokens[after] in self.liken_articles:
                    after += 1
                english, size = self.liken_words[tokens[k]], after - k
                stop = _next_mark(marks, after, len(tokens))
                rest = " ".join(tokens[after:stop])
                for pattern, organ in self.organs:
                    match = pattern.match(rest)
                    if match is not None:
                        english += " " + organ
                        size += len(match.group().split())
                        break
                told, alone = self.liken_opens[word]  # "is" ... or "is it" with no subject
                opening = _opens_question(folded, found, start)
                # After its subject, the likeness is asked as a clause of its own ("tumor
                # father, is it like ...").
                out[start] = ((alone if k == start + 1 else told) if opening else ", " + alone, 1)
                out[k] = (english, size)
                break
        return out

    def _infinitive_at(self, tokens: list[str], i: int) -> bool:
        """Whether ``tokens[i]`` reads as an infinitive ("viajar", "operarme", "hacer"): written
        as one, and not a word English shares ("cancer", read as itself, is a noun)."""
        if i >= len(tokens) or not is_infinitive(tokens[i]):
            return False
        word = tokens[i]
        reading = self.phrases.get((word,))
        if word in self.skip or reading is not None:
            return reading != word
        return word not in english_words()

    def _reported(self, tokens: list[str], marks: dict[int, str]) -> tuple[set[int], set[int]]:
        """The indexes of the "que" after a reporting verb ("dice que", "insiste en que") or a
        doubting word ("es cierto que"), and of the words in the clause a verb reports, to the
        clause's end."""
        joins: set[int] = set()
        told: set[int] = set()
        for i, token in enumerate(tokens):
            if token in self.doubting and tokens[i + 1 : i + 2] == ["que"] and i + 1 not in marks:
                joins.add(i + 1)
            if token not in self.reporting:
                continue
            after = i + 1 + (tokens[i + 1 : i + 3] == ["en", "que"])
            if after < len(tokens) and tokens[after] == "que" and after + 1 not in marks:
                joins.add(after)
                told |= set(range(after + 1, _next_mark(marks, after, len(tokens))))
        return joins, told

    def _joined(self, folded: str) -> str:
        """``folded`` with a compound typed as two words, as it is said, made one word ("radio
        frecuencia", "quimio embolizacion": radiofrecuencia, quimioembolizacion), when the
        table or the general dictionary knows it whole (each part as typed or as it sounds),
        the two words are no phrase of the table, and neither is a word that carries no meaning
        ("para tiroides" is "for the thyroid", not the parathyroid)."""
        found = list(TOKEN.finditer(folded))
        pieces: list[str] = []
        kept = 0  # how much of ``folded`` is in ``pieces``
        for first, second in pairwise(found):
            if first.start() < kept:
                continue  # the second word of a compound just made
            one, two = (self.spellings.get(t.group(), t.group()) for t in (first, second))
            if (
                folded[first.end() : second.start()] != " "
                or min(len(one), len(two)) < JOINED_PART
                or not (one + two).isalpha()
                or one in self.skip
                or two in self.skip
                or (one, two) in self.phrases
            ):
                continue
            for whole in (one + two, self._repaired(one) + self._repaired(two)):
                if (whole,) in self.phrases or whole in self.real_words:
                    pieces += [folded[kept : first.start()], whole]
                    kept = second.end()
                    break
        return "".join(pieces) + folded[kept:]

    def _spoken(self, word: str) -> str:
        """The word with the d that Caribbean and Andalusian speech drops put back ("regao",
        "operaos": "regado", "operados"), or with the ñ a keyboard without it writes "ni" or "nn"
        ("anios", "pequenio", "sonnar": años, pequeño, soñar), when the table knows it that way."""
        if word not in self.sounds.known and word not in english_words():
            for typed in ("ni", "nn", "ny"):
                if typed in word[1:]:
                    written = re.sub(typed + "(?=[aeiou])", "n", word)
                    if written != word and (written in self.sounds.known or self._plural(written)):
                        return written
        for ending, full in (("aos", "ados"), ("ao", "ado")):
            if word.endswith(ending) and word not in self.sounds.known:
                written = word[: -len(ending)] + full
                if written in self.sounds.known or self._plural(written):
                    return written
        return word

    def _small(self, word: str) -> str:
        """The word a diminutive or a superlative is made from ("bultito", "chiquito", "pancita",
        "altísimas": bulto, chico, panza, altas), when the table knows that word and not the
        one typed."""
        if word in self.sounds.known or self._plural(word) or len(word) < 6:
            return word
        for made in plain_words(word):
            if made in self.sounds.known or self._plural(made):
                return made
        return word

    def _made_from(self, word: str) -> str | None:
        """The English of the word a diminutive or superlative is made from, when the table
        knows ``word`` only inside longer phrases ("chiquito" in "muy chiquito"), so
        :meth:`_small` kept it as typed: "el tumor es chiquito" reads "small"."""
        for made in plain_words(word) if word.isalpha() else []:
            english = self.phrases.get((made,)) or self._plural(made)
            if english is not None:
                return english
        return None

    def _repaired(self, word: str) -> str:
        """``word`` repaired (:meth:`_repair`), unless it is a real word whose English agrees
        neither with the table's reading of the repair nor with the repair's own English:
        "glucemia" is blood sugar, never "leucemia"; "operasion" is still "operacion"."""
        repaired = self._repair(word)
        own = self.real_words.get(word)
        if repaired == word or own is None:
            return repaired
        read = self.phrases.get((repaired,)) or self._plural(repaired) or self._verb(repaired)
        theirs = [e for e in (read, self.real_words.get(repaired)) if e]
        return repaired if not theirs or any(_agree(own, e) for e in theirs) else word

    def _repair(self, word: str) -> str:
        """The word of the table ``word`` sounds like, or is a slip of."""
        heard = self.sounds.repair(word)
        return heard if heard != word or not self.slips else self._slips.repair(word)

    @cached_property
    def _slips(self) -> KnownWords:
        return by_slip(self.sounds.known)

    @cached_property
    def sounds(self) -> KnownWords:
        """The words of the table by their sound (for words written by ear)."""
        words = {w for key in self.phrases for w in key} | self.skip
        return by_sound(words | set(self.spellings.values()))

    def _longest(self, tokens: list[str], start: int, stop: int) -> tuple[int, str] | None:
        for size in range(min(MAX_PHRASE_WORDS, stop - start), 0, -1):
            english = self.phrases.get(tuple(tokens[start : start + size]))
            if english is not None:
                return size, english
        return None

    def _verb(self, word: str) -> str | None:
        """The English of the infinitive ``word`` is a form of ("encuentren": encontrar),
        when the table knows that infinitive and ``word`` is not an English word ("come")."""
        if not word.isalpha() or word in english_words():
            return None
        for infinitive in infinitives(word):
            # Written by ear too: "bomita" is a form of "vomitar".
            english = self.phrases.get((infinitive,)) or self.phrases.get(
                (self.sounds.repair(infinitive),)
            )
            if english is not None and infinitive != word:
                return english
        return None

    def _cognate(self, word: str) -> str | None:
        """The English cognate of a learned word the table does not read ("complicaciones":
        complications), when English or the English engine knows it."""
        if not self.cognates or word in english_words() or word in self.sounds.known:
            return None
        found = cognates(word)
        whole = [english for english in found if english in english_words()]
        own = [e for e in found if self.english and all(t in self.english for t in terms(e))]
        return (whole or own)[0] if whole or own else None

    def _last_word(self, word: str) -> str | None:
        """The English of ``word`` (or of its singular) among the words read last, when it is
        not an English word ("come", "pie" stay as typed)."""
        if not self.last_words or word in english_words() or len(word) < 3:
            return None
        plurals = [word[: -len(end)] for end in ("es", "s") if word.endswith(end)]
        for plain in [word] + [p for p in plurals if len(p) > 2]:
            if plain in self.last_words:
                return self.last_words[plain]
        return None

    def _plural(self, word: str) -> str | None:
        for ending in ("es", "s"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                english = self.phrases.get((word[: -len(ending)],))
                if english is not None:
                    return english
        return None


def _agree(one: str, other: str) -> bool:
    """Whether two English readings share a word's stem (its first four letters): "operation"
    and "surgery" do not, "hormone" and "hormones" do."""
    stems = {w[:4] for w in re.findall(r"[a-z]{3,}", one.lower())}
    return any(w[:4] in stems for w in re.findall(r"[a-z]{3,}", other.lower()))


def _told(english: str) -> str:
    """``english`` in the order of a statement when it is in the order of a question."""
    inverted = INVERTED.match(english)
    return english if inverted is None else f"{inverted[2]} {inverted[1]}{inverted[3]}"


def _opens_question(folded: str, found: list[re.Match[str]], i: int) -> bool:
    """Whether the ``i``-th word opens the text, a sentence or a question ("¿")."""
    return i == 0 or bool(ASK_OPENS.search(folded[found[i - 1].end() : found[i].start()]))


def _texts(found: list[re.Match[str]]) -> list[str]:
    return [m.group(0) for m in found]


def _marks(folded: str, found: list[re.Match[str]]) -> dict[int, str]:
    """The punctuation between the words of ``folded``, by the index of the word it comes
    before (the end of a question by ``len(found)``): "?" ends a question, "." a sentence, ","
    a clause (an opening "¿" or a colon starts one)."""
    marks: dict[int, str] = {}
    for i in range(1, len(found) + 1):
        gap = folded[found[i - 1].end() : found[i].start() if i < len(found) else len(folded)]
        mark = "?" if "?" in gap else "." if SENTENCE_END.search(gap) else ""
        mark = mark or ("," if CLAUSE_BREAK.search(gap) else "")
        if mark:
            marks[i] = mark
    return marks


def _next_mark(marks: dict[int, str], start: int, end: int) -> int:
    """Where the next mark after ``start`` is: a phrase of the table does not run across it."""
    return min((i for i in marks if i > start), default=end)


def pattern_end(pattern: re.Pattern[str], folded: str) -> int | None:
    """The index of the last word of ``folded`` that ``pattern`` finds, read as
    :func:`pattern_finds` reads it; None when it finds none."""
    spaced = " ".join(folded.split())
    for text in (spaced, " ".join(PAUSES.sub(" ", spaced).split())):
        found = pattern.search(text)
        if found is not None:
            return max(len(TOKEN.findall(text[: found.end()])) - 1, 0)
    return None


def pattern_finds(pattern: re.Pattern[str], folded: str) -> bool:
    """Whether ``pattern`` finds its words in the folded question, with its commas, colons and ¿
    as typed or left out ("la aseguranza de la finca, ¿me cubre…?" runs on past the comma)."""
    spaced = " ".join(folded.split())
    return bool(pattern.search(spaced) or pattern.search(" ".join(PAUSES.sub(" ", spaced).split())))


def _read(path: Path) -> dict[str, Any]:
    problems: list[str] = []
    document = read_mapping(path, f"es/ask/{path.name}", problems)
    if document is None:
        raise KnowledgeError(problems)
    return document


def read_reader(path: Path = ASK_DIR / "words.yaml") -> Reader:
    """The Spanish reading table; KnowledgeError when it is malformed (a key given twice is)."""
    document = _read(path)
    phrases, skip = document.get("phrases"), document.get("skip")
    if not isinstance(phrases, dict) or not isinstance(skip, list):
        raise KnowledgeError([f"es/ask/{path.name}: needs 'phrases' (a mapping) and 'skip'"])
    problems = [
        f"es/ask/{path.name}: unknown part '{part}' (the parts are {', '.join(READER_PARTS)})"
        for part in document
        if part not in READER_PARTS
    ]
    problems += _skip_problems(skip, phrases, path)
    table: dict[tuple[str, ...], str] = {}
    for spanish, english in phrases.items():
        key = tuple(TOKEN.findall(fold(str(spanish))))
        if not key or not isinstance(english, str) or not english.strip():
            problems.append(f"es/ask/{path.name}: phrase '{spanish}' needs English words")
        elif key in table:
            problems.append(f"es/ask/{path.name}: phrase '{spanish}' is given twice")
        table[key] = str(english)
    spellings = document.get("spellings") or {}
    if not isinstance(spellings, dict):
        problems.append(f"es/ask/{path.name}: 'spellings' must map a spelling to a word")
    patterns = _patterns(document.get("patterns") or {}, path, problems)
    name = f"es/ask/{path.name}"
    organs = organ_patterns(document.get("organ_phrases") or [], name, problems)
    patterns += organs
    liken = document.get("likening") or {}
    if not isinstance(liken, dict) or not all(
        isinstance(liken.get(k), want)
        for k, want in (("opens", dict), ("words", dict), ("articles", list), ("within", int))
    ):
        problems.append(f"{name}: 'likening' needs opens, words (mappings), articles, within")
        liken = {"opens": {}, "words": {}, "articles": [], "within": 0}
    opens = liken["opens"]
    if not all(isinstance(v, list) and len(v) == 2 for v in opens.values()):
        problems.append(f"{name}: each 'likening' opening needs two readings (told, alone)")
        opens = {}
    background = background_patterns(document.get("background") or [], name, problems)
    reporting = document.get("reporting") or []
    if not isinstance(reporting, list):
        problems.append(f"{name}: 'reporting' must be a list of verb forms")
        reporting = []
    doubting = document.get("doubting") or []
    if not isinstance(doubting, list):
        problems.append(f"{name}: 'doubting' must be a list of words")
        doubting = []
    before_infinitive = document.get("before_infinitive") or []
    if not isinstance(before_infinitive, list):
        problems.append(f"{name}: 'before_infinitive' must be a list of English readings")
        before_infinitive = []
    after_infinitive = document.get("after_infinitive") or {}
    if not isinstance(after_infinitive, dict):
        problems.append(f"{name}: 'after_infinitive' must map a Spanish word to English")
        after_infinitive = {}
    unread = sorted(set(map(str, before_infinitive)) - set(table.values()))
    problems += [
        f"{name}: 'before_infinitive' reading '{r}' is no phrase's English" for r in unread
    ]
    if problems:
        raise KnowledgeError(problems)
    return Reader(
        table,
        frozenset(fold(str(w)) for w in skip),
        {fold(str(k)): fold(str(v)) for k, v in dict(spellings).items()},
        patterns,
        background,
        reporting=frozenset(fold(str(w)) for w in reporting),
        doubting=frozenset(fold(str(w)) for w in doubting),
        before_infinitive=frozenset(map(str, before_infinitive)),
        after_infinitive={fold(str(k)): str(v) for k, v in after_infinitive.items()},
        liken_opens={fold(str(k)): (str(v[0]), str(v[1])) for k, v in opens.items()},
        liken_words={fold(str(k)): str(v) for k, v in liken["words"].items()},
        liken_articles=frozenset(fold(str(w)) for w in liken["articles"]),
        liken_within=int(liken["within"]),
        organs=organs,
    )


def _skip_problems(skip: list[Any], phrases: dict[Any, Any], path: Path) -> list[str]:
    """A skip word given twice, or also given as a one-word phrase: the phrase is always read
    first, so the skip entry would never be used and only misleads whoever edits the table."""
    words = [fold(str(w)) for w in skip]
    single = {fold(str(k)) for k in phrases if len(TOKEN.findall(fold(str(k)))) == 1}
    twice = sorted({w for w in words if words.count(w) > 1})
    both = sorted(set(words) & single)
    return [f"es/ask/{path.name}: skip word '{w}' is given twice" for w in twice] + [
        f"es/ask/{path.name}: '{w}' is both a skip word and a phrase (the phrase wins)"
        for w in both
    ]


def _patterns(
    given: object, path: Path, problems: list[str]
) -> tuple[tuple[re.Pattern[str], str], ...]:
    if not isinstance(given, dict):
        problems.append(f"es/ask/{path.name}: 'patterns' must map a pattern to English words")
        return ()
    out = []
    for pattern, english in given.items():
        try:
            out.append((re.compile(str(pattern)), str(english)))
        except re.error as error:
            problems.append(f"es/ask/{path.name}: pattern '{pattern}': {error}")
    return tuple(out)


# The fields that name an item, per collection: the Spanish names of a translated item read as
# the item's English name (a symptom's Spanish everyday words are its English lay name).
NAMES: dict[str, tuple[str, ...]] = {
    "tumor_types": ("name", "aliases"),
    "symptoms": ("lay_name", "synonyms"),
    "symptom_patterns": ("name",),
    "tests": ("name", "aliases"),
    "treatments": ("name", "aliases"),
    "glossary": ("term", "aliases"),
}


def with_names(base: Reader, english: KnowledgeBase, spanish: KnowledgeBase) -> Reader:
    """``base`` with the Spanish names of every translated item read as its English name;
    the table's own phrases come first."""
    phrases = dict(base.phrases)
    for collection, fields in NAMES.items():
        for item_id, item in spanish.collection(collection).items():
            original = english.collection(collection).get(item_id)
            if original is None:
                continue
            name = str(getattr(original, fields[0]))
            known = {fold(n) for n in _names(original, fields)}  # untranslated, or the same
            for said in _names(item, fields):
                key = tuple(TOKEN.findall(fold(said)))
                if key and fold(said) not in known and key not in base.phrases:
                    phrases.setdefault(key, name)
    return replace(base, phrases=phrases)


def _names(item: Any, fields: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for field_name in fields:
        value = getattr(item, field_name, None)
        out += [value] if isinstance(value, str) else [str(v) for v in value or []]
    return out


@dataclass(frozen=True)
class Texts:
    """The fixed texts of a Spanish answer."""

    messages: dict[str, str]
    match_words: dict[str, str]
    help: str
    covers: str
    did_you_mean: str
    gaps: dict[str, str]
    facets: FacetTexts
    # The Spanish of the messages an English rule says instead of its reason's message (no
    # hospital ranking, a liver transplant the summary never names), by their English words.
    own_messages: dict[str, str] = field(default_factory=dict)

    def message_for(self, english: str, reason: str) -> str:
        """The Spanish of a decline's message (``english``, the rule's own message followed
        by what the summary covers): the rule's own, else its reason's."""
        said = " ".join(english.split())
        for own, spanish in self.own_messages.items():
            if said.startswith(own):
                return spanish
        return self.messages.get(reason, "")


def read_texts(path: Path = ASK_DIR / "answering.yaml") -> Texts:
    """The Spanish fixed texts; KnowledgeError when one is missing."""
    document = _read(path)
    try:
        return Texts(
            messages=dict(document["messages"]),
            match_words=dict(document["match_words"]),
            help=str(document["help"]),
            covers=str(document["covers"]),
            did_you_mean=str(document["did_you_mean"]),
            gaps=dict(document["gaps"]),
            own_messages={
                " ".join(str(m["en"]).split()): " ".join(str(m["es"]).split())
                for m in document.get("own_messages") or []
            },
            facets=FacetTexts(
                summaries={
                    str(k): (str(v["summary"]), str(v["summary_missing"]))
                    for k, v in document["facets"].items()
                },
                site_names=dict(document["site_names"]),
                behaviour_phrases=dict(document["behaviour_phrases"]),
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise KnowledgeError([f"es/ask/{path.name}: missing or malformed: {error}"]) from error


class SpanishAsk:
    """Answers Spanish questions with ``engine`` (English) and gives the answer in Spanish."""

    def __init__(
        self,
        engine: Engine,
        spanish: KnowledgeBase,
        reader: Reader,
        texts: Texts,
        learned: AskedModel | None = None,
    ):
        self.engine = engine
        self.vocabulary = engine.retriever.bm25.vocabulary
        own = frozenset(self.vocabulary)
        self.reader = reader if reader.english else replace(reader, english=own)
        self.texts = texts
        self.knowledge = spanish
        self.spanish = {p.id: p for p in passages(spanish)}
        self.titles = {
            s.id: s.title
            for s in spanish.sections.values()
            if s.parent is None and not s.professional_only
        }
        english = engine.lexicon.answering
        self._match_key = {text: key for key, text in english.match_words.items()}
        pdq = engine.kb.pdq
        self.help = texts.help.format(cis_phone=pdq.cis_phone if pdq else "")
        # The Spanish examples' vote (islet.ask.spanish_votes), on the question as typed.
        self.votes = None
        if learned is not None:
            skip, spellings = self.reader.skip, self.reader.spellings
            self.votes = QuestionVotes(
                learned,
                [p.id for p in engine.retriever.passages],
                lambda q: spanish_features(q, skip, spellings),
            )

    def answer(self, question: str, limit: int) -> Answer:
        """The English engine's answer to the question read into English, given in Spanish."""
        read = self.reader.to_english(question)
        also = None if self.votes is None else (self.votes, question)
        reply = self.engine.answer(read or question, limit, also)
        if not reply.in_scope and reply.reason in UNSURE and not self._ruled_out(read):
            # Story words the table does not know ("mi hija me lo leyó en el celular") count
            # against the words it read: asked again without them, the question may be clear.
            known = self.reader.to_english(question, keep=self._known)
            left_out = len(read.split()) - len(known.split())
            if known and 0 < left_out * MOSTLY_READ <= len(known.split()):
                again = self.engine.answer(known, limit, also)
                reply = again if again.in_scope else reply
        return self.in_spanish(reply, question)

    def _ruled_out(self, read: str) -> bool:
        """Whether an out-of-scope rule declines the question as read (money, everyday life):
        then its words decided, not a low confidence."""
        return self.engine.scope.out_of_scope(read, read)[0] is not None

    def _known(self, word: str) -> bool:
        """Whether the English engine knows ``word`` (a name, an English word, a number)."""
        return (
            not word.isalpha()
            or word in english_words()
            or all(t in self.vocabulary for t in terms(word))
        )

    def in_spanish(self, reply: Answer, question: str) -> Answer:
        """``reply`` with its passages and fixed texts in Spanish, for ``question`` as typed."""
        answers = [self._passage(a) for a in reply.answers]
        message = reply.message
        if not reply.in_scope and reply.reason is not None:
            covers = self.texts.covers.format(topics=", ".join(self.titles.values()))
            message = self.texts.message_for(reply.message or "", reply.reason) + " " + covers
        elif reply.understood.did_you_mean:
            topics = " o ".join(f"“{a.title}”" for a in answers[:2])
            message = self.texts.did_you_mean.format(topics=topics)
        gap = reply.understood.gap
        summary = self.texts.gaps.get(gap) if gap else self._facet(reply)
        return reply.model_copy(
            update={
                "question": " ".join(question.split()),
                "answers": answers,
                "closest": [self._passage(a) for a in reply.closest],
                "message": message,
                "summary": summary,
                "help": self.help,
                "understood": reply.understood.model_copy(update={"corrected": {}}),
            }
        )

    def _facet(self, reply: Answer) -> str | None:
        """The facet summary in Spanish, when the English answer gave one."""
        understood = reply.understood
        tumors = [t.split(":", 1)[1] for t in understood.topics if t.startswith("tumor-type:")]
        if reply.summary is None or understood.facet is None or len(tumors) != 1:
            return None
        return facet_summary(
            understood.facet, self.engine.kb, self.knowledge, tumors[0], self.texts.facets
        )

    def _passage(self, passage: AnswerPassage) -> AnswerPassage:
        spanish: Passage | None = self.spanish.get(passage.passage_id)
        key = self._match_key.get(passage.match)
        said = self.texts.match_words.get(key, passage.match) if key else passage.match
        update: dict[str, Any] = {"match": said}
        if spanish is not None:
            update |= {"text": spanish.text, "title": spanish.title}
        return passage.model_copy(update=update)


@cache
def reader() -> Reader:
    """The installed Spanish reading table, read once."""
    return read_reader()


@cache
def texts() -> Texts:
    """The installed Spanish fixed texts, read once."""
    return read_texts()


_LAYERS: dict[int, tuple[Engine, SpanishAsk]] = {}


def spanish_layer(engine: Engine) -> SpanishAsk:
    """The Spanish layer over ``engine``, built once per engine."""
    kept = _LAYERS.get(id(engine))
    if kept is not None and kept[0] is engine:
        return kept[1]
    kb = engine.kb
    spanish = in_language("es", None if kb is kb_module.load() else kb)
    named = with_general(with_names(reader(), kb, spanish), general())  # the table wins
    learned = installed_spanish_model()
    _LAYERS[id(engine)] = (engine, built := SpanishAsk(engine, spanish, named, texts(), learned))
    return built
