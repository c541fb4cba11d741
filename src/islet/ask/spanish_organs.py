"""Spanish names the organ after the growth, English before it (issue 17): "cáncer de pulmón"
is "lung cancer", "tumor neuroendocrino en el apéndice" an "appendix neuroendocrine tumor".

The reader leaves out "de", "del", "en" and the articles, so "cáncer de pulmón" reads "cancer
lung" and the English rules for other cancers and near neighbours ("lung cancer", "appendix
carcinoid") never see it. ``organ_phrases`` in ``knowledge/es/ask/words.yaml`` lists groups of
heads (cancer, carcinoid...), the words that join them to an organ, and organs with their English
adjective; a head, at most ``gap`` words (never a word of the pancreas), a joining word and an
organ add "<organ> <head>" in English to the reading. A group's ``adjectives`` are the organ's
own Spanish adjective, said right after the head with no joining word ("cáncer gástrico",
"carcinoide pulmonar"): they add the same English.
"""

from __future__ import annotations

import re
from typing import Any

PANCREAS = r"(?!(?:pancrea|islote)\w*\b)"  # "tumor neuroendocrino del páncreas en el pulmón"


def organ_patterns(
    given: object, where: str, problems: list[str]
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """A (pattern, English) pair per organ of every group; problems are added to ``problems``."""
    if not isinstance(given, list):
        problems.append(f"{where}: 'organ_phrases' must be a list of groups")
        return ()
    out: list[tuple[re.Pattern[str], str]] = []
    for group in given:
        try:
            out += _group(group)
        except (KeyError, TypeError, ValueError, re.error) as error:
            problems.append(f"{where}: organ_phrases group {group!r}: {error}")
    return tuple(out)


def _group(group: Any) -> list[tuple[re.Pattern[str], str]]:
    heads = _alternation(group["heads"])
    linkers = _alternation(group["linkers"])
    gap = int(group.get("gap", 0))
    english = str(group["english"])
    organs: dict[str, str] = dict(group["organs"])
    out = []
    for organ, adjective in organs.items():
        pattern = (
            rf"\b(?:{heads})\b(?: {PANCREAS}\w+){{0,{gap}}} (?:{linkers}) {re.escape(organ)}\b"
        )
        out.append((re.compile(pattern), f"{adjective} {english}"))
    adjectives: dict[str, str] = dict(group.get("adjectives") or {})
    for said, adjective in adjectives.items():
        pattern = rf"\b(?:{heads}) {re.escape(said)}\b"
        out.append((re.compile(pattern), f"{adjective} {english}"))
    return out


def _alternation(words: Any) -> str:
    listed = [" ".join(str(w).split()) for w in words]
    if not listed:
        raise ValueError("an empty list")
    return "|".join(re.escape(w) for w in sorted(listed, key=len, reverse=True))
