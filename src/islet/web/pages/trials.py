"""The clinical trial pages: search, one study with a screening of its criteria, a shortlist.

The pages call ``islet.trials.search`` and ``islet.trials.show`` only. Search filters live in
the page address, like the guide's answers; the facts a person gives for screening travel in
a POST body, so they never reach an address, a history or a log. The shortlist is just the
chosen NCT numbers in its address: the server keeps nothing. The store is the one the API
reads (``$ISLET_TRIALS_DB`` or the user data folder); with no imported records the search asks
ClinicalTrials.gov live (``islet.trials.live``), and when that cannot be done the page points
to NCI's trial search, the Cancer Information Service and ClinicalTrials.gov, never to commands.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from islet.errors import RegistryUnavailable, TrialDataError, UnknownTerm
from islet.messages import said
from islet.model import Audience
from islet.trials.codes import CODE_WORDS
from islet.trials.eligibility import criterion_lines
from islet.trials.filters import MAX_PICKS
from islet.trials.live import Registry, find_trials, site_search_url
from islet.trials.person import TUMOR_TYPE_IDS
from islet.trials.search import (
    INTERVENTION_TYPES,
    PHASES,
    TrialDetail,
    nearest_recruiting,
    show,
)
from islet.trials.store import TrialStore, default_db_path
from islet.trials.vocabulary import vocabulary
from islet.web.deps import AudienceQuery, NctId, asked_language
from islet.web.pages.trials_forms import (
    FORM_STATUSES,
    ScreeningFields,
    ScreeningForm,
    SearchForm,
    read_picks,
    read_place,
    read_screening,
    read_search,
)
from islet.web.rendering import ANSWER_CACHE, address, environment, render

router = APIRouter()

# Every trial template may name a registry code in words and the shortlist's size.
environment.globals.update(code_words=CODE_WORDS, max_picks=MAX_PICKS)


@router.get("/trials")
async def trials(request: Request, audience: AudienceQuery = "patient") -> Response:
    """The search form and, when it reads well, the studies that fit it: imported records, or
    on a fresh install a live search of ClinicalTrials.gov."""
    form = read_search(request.query_params)
    context = _search_context(request, form, audience)
    if form.query is None:
        return render(request, "trials.html", audience, status_code=422, result=None, **context)
    try:
        result = await find_trials(form.query, default_db_path(), Registry.from_env())
    except TrialDataError:
        return _no_store(request, audience, missing_status=200, form=form)
    except RegistryUnavailable as error:
        return _no_store(request, audience, missing_status=200, form=form, reason=said(error))
    return render(request, "trials.html", audience, result=result, **context)


@router.get("/trials/shortlist")
def shortlist(request: Request, audience: AudienceQuery = "patient") -> Response:
    """The chosen studies on one printable page; the address holds only their NCT numbers."""
    errors: dict[str, str] = {}
    picks = read_picks(request.query_params.getlist("nct"), errors)
    place, radius = read_place(
        request.query_params.get("near", ""), request.query_params.get("radius", ""), errors
    )
    details: list[TrialDetail] = []
    missing: list[str] = []
    if not errors:
        for nct_id in picks:
            try:
                details.append(show(nct_id, default_db_path(), near=place, radius_miles=radius))
            except UnknownTerm:
                missing.append(nct_id)
            except TrialDataError:
                return _no_store(request, audience, missing_status=404)
    status = 422 if errors else 404 if missing and not details else 200
    return render(
        request,
        "trials_shortlist.html",
        audience,
        status_code=status,
        details=details,
        missing=missing,
        errors=errors,
        picks=picks,
        nearest=nearest_recruiting,
        back_url=address(
            request, "/trials", [("nct", p) for p in picks] + _place_pairs(request), audience
        ),
    )


@router.get("/trials/{nct_id}")
def trial(request: Request, nct_id: NctId, audience: AudienceQuery = "patient") -> Response:
    """One study in full, with a form to screen its criteria against a person's facts."""
    near, radius = request.query_params.get("near", ""), request.query_params.get("radius", "")
    return _study(request, audience, nct_id, ScreeningForm(), near, radius)


@router.get("/trials/{nct_id}/screening")
def screening_form(
    nct_id: NctId, request: Request, audience: AudienceQuery = "patient"
) -> Response:
    """The screening answer is only ever made from a POST; this address leads to the study."""
    target = address(request, f"/trials/{quote(nct_id.strip().upper())}", [], audience)
    return RedirectResponse(target, 303)


