"""How far a cue that lowers a sentence's level reaches (issues 11, 17; safetyscope16, scopefix16).

A lowering cue (a clinician's word that a sign is harmless, a sign told as gone or as over, a
medicine taken by mistake, a question in general, an opening clause in the past) speaks of the
signs told up to it, not of every sign in its sentence. Its place is the first clause by whose
end the cue is found (:func:`found_at`). It covers a sign told in that clause or before it; a sign
told in a later clause only when the cue ``reaches`` on (a question or a past opening: "what are
the signs of a clot, swelling, a warm calf") or the sign is only named after it, with no verb of
its own ("the doctor said it's just anxiety, the tightness in my chest"), and nothing between
them starts a report of now: a clause with a present marker of its own ("..., and now"), the
sign told in the present of someone ("..., i have crushing chest pain", "..., his face is
drooping"; not "..., my mom is asking, like face drooping", "..., i have epilepsy, i had a seizure
at work"), or a contrast ("but", "pero") before a new statement ("..., but my lips are blue"). A
contrast that only narrows ("what are the signs of low sugar, but in a child") does not stop a
cue; an opening that only tells a time ("last year, i have a seizure from low sugar") has the
clause after it as its own statement (scopefix16b).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from islet.safety.tense import sentence_tense
from islet.safety.text import Sentence, any_of

if TYPE_CHECKING:  # islet.safety.cues reads low readings, which read a cue's reach here
    from islet.safety.cues import Compiled
    from islet.safety.languages import Rules


ONLY_TIME = 5  # the words of a clause that only tells a time (as islet.safety.clauses)


@lru_cache(maxsize=256)
def spans(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Where each clause lies in the sentence's text (the clauses are in order in it)."""
    found: list[tuple[int, int]] = []
    at = 0
    for clause in sentence.clauses:
        start = sentence.text.find(clause, at)
        start = at if start < 0 else start
        found.append((start, start + len(clause)))
        at = start + len(clause)
    return tuple(found)


def found_at(patterns: tuple[re.Pattern[str], ...], sentence: Sentence) -> int | None:
    """The first clause by whose end one of ``patterns`` is found, or None if none is."""
    if not any_of(patterns, sentence.text):
        return None
    for j, (_, end) in enumerate(spans(sentence)):
        if any_of(patterns, sentence.text[:end]):
            return j
    return len(sentence.clauses) - 1


def _opens(words: list[str], rules: Rules) -> bool:
    """Whether ``words`` open a new statement: a pronoun, "my", or what opens one after a
    conjunction (a person named: "mom", "the baby", "el bebé"; islet.safety.text.Clauses)."""
    if not words:
        return False
    then = words[1] if len(words) > 1 else ""
    return words[0] in rules.personal or rules.clauses.opens(words[0], then)


def reports_now(clause: str, rules: Rules) -> bool:
    """Whether a clause tells a sign in the present of someone or something named: it opens on a
    pronoun, a person or a thing named, and a present verb follows ("i have crushing chest pain",
    "his face is drooping", "tengo un dolor", "la glucosa está en 40")."""
    words = clause.split()
    if words[:1] and words[0] in rules.verb_negations:
        words = words[1:]  # "no puedo respirar"
    if words[:1] and words[0] in rules.present_verbs:
        # the person told by the verb alone ("tengo un dolor", "can not lift his arm"); not a
        # question's verb before its subject ("is it face drooping")
        return not _opens(words[1:], rules)
    if not words or not (_opens(words, rules) or words[0] in rules.articles):
        return False
    return any(w in rules.present_verbs for w in words[:4])


def set_against(
    sentence: Sentence, at: int, k: int, contrasts: tuple[re.Pattern[str], ...], rules: Rules
) -> bool:
    """Whether a contrast between the end of clause ``at`` and the start of clause ``k`` opens a
    new statement ("..., but my son is fainting"), not one that narrows ("..., but in a child")."""
    where = spans(sentence)
    between = sentence.text[where[at][1] : where[k][0]] if k > at else ""
    for pattern in contrasts:
        for hit in pattern.finditer(between):
            after = (between[hit.end() :] + " " + sentence.text[where[k][0] :]).split()
            if _opens(after, rules) or reports_now(" ".join(after), rules):
                return True
    return False


