"""The clinicians' calculators over HTTP: AJCC 8th staging and WHO 2019 grading."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from islet.calculators.grading import GradeResult, grade
from islet.calculators.spelling import grade_input_rules, stage_input_rules
from islet.calculators.staging import StageResult, stage_given
from islet.cds.observations import FHIR_JSON, basis_of, grade_observation, stage_bundle
from islet.web.api.schemas import Body, problem_responses, whole_number

router = APIRouter(tags=["calculators"], responses=problem_responses(400, 413, 422, 429))

Word = Annotated[str, Field(max_length=60)]
Code = Annotated[str, Field(max_length=8)]
Tumors = Annotated[int, Field(ge=1, le=1000), BeforeValidator(whole_number)] | Literal["m"]


class StageQuery(Body):
    """Either T, N and M categories, or the findings they come from (never both)."""

    model_config = ConfigDict(
        json_schema_extra=lambda schema: schema.update(
            stage_input_rules(),
            examples=[
                {"t": "T2", "n": "N0", "m": "M0"},
                {"size_cm": 2.5, "invades": ["none"], "nodes": "no", "mets": ["none"]},
            ],
        ),
    )

    t: Code | None = Field(None, description="TX, T1, T2, T3 or T4")
    n: Code | None = Field(None, description="NX, N0 or N1")
    m: Code | None = Field(None, description="M0, M1, M1a, M1b or M1c")
    size_cm: float | None = Field(None, description="size of the largest tumor in cm")
    invades: list[Word] | None = Field(
        None, max_length=20, description="structures the tumor grows into, or ['none']"
    )
    nodes: Literal["yes", "no", "unknown"] | bool | None = Field(
        None, description="regional lymph nodes involved"
    )
    mets: list[Word] | None = Field(
        None, max_length=20, description="sites of distant spread, or ['none']"
    )
    tumors: Tumors | None = Field(
        None, description="number of primary tumors, or 'm' when several but uncounted"
    )

    @model_validator(mode="after")
    def _one_way(self) -> StageQuery:
        categories = (self.t, self.n, self.m)
        findings = (self.size_cm, self.invades, self.nodes, self.mets)
        if any(v is not None for v in categories) and any(v is not None for v in findings):
            raise ValueError("give either t, n and m, or the findings (size_cm, invades, ...)")
        return self


Format = Annotated[
    Literal["json", "fhir"] | None,
    Query(description="fhir: a FHIR R4 resource (also chosen by Accept: application/fhir+json)"),
]
Basis = Annotated[
    Literal["clinical", "pathological"] | None,
    Query(description="for FHIR output: clinical or pathological staging (or write cT2 / pT2)"),
]
Accept = Annotated[str | None, Header(include_in_schema=False)]


def fhir_answer(resource: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entry for a 200 that is JSON or, on request, a FHIR R4 ``resource``."""
    schema = {
        "type": "object",
        "description": f"a FHIR R4 {resource} (https://hl7.org/fhir/R4/)",
        "required": ["resourceType"],
        "properties": {"resourceType": {"type": "string", "enum": [resource]}},
    }
    return {
        200: {
            "content": {FHIR_JSON: {"schema": schema}},
            "description": f"The result, or a FHIR R4 {resource}",
        }
    }


def wants_fhir(format: str | None, accept: str | None) -> bool:
    """FHIR when asked for by ``?format=fhir`` or by the Accept header (unless format=json)."""
    if format is not None:
        return format == "fhir"
    return FHIR_JSON in (accept or "")


class GradeQuery(Body):
    """Ki-67, mitoses, or both; unless the tumor is poorly differentiated, at least one count."""

    model_config = ConfigDict(json_schema_extra=grade_input_rules())

    # The ranges are the core's (grading.grade), which says what is wrong in its own words.
    ki67: float | None = Field(
        None, description="Ki-67 index in percent", json_schema_extra={"minimum": 0, "maximum": 100}
    )
    mitoses: float | None = Field(
        None, description="mitoses per 2 mm²", json_schema_extra={"minimum": 0}
    )
    differentiation: Literal["well", "poor"] | None = None


@router.post("/stage", response_model=StageResult, responses=fhir_answer("Bundle"))
def staging(
    query: StageQuery, format: Format = None, basis: Basis = None, accept: Accept = None
) -> StageResult | JSONResponse:
    """The AJCC 8th stage group (with ENETS alongside, marked external). A missing input is
    named in a 422 answer; nothing is assumed. With ``format=fhir`` (or Accept:
    application/fhir+json): a FHIR Bundle of the mCODE-shaped stage group and T, N, M
    Observations."""
    result = stage_given(**query.model_dump())
    if wants_fhir(format, accept):
        bundle = stage_bundle(result, basis_of(basis, query.t, query.n, query.m))
        return JSONResponse(bundle, media_type=FHIR_JSON)
    return result


@router.post("/grade", response_model=GradeResult, responses=fhir_answer("Observation"))
def grading(
    query: GradeQuery, format: Format = None, accept: Accept = None
) -> GradeResult | JSONResponse:
    """The WHO 2019 grade and the measure that decided it ([EXTERNAL]: not part of PDQ). With
    ``format=fhir`` (or Accept: application/fhir+json): an mCODE-shaped histologic grade
    Observation."""
    result = grade(query.ki67, query.mitoses, query.differentiation)
    if wants_fhir(format, accept):
        return JSONResponse(grade_observation(result), media_type=FHIR_JSON)
    return result
