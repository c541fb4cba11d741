"""A small, polite client for the ClinicalTrials.gov API v2 (``/api/v2/studies``).

Politeness: at most one request per ``min_interval`` seconds; on HTTP 429 it waits as long as
``Retry-After`` asks (seconds or an HTTP date), on 5xx, timeouts and connection errors it backs
off exponentially, and after ``max_attempts`` it raises RegistryUnavailable. Sleeping and the
clocks are injected so tests never really wait. Nothing a person enters is sent from here: the
queries name conditions, statuses and (optionally) a place the caller chose to search near.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field

from islet.errors import RegistryUnavailable
from islet.trials.conditions import api_condition_query
from islet.trials.geo import Point

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
MAX_PAGE_SIZE = 1000  # the API's own limit
USER_AGENT = "islet-trial-finder/0.1 (+https://clinicaltrials.gov/data-api/api)"


class StudyQuery(BaseModel):
    """One search of ``/studies``; ``params()`` gives the query string."""

    model_config = ConfigDict(frozen=True)

    conditions: list[str] = []  # phrases OR-ed into query.cond
    intervention: str | None = None  # query.intr
    statuses: list[str] = []  # filter.overallStatus, e.g. RECRUITING
    near: Point | None = None  # filter.geo together with radius_miles
    radius_miles: float = Field(default=100, gt=0)
    page_size: int = Field(default=100, ge=1, le=MAX_PAGE_SIZE)
    fields: list[str] = []  # empty: full records

    def params(self) -> dict[str, str]:
        params = {"format": "json", "pageSize": str(self.page_size)}
        if self.conditions:
            params["query.cond"] = api_condition_query(self.conditions)
        if self.intervention:
            params["query.intr"] = self.intervention
        if self.statuses:
            params["filter.overallStatus"] = ",".join(self.statuses)
        if self.near is not None:
            params["filter.geo"] = (
                f"distance({self.near.lat},{self.near.lon},{self.radius_miles:g}mi)"
            )
        if self.fields:
            params["fields"] = ",".join(self.fields)
        return params


class RetryPolicy(BaseModel):
    model_config = ConfigDict(frozen=True)

    max_attempts: int = Field(default=5, ge=1)
    backoff_base: float = Field(default=1.0, ge=0)  # seconds before the 2nd attempt, then doubled
    backoff_max: float = Field(default=60.0, ge=0)
    retry_after_max: float = Field(default=300.0, ge=0)  # wait no longer than this for a 429


class CtgovClient:
    """Requests against the API with rate limiting, retries and timeouts."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 30.0,
        min_interval: float = 1.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.min_interval = min_interval
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        self._now = now
        self._last_request: float | None = None
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            transport=transport,
        )

    def __enter__(self) -> CtgovClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def pages(self, query: StudyQuery) -> Iterator[dict[str, Any]]:
        """Every page of a search, following ``nextPageToken`` until the last page."""
        token: str | None = None
        seen: set[str] = set()
        while True:
            params = query.params()
            if token is None:
                params["countTotal"] = "true"
            else:
                params["pageToken"] = token
            page = self.get_json("/studies", params)
            if not isinstance(page.get("studies"), list):
                raise RegistryUnavailable("ClinicalTrials.gov sent a page without 'studies'")
            yield page
            next_token = page.get("nextPageToken")
            if not next_token:
                return
            if next_token in seen:
                raise RegistryUnavailable("ClinicalTrials.gov repeated a page token; stopping")
            seen.add(next_token)
            token = str(next_token)

    def studies(self, query: StudyQuery) -> Iterator[dict[str, Any]]:
        """Every study object of a search, page after page."""
        for page in self.pages(query):
            yield from page["studies"]

    def study(self, nct_id: str) -> dict[str, Any]:
        """One full study record."""
        return self.get_json(f"/studies/{nct_id}", {"format": "json"})

    def get_json(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        """GET ``path`` politely and return the JSON object, retrying what can be retried."""
        policy = self.retry
        for attempt in range(1, policy.max_attempts + 1):
            last = attempt == policy.max_attempts
            self._wait_for_turn()
            try:
                response = self._http.get(path, params=params)
            except httpx.TimeoutException as error:
                if last:
                    raise RegistryUnavailable(self._gave_up("timed out", attempt)) from error
                self._sleep(self._backoff(attempt))
                continue
            except httpx.TransportError as error:
                if last:
                    raise RegistryUnavailable(
                        self._gave_up("could not connect", attempt)
                    ) from error
                self._sleep(self._backoff(attempt))
                continue
            if response.status_code == 429:
                delay = self._retry_after(response)
                if delay is not None and delay > policy.retry_after_max:
                    raise RegistryUnavailable(
                        f"ClinicalTrials.gov asked us to wait {delay:.0f} s (rate limit); "
                        "try again later"
                    )
                if last:
                    raise RegistryUnavailable(self._gave_up("kept rate-limiting (429)", attempt))
                self._sleep(delay if delay is not None else self._backoff(attempt))
                continue
            if response.status_code >= 500:
                if last:
                    reason = f"kept failing (HTTP {response.status_code})"
                    raise RegistryUnavailable(self._gave_up(reason, attempt))
                self._sleep(self._backoff(attempt))
                continue
            if response.status_code >= 400:
                raise RegistryUnavailable(
                    f"ClinicalTrials.gov refused the request (HTTP {response.status_code}): "
                    f"{response.text[:200]}"
                )
            try:
                data = response.json()
            except ValueError as error:
                raise RegistryUnavailable(
                    "ClinicalTrials.gov sent a reply that is not JSON"
                ) from error
            if not isinstance(data, dict):
                raise RegistryUnavailable("ClinicalTrials.gov sent JSON that is not an object")
            return data
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _wait_for_turn(self) -> None:
        if self._last_request is not None:
            wait = self._last_request + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request = self._clock()

    def _backoff(self, attempt: int) -> float:
        return float(min(self.retry.backoff_max, self.retry.backoff_base * 2 ** (attempt - 1)))

    def _retry_after(self, response: httpx.Response) -> float | None:
        value = response.headers.get("Retry-After")
        if value is None:
            return None
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return max(0.0, (when - self._now()).total_seconds())

    def _gave_up(self, reason: str, attempts: int) -> str:
        return f"ClinicalTrials.gov {reason}; gave up after {attempts} attempts"
