"""The OpenAPI document is exact: what it allows the API accepts, and what it forbids the API
refuses, with every answer as declared.

schemathesis runs every check it has (``st run --checks all``, all four phases) against a real
`islet serve` holding the constructed NET trials, with a bounded, derandomized set of examples.
The tables and properties below check the patterns and rules the document publishes against the
readers that apply them, so that the document and the code cannot drift apart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from islet.ask import answer
from islet.ask.answer import HAS_A_WORD
from islet.calculators.spelling import category_pattern, none_pattern, places_pattern
from islet.calculators.staging import stage, stage_from_facts
from islet.errors import CannotCompute, InvalidInput, InvalidQuestion, UnknownTerm
from islet.model import Situation
from islet.trials.geo import PLACE_PATTERN, UnknownZip, parse_place
from islet.trials.query import (
    INTERVENTION_TYPE_PATTERN,
    PHASE_PATTERN,
    STATUS_PATTERN,
    normalize_intervention_types,
    normalize_phases,
    normalize_statuses,
)
from islet.web.api.calculators import GradeQuery
from tests.processes import serving
from tests.trials_helpers import net_store
from tests.webapp import client

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = 20  # per operation and phase; the whole run takes about a minute


def test_schemathesis_finds_no_failure_of_any_kind(tmp_path: Path) -> None:
    env = {
        "ISLET_TRIALS_DB": str(net_store(tmp_path / "trials.sqlite")),
        "ISLET_TRIALS_LIVE": "0",  # no network: the store answers
        "ISLET_RATE_LIMIT": "0",
    }
    with serving(tmp_path, env=env) as server:
        done = subprocess.run(
            [
                str(Path(sys.executable).with_name("st")),
                "run",
                f"{server.base}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                str(EXAMPLES),
                "--generation-deterministic",
                "--workers",
                "1",
                "--no-color",
            ],
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks",
            },
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=900,
        )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    tested = re.search(r"Tested: (\d+)", done.stdout)
    assert tested is not None and int(tested.group(1)) >= 14


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/trials", None),
        ("get", "/api/v1/trials/{nct_id}", None),
        ("post", "/api/v1/trials/{nct_id}/screening", {"person": {}}),
    ],
)
def test_a_fresh_install_answers_trial_routes_with_a_declared_503(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str, path: str, body: Any
) -> None:
    """No records and no registry: the server cannot answer yet; the request was fine."""
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path / "none.sqlite"))
    monkeypatch.setenv("ISLET_TRIALS_LIVE", "0")
    api = client()
    response = api.request(method, path.format(nct_id="NCT00510068"), json=body)
    assert response.status_code == 503, response.text
    document: dict[str, Any] = api.app.openapi()  # type: ignore[attr-defined]
    assert "503" in document["paths"][path][method]["responses"]


# --- The published patterns and the readers agree ------------------------------------------------

CODE_READERS = [
    (STATUS_PATTERN, normalize_statuses),
    (PHASE_PATTERN, normalize_phases),
    (INTERVENTION_TYPE_PATTERN, normalize_intervention_types),
]


@pytest.mark.parametrize(("pattern", "normalize"), CODE_READERS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_code_spelling_the_document_allows_is_read(
    pattern: str, normalize: Any, data: st.DataObject
) -> None:
    value = data.draw(st.from_regex(pattern))
    assert normalize([value])


@pytest.mark.parametrize(("pattern", "normalize"), CODE_READERS)
@settings(max_examples=60, deadline=None)
@given(value=st.text(alphabet="RrOoPpEeNn eAaSs_-12x/Dd", max_size=12))
def test_a_code_spelling_the_document_forbids_is_refused(
    pattern: str, normalize: Any, value: str
) -> None:
    if not re.search(pattern, value):
        with pytest.raises(UnknownTerm):
            normalize([value])


@settings(max_examples=100, deadline=None)
@given(text=st.from_regex(PLACE_PATTERN))
def test_every_place_the_document_allows_is_read(text: str) -> None:
    """Read as the point it says, or a well-formed ZIP code missing from the offline table (the
    API's 404); nothing else."""
    try:
        point = parse_place(text)
    except UnknownZip:
        assert re.fullmatch(r"\s*[0-9]{5}(?:-[0-9]{4})?\s*", text)
        return
    if "," in text:
        lat, lon = (float(n) for n in re.findall(r"-?[0-9]+(?:\.[0-9]+)?", text))
        assert (point.lat, point.lon) == (lat, lon)
    else:  # a ZIP code in the table: west of Greenwich, or a Pacific territory or freely
        # associated state past the date line (Guam 96910, Palau 96940, the Marshall Islands)
        assert point.lon < 0 or point.lon > 130


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="0123456789-., \t9", max_size=16))
def test_a_place_the_document_forbids_is_refused(text: str) -> None:
    if not re.search(PLACE_PATTERN, text):
        with pytest.raises(ValueError):
            parse_place(text)


