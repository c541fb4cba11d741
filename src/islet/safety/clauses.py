"""The signals one sentence holds, clause by clause, unless the words around them undo them.

:func:`scan` reads each clause of a sentence for the signals' patterns and sets a match aside
when its context says otherwise: a negation before it ("no chest pain") or after it ("sangre no
hay"), a list a denial reaches ("denies chest pain, sob, melena"), a past or resolved sign, a
change a clinician made, a figure of speech, or a question about the sign in general.
"""

from __future__ import annotations

import re

from islet.safety.cues import Compiled
from islet.safety.figures import Finder, figured
from islet.safety.languages import Rules
from islet.safety.reply import Found
from islet.safety.scope import covers, found_at, named, spans, told_as_own
from islet.safety.tense import crisis_counts, sign_back
from islet.safety.text import Sentence, any_of
from islet.safety.vocabulary import Signal, Topic, Vocabulary

# a clause that starts with now, after an opening clause in the past ("... and now my calf")
# a clause that opens on now, or on a Spanish "just did" ("yo acabo de cortarme"): not in the past
NOW = re.compile(
    r"(?:now|right now|ahora|hoy|today|tonight|esta noche"
    r"|(?:yo |el |ella )?acab(?:o|a|amos|an) de)\b"
)
# the most words of a clause that only tells when, after the sign's ("..., back in 1998, ...")
SHORT_TIME_CLAUSE = 5


def _without(patterns: tuple[re.Pattern[str], ...], text: str) -> str:
    """``text`` with the words every match of ``patterns`` covers taken out."""
    covered = {i for p in patterns for m in p.finditer(text) for i in range(*m.span())}
    return "".join(" " if i in covered else ch for i, ch in enumerate(text))


def _negated(clause: str, start: int, c: Compiled, window: int, lists: bool = False) -> bool:
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


def _denied_after(clause: str, match: re.Match[str], c: Compiled) -> bool:
    """Whether the words right after a sign deny it ("sangre no hay", "negro tampoco"); not when
    the sign is told with a denial of its own ("no ha hecho pipi tampoco": none either)."""
    if c.negation_after is None or any_of(c.negation, match.group(0)):
        return False
    return bool(c.negation_after.match(clause[match.end() :]))


def _denied(clauses: tuple[str, ...], c: Compiled) -> set[str]:
    """The short list items after a cue that denies a whole list: in "patient denies chest
    pain, sob, melena" the clauses "sob" and "melena" are denied as "chest pain" is."""
    denied: set[str] = set()
    carrying = False
    for clause in clauses:
        words = clause.split()
        if carrying and len(words) <= 3 and words and words[0] not in c.rules.personal:
            denied.add(clause)
            continue
        carrying = any_of(c.list_negation, clause)
    return denied


def _by_prescriber(clause: str, match: re.Match[str], c: Compiled) -> bool:
    """A change a clinician made, reported: "the endocrinologist stopped my diazoxide"; or one
    a clinician told to make ("la doctora me indicó que deje ...", the words right before)."""
    if any_of(c.orders_before, clause[: match.start()].rstrip()):
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
    personal = {w for w in before if w in rules.personal}
    if personal:
        # a pronoun standing for people named in general later ("le da ... a los niños") asks
        return not (personal <= rules.doubled and any(w in rules.generic for w in clause.split()))
    if any(w in rules.generic for w in before):
        return False
    return signal.event and bool(rules.event.search(match.group(0)))


def _habitual(clause: str, match: re.Match[str], c: Compiled) -> bool:
    """Whether the sign's words are told as a pattern that recurs ("faints from low sugar",
    "has fainting spells", "se desmaya"): words of ``habitual_signs`` that hold the match."""
    return any(
        hit.start() <= match.start() and hit.end() >= match.end()
        for cue in c.habitual_signs
        for hit in cue.finditer(clause)
    )


