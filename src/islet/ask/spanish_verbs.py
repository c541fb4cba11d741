"""Spanish word forms read as the word the table gives (issue 17): a verb form as its
infinitive ("encuentren", "riega", "midieron", "operarme": encontrar, regar, medir, operar), a
diminutive or a superlative as its plain word ("bultito", "manchitas", "chiquito", "pancita",
"altísimas", "rarísimo": bulto, manchas, chico, panza, altas, raro).

The reading table (``knowledge/es/ask/words.yaml``) gives a verb once, as its infinitive; people
write it in every person and tense. :func:`infinitives` lists the infinitives a written form
could come from (its ending taken off, an ending of the infinitive put on, the stem's vowel
change of the present undone: "ue" to "o", "ie" and "i" to "e"); the reader takes the first of
them that the table knows; :func:`plain_words` does the same for diminutives and superlatives.
Only words the table does not know are read this way. The endings, pronouns and spelling
changes are data: ``knowledge/es/ask/word-forms.yaml``.
"""

from __future__ import annotations

from islet.ask.spanish_tables import word_forms

MIN_STEM = 2  # "da", "va", "es": too short to tell apart, and most are skip words


def infinitives(word: str) -> list[str]:
    """The infinitives ``word`` (folded: lower case, no accents) could be a form of, most
    likely first; empty for a word too short to read."""
    out: list[str] = []
    for clitic in sorted(word_forms().clitics, key=len, reverse=True):
        base = word[: -len(clitic)]
        if word.endswith(clitic) and base.endswith(("ar", "er", "ir")) and len(base) > 4:
            out.append(base)
        elif word.endswith(clitic) and base.endswith(("ando", "iendo")):
            out += _from_endings(base)
    out += _from_endings(word)
    return list(dict.fromkeys(out))


def is_infinitive(word: str) -> bool:
    """Whether ``word`` (folded) is written as an infinitive, alone or with its pronouns after
    it ("viajar", "comer", "operarme", "hacerselo"); a noun that ends the same way ("mujer",
    "azucar") cannot be told apart here, so callers ask only where a verb is expected. The
    few verbs too short for the ending rule ("ir", "ver", "oir") are listed in the table."""
    forms = word_forms()
    clitics = sorted(forms.clitics, key=len, reverse=True)
    bases = [word] + [word[: -len(c)] for c in clitics if word.endswith(c)]
    return any(
        (b.endswith(("ar", "er", "ir")) and len(b) > MIN_STEM + 1) or b in forms.short_infinitives
        for b in bases
    )


def for_oneself(word: str) -> bool:
    """Whether ``word`` (folded) is an infinitive with a first-person pronoun after it
    ("operarme", "hacermelo", "operarnos"): done to the one who asks, not in general."""
    own = [c for c in word_forms().clitics if c.startswith(("me", "nos"))]
    return any(
        word.endswith(c) and is_infinitive(word[: -len(c)])
        for c in sorted(own, key=len, reverse=True)
    )


def _from_endings(word: str) -> list[str]:
    out: list[str] = []
    forms = word_forms()
    for ending, sources in forms.verb_endings.items():
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < MIN_STEM:
            continue
        for source in sources:
            out.append(stem + source)
            for changed, plain in forms.stem_changes.items():
                at = stem.rfind(changed)
                if at > 0:
                    out.append(stem[:at] + plain + stem[at + len(changed) :] + source)
    return out


def plain_words(word: str) -> list[str]:
    """The words ``word`` could be a diminutive or a superlative of, most likely first."""
    out: list[str] = []
    forms = word_forms()
    for endings, shortest in ((forms.diminutives, 6), (forms.superlatives, 8)):
        for ending, plains in endings.items():
            if word.endswith(ending) and len(word) >= shortest:
                stem = word[: -len(ending)]
                stems = [stem, *(_respelt(stem, end, to) for end, to in forms.respellings.items())]
                out += [
                    s + plain for plain in plains for s in dict.fromkeys(stems) if s + plain != word
                ]
    return out


def _respelt(stem: str, end: str, to: str) -> str:
    """``stem`` with ``end`` written ``to`` when it ends so (chiqu- chic-), else itself."""
    return stem[: -len(end)] + to if stem.endswith(end) else stem
