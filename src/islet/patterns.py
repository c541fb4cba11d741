"""Regular expressions for what Islet's readers accept, built from the same lists they read.

The API publishes them in its OpenAPI document (``pattern``), so the document says exactly
which spellings are read; tests check each pattern against its reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Characters outside ASCII that str.lower() turns into an ASCII letter: the Kelvin sign.
_LOWERS_TO = {"k": "\u212a"}


def any_case(word: str, *, lowered: bool = False) -> str:
    """``word`` in any letter case: "open" -> "[Oo][Pp][Ee][Nn]" (other characters as they are).

    ``lowered``: the reader compares ``text.lower()``, which also reads the Kelvin sign as k.
    (A reader that compares ``text.upper()`` must check the pattern first: upper() reads the
    dotless i as I and the long s as S, which the pattern does not allow.)"""
    return "".join(
        f"[{c.upper()}{c.lower()}{_LOWERS_TO.get(c.lower(), '') if lowered else ''}]"
        if c.isalpha()
        else re.escape(c)
        for c in word
    )


def one_of(alternatives: Iterable[str], around: str = " *") -> str:
    """A whole text that is one of ``alternatives``, with ``around`` before and after it."""
    return rf"^{around}(?:{'|'.join(alternatives)}){around}$"