def scan(
    sentence: Sentence, c: Compiled, vocab: Vocabulary, back_now: bool, meant_later: bool = False
) -> tuple[list[Found], set[Topic], dict[int, list[str | None]]]:
    """The signals found in one sentence, the topics only asked about in general (a danger
    sign: ``danger``; too much of a medicine: ``overdose``) (``back_now``: the text says the
    thoughts have come back, so a past crisis sign counts; ``meant_later``: a sentence after
    it tells it as meant now, so no figure of speech undoes its signs), and for each sign of
    several parts not whole in it, the parts it does hold."""
    found: list[Found] = []
    asked: set[Topic] = set()
    informational = any_of(c.informational, sentence.text) and not any_of(c.present, sentence.text)
    # safetyscope16: each lowering cue covers only the signs told up to it (islet.safety.scope)
    informational_at = found_at(c.informational, sentence) if informational else None
    about_crisis = any_of(c.informational_crisis, sentence.text)
    resolved_at = found_at(c.resolved, sentence)
    recovered_at = found_at(c.recovered, sentence)  # "... but fine now after juice"
    # safetyfix14e: a sign told as meant now ("... but now", "tonight", "en serio") is undone by
    # no figure of speech, nor a clinician's word, in its sentence
    meant = any_of(c.meant_now, sentence.text)
    explained_at = None if meant else found_at(c.explained, sentence)
    gone_at = found_at(c.told_gone, sentence)
    figures = () if meant or meant_later else c.figures
    # a sign only asked about ("the nurse asked me about chest pain"), read on the whole sentence
    # so that words after a comma can tell it is there ("..., it is crushing")
    asked_for = not meant and any_of(c.asked_about, sentence.text)
    denied = _denied(sentence.clauses, c)
    opening = sentence.clauses[0] if sentence.clauses else ""
    # "Back in 2019, before they found it, I collapsed ...": a short opening time clause in the
    # past sets the whole sentence in the past, unless a later clause says now ("... and now")
    now_after = any(NOW.match(k) and not any_of(c.resolved, k) for k in sentence.clauses[1:])
    # scopefix16: a clinician's word told in the past ("el doctor dijo que es normal") is that
    # cue's own, with its own reach, not a past opening
    first_past = (
        len(opening.split()) <= 6
        and any_of(c.past, opening)
        and not now_after
        and not any_of(c.explained, opening)
    )
    # safetyfix15b: "fainted once, back in 1998, at a wedding": a clause that only tells a past
    # time, right after the sign's, sets the sentence in the past too, when no clause tells of
    # now or of these last days ("..., and again this morning"); never a clause with an event of
    # its own ("tengo fiebre, me operaron hace una semana")
    second = sentence.clauses[1] if len(sentence.clauses) > 1 else ""
    second_past = (
        0 < len(second.split()) <= SHORT_TIME_CLAUSE
        and any_of(c.past, second)
        and len(_without(c.past, second).split()) <= 1
        and not now_after
        and not any(
            any_of(c.present, k) or (c.recent is not None and c.recent.search(k))
            for k in sentence.clauses
        )
    )
    all_past = first_past or second_past
    past_at = 0 if first_past else 1
    # "the chest pain i had last week has come back and is worse now": a sign back now is
    # current, whatever past cue is told with it
    back = sign_back(sentence.text, c.language)
    # each clause with its place: a cue covers by place, so a sign told twice is read twice
    every = list(enumerate(sentence.clauses))
    live = [
        (k, clause)
        for k, clause in every
        if back
        or not (
            (all_past and covers(sentence, past_at, k, c, reaches=True)) or any_of(c.past, clause)
        )
    ]
    live = [(k, clause) for k, clause in live if clause not in denied]
    # a dose told as prescribed, or as a routine with its schedule ("100 mg twice a day")
    routine = any_of(c.routine_told, sentence.text)
    prescribed = [m.span() for p in c.as_prescribed for m in p.finditer(sentence.text)]
    as_prescribed = routine or bool(prescribed)

    def prescribed_for(clause: str, match: re.Match[str]) -> bool:
        """Whether the dose ``match`` found is the one told as prescribed: a cue on its own side
        of every contrast ("as prescribed, but today i took double": not the double)."""
        at = sentence.text.find(clause)
        if routine or at < 0:
            return as_prescribed
        start, end = at + match.start(), at + match.end()
        return any(
            not any_of(c.contrasts, sentence.text[min(b, end) : max(a, start)])
            for a, b in prescribed
        )

    # "took the whole box by mistake ... feels fine": a possible overdose, not an act of intent
    mistake_at, well_at = found_at(c.accidental, sentence), found_at(c.well_so_far, sentence)
    by_mistake_at = None if mistake_at is None or well_at is None else max(mistake_at, well_at)
    past_in_sentence = any_of(c.past, sentence.text)
    # "my husband faints from low sugar, how do they stop that before surgery": a sign that
    # recurs, asked how it is treated, with nothing of now ("right now", "today", "help")
    treatment_asked = (
        any_of(c.treatment_asked, sentence.text)
        and not any_of(c.present, sentence.text)
        and not (c.recent is not None and c.recent.search(sentence.text))
    )
    # "what does a missed dose mean for the treatment": a medicine asked about in general, of no one
    medicine_in_general = any_of(c.medicine_in_general, sentence.text) and not (
        set(sentence.text.split()) & c.rules.personal
    )
    # A missed or changed medicine last month is still a medicine question: the past undoes
    # only emergency and crisis signs ("I fainted once years ago").

    find = Finder()  # each list of figures read once per clause in this sentence
    places = spans(sentence)  # where each clause lies in the sentence (islet.safety.figures)

    def usable(signal: Signal, pattern: re.Pattern[str]) -> str | None:
        """What ``pattern`` finds for ``signal`` in the sentence, unless context undoes it."""
        for k, clause in live if signal.level == "emergency" else every:
            if signal.negatable and clause in denied:
                continue
            match = pattern.search(clause)
            if match is None:
                continue
            if signal.level == "crisis" and not crisis_counts(
                clause, match, (k, clause) in live, past_in_sentence, c.language, back_now
            ):
                continue
            if signal.level == "medication" and _by_prescriber(clause, match, c):
                continue
            if signal.level == "medication" and medicine_in_general:
                if signal.kind == "overdose":  # "what happens if you overdose on octreotide"
                    asked.add("overdose")
                continue
            # too much of a hormone a tumor makes, asked about ("symptoms of too much insulin")
            hormone = figured(clause, match, (), "", c.hormone_asked, find)
            if signal.level == "medication" and hormone:
                continue  # "what are the symptoms of too much insulin": the disease asked about
            if signal.kind == "dose" and as_prescribed and prescribed_for(clause, match):
                continue
            if (
                signal.kind == "overdose"
                and signal.level == "medication"
                and as_prescribed
                and prescribed_for(clause, match)
            ):
                continue  # "she swallowed her pills this morning like always": no dose changed
            names = named(clause, match.start(), match.end(), c.rules)
            if signal.deliberate and covers(sentence, by_mistake_at, k, c, False, names):
                continue
            wishes = c.wishes if signal.level == "emergency" else ()
            at = places[k][0]
            if signal.figured and figured(clause, match, figures, sentence.text, wishes, find, at):
                continue
            # someone elsewhere not answering ("dad not answer, he is busy at work"): the place or
            # the reason may be told in the next clause of the sentence
            if signal.level == "emergency" and figured(
                clause, match, c.away, sentence.text, (), find, at
            ):
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
            if signal.resolvable and covers(sentence, resolved_at, k, c, False, names):
                continue
            if signal.level == "emergency" and (
                covers(sentence, explained_at, k, c, False, names)
                or covers(sentence, gone_at, k, c, False, names)
            ):
                continue
            # the sign's own words are only what a form or a clinician asked about
            if (
                signal.level == "emergency"
                and asked_for
                and figured(clause, match, (), "", c.asked_about, find)
            ):
                continue
            if signal.kind == "fainting" and covers(sentence, recovered_at, k, c, False, names):
                continue
            if signal.mild_excluded and any_of(c.mild, clause):
                continue
            if signal.level == "emergency" and treatment_asked and _habitual(clause, match, c):
                asked.add("danger")
                continue
            hypothetical = not _reported(clause, match, signal, c.rules)
            if (
                signal.level == "emergency"
                and covers(sentence, informational_at, k, c, reaches=True)
                and not told_as_own(sentence, informational_at, k, c)
                and hypothetical
            ):
                # too much of a medicine asked about ("what happens if you overdose on ..."),
                # also as one part of a sign of several: Poison Control beside the answer
                # (never too much of a hormone a tumor makes: "signs of too much insulin")
                # (danger_topic stays true beside it, its meaning before safetyfix14)
                overdose = signal.kind == "overdose" or any_of(c.overdose_words, match.group(0))
                asked.update({"danger", "overdose"} if overdose and not hormone else {"danger"})
                continue
            if signal.level == "crisis" and about_crisis and hypothetical:
                continue
            if signal.danger_topic and informational:
                asked.add("danger")
            return match.group(0)
        return None

    def anywhere(screen: re.Pattern[str]) -> bool:
        """Whether any clause holds words of the screened patterns (none: nothing to read)."""
        return any(screen.search(clause) for clause in sentence.clauses)

    for (signal, patterns), screen in zip(c.signals, c.signal_screens, strict=True):
        if not anywhere(screen):
            continue
        words = next((w for p in patterns if (w := usable(signal, p)) is not None), None)
        if words is not None:
            found.append(Found(signal, words))
    # by each form's place in ``c.groups``: one signal may have forms of different numbers of
    # parts under one id (its English and Spanish ``all_of``)
    partial: dict[int, list[str | None]] = {}
    for place, ((signal, groups), screens) in enumerate(
        zip(c.groups, c.group_screens, strict=True)
    ):
        # a finding and a swallowing told with a routine ("found her pills and took two at her
        # usual time") is a dose taken, not someone getting at a medicine
        if (
            signal.level == "emergency"
            and signal.kind == "overdose"
            and not signal.deliberate
            and as_prescribed
        ):
            continue
        parts = [
            next((w for p in g if (w := usable(signal, p)) is not None), None)
            if anywhere(part)
            else None
            for g, part in zip(groups, screens, strict=True)
        ]
        if all(part is not None for part in parts):
            found.append(Found(signal, " … ".join(p for p in parts if p)))
        elif any(part is not None for part in parts):
            partial[place] = parts
    return found, asked, partial
