"""What a question asks about, as against the story around it (issue 12: near neighbours).

"My dad has diabetes and an insulinoma, what are the options" mentions a neighbouring condition
on the way and asks about the summary's subject; "he has an insulinoma, but how is his
pancreatitis treated?" asks about the neighbour. The asking parts of a question are its clauses
that start like a question ("what", "how", "can", "is" ...), or, in a sentence that ends with a
question mark but has no such clause, its last clause; in a question with neither, Islet cannot
tell the story from the asking. A question is about a named neighbour when an asking part names
it and nothing of the summary's own subject, compares what it points back to ("is that the same
as ..."), or points back to it as the last thing named ("how is that treated?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from islet.ask.words import words

_SENTENCE = re.compile(r"[^.?!;\n]+[.?!;\n]*")
_CLAUSE = re.compile(r",|\s-+\s|\bbut\b|\bso\b")
_ASKING = re.compile(
    r"^\s*((and|also|ok|okay|well|now|then|plus|or|just|honestly|really|please|pls|but)\s+)*"
    r"(what|whats|wat|how|hows|why|when|where|which|who|is|isnt|are|arent|was|were|can|cant|"
    r"could|couldnt|does|doesnt|do|dont|did|should|shouldnt|would|will|has|have|any|anyone|"
    r"anything|tell me|explain|i want to know|i wonder|wondering)\b"
)
# "Is that the same as ...": an asking part that compares something it points back to.
_SAME = re.compile(
    r"\b(is|are|was|were) (that|this|it|they|those|these|theirs?|his|hers) (the same|any "
    r"different|different|related|similar|like)\b"
)

# Words that point back to something named before ("how is that treated"), not "that" of
# "that combination".
_POINTING = re.compile(
    r"\b(it|they|them)\b|\b(that|this|these|those)( ones?)?(?=\s*([?.]|$|(treated|managed|"
    r"handled|cured|fixed|operated|removed|done)\b))"
)

# A comparison asked about ("how is it different from ...", "is it the same as ...").
_COMPARING = re.compile(
    r"\b(same|different|difference|differ|differs|compared?|comparison|vs|versus|unlike|"
    r"not like|rather than|instead of|other kind|than)\b"
)


_BETWEEN = re.compile(r"\bbetween\b")

# Weighing two things against each other ("does everolimus or gemcitabine work better").
_WEIGHING = re.compile(r"\b(better|worse|best|worst|more effective|less effective)\b")


def compares(question: str) -> bool:
    """Whether an asking part of ``question`` compares two things (the whole question when no
    part asks: a question read from Spanish keeps only its content words)."""
    return any(
        _COMPARING.search(part) or _LIKENESS_ASKED.search(part)
        for part in asking_parts(question) or [question]
    )


# The words that liken one thing to another, shared by the two patterns below.
_LIKE = r"like|alike|similar to"

# A part that asks whether one thing is like another ("is pnet like regular pancreatic cancer").
_LIKENESS_ASKED = re.compile(
    rf"^\W*((and|so|but|ok|okay)\s+)*(is|isnt|are|arent|was|were)\b.*\b({_LIKE})\b"
)


def compares_own(
    question: str, patterns: list[re.Pattern[str]], names_subject: Callable[[str], bool]
) -> bool:
    """Whether ``question`` compares the summary's subject with a neighbour (``patterns``):
    what comes before the comparing word, after the last neighbour named there, names the
    subject ("my insulinoma causes low sugar, how is that different from reactive
    hypoglycemia"; not "MEN2A, is that the same family as pNETs"), or it weighs the two for
    a question that names the subject besides ("i have a pNET, does everolimus or
    gemcitabine work better")."""
    parts = asking_parts(question) or [question]
    rest = question
    for pattern in patterns:
        rest = pattern.sub(" ", rest)
    if names_subject(rest) and any(_WEIGHING.search(part) for part in parts):
        return True
    for part in parts:
        found = _COMPARING.search(part)
        if found is None:
            continue
        # The first comparison decides: "MEN2A, is that the same family as pNETs, and is his
        # managed the same way" compares the neighbour.
        head = question[: max(question.find(part), 0)] + part[: found.start()]
        ends = [m.end() for p in patterns for m in p.finditer(head)]
        return names_subject(head[max(ends, default=0) :])
    return False


def compares_neighbour(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether the first asking part of ``question`` that compares two things names a
    neighbour (``patterns``) before its comparing word: the neighbour is the side asked about
    ("is a carcinoid of the ileum treated the same as an insulinoma", "does MEN2A work like
    MEN1"), or names none and the sentences before it do ("my brother has a carcinoid of the
    ileum. is the treatment the same as for my insulinoma", "ileal carcinoid, same management
    as a pNET?"): the neighbour told first is the side compared. Call it after
    :func:`compares_own`, which keeps the person's own tumor first."""
    for part in asking_parts(question):
        found = _COMPARING.search(part)
        if found is None:
            continue
        head = part[: found.start()]
        # "The difference between an insulinoma and diabetes" names both sides itself.
        both = _BETWEEN.search(part, found.start()) is not None
        if not both and not any(p.search(part) for p in patterns):
            head = question[: max(question.find(part), 0)] + head
        return any(p.search(head) for p in patterns)
    return False


# A word that likens what follows to what was said before it ("his sugars are sky high like a
# diabetic", "not treated by stage like breast cancer").
_LIKENED = re.compile(r"\b(like|unlike|as with|same as|the way)( an?| the| with)?\s*$")


def only_likened(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether every name ``patterns`` find in ``question`` follows a word that likens it to
    something else: the neighbour is a comparison in the telling, not what is asked about
    (ask21)."""
    found = [m for p in patterns for m in p.finditer(question)]
    return bool(found) and all(_LIKENED.search(question[: m.start()]) for m in found)


# A word that likens or compares what follows with what an asking part names before it ("is
# pnet like lung cancer", "how is it different from breast cancer", "are these related to ...").
# "Like with" and "as with" name a case for reference, not the thing likened ("is there a
# staging system for these tumors like with breast cancer" asks about these tumors) (askfix16b).
_LIKENING = re.compile(
    rf"\b({_LIKE}|unlike|same as|the same thing as|related to|linked to|"
    r"connected to|different from|different than|differ from|compared (to|with)|vs|versus)"
    r"( an?| the)?\s*$"
)


def asks_likeness(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether an asking part of ``question`` likens or compares something with what
    ``patterns`` name ("is pnet like lung cancer?"): the other thing is what is asked about,
    not told in the story ("not treated by stage like breast cancer, so how ...")."""
    return any(
        _LIKENING.search(part[: m.start()])
        for part in asking_parts(question)
        for p in patterns
        for m in p.finditer(part)
    )


# A word that denies what follows ("im not even a diabetic", "she never had pancreatitis", "he
# doesnt have diabetes"): what it denies is told to set it aside, not asked about.
_DENIED = re.compile(
    r"\b(not|never|no longer|nor|without|(don ?t|doesn ?t|didn ?t|do not|does not|did not)"
    r" (have|has|had|get|got))( (even|really|ever|actually|yet))?( (been|had|have|got|a|an))?\s*$"
)


def only_denied(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether every name ``patterns`` find in ``question`` is denied by the words just before
    it ("how does a tumor make my sugar low, im not even a diabetic"): the neighbour is set
    aside in the telling, not asked about (ask22)."""
    found = [m for p in patterns for m in p.finditer(question)]
    return bool(found) and all(_DENIED.search(question[: m.start()]) for m in found)


def asking_parts(question: str) -> list[str]:
    """The clauses of ``question`` (folded, punctuation kept) that ask, in order; none when
    no clause looks like a question."""
    asked: list[str] = []
    for sentence in _SENTENCE.findall(question):
        clauses = [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip(" .?!;\n")]
        if not clauses:
            continue
        starting = [c for c in clauses if _ASKING.search(c)]
        if starting:
            asked.extend(starting)
        elif sentence.rstrip().endswith("?"):
            asked.append(clauses[-1])
    return asked


# A part that asks for information ("what are ...", "how does ..."), not for a decision.
_INFORMATION = re.compile(
    r"^\s*((and|also|ok|okay|well|now|then|plus|or|just|but)\s+)*"
    r"(what|whats|wat|how|hows|why|which|who|where|tell me|explain)\b"
)


def asks_besides(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether a part of ``question`` that none of ``patterns`` matches asks for information:
    "what are clinical trials and should I join one" asks what trials are, besides whether to
    join. Parts are the asking parts, split again at "and"."""
    parts = [
        piece
        for part in asking_parts(question)
        for piece in re.split(r"\band\b", part)
        if piece.strip()
    ]
    return len(parts) > 1 and any(
        _INFORMATION.search(piece) and not any(p.search(piece) for p in patterns) for piece in parts
    )


def asks_about(
    question: str, pattern: re.Pattern[str], names_subject: Callable[[str], bool]
) -> bool:
    """Whether an asking part of ``question`` names what ``pattern`` matches, and, once that
    name is taken out, names nothing of the summary's subject (``names_subject``)."""
    return any(
        pattern.search(part) is not None and not names_subject(pattern.sub(" ", part))
        for part in asking_parts(question)
    )


def about_neighbour(
    question: str, patterns: list[re.Pattern[str]], names_subject: Callable[[str], bool]
) -> bool:
    """Whether ``question``, which names a neighbour (``patterns``) and the summary's subject,
    is about the neighbour (see the module's docstring), or names the subject only inside the
    neighbour's name ("a neuroendocrine tumor in the appendix")."""
    if any(asks_about(question, p, names_subject) for p in patterns):
        return True
    if compares_neighbour(question, patterns):
        return True
    for part in asking_parts(question):
        if _SAME.search(part) or _points_to(question, part, patterns, names_subject):
            return True
        if _comes_with(question, part, patterns):
            return True
        if any(_offered(part, pattern) or _defines(part, pattern) for pattern in patterns):
            return True
    if _only_paired(question, patterns):
        return True
    rest = question
    for pattern in patterns:
        rest = pattern.sub(" ", rest)
    return not names_subject(rest)


# A few words that put a neighbour beside the subject and ask nothing else ("von hippel lindau
# and pancreatic net", "pnet with men2"): the pairing is what is asked, and the summary does
# not make it (askfix12).
_JOINED = re.compile(r"^\W*(and|with|plus|&|in|vs|versus)\b")
_JOINING = re.compile(r"\b(and|with|plus|&|in|vs|versus)\W*$")
PAIRED_WORDS = 4  # at most this many words on the subject's side


def _only_paired(question: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether ``question`` asks nothing but names a neighbour and, joined to it by "and",
    "with" or "in", a few words (the subject)."""
    if asking_parts(question):
        return False
    for pattern in patterns:
        m = pattern.search(question)
        if m is None:
            continue
        before, after = question[: m.start()], question[m.end() :]
        if _JOINED.search(after) and not words(before) and len(words(after)) <= PAIRED_WORDS + 1:
            return True
        if _JOINING.search(before) and not words(after) and len(words(before)) <= PAIRED_WORDS + 1:
            return True
    return False


# What a neighbour's own thing is asked to do for the subject ("can his pump help her", "would
# the diabetes pills fix his insulinoma"): the summary never names it, so it is about the
# neighbour (ask20).
_HELPING = re.compile(
    r"^\W*(\w+\W+){0,1}(help|helps|treat|treats|fix|fixes|cure|cures|control|controls|work for|"
    r"works for|be used for|be used on)\b"
)


# The neighbour asked about as what brought the tumor on ("does MEN2B cause pancreas tumors",
# "can MEN 2A give you an insulinoma") is about the neighbour (ask21); asked as a risk ("does
# VHL raise the risk of ...") it is a question for the summary's risk-factor part.
_CAUSING = re.compile(
    r"^\W*(\w+\W+){0,2}(cause|causes|caused|causing|give|gives|gave|lead to|leads to|led to|"
    r"bring on|brings on|brought on|turn into|turns into|turned into)\b"
)


# What a neighbour is, asked as one of the things a part asks ("what is MEN2 and does it cause
# pancreas tumors", "what are pheochromocytomas, and can he get one"): the part that defines
# the neighbour is about it, as "what is MEN2A" alone is.
_DEFINING = re.compile(
    r"^\W*((and|also|so|but|ok|okay|well)\s+)*(what|whats|wat)(\s+(is|are|was|were|s))?"
    r"(\s+(exactly|actually|really))?(\s+(a|an|the))?\s*$|"
    r"^\W*((and|also|so|but|ok|okay|well)\s+)*(tell me about|explain|define)(\s+(a|an|the))?\s*$"
)
_DEFINED_END = re.compile(
    r"^\W*((exactly|actually|really|mean|means|stand for|stands for|syndrome|disease)\W*)*$"
)


def _defines(part: str, pattern: re.Pattern[str]) -> bool:
    """Whether a piece of the asking ``part`` (split at "and") asks what the neighbour that
    ``pattern`` names is: "what is X", "what's X exactly", "tell me about X"."""
    for piece in re.split(r"\band\b", part):
        for m in pattern.finditer(piece):
            before, after = piece[: m.start()], piece[m.end() :]
            if _DEFINING.search(before) and _DEFINED_END.match(after):
                return True
    return False


def _offered(part: str, pattern: re.Pattern[str]) -> bool:
    """Whether the asking ``part`` offers what ``pattern`` names for something ("can the pump
    help ...") or asks it as a cause ("does MEN2B cause ...")."""
    return any(
        _HELPING.match(part[m.end() :]) or _CAUSING.match(part[m.end() :])
        for m in pattern.finditer(part)
    )


# Whether a tumor of the pancreas comes too ("will we get pancreas tumors too", "can she
# develop a pancreatic tumor"), said of the pancreas, not of one of the summary's tumor types.
_COMING = re.compile(
    r"\b(get|gets|getting|develop|develops|developing|appear|appears|form|forms|grow|grows|"
    r"come|comes|have|has|give|gives|cause|causes) (\w+ ){0,2}(pancreas|pancreatic|islet)"
    r"( cell)? (tumou?rs?|nets?|pnets?|growths?|neuroendocrine tumou?rs?)\b|"
    r"\b(appear|appears|form|forms|grow|grows) "
    r"(\w+ ){0,2}(tumou?rs?|nets?|growths?) (in|on) (the |his |her |my |their )?pancreas\b"
)
_TYPE_NAMED = re.compile(r"\b(?!(adeno)?carcinomas?\b)\w+omas?\b")


def _comes_with(question: str, part: str, patterns: list[re.Pattern[str]]) -> bool:
    """Whether the asking ``part`` asks if a tumor of the pancreas comes with a neighbour told
    before it and not in the part ("my family has MEN2A. will we get pancreas tumors too?"):
    the neighbour's risks, which the summary does not give; a tumor type named ("could it be
    an insulinoma") asks about that type."""
    if not _COMING.search(part) or _TYPE_NAMED.search(part):
        return False
    if any(p.search(part) for p in patterns):
        return False
    before = question[: max(question.find(part), 0)]
    return any(p.search(before) for p in patterns)


# Asking whether the thing pointed back to came from the summary's subject ("mom had her
# gallbladder out for stones, could that have been from this"): a question about what the
# tumor does, not about the neighbour (ask22).
_FROM_IT = re.compile(
    r"\b(from|because of|caused by|due to|a sign of|a symptom of|part of|related to|linked to)"
    r" (this|it|the tumou?r|that tumou?r|these|them|the \w+omas?|\w+omas?)\b"
)


def _points_to(
    question: str, part: str, patterns: list[re.Pattern[str]], names_subject: Callable[[str], bool]
) -> bool:
    """Whether ``part`` names nothing itself but points back ("it", "that") to a neighbour
    named before it, with nothing of the summary's subject named in between."""
    if not _POINTING.search(part) or names_subject(part) or _FROM_IT.search(part):
        return False
    before = question[: question.find(part)]
    ends = [m.end() for p in patterns for m in p.finditer(before)]
    return bool(ends) and not names_subject(before[max(ends) :])


def told_in_the_story(question: str, named: list[tuple[str, str]], kinds: set[str]) -> set[str]:
    """The named items (``named``: "kind:id" with the words that named it) of ``kinds`` that
    the question names only in its story while an asking part names something else ("it
    showed on a CT, is watching the tumor an option": the CT is how, not what); none when no
    part of it asks or names an item."""
    parts = asking_parts(question)
    if any(_POINTING.search(part) for part in parts):
        return set()  # "what kind of drug is that" asks about the story's item
    read = [" ".join(words(part)) for part in parts]
    asked = {t for t, said in named if any(f" {said} " in f" {part} " for part in read)}
    if not asked:
        return set()
    return {t for t, _ in named if t.partition(":")[0] in kinds and t not in asked}


def told_of_another_cancer(
    question: str, named: list[tuple[str, str]], kinds: set[str], cancers: list[re.Pattern[str]]
) -> set[str]:
    """The named items of ``kinds`` told in a part of ``question`` that does not ask and that
    names another cancer (``cancers``): "my sister had chemo for breast cancer, now they found a
    tumor in her pancreas, what are the treatments" tells the other cancer's chemotherapy, it
    does not ask about it (ask19). An item an asking part names is asked about."""
    asking = asking_parts(question)
    read = [f" {' '.join(words(part))} " for part in asking]
    told: set[str] = set()
    for sentence in _SENTENCE.findall(question):
        for clause in _CLAUSE.split(sentence):
            if not clause.strip() or clause.strip() in asking:
                continue
            if not any(p.search(clause) for p in cancers):
                continue
            said = f" {' '.join(words(clause))} "
            told |= {t for t, name in named if f" {name} " in said}
    return {
        t
        for t in told
        if t.partition(":")[0] in kinds
        and not any(f" {name} " in part for part in read for u, name in named if u == t)
    }


def told_outside_the_asking(
    question: str, named: list[tuple[str, str]], kinds: set[str]
) -> set[str]:
    """The named items (``named``: "kind:id" with the words that named it) of ``kinds`` that
    no asking part of ``question`` names: "he has diarrhea and reflux, the gastro thinks it's a
    gastrinoma, how do they treat it" tells the signs and asks about the tumor ("it"). None
    when no part of it asks."""
    parts = asking_parts(question)
    if not parts:
        return set()
    read = [f" {' '.join(words(part))} " for part in parts]
    return {
        t
        for t, said in named
        if t.partition(":")[0] in kinds and not any(f" {said} " in part for part in read)
    }


# Something found, seen or shown ("a CT for his kidney stone found a spot", "it showed up on
# the scan", "they found it by accident on a CT").
_FINDING = re.compile(
    r"\b(found|find|finds|spotted|spot|saw|seen|see|showed|shows|show|picked|pick|noticed|"
    r"discovered|revealed|caught|turned up|accident|accidentally|incidental\w*|by chance)\b"
)


def found_with(question: str, named: list[tuple[str, str]]) -> set[str]:
    """The named tests (``named``: "kind:id" with the words that named it) the question tells
    as how something was found ("the CT after my wreck found a spot, doc says nonfunctional,
    what is that"): how, not what is asked, when the question names something else and no
    asking part names the test ("what did the CT find" asks about it)."""
    tests = [(t, said) for t, said in named if t.startswith("test:")]
    if not tests or not any(not t.startswith(("test:", "glossary:")) for t, _ in named):
        return set()
    asking = [f" {' '.join(words(part))} " for part in asking_parts(question)]
    found: set[str] = set()
    for sentence in _SENTENCE.findall(question):
        read = f" {' '.join(words(sentence))} "
        if not _FINDING.search(read):
            continue
        found |= {
            t
            for t, said in tests
            if f" {said} " in read and not any(f" {said} " in part for part in asking)
        }
    return found
