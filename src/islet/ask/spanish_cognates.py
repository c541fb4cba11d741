"""Spanish medical words read by their English cognate (issue 17).

Medical Spanish and English share most learned words, and their endings correspond regularly:
"complicaciones", "paliativo", "crónica", "metformina", "hiperparatiroidismo", "patología" are
"complications", "palliative", "chronic", "metformin", "hyperparathyroidism", "pathology". The
reading table cannot list every such word a writer may use; :func:`cognates` writes the English
forms a Spanish word's ending (and a few learned beginnings: "hiper-", "cri-", "tiro-") stand for,
and the reader takes the first of them that English or the English engine's own words know.
Only words the table, its plurals and its verb forms do not read are tried, and only words long
enough to carry a learned ending (short everyday words, "pega", "lado", are left alone). The
endings, beginnings and letters are data: ``knowledge/es/ask/cognates.yaml``.
"""

from __future__ import annotations

from islet.ask.spanish_tables import cognate_table

MIN_LENGTH = 7
MIN_STEM = 3  # what is left of a word once its ending is off


def cognates(word: str) -> list[str]:
    """The English words ``word`` (folded) may be the cognate of, most likely first; none for
    short words and words without a learned ending."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return []
    table = cognate_table()
    fits = [
        (e, english)
        for e, english in table.endings.items()
        if word.endswith(e) and len(word) - len(e) >= MIN_STEM
    ]
    if not fits:
        return []
    ending, english = fits[0]
    stem = word[: -len(ending)]
    stems = [stem]
    for spanish, learned in table.beginnings.items():
        if stem.startswith(spanish):
            stems.insert(0, learned + stem[len(spanish) :])
            break
    stems += [
        s.replace(a, b, 1)
        for s in list(stems)
        for a, b in table.letters.items()
        if a in s and b not in s
    ]
    return [s + e for s in stems for e in english]
