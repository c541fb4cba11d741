"""Symptom and test explainers over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field, JsonValue, model_validator

from islet.explain.symptoms import MAX_TEXT_CHARS, SymptomExplanation, explain_symptoms
from islet.explain.tests import TestsResult, tests_for
from islet.messages import N_
from islet.web.api.schemas import Body, problem_responses
from islet.web.deps import KB, AudienceQuery, KBLanguage, LanguageQuery

router = APIRouter(tags=["explainers"], responses=problem_responses(422, 429))

# Text that str.strip() leaves something of.
TEXT_GIVEN: dict[str, JsonValue] = {"type": "string", "pattern": r"\S"}


class SymptomsQuery(Body):
    """What a person notices, as free text and/or symptom ids from the knowledge base: text
    that is not blank, or at least one id."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": TEXT_GIVEN}},
                {"required": ["symptoms"], "properties": {"symptoms": {"minItems": 1}}},
            ]
        },
    )

    text: str | None = Field(
        None,
        max_length=MAX_TEXT_CHARS,
        description="lay words, e.g. 'I get shaky and sweaty'; negation is understood",
    )
    symptoms: list[Annotated[str, Field(max_length=100)]] = Field(
        default_factory=list, max_length=50, description="symptom ids, e.g. 'diarrhea'"
    )

    @model_validator(mode="after")
    def _something_given(self) -> SymptomsQuery:
        if not (self.text and self.text.strip()) and not self.symptoms:
            raise ValueError(N_("give text or at least one symptom id"))
        return self


@router.post("/symptoms", responses=problem_responses(400, 413))
def symptoms(query: SymptomsQuery, kb: KB, language: LanguageQuery = None) -> SymptomExplanation:
    """PDQ's lists of signs ranked against what a person describes; red flags first. This is
    information about what PDQ lists, never a diagnosis."""
    items = [*query.symptoms, *([query.text] if query.text and query.text.strip() else [])]
    return explain_symptoms(items, kb, language)


@router.get("/tests", responses=problem_responses(404))
def tests(
    kb: KB,
    language: KBLanguage,
    audience: AudienceQuery = "patient",
    tumor_type: Annotated[
        str | None,
        Query(alias="type", max_length=100, description="a tumor type id, name or alias"),
    ] = None,
) -> TestsResult:
    """The diagnostic tests PDQ lists: the general ones and those for a tumor type."""
    return tests_for(tumor_type, audience, kb, language)
