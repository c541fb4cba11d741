"""WHO 2019 grading of pancreatic neuroendocrine neoplasms ([EXTERNAL]: not part of PDQ).

:func:`grade` turns a Ki-67 index and/or a mitotic count and the differentiation into NET G1, G2,
G3 or NEC. The thresholds are data (``knowledge/calculators/who-grading.yaml``); every result
carries the WHO citation, because PDQ itself has no grading section.
"""

from __future__ import annotations

import math
from typing import Literal

from islet.calculators.tables import Bounds, WhoGrade, WhoTable, who
from islet.errors import CannotCompute
from islet.model import Source, Strict

Differentiation = Literal["well", "poor"]
DecidedBy = Literal["ki67", "mitoses", "both", "differentiation"]

DIFFERENTIATION_WORDS: dict[str, Differentiation] = {
    "well": "well",
    "well differentiated": "well",
    "well-differentiated": "well",
    "poor": "poor",
    "poorly": "poor",
    "poorly differentiated": "poor",
    "poorly-differentiated": "poor",
}


class GradeResult(Strict):
    """The WHO grade, which measure decided it, and the grade each measure gives on its own."""

    system: str
    grade: str  # NET G1, NET G2, NET G3 or NEC
    level: Literal["low", "intermediate", "high"]
    differentiation: Differentiation | None
    decided_by: DecidedBy
    by_ki67: str | None  # the grade the Ki-67 index alone gives (well differentiated)
    by_mitoses: str | None  # the grade the mitotic count alone gives (well differentiated)
    ki67_percent: float | None
    mitoses_per_2mm2: float | None
    reasons: list[str]
    notes: list[str]
    counting: list[str]
    source: Source
    # WHO takes the higher of the two measures: with one missing, a grade below the top one is
    # only the least the tumor can be. ``possible`` lists the grades still open, ``needed`` what
    # would settle it; a complete result has ``possible == [grade]`` and nothing needed.
    complete: bool
    possible: list[str]
    needed: list[str]


def grade(
    ki67: float | None = None,
    mitoses: float | None = None,
    differentiation: str | None = None,
) -> GradeResult:
    """The WHO 2019 grade from the Ki-67 index (%), mitoses per 2 mm² and differentiation.

    - A poorly differentiated tumor is NEC (``decided_by="differentiation"``), whatever the counts.
    - Otherwise each given measure places the tumor in a grade; when they disagree the higher
      grade wins and ``decided_by`` names that measure (``"both"`` when they agree).
    - Without differentiation the counts give the NET grade (G1, G2 or G3); above 20 a note says
      that a poorly differentiated tumor would instead be NEC.

    Raises CannotCompute when neither count is given for a tumor that is not poorly
    differentiated, or when an input is impossible (Ki-67 outside 0–100, negative mitoses).
    """
    table = who()
    ki = _number(ki67, "Ki-67 index (%)", upper=100.0, field="ki67")
    mi = _number(mitoses, "mitotic count (per 2 mm²)", upper=None, field="mitoses")
    diff = _differentiation(differentiation)
    by_ki = _grade_of(table, ki, "ki67") if ki is not None else None
    by_mi = _grade_of(table, mi, "mitoses") if mi is not None else None
    reasons = []
    if by_ki is not None and ki is not None:
        reasons.append(f"Ki-67 {ki:g}% is {by_ki.ki67_percent.describe('%')}: {by_ki.grade}")
    if by_mi is not None and mi is not None:
        reasons.append(
            f"{mi:g} mitoses per 2 mm² is {by_mi.mitoses_per_2mm2.describe('')}: {by_mi.grade}"
        )
    if diff == "poor":
        return _carcinoma(table, ki, mi, by_ki, by_mi, reasons)
    if by_ki is None and by_mi is None:
        raise CannotCompute(
            "a Ki-67 index (%) or a mitotic count (per 2 mm²) is needed to grade a tumor "
            "that is not poorly differentiated",
            "ki67",
        )
    chosen, decided_by = _higher(table, by_ki, by_mi)
    notes = []
    if diff is None:
        # The grade of a NET is read from the counts; differentiation only separates a
        # well-differentiated NET G3 from a poorly differentiated carcinoma, so say so plainly.
        if chosen is table.grades[-1]:
            notes.append(
                "Differentiation was not given: at these counts a well-differentiated tumor is "
                "NET G3, but a poorly differentiated one is a neuroendocrine carcinoma (NEC). "
                "Give the differentiation to tell them apart."
            )
        else:
            notes.append(
                "Differentiation was not given: this grade holds for a well-differentiated "
                "tumor; WHO lists poorly differentiated carcinomas (NEC) only with counts above 20."
            )
    if decided_by in ("ki67", "mitoses") and by_ki is not None and by_mi is not None:
        notes.append("The two measures disagree; WHO assigns the higher grade.")
    possible = [g.grade for g in table.grades[table.grades.index(chosen) :]]
    needed = []
    if len(possible) > 1 and (by_ki is None or by_mi is None):
        given, missing = (
            ("Ki-67 index", "mitotic count")
            if by_mi is None
            else (
                "mitotic count",
                "Ki-67 index",
            )
        )
        needed = [missing]
        notes.insert(
            0,
            f"Only the {given} was given, so the grade is at least {chosen.grade}: WHO takes "
            f"the higher of the two measures, and a {missing} could raise it to "
            f"{' or '.join(possible[1:])}.",
        )
    else:
        possible = [chosen.grade]
    return GradeResult(
        system=table.system,
        grade=chosen.grade,
        level=chosen.level,
        differentiation=diff,
        decided_by=decided_by,
        by_ki67=by_ki.grade if by_ki else None,
        by_mitoses=by_mi.grade if by_mi else None,
        ki67_percent=ki,
        mitoses_per_2mm2=mi,
        reasons=reasons,
        notes=notes,
        counting=table.counting,
        source=table.source,
        complete=not needed,
        possible=possible,
        needed=needed,
    )


