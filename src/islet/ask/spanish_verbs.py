"""Spanish word forms read as the word the table gives (issue 17): a verb form as its
infinitive ("encuentren", "riega", "midieron", "operarme": encontrar, regar, medir, operar), a
diminutive or a superlative as its plain word ("bultito", "manchitas", "chiquito", "pancita",
"altísimas", "rarísimo": bulto, manchas, chico, panza, altas, raro).

The reading table (``knowledge/es/ask/words.yaml``) gives a verb once, as its infinitive; people
write it in every person and tense. :func:`infinitives` lists the infinitives a written form
could come from (its ending taken off, an ending of the infinitive put on, the stem's vowel
change of the present undone: "ue" to "o", "ie" and "i" to "e"); the reader takes the first of
them that the table knows; :func:`plain_words` does the same for diminutives and superlatives.
Only words the table does not know are read this way.
"""

from __future__ import annotations

import re

MIN_STEM = 2  # "da", "va", "es": too short to tell apart, and most are skip words

# A written ending and the infinitive endings it comes from, longest first within each group.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # gerund, participle, past
    ("ando", ("ar",)),
    ("iendo", ("er", "ir")),
    ("ados", ("ar",)),
    ("adas", ("ar",)),
    ("ado", ("ar",)),
    ("ada", ("ar",)),
    ("idos", ("er", "ir")),
    ("idas", ("er", "ir")),
    ("ido", ("er", "ir")),
    ("ida", ("er", "ir")),
    ("aron", ("ar",)),
    ("ieron", ("er", "ir")),
    ("abamos", ("ar",)),
    ("aban", ("ar",)),
    ("aba", ("ar",)),
    ("iamos", ("er", "ir")),
    ("ian", ("er", "ir")),
    ("ia", ("er", "ir")),
    ("aramos", ("ar",)),
    ("aran", ("ar",)),
    ("ara", ("ar",)),
    ("ieramos", ("er", "ir")),
    ("ieran", ("er", "ir")),
    ("iera", ("er", "ir")),
    ("amos", ("ar",)),
    ("emos", ("er", "ar")),
    ("imos", ("ir",)),
    ("aste", ("ar",)),
    ("iste", ("er", "ir")),
    ("io", ("er", "ir")),
    ("an", ("ar",)),
    ("en", ("er", "ir", "ar")),
    ("as", ("ar",)),
    ("es", ("er", "ir", "ar")),
    ("a", ("ar",)),
    ("e", ("er", "ir", "ar")),
    ("o", ("ar", "er", "ir")),
    ("i", ("er", "ir")),
)
# Object pronouns written onto an infinitive or a gerund: "operarme", "explicandoselo".
_CLITICS = (
    "selo",
    "sela",
    "selos",
    "selas",
    "melo",
    "mela",
    "me",
    "te",
    "se",
    "le",
    "les",
    "lo",
    "la",
    "los",
    "las",
    "nos",
)
# The present's stem vowel changes, undone: "vuelve" volver, "riega" regar, "piden" pedir.
_STEM_CHANGES = (("ue", "o"), ("ie", "e"), ("i", "e"))


def infinitives(word: str) -> list[str]:
    """The infinitives ``word`` (folded: lower case, no accents) could be a form of, most
    likely first; empty for a word too short to read."""
    out: list[str] = []
    for clitic in sorted(_CLITICS, key=len, reverse=True):
        base = word[: -len(clitic)]
        if word.endswith(clitic) and base.endswith(("ar", "er", "ir")) and len(base) > 4:
            out.append(base)
        elif word.endswith(clitic) and base.endswith(("ando", "iendo")):
            out += _from_endings(base)
    out += _from_endings(word)
    return list(dict.fromkeys(out))


def _from_endings(word: str) -> list[str]:
    out: list[str] = []
    for ending, sources in _ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < MIN_STEM:
            continue
        for source in sources:
            out.append(stem + source)
            for changed, plain in _STEM_CHANGES:
                at = stem.rfind(changed)
                if at > 0:
                    out.append(stem[:at] + plain + stem[at + len(changed) :] + source)
    return out


# Diminutive endings and what the plain word ends with: bultito bulto, tumorcito tumor.
_DIMINUTIVES = (
    ("citos", "es"),
    ("citas", "es"),
    ("cito", ""),
    ("cita", ""),
    ("itos", "os"),
    ("itas", "as"),
    ("ito", "o"),
    ("ita", "a"),
)
# The spelling a stem changes to before -ito: chiquito chico, amiguito amigo, pancita panza.
_RESPELT = ((r"qu$", "c"), (r"gu$", "g"), (r"c$", "z"))


# Superlative endings and what the plain adjective ends with: altísimas altas, rarísimo raro,
# grandísimo grande (the accent is folded away before a word is read).
_SUPERLATIVES = (
    ("isimos", "os"),
    ("isimas", "as"),
    ("isimo", "o"),
    ("isima", "a"),
    ("isimo", "e"),
    ("isima", "e"),
    ("isimos", "es"),
    ("isimas", "es"),
)


def plain_words(word: str) -> list[str]:
    """The words ``word`` could be a diminutive or a superlative of, most likely first."""
    out: list[str] = []
    for endings, shortest in ((_DIMINUTIVES, 6), (_SUPERLATIVES, 8)):
        for ending, plain in endings:
            if word.endswith(ending) and len(word) >= shortest:
                stem = word[: -len(ending)]
                stems = [stem, *(re.sub(pattern, to, stem) for pattern, to in _RESPELT)]
                out += [s + plain for s in dict.fromkeys(stems) if s + plain != word]
    return out
