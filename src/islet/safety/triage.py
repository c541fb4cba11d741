"""One safety triage for every place a person types in their own words.

:func:`triage` runs before Ask's retrieval and before the symptom explainer's matching. It sorts
the text into one level, highest first: ``emergency`` (signs that need emergency care now),
``crisis`` (thoughts of suicide or self-harm), ``medication`` (changing, skipping or dosing a
medicine; a possible overdose) or ``none``, and returns what to say, first, on every interface.

Negation and time are respected: "no chest pain", "I fainted once years ago" and "shaky but
fine now after juice" raise nothing. A question about a danger sign in general ("what are the
signs of low blood sugar?") is no emergency: it is answered, and ``danger_topic`` asks the
interface to show when to get urgent care beside the answer. Nothing is stored or logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from islet.language import SPANISH_MARKS, Language, guess_language, language_scores
from islet.safety.figures import figured
from islet.safety.fragments import across_fragments
from islet.safety.languages import Rules, reading_for
from islet.safety.lowreading import low_reading, told_before
from islet.safety.readings import GlucoseReading, readings
from islet.safety.reply import Found, Safety, leading, reply
from islet.safety.tense import (
    come_back,
    crisis_counts,
    markers,
    returned,
    sentence_tense,
    sign_back,
)
from islet.safety.text import Sentence, sentences, words_of
from islet.safety.vocabulary import (
    LEVELS,
    Level,
    Signal,
    Vocabulary,
    compile_pattern,
)
from islet.safety.wordmodel import MODELS, raised, word_model

LOW_SUGAR = "low-sugar-words"
# Signs that say an unclear number ("my sugar is 22") is a low one (English and Spanish).
LOW_SIGNS = re.compile(
    r"\b(?:shak|sweat|clammy|trembl|twitch|confus|dizz|faint|hypo|low|drop|crash|tembl|sud|mare|baj|juice|jugo)"
)

# "can not breathe", "no puedo respirar": a sign, not a denial
UNABLE = re.compile(
    r"\b(?:(?:can|could|cannot|will|would) not|no (?:puedo|puede|pod\w+|despierta|responde))\b"
)
# a clause that starts with now, after an opening clause in the past ("... and now my calf")
NOW = re.compile(r"(?:now|right now|ahora|hoy|today|tonight|esta noche)\b")
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DIAS = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
# a time of these last days, not years: a sign told with one is recent, whatever "nothing since"
# follows ("a seizure this morning, nothing since", "she collapsed yesterday")
RECENT = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening|week|weekend)|last night|just now|"
    r"earlier|yesterday|last (?:week|weekend|"
    + _DAYS
    + r")|(?:on|since|this|last) "
    + _DAYS
    + r"|(?:an|\d+|a few|few|couple of|two|three|four|five) (?:hours?|minutes?|mins?|days?) ago|"
    r"(?:for|over|in) (?:the )?(?:last|past) (?:\d+|few|couple of|two|three|four|five) days|"
    r"hoy|anoche|ayer|antier|anteayer|esta (?:manana|tarde|semana)|la semana pasada|"
    r"(?:el|desde el|este) " + _DIAS + r"|hace (?:\d+|unos|dos|tres|cuatro|cinco) (?:horas|dias))\b"
)
# a sentence that supposes rather than reports: "what if my sugar is 50", "say it drops to 40"
SUPPOSING = re.compile(
    r"^(?:so |and |but )?(?:what if|what happens if|what would happen if|"
    r"what should (?:i|we) do if|suppose|supposing|say|imagine|hypothetically|in theory|if ever|"
    r"(?:just )?in case|if (?:\w+ ){1,4}ever)\b"
)
# words of the grammar's hypothetical list that a plain report uses too ("i need to sit", "do")
ORDINARY_VERBS = frozenset({"to", "do", "did", "can", "could"})


@dataclass(frozen=True)
class _Compiled:
    signals: tuple[tuple[Signal, tuple[re.Pattern[str], ...]], ...]
    groups: tuple[tuple[Signal, tuple[tuple[re.Pattern[str], ...], ...]], ...]
    negation: tuple[re.Pattern[str], ...]
    pseudo_negation: tuple[re.Pattern[str], ...]
    past: tuple[re.Pattern[str], ...]
    resolved: tuple[re.Pattern[str], ...]
    explained: tuple[re.Pattern[str], ...]
    present: tuple[re.Pattern[str], ...]
    mild: tuple[re.Pattern[str], ...]
    informational: tuple[re.Pattern[str], ...]
    list_negation: tuple[re.Pattern[str], ...]
    informational_crisis: tuple[re.Pattern[str], ...]
    figures: tuple[re.Pattern[str], ...]
    wishes: tuple[re.Pattern[str], ...]
    wish_to_live: tuple[re.Pattern[str], ...]
    as_prescribed: tuple[re.Pattern[str], ...]
    clinician_changes: tuple[re.Pattern[str], ...]
    clinician_orders: tuple[re.Pattern[str], ...]
    orders_before: tuple[re.Pattern[str], ...]
    negation_after: re.Pattern[str] | None
    accidental: tuple[re.Pattern[str], ...]
    well_so_far: tuple[re.Pattern[str], ...]
    sugar_context: re.Pattern[str]
    none_since: tuple[re.Pattern[str], ...]
    language: Language
    vocabulary: Vocabulary
    rules: Rules


@cache
def _compiled(language: Language = "en") -> _Compiled:
    reading = reading_for(language)
    vocab = reading.vocabulary

    def many(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(p) for p in patterns)

    context = vocab.context
    markers(language)  # the tense words too: broken data stops start-up, not a question
    return _Compiled(
        signals=tuple((s, many(s.patterns)) for s in vocab.signals if s.patterns),
        groups=tuple(
            (s, tuple(many(group) for group in s.all_of)) for s in vocab.signals if s.all_of
        ),
        negation=many([re.escape(n) for n in context.negation]),
        pseudo_negation=many([re.escape(n) for n in context.pseudo_negation]),
        past=many(context.past),
        resolved=many(context.resolved),
        explained=many(context.explained),
        present=many(context.present),
        mild=many(context.mild),
        informational=many(context.informational),
        list_negation=many([re.escape(n) for n in context.list_negation]),
        informational_crisis=many(context.informational_crisis),
        figures=many(context.figures_of_speech),
        wishes=many(
            [
                *context.not_waking_wishes,
                *context.away_not_answering,
                *context.not_of_a_person,
                *context.feared_or_over,
            ]
        ),
        wish_to_live=many(context.wish_to_live),
        as_prescribed=many(context.as_prescribed),
        clinician_changes=many(context.clinician_changes),
        clinician_orders=many(context.clinician_orders),
        orders_before=many([f"(?:{p})$" for p in context.clinician_orders]),
        accidental=many(context.accidental),
        well_so_far=many(context.well_so_far),
        negation_after=re.compile(
            rf"^ (?:{'|'.join(re.escape(n) for n in context.negation_after)})(?![\w])"
        )
        if context.negation_after
        else None,
        sugar_context=re.compile("|".join(re.escape(w) for w in vocab.glucose.sugar_context)),
        none_since=many(context.none_since),
        language=language,
        vocabulary=vocab,
        rules=reading.rules,
    )


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _negated(clause: str, start: int, c: _Compiled, window: int, lists: bool = False) -> bool:
    words = clause[:start].split()
    before = words[-window:]
    # "not having any shortness of breath or chest pain": a denial of signs reaches along its
    # list (``lists``), so each "or"/"nor" in reach lets it reach one window further; not for a
    # medicine ("so i do not miss one or take two": the taking is not denied)
    for _ in range(2 if lists else 0):
        if not {"or", "nor"} & set(before):
            break
        window += c.vocabulary.context.negation_window
        before = words[-window:]
    joins = [i for i, w in enumerate(before) if w in c.rules.clauses.conjunctions]
    if joins:  # "not eating and letting ...": the negation stays with its own verb
        before = before[joins[-1] + 1 :]
    text = " ".join(before)
    for cue in c.negation:
        for hit in cue.finditer(text):
            rest = text[hit.start() :]
            if not any(p.match(rest) for p in c.pseudo_negation):
                return True
    return False


def _denied_after(clause: str, match: re.Match[str], c: _Compiled) -> bool:
    """Whether the words right after a sign deny it ("sangre no hay", "negro tampoco"); not when
    the sign is told with a denial of its own ("no ha hecho pipi tampoco": none either)."""
    if c.negation_after is None or _any(c.negation, match.group(0)):
        return False
    return bool(c.negation_after.match(clause[match.end() :]))


def _denied(clauses: tuple[str, ...], c: _Compiled) -> set[str]:
    """The short list items after a cue that denies a whole list: in "patient denies chest
    pain, sob, melena" the clauses "sob" and "melena" are denied as "chest pain" is."""
    denied: set[str] = set()
    carrying = False
    for clause in clauses:
        words = clause.split()
        if carrying and len(words) <= 3 and words and words[0] not in c.rules.personal:
            denied.add(clause)
            continue
        carrying = _any(c.list_negation, clause)
    return denied


