"""The spellings and inputs the calculators read, as patterns and JSON Schema for the API's
document.

``stage`` reads a T, N or M category in any case, with or without its letter and a clinical
(c) or pathological (p) prefix; ``stage_from_facts`` reads structures and metastasis sites by
id, name or alias in any case, with spaces, hyphens or underscores between the words, or a
word for "none". tests/http/test_api_exact.py checks each pattern against the calculator.
"""

from __future__ import annotations

from typing import Any

from islet.calculators.staging import NONE_WORDS
from islet.calculators.tables import ajcc
from islet.patterns import any_case

SEPARATORS = r"[\s_-]"


def category_pattern(axis: str) -> str:
    """The T, N or M categories ``stage`` reads: "T2", "t2", "pT2", "cT2", "2"."""
    table = ajcc()
    codes: dict[str, list[str]] = {
        "T": [category.code for category in table.t_categories],
        "N": [category.code for category in table.n_categories],
        "M": [category.code for category in table.m_categories],
    }
    suffixes = "|".join(any_case(code[1:]) for code in codes[axis])
    return rf"^\s*(?:[pPcC]?{any_case(axis)})?(?:{suffixes})\s*$"


def _words(label: str) -> str:
    words = label.replace("-", " ").split()
    return f"{SEPARATORS}+".join(any_case(word, lowered=True) for word in words)


def places_pattern(kind: str, *, blank: bool = False) -> str:
    """One entry of ``invades`` (kind ``structures``) or ``mets`` (kind ``sites``) that names a
    place or says "none"; with ``blank``, also an entry of nothing but spaces (left out)."""
    return _entry([*_names(kind), *_nones()], blank=blank)


def named_place_pattern(kind: str) -> str:
    """An entry that names a place (not "none", not blank)."""
    return _entry(_names(kind))


def none_pattern() -> str:
    """An entry that says "none"."""
    return _entry(_nones())


def _entry(alternatives: list[str], blank: bool = False) -> str:
    optional = "?" if blank else ""
    return rf"^{SEPARATORS}*(?:{'|'.join(alternatives)}){optional}{SEPARATORS}*$"


def _names(kind: str) -> list[str]:
    table = ajcc()
    places = table.structures if kind == "structures" else table.metastasis_sites
    labels = {label for place in places for label in (place.id, place.name, *place.aliases)}
    return [_words(label) for label in sorted(labels, key=lambda text: (-len(text), text))]


def _nones() -> list[str]:
    return [_words(word) for word in sorted(NONE_WORDS, key=lambda text: (-len(text), text))]


# --- The calculator's input as JSON Schema, for the API's document ----------------------------

CATEGORIES = ("t", "n", "m")
FINDINGS = ("size_cm", "invades", "nodes", "mets")


def _places(kind: str) -> dict[str, Any]:
    """A list of structures or sites as ``stage_from_facts`` reads it: at least one entry that
    is not blank, and never "none" together with a place."""
    return {
        "type": "array",
        "items": {"type": "string", "pattern": places_pattern(kind, blank=True)},
        "contains": {"pattern": places_pattern(kind)},
        "not": {
            "allOf": [
                {"contains": {"pattern": named_place_pattern(kind)}},
                {"contains": {"pattern": none_pattern()}},
            ]
        },
    }


def _category(axis: str) -> dict[str, Any]:
    return {"type": "string", "pattern": category_pattern(axis.upper())}


def stage_input_rules() -> dict[str, Any]:
    """What ``stage`` and ``stage_from_facts`` need, as JSON Schema (``anyOf``): every category
    (t, n, m), or every finding, never some of both."""
    nothing = {"type": "null"}
    by_category = {
        "required": list(CATEGORIES),
        "properties": {
            **{axis: _category(axis) for axis in CATEGORIES},
            **dict.fromkeys(FINDINGS, nothing),
        },
    }
    by_findings = {
        "required": list(FINDINGS),
        "properties": {
            **dict.fromkeys(CATEGORIES, nothing),
            "size_cm": {"type": "number", "exclusiveMinimum": 0},
            "invades": _places("structures"),
            "nodes": {"not": nothing},
            "mets": _places("sites"),
        },
    }
    return {"anyOf": [by_category, by_findings]}


def grade_input_rules() -> dict[str, Any]:
    """What ``grade`` needs, as JSON Schema (``if``/``else``): a Ki-67 index or a mitotic count
    (or both), unless the tumor is poorly differentiated."""
    return {
        "if": {
            "properties": {"differentiation": {"const": "poor"}},
            "required": ["differentiation"],
        },
        "else": {
            "anyOf": [
                {"properties": {name: {"type": "number"}}, "required": [name]}
                for name in ("ki67", "mitoses")
            ]
        },
    }