@router.post("/trials/{nct_id}/screening")
def screening(
    request: Request,
    nct_id: NctId,
    sent: Annotated[ScreeningFields, Form()],
    audience: AudienceQuery = "patient",
) -> Response:
    """The study with each criterion Islet can read marked met, not met or undetermined."""
    form = read_screening(sent, asked_language(request))
    return _study(request, audience, nct_id, form, sent.near, sent.radius)


# --- Page assembly ------------------------------------------------------------------------------


def _study(
    request: Request,
    audience: Audience,
    nct_id: str,
    form: ScreeningForm,
    near: str,
    radius: str,
) -> Response:
    """The study page; ``near`` and ``radius`` are the place as typed (errors join the form's)."""
    place, miles = read_place(near, radius, form.errors)
    person = form.person if not form.errors else None
    try:
        detail = show(nct_id, default_db_path(), person=person, near=place, radius_miles=miles)
    except UnknownTerm as error:
        return render(
            request,
            "trial_missing.html",
            audience,
            status_code=404,
            nct_id=nct_id,
            suggestions=error.suggestions,
            safety=form.safety,
        )
    except TrialDataError:
        return _no_store(request, audience, missing_status=404)
    lines = criterion_lines(detail.trial.eligibility.criteria)
    hidden_place = [("near", near), ("radius", radius)] if place else []
    return render(
        request,
        "trial.html",
        audience,
        status_code=422 if form.errors else 200,
        headers=ANSWER_CACHE if request.method == "POST" else None,
        detail=detail,
        trial=detail.trial,
        inclusion=[line.text for line in lines if line.section == "inclusion"],
        exclusion=[line.text for line in lines if line.section == "exclusion"],
        nearest=nearest_recruiting(detail.sites),
        form=form,
        asked=request.method == "POST",
        groups=detail.screening.by_outcome() if detail.screening else [],
        hidden_place=hidden_place,
        tumor_types=TUMOR_TYPE_IDS,
        treatment_names=vocabulary().treatment_names(),
        search_url=address(request, "/trials", _place_pairs(request), audience),
    )


def _search_context(request: Request, form: SearchForm, audience: Audience) -> dict[str, Any]:
    place = form.place_query()
    return {
        "form": form,
        "tumor_types": TUMOR_TYPE_IDS,
        "statuses": FORM_STATUSES,
        "phases": PHASES,
        "intervention_types": INTERVENTION_TYPES,
        "place_pairs": place,
        "study_url": lambda nct_id: address(request, f"/trials/{nct_id}", place, audience),
        "ctgov_search": ctgov_search_url(request, form),
    }


def _no_store(
    request: Request,
    audience: Audience,
    missing_status: int,
    form: SearchForm | None = None,
    reason: str | None = None,
) -> Response:
    """Where else to look when Islet has no trial records to show: the registry could not be
    asked (``reason``), nothing is imported, or the store cannot be read (503)."""
    readable = reason is not None or not default_db_path().is_file() or _empty_store()
    return render(
        request,
        "trials_no_store.html",
        audience,
        status_code=missing_status if readable else 503,
        readable=readable,
        reason=reason,
        ctgov_search=ctgov_search_url(request, form),
        retry_url=address(request, "/trials", request.query_params.multi_items(), "patient")
        if form is not None
        else None,
        section=request.app.state.kb.sections.get("pdq-clinical-trial-information"),
    )


def _empty_store() -> bool:
    try:
        with TrialStore.open_for_reading(default_db_path()) as store:
            return store.count() == 0
    except TrialDataError:
        return False


def ctgov_search_url(request: Request, form: SearchForm | None) -> str:
    """A search on ClinicalTrials.gov's own site with the person's filters carried over."""
    query = form.query if form is not None else None
    condition = "pancreatic neuroendocrine tumor"
    if query is not None and query.tumor_type:
        condition = request.app.state.kb.tumor_type(query.tumor_type).name
    near = form.near.strip() if form is not None and form.place is not None else ""
    zip_code = near if near.isdigit() else None
    miles = form.radius.strip() if form is not None else ""
    return site_search_url(condition, query.statuses if query else [], zip_code, miles)


def _place_pairs(request: Request) -> list[tuple[str, str]]:
    return [
        (key, request.query_params[key])
        for key in ("near", "radius")
        if request.query_params.get(key)
    ]
