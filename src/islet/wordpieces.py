"""BERT's uncased word pieces, shared by the static embeddings and the NumPy MiniLM."""

from __future__ import annotations

import unicodedata

MAX_PIECES = 100  # a "word" longer than this is not a word: it is left out


def basic_words(text: str) -> list[str]:
    """BERT's basic uncased split: lower case, no accents, each punctuation mark apart."""
    text = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    word: list[str] = []
    for char in text:
        if unicodedata.category(char) == "Mn":
            continue
        if char.isspace() or _is_punctuation(char):
            if word:
                out.append("".join(word))
                word = []
            if not char.isspace():
                out.append(char)
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


def word_pieces(word: str, ids: dict[str, int]) -> tuple[int, ...] | None:
    """Greedy longest-match-first word pieces of ``word`` in the vocabulary ``ids``; None when a
    piece is unknown or the word is too long to be one."""
    if len(word) > MAX_PIECES:
        return None
    pieces: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in ids:
                pieces.append(ids[piece])
                break
            end -= 1
        else:
            return None
        start = end
    return tuple(pieces)


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")
