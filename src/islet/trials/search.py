"""Search and show the stored trials: one function per question, returning pydantic models.

Filters on the trial (condition or tumor type, status, phase, intervention type, distance)
keep a trial only when its record shows it fits. Filters on the person (age, sex) drop a trial
only on a definite conflict with the record's structured fields: a missing age limit means no
limit, as on ClinicalTrials.gov, and a missing sex field drops nothing. The person's age and
place are used for this one answer and never stored or logged. What a person types in their own
words (a condition, earlier treatments) is read by the safety triage first; its help rides on
the answer (``safety``) so that every interface shows it before the trials.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from islet.errors import UnknownTerm
from islet.i18n import Text
from islet.language import Language
from islet.messages import N_, Message
from islet.safety import Safety, help_first
from islet.safety.boxes import carried_on_errors
from islet.text import WORD, fold
from islet.trials.conditions import condition_terms, resolve_type, spelling_variants
from islet.trials.criteria import age_range_text
from islet.trials.eligibility import PersonFacts
from islet.trials.geo import Point, miles_between

# The filters live in islet.trials.query; these names stay importable from here.
from islet.trials.query import DEFAULT_RADIUS_MILES as DEFAULT_RADIUS_MILES
from islet.trials.query import INTERVENTION_TYPES as INTERVENTION_TYPES
from islet.trials.query import OPEN_STATUSES as OPEN_STATUSES
from islet.trials.query import PHASES as PHASES
from islet.trials.query import STATUSES as STATUSES
from islet.trials.query import TrialQuery as TrialQuery
from islet.trials.query import normalize_intervention_types as normalize_intervention_types
from islet.trials.query import normalize_phases as normalize_phases
from islet.trials.query import normalize_statuses as normalize_statuses
from islet.trials.records import NCT_PATTERN, Location, Trial
from islet.trials.screening import ScreeningResult, screen
from islet.trials.store import StoredTrial, TrialStore


class Site(BaseModel):
    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    status: str | None
    recruiting: bool
    distance_miles: float | None = None


class TrialHit(BaseModel):
    nct_id: str
    title: str
    url: str
    overall_status: str | None
    phases: list[str]
    conditions: list[str]
    interventions: list[str]  # "DRUG: everolimus"
    sponsor: str | None
    ages: Text
    sex: str | None
    matched_terms: list[str]
    locations_total: int
    locations_near: int | None  # within the radius, when a place was given
    location_summary: Text  # "5 locations, including 2 near you"
    nearest_recruiting_site: Site | None
    last_update: str | None
    snapshot_date: str


class TrialSearchResult(BaseModel):
    hits: list[TrialHit]
    total: int  # matching trials before the limit
    searched: int  # trials in the store
    snapshot_date: str | None
    terms: list[str] | None  # the condition phrases searched for; None: any condition
    # Where the hits come from: "store" (imported records) or "registry" (a live search of
    # ClinicalTrials.gov on a store without imported records, kept for a while).
    origin: Literal["store", "registry"] = "store"
    fetched_at: str | None = None  # when the registry was asked (ISO 8601, UTC)
    stale: bool = False  # the registry could not be reached; these are the last results kept
    registry_total: int | None = None  # how many studies the registry found in all
    safety: Safety | None = None  # the triage's help for the condition as typed, to show first


class TrialDetail(BaseModel):
    trial: Trial
    url: str
    snapshot_date: str
    source: str
    ages: Text
    location_summary: Text
    sites: list[Site]  # nearest first when a place was given
    screening: ScreeningResult | None
    # The triage's help for the earlier treatments as typed, to show first. Only emergency,
    # crisis and a possible overdose (islet.safety.boxes): "stopped octreotide last month" is
    # an earlier treatment here, not a medicine question.
    safety: Safety | None = None


def search(query: TrialQuery, db: Path, language: Language | None = None) -> TrialSearchResult:
    """The stored trials that fit ``query``; nearest first when a place is given, otherwise
    trials still taking people first, then the most recently updated. The condition as typed
    goes through the safety triage first (``language`` is the triage's)."""
    safety = help_first(query.condition, language=language)
    with carried_on_errors(safety):
        return search_stored(query, db).model_copy(update={"safety": safety})


def search_stored(query: TrialQuery, db: Path) -> TrialSearchResult:
    """:func:`search` without the safety triage, for a caller that has run it already."""
    terms = search_terms(query)
    with TrialStore.open_for_reading(db) as store:
        return ranked(
            list(store.matching(terms)),
            query,
            terms,
            searched=store.count(),
            snapshot=store.meta("snapshot_date"),
        )


def ranked(
    candidates: list[StoredTrial],
    query: TrialQuery,
    terms: list[str] | None,
    *,
    searched: int,
    snapshot: str | None,
) -> TrialSearchResult:
    """The ``candidates`` that pass the query's filters, in the order :func:`search` promises."""
    hits = [hit for stored in candidates if (hit := _hit(stored, query, terms or [])) is not None]
    # Stable sorts, least important first: id, then newest update, then distance and status.
    hits.sort(key=lambda h: h.nct_id)
    hits.sort(key=lambda h: h.last_update or "", reverse=True)
    hits.sort(key=lambda h: _order(h, query))
    return TrialSearchResult(
        hits=hits[: query.limit],
        total=len(hits),
        searched=searched,
        snapshot_date=snapshot,
        terms=terms,
    )


def show(
    nct_id: str,
    db: Path,
    *,
    person: PersonFacts | None = None,
    near: Point | None = None,
    radius_miles: float = DEFAULT_RADIUS_MILES,
    language: Language | None = None,
) -> TrialDetail:
    """One stored trial in full, with its sites (nearest first from ``near``) and, when the
    person gave any facts, a screening of its criteria. Their earlier treatments go through the
    safety triage first (``language`` is the triage's); an error (an unknown trial, an
    unreadable store) carries its help."""
    typed = (person.prior_treatments or []) if person is not None else []
    safety = help_first(*typed, language=language)
    with carried_on_errors(safety):
        return _detail(nct_id, db, person, near, radius_miles).model_copy(update={"safety": safety})


def _detail(
    nct_id: str, db: Path, person: PersonFacts | None, near: Point | None, radius_miles: float
) -> TrialDetail:
    key = nct_id.strip().upper()
    with TrialStore.open_for_reading(db) as store:
        stored = store.get(key) if re.match(NCT_PATTERN, key) else None
        if stored is None and re.match(NCT_PATTERN, key):
            stored = store.cached_trial(key)  # found by a live search on a fresh install
        if stored is None:
            suggestions = difflib.get_close_matches(key, store.ids(), n=3, cutoff=0.85)
            raise UnknownTerm("trial", nct_id, suggestions)
    trial = stored.trial
    sites = [_site(trial, loc, near) for loc in trial.locations]
    if near is not None:
        sites.sort(key=lambda s: (s.distance_miles is None, s.distance_miles or 0.0))
    screening = screen(trial, person) if person is not None and not person.is_empty() else None
    return TrialDetail(
        trial=trial,
        url=trial.url,
        snapshot_date=stored.snapshot_date,
        source=stored.source,
        ages=age_range_text(trial),
        location_summary=_location_summary(len(sites), _near_count(sites, near, radius_miles)),
        sites=sites,
        screening=screening,
    )


# --- Filters ------------------------------------------------------------------------------------


def fits_age(trial: Trial, age: float | None) -> bool:
    """False only when the age is below the minimum or above the maximum (both checked)."""
    if age is None:
        return True
    low, high = trial.eligibility.min_age_years, trial.eligibility.max_age_years
    return (low is None or age >= low) and (high is None or age <= high)


def fits_sex(trial: Trial, sex: str | None) -> bool:
    allowed = trial.eligibility.sex
    return sex is None or allowed is None or allowed in ("ALL", sex.upper())


def _hit(stored: StoredTrial, query: TrialQuery, terms: list[str]) -> TrialHit | None:
    trial = stored.trial
    if query.statuses and trial.overall_status not in query.statuses:
        return None
    if query.phases and not set(trial.phases) & set(query.phases):
        return None
    kinds = {i.type for i in trial.interventions}
    if query.intervention_types and not kinds & set(query.intervention_types):
        return None
    if not fits_age(trial, query.age) or not fits_sex(trial, query.sex):
        return None
    sites = [_site(trial, loc, query.near) for loc in trial.locations]
    near = _near_count(sites, query.near, query.radius_miles)
    if near == 0:
        return None
    return TrialHit(
        nct_id=trial.nct_id,
        title=trial.brief_title,
        url=trial.url,
        overall_status=trial.overall_status,
        phases=trial.phases,
        conditions=trial.conditions,
        interventions=[f"{i.type}: {i.name}" if i.type else i.name for i in trial.interventions],
        sponsor=trial.sponsor,
        ages=age_range_text(trial),
        sex=trial.eligibility.sex,
        matched_terms=matched_terms(trial, terms),
        locations_total=len(sites),
        locations_near=near,
        location_summary=_location_summary(len(sites), near),
        nearest_recruiting_site=nearest_recruiting(sites),
        last_update=trial.last_update,
        snapshot_date=stored.snapshot_date,
    )


def _site(trial: Trial, location: Location, near: Point | None) -> Site:
    recruiting = location.status == "RECRUITING" or (
        location.status is None and trial.overall_status == "RECRUITING"
    )
    distance = None
    if near is not None and location.lat is not None and location.lon is not None:
        distance = round(miles_between(near, Point(lat=location.lat, lon=location.lon)), 1)
    return Site(
        facility=location.facility,
        city=location.city,
        state=location.state,
        country=location.country,
        status=location.status,
        recruiting=recruiting,
        distance_miles=distance,
    )


def nearest_recruiting(sites: list[Site]) -> Site | None:
    """The nearest site that takes people, when distances are known."""
    recruiting = [s for s in sites if s.recruiting and s.distance_miles is not None]
    return min(recruiting, key=lambda s: s.distance_miles or 0.0) if recruiting else None


def _near_count(sites: list[Site], near: Point | None, radius: float) -> int | None:
    if near is None:
        return None
    return sum(1 for s in sites if s.distance_miles is not None and s.distance_miles <= radius)


def _location_summary(total: int, near: int | None) -> Message:
    if total == 0:
        return N_("no locations listed")
    text = (
        N_("{count} location", count=total) if total == 1 else N_("{count} locations", count=total)
    )
    return (
        text if near is None else N_("{places}, including {near} near you", places=text, near=near)
    )


def search_terms(query: TrialQuery) -> list[str] | None:
    if query.any_condition:
        return None
    if query.condition:
        return spelling_variants(query.condition.strip())
    if query.tumor_type:
        return condition_terms(resolve_type(query.tumor_type))
    return condition_terms(None)


def matched_terms(trial: Trial, terms: list[str]) -> list[str]:
    """Which of ``terms`` the trial's titles, conditions, keywords or summary contain."""
    fields = [
        trial.brief_title,
        trial.official_title,
        trial.acronym,
        *trial.conditions,
        *trial.keywords,
        trial.brief_summary,
        trial.detailed_description,
    ]
    haystack = " | ".join(" ".join(_words(f)) for f in fields if f)
    return [t for t in terms if f" {' '.join(_words(t))} " in f" {haystack} "]


def _words(text: str) -> list[str]:
    # A light plural fold, close enough to the store's stemming for reporting which term hit.
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in WORD.findall(fold(text))]


def _order(hit: TrialHit, query: TrialQuery) -> tuple[float, int]:
    status_rank = (
        OPEN_STATUSES.index(hit.overall_status) if hit.overall_status in OPEN_STATUSES else 9
    )
    distance = 0.0
    site = hit.nearest_recruiting_site
    if query.near is not None:
        distance = float("inf")  # no recruiting site with a known place: after the others
        if site is not None and site.distance_miles is not None:
            distance = site.distance_miles
    return (distance, status_rank)
