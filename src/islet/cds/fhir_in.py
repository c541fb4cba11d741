"""The parts of FHIR R4 resources the CDS service reads, as lenient pydantic models.

Only the elements Islet reads are described; every other element is allowed and ignored. A part
Islet reads that has the wrong shape (a code that is not a CodeableConcept, a value that is not a
number) makes the resource invalid, so a request carrying it is refused instead of half-read.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr


class Part(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)


class Coding(Part):
    system: StrictStr | None = None
    code: StrictStr | None = None
    display: StrictStr | None = None


class Concept(Part):
    coding: list[Coding] = []
    text: StrictStr | None = None


class Reference(Part):
    reference: StrictStr | None = None


class Quantity(Part):
    value: StrictInt | StrictFloat | None = None
    unit: StrictStr | None = None
    code: StrictStr | None = None


class Extension(Part):
    url: StrictStr
    value_concept: Concept | None = Field(None, alias="valueCodeableConcept")


class Patient(Part):
    resource_type: Literal["Patient"] = Field(alias="resourceType")
    id: StrictStr | None = None


class Condition(Part):
    resource_type: Literal["Condition"] = Field(alias="resourceType")
    id: StrictStr | None = None
    clinical_status: Concept | None = Field(None, alias="clinicalStatus")
    verification_status: Concept | None = Field(None, alias="verificationStatus")
    code: Concept | None = None
    body_site: list[Concept] = Field([], alias="bodySite")
    subject: Reference | None = None
    extension: list[Extension] = []

    def concepts(self) -> list[Concept]:
        """Every coded part that can name the tumor: the code, mCODE's histology extension (and
        any other coded extension) and the body sites."""
        found = [self.code] if self.code else []
        found += [e.value_concept for e in self.extension if e.value_concept]
        return found + list(self.body_site)


class Observation(Part):
    resource_type: Literal["Observation"] = Field(alias="resourceType")
    id: StrictStr | None = None
    status: StrictStr
    code: Concept
    subject: Reference | None = None
    focus: list[Reference] = []
    effective: StrictStr | None = Field(None, alias="effectiveDateTime")
    issued: StrictStr | None = None
    value_quantity: Quantity | None = Field(None, alias="valueQuantity")
    value_concept: Concept | None = Field(None, alias="valueCodeableConcept")
    value_string: StrictStr | None = Field(None, alias="valueString")
    value_integer: StrictInt | None = Field(None, alias="valueInteger")

    @property
    def when(self) -> str:
        """When it was taken, for choosing the newest (ISO dates sort as text)."""
        return self.effective or self.issued or ""


class Entry(Part):
    resource: dict[str, Any] | None = None


class Bundle(Part):
    resource_type: Literal["Bundle"] = Field(alias="resourceType")
    entry: list[Entry] = []
