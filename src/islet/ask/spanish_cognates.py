"""Spanish medical words read by their English cognate (issue 17).

Medical Spanish and English share most learned words, and their endings correspond regularly:
"complicaciones", "paliativo", "crónica", "metformina", "hiperparatiroidismo", "patología" are
"complications", "palliative", "chronic", "metformin", "hyperparathyroidism", "pathology". The
reading table cannot list every such word a writer may use; :func:`cognates` writes the English
forms a Spanish word's ending (and a few learned beginnings: "hiper-", "cri-", "tiro-") stand for,
and the reader takes the first of them that English or the English engine's own words know.
Only words the table, its plurals and its verb forms do not read are tried, and only words long
enough to carry a learned ending (short everyday words, "pega", "lado", are left alone).
"""

from __future__ import annotations

MIN_LENGTH = 7

# A Spanish ending and the English endings it corresponds to, longest first; the first that
# fits is used.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ciones", ("tions",)),
    ("cion", ("tion",)),
    ("siones", ("sions",)),
    ("sion", ("sion",)),
    ("grafias", ("graphies",)),
    ("grafia", ("graphy",)),
    ("gramas", ("grams",)),
    ("grama", ("gram",)),
    ("logias", ("logies",)),
    ("logia", ("logy",)),
    ("logos", ("logists",)),
    ("logo", ("logist",)),
    ("loga", ("logist",)),
    ("encias", ("ences", "encies")),
    ("encia", ("ence", "ency")),
    ("ancias", ("ances", "ancies")),
    ("ancia", ("ance", "ancy")),
    ("dades", ("ties",)),
    ("dad", ("ty",)),
    ("ismos", ("isms",)),
    ("ismo", ("ism",)),
    ("istas", ("ists",)),
    ("ista", ("ist",)),
    ("icos", ("ic", "ical")),
    ("icas", ("ic", "ical")),
    ("ico", ("ic", "ical")),
    ("ica", ("ic", "ical")),
    ("ivos", ("ive",)),
    ("ivas", ("ive",)),
    ("ivo", ("ive",)),
    ("iva", ("ive",)),
    ("osos", ("ous",)),
    ("osas", ("ous",)),
    ("oso", ("ous",)),
    ("osa", ("ous",)),
    ("mente", ("ly",)),
    ("ides", ("id",)),
    ("idas", ("ide", "ides")),
    ("ida", ("ide",)),
    ("inas", ("ins", "ines")),
    ("ina", ("in", "ine")),
    ("ias", ("ies", "ias")),
    ("ia", ("y", "ia")),
    ("entes", ("ents",)),
    ("ente", ("ent",)),
    ("antes", ("ants",)),
    ("ante", ("ant",)),
    ("ales", ("als",)),
    ("osis", ("osis",)),
    ("itis", ("itis",)),
    ("omas", ("omas",)),
    ("oma", ("oma",)),
    ("es", ("es", "s")),
)

# Learned beginnings written otherwise in English ("hipo-" "hypo-", "crio-" "cryo-").
_BEGINNINGS: tuple[tuple[str, str], ...] = (
    ("hiper", "hyper"),
    ("hipo", "hypo"),
    ("crio", "cryo"),
    ("tiro", "thyro"),
    ("cro", "chro"),
    ("feo", "pheo"),
    ("quimio", "chemo"),
    ("sist", "syst"),
    ("sind", "synd"),
    ("terap", "therap"),
    ("pato", "patho"),
    ("tecn", "techn"),
)

# Letters Spanish writes single or plainer where English spells the learned word otherwise
# ("paliativo", "mamografía", "leucemia"); one of them is tried, after the word as written.
_LETTERS: tuple[tuple[str, str], ...] = (
    ("l", "ll"),
    ("m", "mm"),
    ("f", "ph"),
    ("t", "th"),
    ("c", "k"),
)


def cognates(word: str) -> list[str]:
    """The English words ``word`` (folded) may be the cognate of, most likely first; none for
    short words and words without a learned ending."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return []
    fits = [(e, english) for e, english in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]
    if not fits:
        return []
    ending, english = fits[0]
    stem = word[: -len(ending)]
    stems = [stem]
    for spanish, learned in _BEGINNINGS:
        if stem.startswith(spanish):
            stems.insert(0, learned + stem[len(spanish) :])
            break
    stems += [s.replace(a, b, 1) for s in list(stems) for a, b in _LETTERS if a in s and b not in s]
    return [s + e for s in stems for e in english]
