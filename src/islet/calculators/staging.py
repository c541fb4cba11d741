"""AJCC 8th edition staging of pancreatic NETs, with the ENETS stage alongside ([EXTERNAL]).

Two entry points, both returning a :class:`StageResult`:

- :func:`stage` from T, N and M categories (``"T2"``, ``"N0"``, ``"M1a"``; case-insensitive);
- :func:`stage_from_facts` from what is known about the tumor (size, invasion, nodes, spread).

The tables are data (``knowledge/calculators/ajcc-pnet.yaml`` and ``enets-pnet.yaml``). A missing or
impossible input raises :class:`~islet.errors.CannotCompute` naming what is needed; nothing is
ever assumed. TX and NX are valid categories: the stage group is given when every possible value
of the unknown category leads to the same group, otherwise ``stage`` is ``None`` and
``possible_stages`` and ``needed`` say what is open.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal, TypeVar

from islet.calculators.tables import (
    AjccTable,
    EnetsTable,
    MetastasisSite,
    StageGroup,
    Structure,
    ajcc,
    enets,
)
from islet.errors import CannotCompute
from islet.model import ExternalFact, Source, Strict

T_REAL = ("T1", "T2", "T3", "T4")  # what a TX tumor really is, one of these
N_REAL = ("N0", "N1")
NONE_WORDS = frozenset({"none", "no", "nothing", "no invasion", "no metastases", "no spread"})
NODE_WORDS: dict[str, Literal["N0", "N1", "NX"]] = {
    "yes": "N1",
    "true": "N1",
    "positive": "N1",
    "no": "N0",
    "false": "N0",
    "negative": "N0",
    "unknown": "NX",
    "not assessed": "NX",
}
Tumors = int | str | None  # a count, or "m" for several uncounted tumors
Place = TypeVar("Place", bound=Structure | MetastasisSite)


class EnetsStage(Strict):
    """The ENETS stage for the same T, N and M ([EXTERNAL]: not part of PDQ)."""

    system: str
    stage: str | None
    possible_stages: list[str]
    unverified: list[str]  # caveats on stage rows that Islet's sources do not confirm
    note: str
    source: Source


class StageResult(Strict):
    """T, N, M and the AJCC 8th stage group, with the reasons and the ENETS stage."""

    system: str
    t: str
    n: str
    m: str
    t_notation: str  # T with the multiple-tumor suffix, e.g. T3(4) or T3(m)
    tnm: str
    stage: str | None  # None when the unknown categories leave more than one group open
    possible_stages: list[str]
    needed: list[str]  # what would settle the stage group, when it is open
    reasons: list[str]
    notes: list[str]
    enets: EnetsStage
    source: Source
    external: list[ExternalFact]


def stage(t: str | None, n: str | None, m: str | None, tumors: Tumors = None) -> StageResult:
    """The AJCC 8th stage group for T, N and M categories.

    ``t`` is one of TX, T1–T4; ``n`` one of NX, N0, N1; ``m`` one of M0, M1, M1a, M1b, M1c
    (case-insensitive; a leading p or c is ignored). ``tumors`` is the number of primary tumors,
    or ``"m"`` when there are several but the count is unknown or too high. Raises CannotCompute
    for a missing or unknown category.
    """
    table = ajcc()
    t_code = _category(t, "T", [c.code for c in table.t_categories])
    n_code = _category(n, "N", [c.code for c in table.n_categories])
    m_code = _category(m, "M", [c.code for c in table.m_categories])
    reasons = [
        f"{t_code}: {table.t_category(t_code).meaning}",
        f"{n_code}: {table.n_category(n_code).meaning}",
        f"{m_code}: {table.m_category(m_code).meaning}",
    ]
    return _result(table, t_code, n_code, m_code, _tumors(tumors), reasons, [])


def stage_given(
    t: str | None = None,
    n: str | None = None,
    m: str | None = None,
    size_cm: float | None = None,
    invades: Iterable[str] | None = None,
    nodes: str | bool | None = None,
    mets: Iterable[str] | None = None,
    tumors: Tumors = None,
) -> StageResult:
    """:func:`stage` when any of T, N and M is given, else :func:`stage_from_facts`."""
    if any(category is not None for category in (t, n, m)):
        return stage(t, n, m, tumors)
    return stage_from_facts(size_cm, invades, nodes, mets, tumors)


def stage_from_facts(
    size_cm: float | None = None,
    invades: Iterable[str] | None = None,
    nodes: str | bool | None = None,
    mets: Iterable[str] | None = None,
    tumors: Tumors = None,
) -> StageResult:
    """The AJCC 8th stage from what is known about the tumor.

    - ``size_cm``: the largest tumor's size in cm (> 0). Always needed here, even though growth
      into the duodenum or bile duct (T3) or a neighbouring organ or large-vessel wall (T4) sets T
      whatever the size; with T known, call :func:`stage` instead.
    - ``invades``: the structures the tumor grows into (ids or names from the AJCC table, e.g.
      ``duodenum``, ``common-bile-duct``, ``stomach``, ``spleen``, ``colon``, ``adrenal-gland``,
      ``celiac-axis``, ``superior-mesenteric-artery``, ``peripancreatic-fat``), or ``["none"]``
      when it is confined to the pancreas. Must be given: confinement is never assumed.
    - ``nodes``: regional lymph nodes involved: ``"yes"``, ``"no"`` or ``"unknown"`` (or a bool).
    - ``mets``: the sites of distant spread (``liver``, ``extrahepatic`` or a named site such as
      ``lung`` or ``bone``) or ``["none"]``. Must be given (AJCC 8th has no MX).
    - ``tumors``: the number of primary tumors, or ``"m"`` when several but uncounted.

    Raises CannotCompute naming the fact that is missing, unknown, contradictory or impossible.
    """
    table = ajcc()
    if size_cm is None and invades is None and nodes is None and mets is None:
        raise CannotCompute(
            "nothing to stage: give the tumor size in cm, what it grows into (or 'none'), "
            "whether regional lymph nodes are involved, and where it has spread (or 'none')"
        )
    size = _size(size_cm)
    notes: list[str] = []
    t_code, t_reason = _t_from_facts(table, size, invades, notes)
    n_code = _n_from_facts(nodes)
    m_code, m_reason = _m_from_facts(table, mets)
    reasons = [
        f"{t_code}: {table.t_category(t_code).meaning} Here: {t_reason}.",
        f"{n_code}: {table.n_category(n_code).meaning}",
        f"{m_code}: {table.m_category(m_code).meaning} Here: {m_reason}.",
    ]
    return _result(table, t_code, n_code, m_code, _tumors(tumors), reasons, notes)


# --- categories --------------------------------------------------------------------------------


def _category(value: object, axis: str, codes: list[str]) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CannotCompute(
            f"the {axis} category is needed (one of {', '.join(codes)})", axis.lower()
        )
    if not isinstance(value, str):
        raise CannotCompute(f"the {axis} category must be text such as {codes[1]}", axis.lower())
    text = value.strip()
    # Pathological (p) and clinical (c) prefixes do not change the category.
    if len(text) > 1 and text[0] in "pcPC" and text[1].upper() == axis:
        text = text[1:]
    if text[:1].upper() != axis:
        text = axis + text
    by_key = {code.upper(): code for code in codes}
    key = text.upper()
    if key in by_key:
        return by_key[key]
    if key == f"{axis}0" and axis == "T":
        raise CannotCompute("AJCC 8th for pancreatic NETs has no T0; use TX, T1, T2, T3 or T4", "t")
    raise CannotCompute(
        f"unknown {axis} category {value!r}: use one of {', '.join(codes)}", axis.lower()
    )


def _size(size_cm: object) -> float | None:
    if size_cm is None:
        return None
    if isinstance(size_cm, bool) or not isinstance(size_cm, int | float):
        raise CannotCompute(f"tumor size must be a number of cm, not {size_cm!r}", "size_cm")
    size = float(size_cm)
    if not math.isfinite(size) or size <= 0:
        raise CannotCompute(
            f"tumor size must be a positive number of cm, not {size_cm!r}", "size_cm"
        )
    return size


def _words(values: object, what: str) -> list[str]:
    if isinstance(values, str):
        values = values.split(",")  # "liver, lung" as one piece of text
    if not isinstance(values, Iterable):
        raise CannotCompute(f"{what} must be a list of names", what)
    out = []
    for value in values:
        if not isinstance(value, str):
            raise CannotCompute(f"{what} must be names, not {value!r}", what)
        words = " ".join(value.lower().replace("_", " ").replace("-", " ").split())
        if words:
            out.append(words)
    if not out:
        raise CannotCompute(f"{what}: give at least one name, or 'none'", what)
    return out


def _places(
    words: list[str], known: list[Place], what: str, unknown: str, kind: str
) -> list[Place]:
    """The places of ``known`` that ``words`` name ("none" names none). CannotCompute (for the
    input ``what``) for a word that names no place, saying ``unknown``, or for "none" given
    together with a place (a ``kind``)."""
    lookup: dict[str, Place] = {}
    for place in known:
        for label in (place.id, place.name, *place.aliases):
            lookup[" ".join(label.lower().replace("-", " ").split())] = place
    found: list[Place] = []
    for word in words:
        if word in NONE_WORDS:
            continue
        if word not in lookup:
            names = ", ".join(p.id for p in known)
            raise CannotCompute(unknown.format(word=word) + f": use 'none' or {names}", what)
        found.append(lookup[word])
    if found and any(w in NONE_WORDS for w in words):
        raise CannotCompute(f"{what} says both 'none' and a {kind}; give one or the other", what)
    return found


def _t_from_facts(
    table: AjccTable, size: float | None, invades: Iterable[str] | None, notes: list[str]
) -> tuple[str, str]:
    if invades is None:
        raise CannotCompute(
            "say what the tumor grows into (duodenum, common bile duct, stomach, spleen, colon, "
            "adrenal gland, celiac axis, superior mesenteric artery) or 'none' if it is confined "
            "to the pancreas",
            "invades",
        )
    found = _places(
        _words(invades, "invades"),
        table.structures,
        "invades",
        "unknown structure {word!r} in invades",
        "structure",
    )
    for structure in found:
        if structure.t is None and structure.note:
            notes.append(structure.note)
    if size is None:
        # Growth into a neighbouring structure sets T3/T4 whatever the size, but staging from raw
        # facts always asks for the size: the record of a staged tumor includes it, and a
        # calculator never fills in what it was not told.
        raise CannotCompute(
            "tumor size in cm is needed (the largest tumor's size, even when it grows into "
            "nearby organs); or give the T category directly",
            "size_cm",
        )
    counted = [s for s in found if s.t is not None]
    if counted:
        worst = max(s.t for s in counted if s.t is not None)  # "T4" sorts after "T3"
        names = ", ".join(s.name for s in counted if s.t == worst)
        return worst, f"grows into {names}"
    for category in table.t_categories:
        if category.size_cm is not None and category.size_cm.holds(size):
            bounds = category.size_cm.describe(" cm")
            return category.code, f"confined to the pancreas, {size:g} cm ({bounds})"
    raise CannotCompute(f"no T category covers a size of {size:g} cm")  # the table has a gap


def _n_from_facts(nodes: object) -> Literal["N0", "N1", "NX"]:
    if nodes is None:
        raise CannotCompute(
            "say whether regional lymph nodes hold tumor: yes, no or unknown", "nodes"
        )
    if isinstance(nodes, bool):
        return "N1" if nodes else "N0"
    if isinstance(nodes, str) and nodes.strip().lower() in NODE_WORDS:
        return NODE_WORDS[nodes.strip().lower()]
    raise CannotCompute(f"nodes must be yes, no or unknown, not {nodes!r}", "nodes")


def _m_from_facts(table: AjccTable, mets: Iterable[str] | None) -> tuple[str, str]:
    if mets is None:
        raise CannotCompute(
            "say where the tumor has spread (liver, sites outside the liver such as lung or "
            "bone) or 'none'; AJCC 8th has no 'cannot be assessed' category for M",
            "mets",
        )
    sites = _places(
        _words(mets, "mets"),
        table.metastasis_sites,
        "mets",
        "unknown metastasis site {word!r}",
        "site",
    )
    if not sites:
        return "M0", "no distant spread"
    liver = any(s.liver for s in sites)
    elsewhere = [s.name for s in sites if not s.liver]
    if liver and elsewhere:
        return "M1c", f"spread to the liver and to {', '.join(elsewhere)}"
    if liver:
        return "M1a", "spread to the liver only"
    return "M1b", f"spread to {', '.join(elsewhere)}"


def _tumors(tumors: object) -> int | Literal["m"] | None:
    if tumors is None:
        return None
    if isinstance(tumors, str) and tumors.strip().lower() in ("m", "many", "multiple"):
        return "m"
    if isinstance(tumors, str) and tumors.strip().isdigit():
        tumors = int(tumors.strip())
    if isinstance(tumors, bool) or not isinstance(tumors, int) or tumors < 1:
        raise CannotCompute(
            f"tumors must be the number of tumors (1 or more) or 'm' for many, not {tumors!r}",
            "tumors",
        )
    return tumors


# --- stage groups ------------------------------------------------------------------------------


def _group(groups: list[StageGroup], t: str, n: str, m: str) -> StageGroup | None:
    return next((g for g in groups if any(r.matches(t, n, m) for r in g.rows)), None)


def _possible(groups: list[StageGroup], t: str, n: str, m: str) -> list[StageGroup]:
    """The groups the tumor can be in: TX and NX stand for each real category in turn."""
    found: list[StageGroup] = []
    for t_real in T_REAL if t == "TX" else (t,):
        for n_real in N_REAL if n == "NX" else (n,):
            group = _group(groups, t_real, n_real, m)
            if group is not None and group not in found:
                found.append(group)
    return found


def _enets(table: EnetsTable, t: str, n: str, m: str) -> EnetsStage:
    possible = _possible(table.stage_groups, t, n, m)
    return EnetsStage(
        system=table.system,
        stage=possible[0].stage if len(possible) == 1 else None,
        possible_stages=[g.stage for g in possible],
        unverified=[f"{g.stage}: {g.unverified}" for g in possible if g.unverified],
        note=table.note,
        source=table.source,
    )


def _result(
    table: AjccTable,
    t: str,
    n: str,
    m: str,
    tumors: int | Literal["m"] | None,
    reasons: list[str],
    notes: list[str],
) -> StageResult:
    possible = _possible(table.stage_groups, t, n, m)
    settled = len(possible) == 1
    needed = []
    if not settled:
        if t == "TX":
            needed.append("the T category (tumor size and what it grows into)")
        if n == "NX":
            needed.append("the N category (whether regional lymph nodes hold tumor)")
    t_notation = t
    if tumors is not None and tumors != 1 and t != "TX":
        t_notation = f"{t}({tumors})"
        notes.append(table.multiple_tumors)
    return StageResult(
        system=table.system,
        t=t,
        n=n,
        m=m,
        t_notation=t_notation,
        tnm=f"{t_notation} {n} {m}",
        stage=possible[0].stage if settled else None,
        possible_stages=[g.stage for g in possible],
        needed=needed,
        reasons=reasons,
        notes=notes,
        enets=_enets(enets(), t, n, m),
        source=table.source,
        external=table.external,
    )
