"""The CDS Hooks service: discovery, and the answer to a ``patient-view`` request.

:func:`discovery` describes the one service; :func:`answer` reads the request, fetches what the
prefetch lacks (when the EHR gave a FHIR server and a token), reads the record through the
recorded codes, asks the guide (``options_for``) and returns ``{"cards": [...]}``. A record with
no pancreatic NET condition gets no cards. Nothing from the request is logged or kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from islet.calculators.grading import GradeResult, grade
from islet.calculators.staging import StageResult, stage
from islet.cds import fhir_in
from islet.cds.cards import Links, options_card, trials_card
from islet.cds.data import CodeIndex, cds_data, code_index
from islet.cds.fetch import fetch
from islet.cds.records import RecordFacts, read_record
from islet.cds.request import CdsRequestError, HookRequest, hook_request, resources_of
from islet.errors import CannotCompute, IsletError
from islet.guide import Situation, options_for
from islet.kb import KnowledgeBase
from islet.trials.search import OPEN_STATUSES, TrialQuery, search

MAX_TRIALS = 5
Fetcher = Callable[[HookRequest, dict[str, str]], dict[str, Any]]


def prefetch_templates(index: CodeIndex) -> dict[str, str]:
    """The prefetch the service asks for: the Patient, their current Conditions and the
    Observations Islet reads (Ki-67 and the T, N and M categories)."""
    data = index.data
    observation_ids = [*data.ki67_codes]
    for axis in (data.tnm_codes.t, data.tnm_codes.n, data.tnm_codes.m):
        observation_ids += [*axis.clinical, *axis.pathological, *axis.unspecified]
    codes = ",".join(
        f"{c['system']}|{c['code']}" for c in (index.coding(i) for i in observation_ids)
    )
    return {
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}"
        "&clinical-status=active,recurrence,relapse",
        "observations": "Observation?patient={{context.patientId}}&code=" + codes,
    }


def discovery(kb: KnowledgeBase) -> dict[str, Any]:
    """The discovery document (``GET /cds-services``)."""
    service = cds_data().service
    return {
        "services": [
            {
                "hook": service.hook,
                "id": service.id,
                "title": service.title,
                "description": service.description,
                "prefetch": prefetch_templates(code_index(kb)),
            }
        ]
    }


def service_ids() -> list[str]:
    return [cds_data().service.id]


def answer(
    body: bytes,
    kb: KnowledgeBase,
    links_for: Callable[[Situation], Links],
    trials_db: Path | None = None,
    fetcher: Fetcher = fetch,
) -> dict[str, Any]:
    """The cards for the request in ``body``. Raises CdsRequestError (with its HTTP status)
    for a request that cannot be answered."""
    index = code_index(kb)
    request = hook_request(body, index.data.service.hook)
    prefetch = _complete(request, prefetch_templates(index), fetcher)
    conditions = _resources(request, prefetch, "conditions")
    observations = _resources(request, prefetch, "observations")
    _resources(request, prefetch, "patient")
    facts = read_record(
        [c for c in conditions if isinstance(c, fhir_in.Condition)],
        [o for o in observations if isinstance(o, fhir_in.Observation)],
        index,
    )
    if not facts.pnet:
        return {"cards": []}
    situation = facts.situation(index)
    result = options_for(situation)
    links = links_for(situation)
    cards = [
        options_card(kb, index, facts, result, *_grade(facts), _stage(facts), links),
    ]
    hits = _trials(situation.tumor_type, trials_db)
    if hits:
        tumor_type = situation.tumor_type
        tumor = kb.tumor_types[tumor_type].name if tumor_type else index.data.cards.tumor_unknown
        cards.append(trials_card(kb, index, tumor, hits, links))
    return {"cards": cards}


def _complete(request: HookRequest, templates: dict[str, str], fetcher: Fetcher) -> dict[str, Any]:
    """The prefetch, with what is missing fetched from the FHIR server when one is given."""
    prefetch = dict(request.prefetch)
    missing = {k: t for k, t in templates.items() if prefetch.get(k) is None and k != "patient"}
    if not missing:
        return prefetch
    if request.fhir_server and request.access_token:
        prefetch.update(fetcher(request, missing))
        return prefetch
    if "conditions" in missing:
        raise CdsRequestError(
            "prefetch.conditions is missing, and no fhirServer with fhirAuthorization was "
            "given to fetch it",
            412,
        )
    return prefetch


def _resources(request: HookRequest, prefetch: dict[str, Any], key: str) -> list[Any]:
    value = prefetch.get(key)
    if value is None:
        return []
    found = resources_of(key, value, f"prefetch.{key}")
    for i, resource in enumerate(found):
        if not _about(resource, request.patient_id):
            raise CdsRequestError(
                f"prefetch.{key} (resource {i + 1}) is about another patient than context.patientId"
            )
    return found


def _about(resource: Any, patient_id: str) -> bool:
    if isinstance(resource, fhir_in.Patient):
        return resource.id is None or resource.id == patient_id
    subject: fhir_in.Reference | None = getattr(resource, "subject", None)
    if subject is None or subject.reference is None:
        return True
    return subject.reference.split("/_history")[0].endswith(f"Patient/{patient_id}")


def _grade(facts: RecordFacts) -> tuple[GradeResult | str | None, str | None]:
    """The WHO grade (or why there is none) from the Ki-67 index and the mitotic count: the
    higher of the two wins, and one measure alone gives the least the grade can be. Second, why
    an impossible Ki-67 value was left out when the mitotic count still grades the tumor."""
    if facts.ki67 is None and facts.mitoses is None:
        return None, None
    try:
        return grade(ki67=facts.ki67, mitoses=facts.mitoses), None
    except CannotCompute as error:
        if facts.mitoses is None or error.field != "ki67":
            return str(error), None
        ki67_problem = str(error)
    try:
        return grade(mitoses=facts.mitoses), ki67_problem
    except CannotCompute as error:
        return str(error), ki67_problem


def _stage(facts: RecordFacts) -> StageResult | None:
    if len(facts.tnm) < 3:
        return None
    try:
        return stage(facts.tnm["t"], facts.tnm["n"], facts.tnm["m"])
    except CannotCompute:
        return None


def _trials(tumor_type: str | None, db: Path | None) -> list[Any]:
    if db is None or not db.is_file():
        return []
    query = TrialQuery(tumor_type=tumor_type, statuses=list(OPEN_STATUSES), limit=MAX_TRIALS)
    try:
        return list(search(query, db).hits)
    except (IsletError, sqlite3.Error, OSError):
        return []  # the trials card is extra; a store that cannot be read only leaves it out