def _by_prescriber(clause: str, match: re.Match[str], c: _Compiled) -> bool:
    """A change a clinician made, reported: "the endocrinologist stopped my diazoxide"; or one
    a clinician told to make ("la doctora me indicó que deje ...", the words right before)."""
    if _any(c.orders_before, clause[: match.start()].rstrip()):
        return True
    before = clause[: match.start()].split()[-3:]
    changed = any(p.match(match.group(0)) for p in c.clinician_changes)
    return changed and bool(set(before) & set(c.vocabulary.context.prescribers))


def _reported(clause: str, match: re.Match[str], signal: Signal, rules: Rules) -> bool:
    """Whether the words report something happening ("he just brought up ..."), rather than
    ask about it in general ("can insulinoma cause seizures", "what if he passes out")."""
    before = clause[: match.start()].split()
    if any(w in rules.hypothetical for w in before):
        return False
    if any(w in rules.personal for w in before):
        return True
    if any(w in rules.generic for w in before):
        return False
    return signal.event and bool(rules.event.search(match.group(0)))


def _scan(
    sentence: Sentence, c: _Compiled, vocab: Vocabulary, back_now: bool
) -> tuple[list[Found], bool, dict[str, list[str | None]]]:
    """The signals found in one sentence, whether a danger sign was only asked about
    (``back_now``: the text says the thoughts have come back, so a past crisis sign counts),
    and for each sign of several parts not whole in it, the parts it does hold."""
    found: list[Found] = []
    asked_about = False
    informational = _any(c.informational, sentence.text) and not _any(c.present, sentence.text)
    about_crisis = _any(c.informational_crisis, sentence.text)
    resolved = _any(c.resolved, sentence.text)
    explained = _any(c.explained, sentence.text)
    denied = _denied(sentence.clauses, c)
    opening = sentence.clauses[0] if sentence.clauses else ""
    # "Back in 2019, before they found it, I collapsed ...": a short opening time clause in the
    # past sets the whole sentence in the past, unless a later clause says now ("... and now")
    all_past = (
        len(opening.split()) <= 6
        and _any(c.past, opening)
        and not any(NOW.match(k) and not _any(c.resolved, k) for k in sentence.clauses[1:])
    )
    # "the chest pain i had last week has come back and is worse now": a sign back now is
    # current, whatever past cue is told with it
    back = sign_back(sentence.text, c.language)
    live = [
        clause
        for clause in sentence.clauses
        if back
        or not (
            (all_past and (clause == opening or not _any(c.present, clause)))
            or _any(c.past, clause)
        )
    ]
    live = [clause for clause in live if clause not in denied]
    as_prescribed = _any(c.as_prescribed, sentence.text)
    # "took the whole box by mistake ... feels fine": a possible overdose, not an act of intent
    by_mistake = _any(c.accidental, sentence.text) and _any(c.well_so_far, sentence.text)
    past_in_sentence = _any(c.past, sentence.text)
    # A missed or changed medicine last month is still a medicine question: the past undoes
    # only emergency and crisis signs ("I fainted once years ago").
    every = list(sentence.clauses)

    def usable(signal: Signal, pattern: re.Pattern[str]) -> str | None:
        """What ``pattern`` finds for ``signal`` in the sentence, unless context undoes it."""
        nonlocal asked_about
        for clause in live if signal.level == "emergency" else every:
            if signal.negatable and clause in denied:
                continue
            match = pattern.search(clause)
            if match is None:
                continue
            if signal.level == "crisis" and not crisis_counts(
                clause, match, clause in live, past_in_sentence, c.language, back_now
            ):
                continue
            if signal.level == "medication" and _by_prescriber(clause, match, c):
                continue
            if signal.kind == "dose" and as_prescribed:
                continue
            if signal.deliberate and by_mistake:
                continue
            wishes = c.wishes if signal.level == "emergency" else ()
            if figured(clause, match, c.figures, sentence.text, wishes):
                continue
            if (
                signal.negatable
                and not c.rules.negative_start.match(match.group(0))
                and _negated(
                    clause,
                    match.start(),
                    c,
                    vocab.context.negation_window,
                    lists=signal.level == "emergency",
                )
            ):
                continue
            if signal.negatable and _denied_after(clause, match, c):
                continue
            if (signal.resolvable and resolved) or (signal.level == "emergency" and explained):
                continue
            if signal.mild_excluded and _any(c.mild, clause):
                continue
            hypothetical = not _reported(clause, match, signal, c.rules)
            if signal.level == "emergency" and informational and hypothetical:
                asked_about = True
                continue
            if signal.level == "crisis" and about_crisis and hypothetical:
                continue
            asked_about = asked_about or (signal.danger_topic and informational)
            return match.group(0)
        return None

    for signal, patterns in c.signals:
        words = next((w for p in patterns if (w := usable(signal, p)) is not None), None)
        if words is not None:
            found.append(Found(signal, words))
    partial: dict[str, list[str | None]] = {}
    for signal, groups in c.groups:
        parts = [next((w for p in g if (w := usable(signal, p)) is not None), None) for g in groups]
        if all(part is not None for part in parts):
            found.append(Found(signal, " … ".join(p for p in parts if p)))
        elif any(part is not None for part in parts):
            partial[signal.id] = parts
    return found, asked_about, partial


