"""Fetching what the prefetch lacks from the EHR's FHIR server (``fhirServer``), with httpx.

Requests go through an httpx transport rather than a Client: a Client logs every request address
at INFO, and these addresses hold the patient's id. Nothing fetched is kept after the answer.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx

from islet.cds.request import CdsRequestError, HookRequest

TIMEOUT = {"connect": 5.0, "read": 10.0, "write": 5.0, "pool": 5.0}
MAX_BYTES = 4 * 1024 * 1024


def query_for(template: str, patient_id: str) -> str:
    """A prefetch template with the patient's id filled in."""
    return template.replace("{{context.patientId}}", quote(patient_id, safe=""))


def fetch(
    request: HookRequest, templates: dict[str, str], transport: httpx.BaseTransport | None = None
) -> dict[str, Any]:
    """Each template's resource from ``request.fhir_server``, by prefetch key.

    Raises CdsRequestError (502) when the server does not answer with a FHIR resource.
    """
    assert request.fhir_server is not None and request.access_token is not None
    base = request.fhir_server.rstrip("/")
    headers = {
        "Accept": "application/fhir+json",
        "Authorization": f"Bearer {request.access_token}",
    }
    found: dict[str, Any] = {}
    owned = transport is None
    transport = transport or httpx.HTTPTransport(retries=1)
    try:
        for key, template in templates.items():
            url = f"{base}/{query_for(template, request.patient_id)}"
            found[key] = _get(transport, url, headers, key)
    finally:
        if owned:
            transport.close()
    return found


def _get(transport: httpx.BaseTransport, url: str, headers: dict[str, str], key: str) -> Any:
    outgoing = httpx.Request("GET", url, headers=headers, extensions={"timeout": TIMEOUT})
    try:
        response = transport.handle_request(outgoing)
        try:
            body = response.read()
        finally:
            response.close()
    except httpx.HTTPError as error:
        raise CdsRequestError(
            f"the FHIR server could not be reached for {key} ({type(error).__name__})", 502
        ) from None
    if response.status_code != 200:
        raise CdsRequestError(
            f"the FHIR server answered {response.status_code} when asked for {key}", 502
        )
    if len(body) > MAX_BYTES:
        raise CdsRequestError(f"the FHIR server's answer for {key} is too large", 502)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise CdsRequestError(f"the FHIR server's answer for {key} is not JSON", 502) from None
    if not isinstance(data, dict) or "resourceType" not in data:
        raise CdsRequestError(f"the FHIR server's answer for {key} is not a FHIR resource", 502)
    return data
