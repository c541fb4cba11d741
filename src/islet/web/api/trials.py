"""The clinical trial finder over HTTP: thin routes over islet.trials (no medical logic here).

The store is the one ``islet trials update`` / ``import`` fill (``$ISLET_TRIALS_DB`` or the user
data dir); without imported records the search asks ClinicalTrials.gov live
(``islet.trials.live``) and, when that cannot be done, answers 503 with places to search
instead. A person's facts for screening go in a POST body, never in the address; search takes
age, sex and place as query parameters, as the CLI does, and none of them is stored or logged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ConfigDict, Field

from islet.errors import RegistryUnavailable
from islet.i18n import localize
from islet.language import Language
from islet.messages import N_, said
from islet.trials.eligibility import PersonFacts
from islet.trials.filters import BOTH_LAT_AND_LON, PlaceFilters, SearchFilters, place_rules
from islet.trials.live import Registry, find_trials
from islet.trials.query import DEFAULT_RADIUS_MILES, MAX_RADIUS_MILES, read_place
from islet.trials.search import TrialDetail, TrialSearchResult, show
from islet.trials.store import default_db_path
from islet.web.api.openapi import QUERY_OBJECT
from islet.web.api.schemas import Body, problem_responses
from islet.web.deps import LanguageQuery, NctId
from islet.web.problems import problem

router = APIRouter(tags=["trials"], responses=problem_responses(400, 422, 429))


@router.get(
    "/trials",
    response_model=TrialSearchResult,
    responses=problem_responses(404, 503),
    openapi_extra={QUERY_OBJECT: place_rules(with_zip=True)},
)
async def trials(
    request: Request, filters: Annotated[SearchFilters, Query()], language: LanguageQuery = None
) -> TrialSearchResult | JSONResponse:
    """ClinicalTrials.gov studies for pancreatic NETs that fit the filters; with lat/lon (or a
    US ZIP code) each hit says "N locations, including X near you" and names the nearest
    recruiting site. Imported records when there are any (``origin: "store"``); otherwise a live
    search of the registry (``origin: "registry"``, ``fetched_at``), or 503
    ``registry-unavailable`` with ``search_elsewhere`` links when it cannot be reached. Islet's
    own sentences (ages, places) follow ``lang``; the records' texts stay as published."""
    try:
        query, registry = filters.query(), Registry.from_env()
        found = await find_trials(query, default_db_path(), registry, language=language)
        return localize(found, language or "en")
    except RegistryUnavailable as error:
        return _registry_unavailable(request, error, language or "en")


def _registry_unavailable(
    request: Request, error: RegistryUnavailable, language: Language
) -> JSONResponse:
    pdq = request.app.state.kb.pdq
    elsewhere = [
        {"name": "NCI's clinical trials search", "url": pdq.nci_trial_search_url},
        {"name": "ClinicalTrials.gov", "url": pdq.ctgov_url},
        {"name": "NCI's Cancer Information Service", "url": pdq.cis_url, "phone": pdq.cis_phone},
    ]
    return problem(
        503,
        localize(
            N_("No trial records are imported here and {reason}.", reason=said(error)), language
        ),
        headers={"Retry-After": "60"},
        type="registry-unavailable",
        title=localize(N_("Trial search unavailable"), language),
        search_elsewhere=elsewhere,
        safety=error.safety and error.safety.model_dump(mode="json"),
    )


@router.get(
    "/trials/{nct_id}",
    responses=problem_responses(404, 503),
    openapi_extra={QUERY_OBJECT: place_rules(with_zip=False)},
)
def trial(
    nct_id: NctId, place: Annotated[PlaceFilters, Query()], language: LanguageQuery = None
) -> TrialDetail:
    """One stored study in full, its sites nearest first when lat/lon (or near) are given."""
    found = show(nct_id, default_db_path(), near=place.place(), radius_miles=place.radius)
    return localize(found, language or "en")


class ScreeningRequest(Body):
    """What a person chooses to tell; every field may be left out (= not said). A place is lat
    and lon together."""

    model_config = ConfigDict(json_schema_extra={"allOf": BOTH_LAT_AND_LON})

    person: PersonFacts
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    radius: float = Field(DEFAULT_RADIUS_MILES, gt=0, le=MAX_RADIUS_MILES)


@router.post(
    "/trials/{nct_id}/screening",
    responses=problem_responses(404, 413, 503),
)
def screening(nct_id: NctId, body: ScreeningRequest, language: LanguageQuery = None) -> TrialDetail:
    """One stored study with its criteria read against the person's facts: what they meet, do
    not meet, or leave undetermined (each point in ``lang``). A reading aid, not a decision."""
    found = show(
        nct_id,
        default_db_path(),
        person=body.person,
        near=read_place(lat=body.lat, lon=body.lon),
        radius_miles=body.radius,
        language=language,
    )
    return localize(found, language or "en")