def triage(text: str, language: Language | None = None) -> Safety:
    """Sort what a person typed into emergency, crisis, medication or none, with the reply.

    ``language`` (``en`` or ``es``) says how to read the text and which language to answer in.
    Without it, a text with English cues and no Spanish one is read as English; any other text
    (one with no cue either way too: "no respira", "me mato") is read both ways and the higher
    level wins ("me desmaye" is an emergency however it is typed), answered in the language its
    cues suggest.
    """
    if language is not None:
        return _triage(text, language, language)
    spanish, english_cues = language_scores(text)
    if not spanish and english_cues and not SPANISH_MARKS.search(text.lower()):
        return _triage(text, "en", "en")  # English cues and no Spanish one: English only
    guess = guess_language(text)
    english = _triage(text, "en", guess or "en")
    in_spanish = _triage(text, "es", guess or "es")
    if LEVELS.index(in_spanish.level) < LEVELS.index(english.level):
        # only the Spanish words raised it: answer in Spanish unless the text is clearly English
        clearly_english = english_cues >= spanish + 3
        return in_spanish if not clearly_english else _triage(text, "es", "en")
    return in_spanish if guess == "es" else english


def _triage(text: str, language: Language, answer_in: Language) -> Safety:
    """The triage reading ``text`` with ``language``'s vocabulary, answering in ``answer_in``."""
    c = _compiled(language)
    read = _by_patterns(text, c)
    counted, levels, level = read.counted, read.levels, read.level
    if language in MODELS:
        words = words_of(text, c.vocabulary.rewrites, c.rules.numbers)
        unlike = _model_unlike(read.parts, c, level, words, language, "?" in text)
        counted += _read_by_model(words, level, language, unlike)
        levels |= {f.signal.level for f in counted}
        level = leading(levels, counted, read.reading)
    return reply(level, counted, read.reading, read.asked_about and level == "none", answer_in)


