"""Normalised text, fingerprints and word-level diffs of PDQ passages.

A fingerprint is a short hash of a passage's normalised text: markup, links, reference numbers,
case, curly quotes and spacing do not change it; any change of words, numbers or punctuation
inside a sentence does.
"""

from __future__ import annotations

import difflib
import hashlib
import re

from islet.text import stem

_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"
)
# Pictures and their "Enlarge" links are not text a reader reads (their caption is).
_IMAGE = re.compile(
    r"(?:\[Enlarge\]\([^()\s]*\))?!\[[^\[\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"
)
_CITATION = re.compile(r"\[\d+\]\(#cit/[^)]*\)")
_EMPTY_BRACKETS = re.compile(r"\[[\s,\-–]*\]")
# Emphasis that starts inside a word ("b*Limited to the pancreas* means", a superscript note
# letter before italic text): a saved page has no star there at all.
_INWORD_EMPHASIS = re.compile(r"(?<=\w)\*(?=\w[^*]*\S\*(?![\w*]))")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-"})
_DATE_NOTE = re.compile(r"\s*\(\d{1,2}/\d{1,2}/\d{4}\)\s*$")
_WORD = re.compile(r"\S+")


def clean(text: str) -> str:
    """``text`` as a reader sees it: Markdown links and emphasis removed, reference numbers
    dropped, quotes and spaces made plain."""
    text = text.replace("\\*", "\x00")
    text = _CITATION.sub("", text)
    text = _IMAGE.sub("", text)
    previous = None
    while previous != text:  # links inside brackets: "[[Level of evidence C3](...)]"
        previous, text = text, _LINK.sub(r"\1", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = _INWORD_EMPHASIS.sub("", text)
    text = _EMPHASIS.sub("", text).replace("\x00", "*")
    text = text.translate(_QUOTES)
    return re.sub(r"\s+([:;,.])(?=\s|$)", r"\1", " ".join(text.split()))


def fingerprint(text: str) -> str:
    """The 12-hex-digit fingerprint of a passage's cleaned text (case does not count)."""
    return hashlib.sha256(clean(text).lower().encode("utf-8")).hexdigest()[:12]


def heading_key(heading: str) -> str:
    """A heading as compared across versions: no date note, no final period, lower case."""
    text = _DATE_NOTE.sub("", clean(heading))
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def slug(heading: str, limit: int = 64) -> str:
    """A stable id for a heading: its words joined by hyphens, cut at a word boundary."""
    words = heading_key(heading).split()
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "section"


def sentences(paragraph: str) -> list[str]:
    """A paragraph split into sentences (PDQ prose has few abbreviations)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", paragraph.strip())
    return [p for p in (part.strip() for part in parts) if p]


_STOP_WORDS = """
a an and or the of in on to for with by is are be been may can that this these those it its as at
from if than then there their which who when where what how not no do does has have had such some
any more most other others also into your you will
"""
STOP = frozenset(re.findall(r"[a-z]+", _STOP_WORDS))


def content_words(text: str) -> set[str]:
    """The stemmed content words of ``text`` (for matching and similarity), with the stemmer
    Ask uses (``islet.text``): on every item and all three PDQ versions in reference/ it cites
    the same passages as this module's own stemmer did."""
    return {stem(w) for w in re.findall(r"[a-z0-9]+", clean(text).lower()) if w not in STOP}


def similarity(a: str, b: str) -> float:
    """Overlap of content words (Jaccard), 0..1."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def word_diff(old: str, new: str, context: int = 5) -> str:
    """A short word-level diff: removed words as ``[-…-]``, added as ``{+…+}``, with a few
    words of context around each change and ``…`` for what is left out."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pieces: list[str] = []
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            if (
                len(words) > 2 * context + 1
                or (first and len(words) > context)
                or (last and len(words) > context)
            ):
                head = [] if first else words[:context]
                tail = [] if last else words[-context:]
                pieces.extend([*head, "…", *tail])
            else:
                pieces.extend(words)
            continue
        if i2 > i1:
            pieces.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            pieces.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(pieces)
