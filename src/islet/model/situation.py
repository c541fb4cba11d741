"""The situation a person describes to the guide, and the facts that follow from it."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import ConfigDict, Field, field_validator, model_validator

from islet.model.content import Strict

TumorTypeName = Literal[
    "gastrinoma",
    "insulinoma",
    "glucagonoma",
    "vipoma",
    "somatostatinoma",
    "other",
    "nonfunctional",
    "acth-secreting",  # accepted so the guide can say that PDQ does not cover its treatment
]


class Situation(Strict):
    """What a person knows about their tumor. Every field is optional: ``None`` means unknown,
    never "no". For list fields an empty list is a known "none" (e.g. ``spread: []``), and a
    given list is taken as complete.

    Contradictions (e.g. ``tumor_count: none_found`` with sites) raise ``InvalidSituation``
    naming the field; unknown values fail pydantic validation. "No tumor found" means no site is
    known, so ``sites`` becomes ``[]`` when it is not given; a spread list without the liver
    means the cancer is not mostly in the liver, and a cancer mostly in the liver has spread
    there (``spread`` becomes ``["liver"]`` when it is not given). One tumor may span two
    neighbouring parts of the pancreas.
    """

    # The contradictions below, as JSON Schema, so that the API's document says what it refuses.
    # Built on import, unlike the knowledge's models: it is what people send, and FastAPI wraps
    # it as the guide's request body.
    model_config = ConfigDict(
        json_schema_extra=lambda schema: schema.update(_rules_as_schema()), defer_build=False
    )

    tumor_type: TumorTypeName | None = Field(None, description="the kind of pancreatic NET")
    tumor_count: Literal["single", "multiple", "none_found"] | None = Field(
        None, description="one tumor, more than one, or no tumor found by the tests"
    )
    sites: list[Literal["head", "body", "tail", "duodenum"]] | None = Field(
        None, description="where the tumor or tumors are: parts of the pancreas, or the duodenum"
    )
    size: Literal["small", "large"] | None = Field(
        None, description="small or large, as the care team describes it (PDQ gives no cut-off)"
    )
    # Yes/no facts are strict: 0, 1 or "yes" is refused (naming the field) rather than read
    # as an answer the person may not have meant.
    resectable: bool | None = Field(
        None, strict=True, description="whether the whole tumor can be removed by surgery"
    )
    spread: list[Literal["lymph_nodes", "liver", "distant"]] | None = Field(
        None, description="where the cancer has spread; [] means it has not spread"
    )
    liver_dominant_severe_symptoms: bool | None = Field(
        None,
        strict=True,
        description="the cancer is mostly in the liver and causes severe symptoms from hormones "
        "or from the size of the tumor",
    )
    course: Literal["new", "recurrent", "progressive"] | None = Field(
        None,
        description="newly found, come back after treatment (recurrent), or still growing "
        "during treatment (progressive)",
    )
    responding_to_acid_drugs: bool | None = Field(
        None,
        strict=True,
        description="gastrinoma: whether symptoms get better with drugs that lower acid",
    )
    residual_after_surgery: bool | None = Field(
        None, strict=True, description="whether some tumor remains after surgery"
    )
    men1: bool | None = Field(
        None,
        strict=True,
        description="whether the person has multiple endocrine neoplasia type 1 (MEN1) syndrome",
    )

    @field_validator("sites", "spread", mode="before")
    @classmethod
    def _drop_repeats(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return list(dict.fromkeys(value))
        return value

    @model_validator(mode="before")
    @classmethod
    def _fill_what_follows(cls, data: Any) -> Any:
        return implied_facts(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _no_contradictions(self) -> Situation:
        # Raised as InvalidSituation (not ValueError) so that every caller learns which field
        # to change, whichever way the situation was built.
        from islet.errors import InvalidSituation
        from islet.messages import N_

        if self.tumor_count == "none_found" and self.sites:
            raise InvalidSituation(
                "sites",
                N_(
                    "no tumor was found, so no site can be given; remove the sites or "
                    "change tumor_count"
                ),
            )
        if self.tumor_count == "none_found" and self.size is not None:
            raise InvalidSituation(
                "size",
                N_(
                    "no tumor was found, so no size can be given; remove the size or "
                    "change tumor_count"
                ),
            )
        # One tumor may reach across two neighbouring parts (PDQ's "body/tail").
        if (
            self.tumor_count == "single"
            and self.sites
            and len(self.sites) > 1
            and frozenset(self.sites) not in NEIGHBOURING_PARTS
        ):
            raise InvalidSituation(
                "sites",
                N_(
                    "one tumor can span two neighbouring parts of the pancreas (head and "
                    "body, or body and tail), not these; give its main site, or set "
                    "tumor_count to multiple"
                ),
            )
        if (
            self.liver_dominant_severe_symptoms
            and self.spread is not None
            and "liver" not in self.spread
        ):
            raise InvalidSituation(
                "liver_dominant_severe_symptoms",
                N_(
                    "says most of the tumor is in the liver, but the places it has spread to do "
                    "not include the liver"
                ),
            )
        return self


# The parts of the pancreas one tumor can span: each pair lies side by side.
NEIGHBOURING_PARTS = (frozenset({"head", "body"}), frozenset({"body", "tail"}))

# For each fact, the facts an answer to it can settle through ``implied_facts``.
SETTLES_TOO: dict[str, tuple[str, ...]] = {
    "tumor_count": ("sites",),
    "spread": ("liver_dominant_severe_symptoms",),
}


def implied_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` with the facts that follow from them filled in: no tumor found means no known
    site, a cancer that has not reached the liver cannot be mostly in the liver, and a cancer
    mostly in the liver has spread to the liver."""
    if facts.get("tumor_count") == "none_found" and facts.get("sites") is None:
        facts = {**facts, "sites": []}
    if facts.get("liver_dominant_severe_symptoms") is True and facts.get("spread") is None:
        facts = {**facts, "spread": ["liver"]}
    spread = facts.get("spread")
    if (
        isinstance(spread, list | tuple)
        and "liver" not in spread
        and facts.get("liver_dominant_severe_symptoms") is None
    ):
        facts = {**facts, "liver_dominant_severe_symptoms": False}
    return facts