def for_the_word_model(text: str, language: Language) -> tuple[Level, set[Level], list[str]]:
    """What the word model is given in the triage (``scripts/train_safety_model.py`` measures
    with it): the level the patterns alone found, the levels the model may not raise, and the
    text's normalised words."""
    c = _compiled(language)
    read = _by_patterns(text, c)
    words = words_of(text, c.vocabulary.rewrites, c.rules.numbers)
    return read.level, _model_unlike(read.parts, c, read.level, words, language, "?" in text), words


# The fewest content words (not the model's ignored function words) a text needs for the word
# model to raise a level: in three words or fewer one word weighs as much as a whole text's
# words (each feature counts 1/sqrt(n)), so "i think so", "life is good", "take care" read as
# crisis or medication (an independent review, 2026-12-06). Short texts of real need are the
# patterns' ("i want to die", "kms"); on the dev probes the model had found one crisis of three
# words or fewer that the patterns missed, and raised none in Spanish.
MODEL_MIN_WORDS = 4


def _model_unlike(
    parts: list[Sentence],
    c: _Compiled,
    level: Level,
    words: list[str],
    language: Language,
    asks: bool,
) -> set[Level]:
    """The levels the word model may not raise: :func:`_unlike`'s, or every level for a text
    too short for the model to read (``MODEL_MIN_WORDS``)."""
    ignored = frozenset(word_model(MODELS[language]).ignored)
    content = sum(1 for w in words if w[:1].isalnum() and w not in ignored)
    if content < MODEL_MIN_WORDS:
        return set(LEVELS)
    return _unlike(parts, c, level, asks=asks)


