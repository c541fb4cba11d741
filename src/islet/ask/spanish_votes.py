"""A second vote for Spanish questions, from Spanish examples (issue 17).

The labelled questions' vote (islet.ask.learned) compares the English the Spanish reader gives
the engine with labelled ENGLISH questions. Spanish questions are also compared here, in their
own words, with the labelled Spanish dev questions (``eval/ask-es-dev.yaml``), as typed: what
the reader misses or reads loosely ("la bolita", "regao") still counts through the words, word
pairs and character n-grams of the questions alike. This vote is added to the English one, and
only for a question the Spanish layer answers: English questions never see it.

Like the English vote it only reorders what is shown; whether Islet answers or declines reads
the ranking without any vote. The examples, ``k`` and ``weight`` are data
(``knowledge/es/ask/asked-model.json``), written by ``scripts/train_ask_model.py --es`` from
the Spanish dev split only, never from the held-out test split; ``k`` and ``weight`` are the
ones its leave-writers-out estimate chose.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from islet.ask.learned import MODEL_FILE, AskedModel, pieces, read_model
from islet.text import SPANISH_TOKEN, fold
from islet.translations import SPANISH_DIR

SPANISH_MODEL_FILE = SPANISH_DIR / "ask" / MODEL_FILE.name
NEGATIONS = frozenset({"no", "sin", "nunca", "ni"})
STEM = 6  # a word's first letters stand for it: "operacion", "operaciones" and "operar" meet


def spanish_features(question: str, skip: frozenset[str], spellings: dict[str, str]) -> list[str]:
    """The features of a Spanish question: its content words (not ``skip``), cut to their
    first letters, every pair of neighbouring words (how it is asked), and the character
    n-grams of its content words, once each; chat spellings (``spellings``) put right first."""
    tokens = [spellings.get(t, t) for t in SPANISH_TOKEN.findall(fold(question))]
    # A word right after a negation ("sin comer", "no come") is its own feature: going without
    # food is not what "¿qué tiene que comer?" asks about.
    negated = {i + 1 for i, t in enumerate(tokens) if t in NEGATIONS}
    out = [
        f"no_{t[:STEM]}" if i in negated else t[:STEM]
        for i, t in enumerate(tokens)
        if t not in skip
    ]
    out += [f"{a[:STEM]}_{b[:STEM]}" for a, b in pairwise(tokens)]
    out += pieces((t for i, t in enumerate(tokens) if i not in negated), skip)
    return list(dict.fromkeys(out))


@cache
def installed_spanish_model() -> AskedModel | None:
    """The Spanish examples Ask ships, or None when they have not been written."""
    if not SPANISH_MODEL_FILE.is_file():
        return None
    return read_model(SPANISH_MODEL_FILE, f"es/ask/{SPANISH_MODEL_FILE.name}")