def _rules_as_schema() -> dict[str, Any]:
    """The checks of ``Situation._no_contradictions`` as JSON Schema (``allOf`` of if/then)."""

    def when(fact: str, value: object, then: dict[str, Any]) -> dict[str, Any]:
        return {
            "if": {"properties": {fact: {"const": value}}, "required": [fact]},
            "then": {"properties": then},
        }

    parts = ("head", "body", "tail", "duodenum")
    one_tumor: list[dict[str, Any]] = [{"items": {"enum": sorted(p)}} for p in NEIGHBOURING_PARTS]
    one_tumor += [{"items": {"const": part}} for part in parts]
    return {
        "allOf": [
            when("tumor_count", "none_found", {"sites": {"maxItems": 0}, "size": {"type": "null"}}),
            when("tumor_count", "single", {"sites": {"anyOf": [{"type": "null"}, *one_tumor]}}),
            when(
                "liver_dominant_severe_symptoms",
                True,
                {"spread": {"anyOf": [{"type": "null"}, {"contains": {"const": "liver"}}]}},
            ),
        ]
    }


FactKind = Literal["one", "many", "yesno"]


@cache
def fact_kind(fact: str) -> FactKind:
    """Whether a Situation fact holds one value, a list of values, or yes/no."""
    annotation = Situation.model_fields[fact].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args == [bool]:
        return "yesno"
    if args and get_origin(args[0]) is list:
        return "many"
    return "one"


@cache
def fact_values(fact: str) -> tuple[str, ...] | tuple[bool, ...]:
    """The values a Situation fact can take (for a list fact: the values its items can take)."""
    annotation = Situation.model_fields[fact].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args == [bool]:
        return (True, False)
    inner = get_args(args[0])[0] if get_origin(args[0]) is list else args[0]
    return tuple(str(v) for v in get_args(inner))
