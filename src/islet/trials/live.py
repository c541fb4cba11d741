"""Trials on a fresh install: a live search of ClinicalTrials.gov when no records are imported.

:func:`find_trials` is what the web page and the API call. With imported records it is
:func:`islet.trials.search.search`. Without them it asks the registry's API v2 once (one page,
a short timeout, no retries: a person is waiting), keeps the public records it got in the
trial store's cache tables with the time they were fetched, and filters them exactly as the
store search does. A kept result is reused for ``max_age_hours``; when the registry cannot be
reached a kept result is shown as it was (``stale``), otherwise RegistryUnavailable says why.

What is sent is only the tumor type's condition names and the chosen statuses (vocabulary of
the knowledge base). Age, sex, place and any free-text condition stay here: they filter the
records locally and are never sent, stored or logged. A failed or malformed reply writes
nothing; a cache write happens in one transaction, so the cache is never half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from pydantic import BaseModel, ConfigDict, Field

from islet import settings
from islet.errors import RegistryUnavailable, TrialDataError
from islet.language import Language
from islet.messages import N_
from islet.safety import help_first
from islet.safety.boxes import carried_on_errors
from islet.trials.client import DEFAULT_BASE_URL, USER_AGENT, StudyQuery
from islet.trials.conditions import condition_terms, resolve_type
from islet.trials.records import MalformedRecord, Trial, parse_study
from islet.trials.search import (
    DEFAULT_RADIUS_MILES,
    TrialQuery,
    TrialSearchResult,
    matched_terms,
    ranked,
    search_stored,
    search_terms,
)
from islet.trials.store import LIVE_SOURCE, CachedSearch, StoredTrial, TrialStore

LIVE_TIMEOUT_SECONDS = 8.0
LIVE_PAGE_SIZE = 100
CACHE_MAX_AGE_HOURS = 24.0


class Registry(BaseModel):
    """Where and how the live search asks ClinicalTrials.gov."""

    model_config = ConfigDict(frozen=True)

    base_url: str = DEFAULT_BASE_URL
    enabled: bool = True
    timeout: float = Field(default=LIVE_TIMEOUT_SECONDS, gt=0)
    max_age_hours: float = Field(default=CACHE_MAX_AGE_HOURS, ge=0)

    @classmethod
    def from_env(cls) -> Registry:
        """``ISLET_CTGOV_API`` (address of the API v2) and ``ISLET_TRIALS_LIVE`` (``0`` turns
        the live search off)."""
        found = settings.current()
        return cls(base_url=found.ctgov_api or DEFAULT_BASE_URL, enabled=found.trials_live)


def cache_key(query: TrialQuery) -> str:
    """The registry search a query needs: its tumor type (or all pNETs) and statuses."""
    type_id = resolve_type(query.tumor_type) if query.tumor_type else "all"
    return f"{type_id}|{','.join(sorted(query.statuses))}"


def registry_query(query: TrialQuery) -> StudyQuery:
    """The one registry request for ``query``: condition names and statuses only."""
    type_id = resolve_type(query.tumor_type) if query.tumor_type else None
    return StudyQuery(
        conditions=condition_terms(type_id), statuses=query.statuses, page_size=LIVE_PAGE_SIZE
    )


async def find_trials(
    query: TrialQuery,
    db: Path,
    registry: Registry,
    *,
    language: Language | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> TrialSearchResult:
    """Imported records when there are any; otherwise a live (or recently kept) registry
    search. Raises TrialDataError for an unreadable store and RegistryUnavailable when there
    are no records and the registry cannot answer. The condition as typed goes through the
    safety triage first (``language`` is the triage's), its help on the result (``safety``) or
    on the error."""
    safety = help_first(query.condition, language=language)
    with carried_on_errors(safety):
        found = await _found(query, db, registry, transport, now)
    return found.model_copy(update={"safety": safety})


async def _found(
    query: TrialQuery,
    db: Path,
    registry: Registry,
    transport: httpx.AsyncBaseTransport | None,
    now: Callable[[], datetime],
) -> TrialSearchResult:
    if db.is_file():
        local = search_stored(query, db)
        if local.searched > 0:
            return local
    key = cache_key(query)
    kept = _kept(db, key)
    moment = now()
    if kept is not None and _age(kept, moment) <= timedelta(hours=registry.max_age_hours):
        return _result(kept, query, stale=False)
    if not registry.enabled:
        if kept is not None:
            return _result(kept, query, stale=True)
        raise RegistryUnavailable(N_("the live search of ClinicalTrials.gov is turned off here"))
    try:
        page = await fetch_page(registry, registry_query(query), transport)
    except RegistryUnavailable:
        if kept is not None:
            return _result(kept, query, stale=True)
        raise
    fetched = CachedSearch(
        fetched_at=moment.astimezone(UTC).isoformat(timespec="seconds"),
        registry_total=_total(page),
        trials=[],
    )
    studies = _parsed(page["studies"])
    _keep(db, key, fetched, studies)
    trials = [StoredTrial(t, raw, fetched.fetched_at[:10], LIVE_SOURCE) for t, raw in studies]
    return _result(
        CachedSearch(fetched.fetched_at, fetched.registry_total, trials), query, stale=False
    )


async def fetch_page(
    registry: Registry, study_query: StudyQuery, transport: httpx.AsyncBaseTransport | None
) -> dict[str, Any]:
    """The first page of a registry search, or RegistryUnavailable with a reason a person
    can read (timed out, busy, refused, not a search page)."""
    params = {**study_query.params(), "countTotal": "true"}
    try:
        async with httpx.AsyncClient(
            base_url=registry.base_url.rstrip("/"),
            timeout=httpx.Timeout(registry.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            transport=transport,
        ) as http:
            response = await http.get("/studies", params=params)
    except httpx.TimeoutException as error:
        raise RegistryUnavailable(N_("ClinicalTrials.gov did not answer in time")) from error
    except httpx.HTTPError as error:
        raise RegistryUnavailable(N_("ClinicalTrials.gov could not be reached")) from error
    if response.status_code == 429:
        raise RegistryUnavailable(N_("ClinicalTrials.gov is busy right now (too many requests)"))
    if response.status_code >= 400:
        raise RegistryUnavailable(
            N_("ClinicalTrials.gov could not answer (HTTP {status})", status=response.status_code)
        )
    try:
        page = response.json()
    except ValueError as error:
        raise RegistryUnavailable(
            N_("ClinicalTrials.gov sent a reply Islet cannot read")
        ) from error
    if not isinstance(page, dict) or not isinstance(page.get("studies"), list):
        raise RegistryUnavailable(N_("ClinicalTrials.gov sent a reply Islet cannot read"))
    return page


def _parsed(studies: list[Any]) -> list[tuple[Trial, dict[str, Any]]]:
    out: list[tuple[Trial, dict[str, Any]]] = []
    for raw in studies:
        try:
            trial = parse_study(raw)
        except MalformedRecord:
            continue  # one bad record does not spoil the others
        out.append((trial, raw))
    return out


def _total(page: dict[str, Any]) -> int | None:
    total = page.get("totalCount")
    return total if isinstance(total, int) and not isinstance(total, bool) else None


def _kept(db: Path, key: str) -> CachedSearch | None:
    if not db.is_file():
        return None
    with TrialStore.open_for_reading(db) as store:
        return store.cached_search(key)


def _keep(
    db: Path, key: str, fetched: CachedSearch, studies: list[tuple[Trial, dict[str, Any]]]
) -> None:
    try:
        with TrialStore.open_for_writing(db) as store, store.transaction():
            store.put_live(key, fetched.fetched_at, fetched.registry_total, studies)
    except TrialDataError:
        pass  # a store that cannot be written only means the next search asks again


def _age(kept: CachedSearch, moment: datetime) -> timedelta:
    try:
        fetched = datetime.fromisoformat(kept.fetched_at)
    except ValueError:
        return timedelta.max
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=UTC)
    return moment - fetched


def _result(kept: CachedSearch, query: TrialQuery, *, stale: bool) -> TrialSearchResult:
    terms = search_terms(query)
    candidates = kept.trials
    if query.condition and terms is not None:
        # A free-text condition is never sent; it narrows the all-pNET records here.
        candidates = [s for s in candidates if matched_terms(s.trial, terms)]
    result = ranked(candidates, query, terms, searched=len(kept.trials), snapshot=None)
    return result.model_copy(
        update={
            "origin": "registry",
            "fetched_at": kept.fetched_at,
            "stale": stale,
            "registry_total": kept.registry_total,
            "snapshot_date": kept.fetched_at[:10],
        }
    )


# ClinicalTrials.gov's own search page names statuses with short codes.
SITE_STATUS_FILTERS = {
    "RECRUITING": "rec",
    "NOT_YET_RECRUITING": "not",
    "ENROLLING_BY_INVITATION": "enr",
    "ACTIVE_NOT_RECRUITING": "act",
    "COMPLETED": "com",
}


def site_search_url(
    condition: str, statuses: Sequence[str] = (), zip_code: str | None = None, miles: str = ""
) -> str:
    """A search on ClinicalTrials.gov's own site (for people to carry on there): the condition,
    the statuses its site can filter on, and a US ZIP code with a radius in ``miles``."""
    pairs = [("cond", condition)]
    codes = [SITE_STATUS_FILTERS[s] for s in statuses if s in SITE_STATUS_FILTERS]
    if codes:
        pairs.append(("aggFilters", "status:" + " ".join(codes)))
    if zip_code is not None:
        pairs += [("locStr", zip_code), ("country", "United States")]
        pairs.append(("distance", miles or f"{DEFAULT_RADIUS_MILES:g}"))
    return "https://clinicaltrials.gov/search?" + urlencode(pairs)
