"""Condition names: what a pancreatic NET, or one tumor type, is called in trial records.

Tumor-type names and aliases come from the knowledge base (``tumor_types``); the general names
of the whole group come from vocabulary.yaml. Both the live API query and the local full-text
search use the same expansion, so "--type insulinoma" means the same thing online and offline.
"""

from __future__ import annotations

import re

from islet import kb as kb_module
from islet.text import WORD, fold
from islet.trials.vocabulary import vocabulary

# British spellings appear in many European registry entries ("endocrine tumours").
_SPELLINGS = (("tumor", "tumour"),)


def general_names() -> list[str]:
    """The general names of pancreatic NETs (PDQ general information)."""
    return list(vocabulary().general_names.names)


def type_ids() -> list[str]:
    """Ids of the tumor types in the knowledge base, in file order."""
    return list(kb_module.load().tumor_types)


def resolve_type(query: str) -> str:
    """The tumor-type id named by ``query`` (id, name or alias); UnknownTerm otherwise."""
    return kb_module.load().tumor_type(query).id


def type_names(type_id: str) -> list[str]:
    """The name and aliases of one tumor type, as the knowledge base gives them."""
    tumor_type = kb_module.load().tumor_types[resolve_type(type_id)]
    return [tumor_type.name, *tumor_type.aliases]


def condition_terms(tumor_type: str | None = None) -> list[str]:
    """Search terms for a tumor type (its names plus the general names, since a trial for
    pancreatic NETs in general may include it), or for every pancreatic NET when None.

    Each term appears once, with its British spelling added; order is stable.
    """
    if tumor_type is None:
        names = general_names() + [n for t in type_ids() for n in type_names(t)]
    else:
        names = type_names(tumor_type) + general_names()
    terms: list[str] = []
    seen: set[str] = set()
    for name in names:
        for variant in spelling_variants(name):
            key = _norm(variant)
            if key and key not in seen:
                seen.add(key)
                terms.append(variant)
    return terms


def spelling_variants(term: str) -> list[str]:
    """``term`` and, when it differs, the same term in British spelling."""
    variants = [term]
    for american, british in _SPELLINGS:
        pattern = re.compile(american, re.IGNORECASE)
        if pattern.search(term):
            variants.append(pattern.sub(british, term))
    return variants


def api_condition_query(terms: list[str]) -> str:
    """The ``query.cond`` expression for the API: every term as a quoted phrase, OR-ed."""
    return " OR ".join('"' + term.replace('"', "") + '"' for term in terms)


def _norm(text: str) -> str:
    return " ".join(WORD.findall(fold(text)))