@dataclass
class _PatternRead:
    parts: list[Sentence]
    counted: list[Found]
    levels: set[Level]
    level: Level
    reading: GlucoseReading | None
    asked_about: bool


def _by_patterns(text: str, c: _Compiled) -> _PatternRead:
    vocab = c.vocabulary
    parts = sentences(text, vocab.rewrites, c.rules.clauses, c.rules.numbers)
    sugar_in_text = any(c.sugar_context.search(s.text) for s in parts)
    found: list[Found] = []
    asked_about = False
    back_now = returned([s.text for s in parts], c.language)
    partial: list[dict[str, list[str | None]]] = []
    over = _over_since(parts, c)
    for sentence in parts:
        in_sentence, asked, held = _scan(sentence, c, vocab, back_now)
        if sentence in over:
            in_sentence = [f for f in in_sentence if f.signal.level != "emergency"]
        found += in_sentence
        partial.append(held)
        asked_about = asked_about or asked
    whole = {f.signal.id for f in found}
    found += [f for f in across_fragments(parts, partial, c.groups) if f.signal.id not in whole]
    back = come_back([s.text for s in parts], c.language)
    # "... and now it is back"; a crisis sign that needs another to count is not yet one
    if back and not any(f.signal.level == "crisis" and not f.signal.needs for f in found):
        found.append(Found(next(s for s in vocab.signals if s.id == "suicidal"), back))
    low_context = any(f.signal.kind == "low-sugar" for f in found) or any(
        LOW_SIGNS.search(s.text) for s in parts
    )
    reading: GlucoseReading | None = None
    for sentence in told_before(parts):
        if _asks_in_general(sentence, c) or SUPPOSING.match(sentence.text):
            # "what does a sugar of 54 mean", "what if it is 50": a question, no reading
            asked_about = True
            continue
        cues = (c.past, c.resolved)
        reading = reading or low_reading(sentence, vocab.glucose, cues, sugar_in_text, low_context)
    latest = [r for p in parts for r in readings(p.text, vocab.glucose, sugar_in_text)]
    # "sugar 95mg": the number a sugar word names is a reading in mg/dL, not a medicine's dose
    found = [f for f in found if f.signal.kind != "dose" or not _inside(f.words, latest)]
    if reading is not None and latest and latest[-1].low is None and not latest[-1].unit_unclear:
        reading = None  # a later normal reading: the low one has come back up ("... now 92")

    if latest and latest[-1].low is None and not latest[-1].unit_unclear:
        # a normal number after "the sensor said LOW" ("fingerstick was 92"): it came back up
        found = [f for f in found if f.signal.kind != "low-sugar" or f.signal.level == "none"]
    present = {f.signal.id for f in found} | ({LOW_SUGAR} if reading else set())
    counted = [
        f
        for f in found
        if f.signal.level != "none" and (not f.signal.needs or present & set(f.signal.needs))
    ]
    levels: set[Level] = {f.signal.level for f in counted} | ({"emergency"} if reading else set())
    level = leading(levels, counted, reading)
    return _PatternRead(parts, counted, levels, level, reading, asked_about)


def _over_since(parts: list[Sentence], c: _Compiled) -> list[Sentence]:
    """The sentences whose emergency signs are over: told in the past, in a text that sets them
    in the past ("in 2021", "before the diagnosis") and says they have not come back since
    ("blacked out once. 2021. doesn't happen now"); never a sign of today ("this morning")."""
    since = next((i for i, s in enumerate(parts) if _any(c.none_since, s.text)), None)
    if since is None or not any(_any(c.past, s.text) for s in parts):
        return []
    return [
        s
        for s in parts[: since + 1]
        if sentence_tense(s.text, c.language) != "now" and not RECENT.search(s.text)
    ]