@pytest.mark.parametrize("axis", ["T", "N", "M"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_category_the_document_allows_is_staged(axis: str, data: st.DataObject) -> None:
    categories = {"T": "T1", "N": "N0", "M": "M0"}
    drawn = data.draw(st.from_regex(category_pattern(axis)))
    categories[axis] = drawn
    result = stage(categories["T"], categories["N"], categories["M"])
    # The category read is the one written, in its canonical spelling ("pt2 " -> "T2").
    read = {"T": result.t, "N": result.n, "M": result.m}[axis]
    assert read.upper() == axis + drawn.strip().upper().lstrip("PC").removeprefix(axis)
    assert result.stage is not None or result.possible_stages


@pytest.mark.parametrize("axis", ["T", "N", "M"])
@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="TtNnMmXxpPcCaAbB0123456 \t", max_size=5))
def test_a_category_the_document_forbids_is_refused(axis: str, text: str) -> None:
    categories = {"T": "T1", "N": "N0", "M": "M0"}
    categories[axis] = text
    if not re.search(category_pattern(axis), text):
        with pytest.raises(CannotCompute):
            stage(categories["T"], categories["N"], categories["M"])


@pytest.mark.parametrize("kind", ["structures", "sites"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_place_name_the_document_allows_is_read(kind: str, data: st.DataObject) -> None:
    entry = data.draw(st.from_regex(places_pattern(kind)))
    facts: dict[str, Any] = {"size_cm": 1.0, "invades": ["none"], "nodes": "no", "mets": ["none"]}
    facts["invades" if kind == "structures" else "mets"] = [entry]
    result = stage_from_facts(**facts)
    # "none" leaves the 1 cm tumor at T1 M0; a named place is read: it raises T or M, or (the fat
    # around the pancreas, which AJCC 8th does not count) leaves T as it is with a note saying so.
    said_none = re.search(none_pattern(), entry) is not None
    raised = result.t != "T1" if kind == "structures" else result.m != "M0"
    assert (raised or bool(result.notes)) is not said_none, (entry, result.tnm)


@pytest.mark.parametrize(
    "question",
    ["what is a Whipple", "¿qué es?", "é", "Ⅻ", "x1", "123", "?!", "_", "٣٤", "  ", "a_b"],
)
def test_the_document_says_which_questions_have_words(question: str) -> None:
    if re.search(HAS_A_WORD, question):
        answer(question)
    else:
        with pytest.raises(InvalidQuestion):
            answer(question)


# --- The published rules and the models agree ----------------------------------------------------

SITUATIONS = st.fixed_dictionaries(
    {},
    optional={
        "tumor_count": st.sampled_from(["single", "multiple", "none_found", None]),
        "sites": st.none() | st.lists(st.sampled_from(["head", "body", "tail", "duodenum"])),
        "size": st.sampled_from(["small", "large", None]),
        "spread": st.none() | st.lists(st.sampled_from(["lymph_nodes", "liver", "distant"])),
        "liver_dominant_severe_symptoms": st.sampled_from([True, False, None]),
    },
)


@settings(max_examples=300, deadline=None)
@given(facts=SITUATIONS)
def test_the_situation_schema_refuses_exactly_the_contradictions(facts: dict[str, Any]) -> None:
    allowed = jsonschema_rs.validator_for(Situation.model_json_schema()).is_valid(facts)
    try:
        Situation.model_validate(facts)
        accepted = True
    except InvalidInput:
        accepted = False
    assert allowed == accepted, facts


GRADES = st.fixed_dictionaries(
    {},
    optional={
        "ki67": st.none() | st.floats(-5, 105, allow_nan=False),
        "mitoses": st.none() | st.floats(-5, 50, allow_nan=False),
        "differentiation": st.sampled_from(["well", "poor", None]),
    },
)


@settings(max_examples=200, deadline=None)
@given(facts=GRADES)
def test_the_grade_schema_refuses_exactly_what_cannot_be_graded(facts: dict[str, Any]) -> None:
    from islet.calculators.grading import grade

    allowed = jsonschema_rs.validator_for(GradeQuery.model_json_schema()).is_valid(facts)
    try:
        grade(**facts)
        accepted = True
    except CannotCompute:
        accepted = False
    assert allowed == accepted, facts
