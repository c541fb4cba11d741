"""AJCC 8th staging and WHO 2019 grading: table tests from the fact base, bad inputs, properties."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from islet.calculators import tables
from islet.calculators.grading import GradeResult, grade
from islet.calculators.staging import StageResult, stage, stage_from_facts
from islet.errors import CannotCompute
from tests.core.test_provenance import REFERENCE, own_strings, shingles
from tests.tables import load_cases

T_REAL = ["T1", "T2", "T3", "T4"]
N_REAL = ["N0", "N1"]
M_ALL = ["M0", "M1", "M1a", "M1b", "M1c"]


def run_staging(case: dict[str, Any]) -> StageResult:
    if "categories" in case:
        c = case["categories"]
        return stage(c["t"], c["n"], c["m"], tumors=c.get("tumors"))
    return stage_from_facts(**case["facts"])


@pytest.mark.parametrize("case", load_cases("staging_ajcc.yaml"))
def test_staging_table(case: dict[str, Any]) -> None:
    result = run_staging(case)
    expect = case["expect"]
    for key, value in expect.items():
        if key == "enets":
            assert result.enets.stage == value
        elif key == "enets_unverified":
            assert bool(result.enets.unverified) == value
        else:
            assert getattr(result, key) == value, key
    assert result.system == "AJCC 8th edition"
    if "possible" in case:
        assert result.possible_stages == case["possible"]
    if "enets_possible" in case:
        assert result.enets.possible_stages == case["enets_possible"]
    for needed in case.get("needed", []):
        assert any(needed in line for line in result.needed)
    if result.stage is not None:
        assert result.possible_stages == [result.stage]
        assert result.needed == []
    if "note_contains" in case:
        assert any(case["note_contains"] in note for note in result.notes)


@pytest.mark.parametrize("case", load_cases("staging_bad_inputs.yaml"))
def test_staging_bad_inputs(case: dict[str, Any]) -> None:
    with pytest.raises(CannotCompute, match=None) as raised:
        run_staging(case)
    assert case["message"] in str(raised.value)


def test_results_name_their_sources() -> None:
    result = stage("T2", "N0", "M0")
    assert result.source.document == "professional"
    assert result.source.section.startswith("Stage Information")
    assert result.source.version_date == "2025-05-09"
    assert result.enets.source.document == "external"
    assert result.enets.source.citation
    assert all(fact.source.citation for fact in result.external)


def test_enets_IIIA_is_flagged_unverified() -> None:
    result = stage("T4", "N0", "M0")
    assert result.enets.stage == "IIIA"
    assert any("not confirmed" in caveat for caveat in result.enets.unverified)
    assert stage("T1", "N1", "M0").enets.unverified == []


@pytest.mark.parametrize("system", ["ajcc", "enets"])
def test_every_real_combination_falls_in_exactly_one_group(system: str) -> None:
    groups = tables.ajcc().stage_groups if system == "ajcc" else tables.enets().stage_groups
    for t, n, m in itertools.product(T_REAL, N_REAL, M_ALL):
        hits = [g.stage for g in groups if any(row.matches(t, n, m) for row in g.rows)]
        assert len(hits) == 1, (t, n, m, hits)


@given(st.floats(min_value=1e-6, max_value=1e6, allow_nan=False))
def test_size_ranges_cover_every_positive_size_once(size: float) -> None:
    hits = [
        c.code
        for c in tables.ajcc().t_categories
        if c.size_cm is not None and c.size_cm.holds(size)
    ]
    assert len(hits) == 1


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=1e-6, max_value=1e6))
def test_t_by_size_is_monotonic(a: float, b: float) -> None:
    small, large = sorted((a, b))
    t_small = stage_from_facts(small, ["none"], "no", ["none"]).t
    t_large = stage_from_facts(large, ["none"], "no", ["none"]).t
    assert t_small <= t_large


ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.lists(st.one_of(st.text(max_size=12), st.integers(), st.none()), max_size=3),
)


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_staging_facts_raise_nothing_but_cannot_compute(
    size: Any, invades: Any, nodes: Any, mets: Any, tumors: Any
) -> None:
    try:
        result = stage_from_facts(size, invades, nodes, mets, tumors=tumors)
    except CannotCompute as error:
        assert str(error)
    else:
        assert result.t in ["T1", "T2", "T3", "T4"]


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_staging_categories_raise_nothing_but_cannot_compute(
    t: Any, n: Any, m: Any, tumors: Any
) -> None:
    try:
        result = stage(t, n, m, tumors=tumors)
    except CannotCompute as error:
        assert str(error)
    else:
        assert result.stage in (None, "I", "II", "III", "IV")


@pytest.mark.parametrize("case", load_cases("grading_who.yaml"))
def test_grading_table(case: dict[str, Any]) -> None:
    result = grade(**case["input"])
    assert result.grade == case["grade"]
    assert result.decided_by == case["decided_by"]
    for key in ("by_ki67", "by_mitoses", "complete", "possible", "needed"):
        if key in case:
            assert getattr(result, key) == case[key]
    if "note_contains" in case:
        assert any(case["note_contains"] in note for note in result.notes)
    assert result.source.document == "external"
    assert result.source.citation


@pytest.mark.parametrize("case", load_cases("grading_bad_inputs.yaml"))
def test_grading_bad_inputs(case: dict[str, Any]) -> None:
    with pytest.raises(CannotCompute) as raised:
        grade(**case["input"])
    assert case["message"] in str(raised.value)


RANK = {"NET G1": 1, "NET G2": 2, "NET G3": 3}


@given(
    st.floats(min_value=0, max_value=100),
    st.floats(min_value=0, max_value=100),
    st.one_of(st.none(), st.floats(min_value=0, max_value=500)),
)
def test_grade_is_monotonic_in_ki67(a: float, b: float, mitoses: float | None) -> None:
    low, high = sorted((a, b))
    assert RANK[grade(low, mitoses, "well").grade] <= RANK[grade(high, mitoses, "well").grade]


@given(ANYTHING, ANYTHING, ANYTHING)
def test_grading_raises_nothing_but_cannot_compute(ki67: Any, mitoses: Any, diff: Any) -> None:
    try:
        result = grade(ki67, mitoses, diff)
    except CannotCompute as error:
        assert str(error)
    else:
        assert isinstance(result, GradeResult)
        assert result.ki67_percent is None or 0 <= result.ki67_percent <= 100
        assert result.mitoses_per_2mm2 is None or math.isfinite(result.mitoses_per_2mm2)


def _edges(bounds: list[tables.Bounds]) -> list[float]:
    """Every bound in the table, and values just either side of it."""
    values = {
        v
        for b in bounds
        for v in (b.greater_than, b.at_least, b.less_than, b.at_most)
        if v is not None
    }
    return sorted({x for v in values for x in (v, math.nextafter(v, -1), math.nextafter(v, 1))})


def test_size_ranges_have_no_gap_or_overlap_at_their_edges() -> None:
    ranges = [c.size_cm for c in tables.ajcc().t_categories if c.size_cm is not None]
    for size in _edges(ranges):
        assert sum(r.holds(size) for r in ranges) == 1, size


@pytest.mark.parametrize("measure", ["ki67_percent", "mitoses_per_2mm2"])
def test_who_ranges_have_no_gap_or_overlap_at_their_edges(measure: str) -> None:
    ranges = [getattr(g, measure) for g in tables.who().grades]
    for value in _edges(ranges):
        if value >= 0:
            assert sum(r.holds(value) for r in ranges) == 1, value


def test_calculator_tables_are_in_own_words() -> None:
    if not REFERENCE.is_dir():
        pytest.fail(f"reference folder missing: {REFERENCE}")
    reference: set[tuple[str, ...]] = set()
    for path in REFERENCE.iterdir():
        reference |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    copied = []
    for table in (tables.ajcc(), tables.enets(), tables.who()):
        for where, text in own_strings(table.model_dump()):
            if shingles(text) & reference:
                copied.append(f"{table.system}{where}")
    assert not copied