def _asks_in_general(sentence: Sentence, c: _Compiled) -> bool:
    """Whether the sentence asks about a number in general: it opens with a question word, has an
    informational cue and no person nor present cue ("what does a sugar of 54 mean", "is a
    reading of 3.0 dangerous"); "my sugar is 54, what does that mean" is a reading."""
    words = sentence.text.split()
    return (
        bool(words)
        and words[0] in c.rules.question_openers
        and _any(c.informational, sentence.text)
        and not _any(c.present, sentence.text)
        and not set(words) & (c.rules.personal | c.rules.own_reading)
    )


def _inside(words: str, latest: list[GlucoseReading]) -> bool:
    """Whether ``words`` are all part of one of the readings' own words."""
    return any(words in reading.words for reading in latest)


def _unlike(parts: list[Sentence], c: _Compiled, level: Level, asks: bool) -> set[Level]:
    """The levels the word model may not raise for these sentences, since their words are known
    to say otherwise: "this is killing me", "I do not want to die" (crisis); "50mg twice a day
    as prescribed" (medication); and emergency unless every sentence reads as a plain report of
    now: no negation, past, resolved, mild, figure of speech or informational cue, no question
    (no question mark, none opening with a question word: "what causes black stools")."""
    unlike: set[Level] = set()
    if any(_any(c.figures, s.text) or _any(c.wish_to_live, s.text) for s in parts):
        unlike.add("crisis")
    if any(_any(c.as_prescribed, s.text) for s in parts) or (not asks and _change_told(parts, c)):
        unlike.add("medication")
    if not asks and any(_any(c.clinician_orders, s.text) for s in parts):
        unlike.add("medication")  # an instruction told, not asked about
    if _only_past(parts, c):  # "i wanted to die back then, not anymore"
        unlike.add("crisis")
    if level == "medication":  # a medicine question ("cutting my pill in half"), not the
        unlike.add("crisis")  # model's "cutting"; the patterns find a crisis said beside it
    if asks or not all(_plain_report(s, c) for s in parts):
        unlike.add("emergency")
    return unlike


def _change_told(parts: list[Sentence], c: _Compiled) -> bool:
    """Whether the text only tells of a change a clinician made ("my oncologist switched me to
    lanreotide", "el oncólogo me cambió ..."), with no question word (nor, the caller checks, a
    question mark)."""
    prescribers = set(c.vocabulary.context.prescribers)
    told = False
    for sentence in parts:
        words = sentence.text.split()
        if set(words) & (c.rules.hypothetical - {"to"}):
            return False
        told = told or any(
            set(words[max(0, i - 3) : i]) & prescribers
            for i, word in enumerate(words)
            if any(p.fullmatch(word) for p in c.clinician_changes)
        )
    return told


def _only_past(parts: list[Sentence], c: _Compiled) -> bool:
    """Whether the text speaks only of the past: a past cue, a past form, no present one."""
    tenses = {sentence_tense(s.text, c.language) for s in parts}
    return any(_any(c.past, s.text) for s in parts) and "now" not in tenses and "then" in tenses


def _plain_report(sentence: Sentence, c: _Compiled) -> bool:
    text = sentence.text
    if text.split()[:1] and text.split()[0] in c.rules.question_openers:
        return False
    if _any(c.informational, text) or _any(c.informational_crisis, text):
        return False
    cues = (c.past, c.resolved, c.explained, c.mild, c.figures, c.wish_to_live, c.list_negation)
    if any(_any(cue, text) for cue in cues):
        return False
    # "can not breathe", "will not wake up": a sign, not a denial nor a question
    plain = UNABLE.sub(" ", text)
    if set(plain.split()) & c.rules.hypothetical - ORDINARY_VERBS:
        return False
    return not any(cue.search(plain) for cue in c.negation)


def _read_by_model(
    words: list[str], level: Level, language: Language, unlike: set[Level]
) -> list[Found]:
    """What the word model adds: a level above ``level`` that the patterns did not find, unless
    the text's words are known to say otherwise for it (``unlike``)."""
    said = raised(word_model(MODELS[language]), words, unlike)
    if said is None or LEVELS.index(said) >= LEVELS.index(level):
        return []
    return [Found(_model_signal(said, language), "")]


@cache
def _model_signal(level: Level, language: Language) -> Signal:
    """The signal shown when the word model raised ``level`` (its label from the model file)."""
    label = word_model(MODELS[language]).labels[level]
    kinds = {"emergency": "other", "crisis": "suicidal", "medication": "change"}
    return Signal(
        id=f"word-model-{level}", level=level, kind=kinds[level], label=label, patterns=["(?!)"]
    )