def told_as_own(sentence: Sentence, at: int | None, k: int, c: Compiled) -> bool:
    """Whether a sign in clause ``k``, after a question in general placed at clause ``at``, is told
    as the asker's own (safetyfix17b): a clause after the question up to the sign's holds a word of
    one's own or a time of these last days ("what are the signs of a heart attack, crushing chest
    pain down my left arm"; "is it normal to feel this way, but in my dad, crushing chest pain";
    "..., face drooping since this morning"), and neither it nor the sign's clause opens on an
    example ("..., like crushing chest pain down my left arm?") nor tells a source or a wish to
    know ("..., my book lists shaking", "..., i want to know, face drooping"; safetyfix17e); or
    the sign asked about is claimed in the clause right after the question ("is it normal to
    have chest pain, mine is crushing"; not "what does black poop mean, my brother says it is
    iron, mine is brown")."""
    if at is None or _example(sentence.clauses[k], c.rules):
        return False
    if k <= at:  # the claim right after the question ("..., mine is crushing")
        return at + 1 < len(sentence.clauses) and _claims(sentence.clauses[at + 1], c.rules)
    return any(
        (set(clause.split()) & c.rules.own or (c.recent is not None and c.recent.search(clause)))
        and not _example(clause, c.rules)
        and not _source(clause, c.rules)
        for clause in sentence.clauses[at + 1 : k + 1]
    )


def _claims(clause: str, rules: Rules) -> bool:
    """Whether a clause claims a sign asked about as one's own in the present ("mine is crushing",
    "mine has been going for an hour"; not "mine was like that last year", "mine is not")."""
    words = clause.split()
    return (
        len(words) > 2
        and words[0] in rules.mine
        and words[1] in rules.present_verbs
        and words[2] not in rules.verb_negations
    )


def _source(clause: str, rules: Rules) -> bool:
    """Whether a clause tells a source or a wish to know ("my book lists shaking", "i want to
    know"): words of one's own there are not a sign of one's own."""
    padded = f" {clause} "
    return any(f" {words} " in padded for words in rules.sources)


def _example(clause: str, rules: Rules) -> bool:
    """Whether a clause opens on a word of example ("like ...", "such as ...", "como ...")."""
    return any(clause == word or clause.startswith(word + " ") for word in rules.examples)


def named(clause: str, start: int, end: int, rules: Rules) -> bool:
    """Whether a sign is only named, with no verb of its own: the clause opens on an article and
    then the sign, not a person's ("the tightness in my chest", "the black stools"; not "the baby
    turning blue"), and no present verb follows it anywhere in its clause (not "the chest pain is
    crushing", "the chest pain in my left arm is crushing", "the chest pain that is crushing me"),
    up to a word that opens a clause of its own ("the chest pain i get when i'm stressed")."""
    before = clause[:start].split()
    sign = clause[start:end].split()
    if len(before) != 1 or before[0] not in rules.articles:
        return False
    if sign[:1] and sign[0] in rules.people:
        return False
    after = clause[end:].split()
    for i, word in enumerate(after):
        if word in rules.present_verbs:
            return False
        if (
            word in rules.question_openers
            and after[i + 1 : i + 2] != []
            and (after[i + 1] not in rules.present_verbs)
        ):
            return True  # "... when i'm stressed": a verb of another clause
    return True


def covers(
    sentence: Sentence, at: int | None, k: int, c: Compiled, reaches: bool, names: bool = False
) -> bool:
    """Whether a cue placed at clause ``at`` covers a sign found in clause ``k`` (``names``: the
    sign is only named there, :func:`named`)."""
    if at is None:
        return False
    if k <= at:
        return True
    if not (reaches or names):
        return False
    # "last year, i have a seizure from low sugar", "before, last year, i have ...": the clause
    # after an opening that only tells a time is that time's statement, whatever its tense
    told = at
    while told + 1 < len(sentence.clauses) and _only_time(sentence.clauses[told], c):
        told += 1
    if k <= told:
        return True
    later = sentence.clauses[told + 1 : k + 1]
    if any(any_of(c.present, k2) for k2 in later):
        return False
    # a report of now: the sign told in the present in it or after it ("..., my husband is not
    # breathing"; "..., my husband is here, he is not breathing"), never a present clause of no
    # sign before a sign told in the past or as an example ("..., my mom is asking, like face
    # drooping", "..., i have epilepsy, i had a seizure at work")
    sign = sentence.clauses[k]
    if reports_now(sign, c.rules) or (
        in_present(sign, c) and any(reports_now(k2, c.rules) for k2 in later)
    ):
        return False
    return not set_against(sentence, at, k, c.contrasts, c.rules)


def in_present(clause: str, c: Compiled) -> bool:
    """Whether a clause tells its sign in the present: a present verb ("he is not breathing"), or
    someone named with no past form ("my words come out wrong"; not "i had a seizure at work",
    nor an example, "like face drooping")."""
    words = clause.split()
    if any(w in c.rules.present_verbs for w in words):
        return True
    return _opens(words, c.rules) and sentence_tense(clause, c.language) != "then"


def _only_time(clause: str, c: Compiled) -> bool:
    """Whether a clause only tells a time in the past ("last year", "in 2019", "two years ago"):
    the clause after it is its statement, whatever its verb's tense."""
    if not any_of(c.past, clause):
        return False
    covered = {i for p in c.past for m in p.finditer(clause) for i in range(*m.span())}
    rest = "".join(" " if i in covered else ch for i, ch in enumerate(clause))
    return len(clause.split()) <= ONLY_TIME and len(rest.split()) <= 1
