"""Reading a CDS Hooks request: the hook, its context and the prefetched FHIR resources.

``hook_request`` checks the request's shape and raises :class:`CdsRequestError` naming the part
that is wrong (never repeating what was sent); ``resources_of`` turns one prefetch entry into the
resources of the type the service asked for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from islet.cds import fhir_in
from islet.errors import IsletError

ResourceT = TypeVar("ResourceT", bound=BaseModel)

# What each prefetch key must hold, and the resource type inside a search Bundle.
PREFETCH_TYPES: dict[str, tuple[str, type[BaseModel]]] = {
    "patient": ("Patient", fhir_in.Patient),
    "conditions": ("Condition", fhir_in.Condition),
    "observations": ("Observation", fhir_in.Observation),
}
FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")  # the FHIR id datatype


class CdsRequestError(IsletError):
    """A request Islet cannot answer; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class HookRequest:
    hook: str
    hook_instance: str
    patient_id: str
    fhir_server: str | None = None
    access_token: str | None = None
    prefetch: dict[str, Any] = field(default_factory=dict)


def hook_request(body: bytes, hook: str) -> HookRequest:
    """The request in ``body``, for a service that answers ``hook``."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise CdsRequestError("the request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise CdsRequestError("the request body must be a JSON object")
    given = _text(data, "hook")
    if given != hook:
        raise CdsRequestError(f"hook must be '{hook}', the hook this service answers")
    hook_instance = _text(data, "hookInstance")
    context = data.get("context")
    if not isinstance(context, dict):
        raise CdsRequestError("context is missing or is not a JSON object")
    patient_id = _text(context, "patientId", "context.patientId")
    if not FHIR_ID.match(patient_id):
        raise CdsRequestError("context.patientId is not a FHIR id")
    server = data.get("fhirServer")
    if server is not None and not _is_url(server):
        raise CdsRequestError("fhirServer must be an http or https address")
    token = _authorization(data.get("fhirAuthorization"), server)
    prefetch = data.get("prefetch", {})
    if prefetch is None:
        prefetch = {}
    if not isinstance(prefetch, dict):
        raise CdsRequestError("prefetch must be a JSON object of FHIR resources")
    for key, value in prefetch.items():
        if value is not None and not (isinstance(value, dict) and "resourceType" in value):
            raise CdsRequestError(f"prefetch.{key} is not a FHIR resource (no resourceType)")
    return HookRequest(given, hook_instance, patient_id, server, token, prefetch)


def _text(data: dict[str, Any], key: str, name: str | None = None) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CdsRequestError(f"{name or key} is missing or is not a text")
    return value


def _is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _authorization(value: Any, server: Any) -> str | None:
    if value is None:
        return None
    if server is None:
        raise CdsRequestError("fhirAuthorization is given without a fhirServer")
    if not isinstance(value, dict):
        raise CdsRequestError("fhirAuthorization must be a JSON object")
    token = value.get("access_token")
    if not isinstance(token, str) or not token:
        raise CdsRequestError("fhirAuthorization.access_token is missing or is not a text")
    if str(value.get("token_type", "Bearer")).lower() != "bearer":
        raise CdsRequestError("fhirAuthorization.token_type must be Bearer")
    return token


def resources_of(key: str, value: dict[str, Any], where: str) -> list[BaseModel]:
    """The resources of the type ``key`` asks for in ``value``: a search Bundle of them, or one
    resource. OperationOutcome entries (search warnings) are skipped."""
    wanted, model = PREFETCH_TYPES[key]
    kind = value.get("resourceType")
    if kind == "Bundle" and key != "patient":
        bundle = _valid(fhir_in.Bundle, value, where)
        found = []
        for i, entry in enumerate(bundle.entry):
            resource = entry.resource
            if resource is None or resource.get("resourceType") == "OperationOutcome":
                continue
            at = f"{where}.entry[{i}].resource"
            if resource.get("resourceType") != wanted:
                raise CdsRequestError(f"{at} is not a {wanted}")
            found.append(_valid(model, resource, at))
        return found
    if kind != wanted:
        raise CdsRequestError(
            f"{where} must be a {wanted}"
            + ("" if key == "patient" else f" or a Bundle of {wanted}")
        )
    return [_valid(model, value, where)]


def _valid(model: type[ResourceT], value: dict[str, Any], where: str) -> ResourceT:
    try:
        return model.model_validate(value)
    except ValidationError as error:
        first = error.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise CdsRequestError(
            f"{where}.{path} is not valid FHIR ({first['msg'].lower()})"
        ) from None