def _number(value: object, what: str, upper: float | None, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CannotCompute(f"the {what} must be a number, not {value!r}", field)
    number = float(value)
    if not math.isfinite(number) or number < 0 or (upper is not None and number > upper):
        limit = f"from 0 to {upper:g}" if upper is not None else "0 or more"
        raise CannotCompute(f"the {what} must be a number {limit}, not {value!r}", field)
    return number


def _differentiation(value: object) -> Differentiation | None:
    if value is None:
        return None
    key = " ".join(value.lower().split()) if isinstance(value, str) else None
    if key is None or key not in DIFFERENTIATION_WORDS:
        raise CannotCompute(
            f"differentiation must be 'well' or 'poor', not {value!r}", "differentiation"
        )
    return DIFFERENTIATION_WORDS[key]


def _grade_of(table: WhoTable, value: float, measure: Literal["ki67", "mitoses"]) -> WhoGrade:
    for entry in table.grades:
        bounds: Bounds = entry.ki67_percent if measure == "ki67" else entry.mitoses_per_2mm2
        if bounds.holds(value):
            return entry
    raise CannotCompute(f"no WHO grade covers {value:g} for {measure}")  # the table has a gap


def _higher(
    table: WhoTable, by_ki: WhoGrade | None, by_mi: WhoGrade | None
) -> tuple[WhoGrade, DecidedBy]:
    if by_ki is None and by_mi is not None:
        return by_mi, "mitoses"
    if by_mi is None and by_ki is not None:
        return by_ki, "ki67"
    assert by_ki is not None and by_mi is not None
    rank = {g.id: i for i, g in enumerate(table.grades)}
    if rank[by_ki.id] == rank[by_mi.id]:
        return by_ki, "both"
    return (by_ki, "ki67") if rank[by_ki.id] > rank[by_mi.id] else (by_mi, "mitoses")


def _carcinoma(
    table: WhoTable,
    ki: float | None,
    mi: float | None,
    by_ki: WhoGrade | None,
    by_mi: WhoGrade | None,
    reasons: list[str],
) -> GradeResult:
    nec = table.poorly_differentiated
    notes = [nec.note]
    if ki is not None and not nec.expected_ki67_percent.holds(ki):
        notes.append(
            f"WHO lists NEC with a Ki-67 index {nec.expected_ki67_percent.describe('%')}; "
            f"{ki:g}% is unusual for a poorly differentiated tumor."
        )
    if mi is not None and not nec.expected_mitoses_per_2mm2.holds(mi):
        notes.append(
            f"WHO lists NEC with {nec.expected_mitoses_per_2mm2.describe('')} mitoses per "
            f"2 mm²; {mi:g} is unusual for a poorly differentiated tumor."
        )
    return GradeResult(
        system=table.system,
        grade=nec.grade,
        level=nec.level,
        differentiation="poor",
        decided_by="differentiation",
        by_ki67=by_ki.grade if by_ki else None,
        by_mitoses=by_mi.grade if by_mi else None,
        ki67_percent=ki,
        mitoses_per_2mm2=mi,
        reasons=[*reasons, "Poorly differentiated: neuroendocrine carcinoma (NEC)"],
        notes=notes,
        counting=table.counting,
        source=table.source,
        complete=True,
        possible=[nec.grade],
        needed=[],
    )
