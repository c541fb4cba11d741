"""ClinicalTrials.gov API v2 records: the typed trial model and the file formats Islet reads.

Islet reads API v2 JSON only: a search page (``{"studies": [...], "nextPageToken": ...}``, with
or without ``totalCount``), a single study (``{"protocolSection": ...}``) or a list of studies.
The retired classic API JSON and the legacy XML are rejected with a message saying how to get
the same record in the current format. Fields the parser does not use (results, derived data,
top-level notes such as a fixture's ``CONSTRUCTED`` marker) are ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from islet.errors import TrialDataError

STUDY_URL = "https://clinicaltrials.gov/study/{nct_id}"
API_STUDY_URL = "https://clinicaltrials.gov/api/v2/studies/{nct_id}"
NCT_PATTERN = r"^NCT\d{8}$"

# Unit lengths in years; the registry writes ages as "<number> <unit>" ("18 Years", "6 Months").
_AGE_UNITS = {
    "year": 1.0,
    "month": 1 / 12,
    "week": 7 / 365.25,
    "day": 1 / 365.25,
    "hour": 1 / (365.25 * 24),
    "minute": 1 / (365.25 * 24 * 60),
}
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$", re.IGNORECASE)

Sex = Literal["ALL", "FEMALE", "MALE"]


class MalformedRecord(ValueError):
    """One study in a file cannot be read; the importer skips it and reports why."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Record):
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    status: str | None = None  # the site's own recruitment status, when the registry gives one
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    def place(self) -> str:
        """Facility and place in one line, e.g. 'Mayo Clinic, Rochester, Minnesota, US'."""
        parts = [self.facility, self.city, self.state, self.country]
        return ", ".join(p for p in parts if p) or "location not named"


class Intervention(_Record):
    type: str | None = None  # DRUG, DEVICE, PROCEDURE, RADIATION, ...
    name: str
    other_names: list[str] = []


class Eligibility(_Record):
    criteria: str | None = None
    sex: Sex | None = None
    minimum_age: str | None = None  # as the registry writes it, e.g. "18 Years"
    maximum_age: str | None = None
    min_age_years: float | None = None
    max_age_years: float | None = None
    healthy_volunteers: bool | None = None


class Trial(_Record):
    """The parts of a ClinicalTrials.gov study record Islet searches and shows."""

    nct_id: str = Field(pattern=NCT_PATTERN)
    brief_title: str
    official_title: str | None = None
    acronym: str | None = None
    overall_status: str | None = None
    phases: list[str] = []
    study_type: str | None = None
    conditions: list[str] = []
    keywords: list[str] = []
    interventions: list[Intervention] = []
    eligibility: Eligibility = Eligibility()
    locations: list[Location] = []
    sponsor: str | None = None
    brief_summary: str | None = None
    detailed_description: str | None = None
    start_date: str | None = None
    completion_date: str | None = None
    last_update: str | None = None
    enrollment: int | None = None

    @property
    def url(self) -> str:
        return STUDY_URL.format(nct_id=self.nct_id)


def age_in_years(text: object) -> float | None:
    """Years in a registry age such as "18 Years" or "6 Months"; None for a missing age.

    Raises MalformedRecord for text that is not a number and a unit.
    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise MalformedRecord(f"age {text!r} must be text such as '18 Years'")
    if text.strip().upper() in ("", "N/A", "NA"):
        return None
    match = _AGE.match(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _AGE_UNITS:
        raise MalformedRecord(f"age '{text}' is not a number with a unit such as '18 Years'")
    return float(match.group(1)) * _AGE_UNITS[unit]


def parse_study(raw: Any) -> Trial:
    """The Trial in one API v2 study object; raises MalformedRecord saying what is wrong."""
    if not isinstance(raw, dict):
        raise MalformedRecord("a study must be a JSON object")
    protocol = _module(raw, "protocolSection")
    ident = _module(protocol, "identificationModule")
    nct_id = ident.get("nctId")
    if not isinstance(nct_id, str) or not re.match(NCT_PATTERN, nct_id):
        raise MalformedRecord(f"missing or invalid nctId: {nct_id!r}")
    status = _module(protocol, "statusModule")
    design = _module(protocol, "designModule")
    conditions = _module(protocol, "conditionsModule")
    arms = _module(protocol, "armsInterventionsModule")
    eligibility = _module(protocol, "eligibilityModule")
    contacts = _module(protocol, "contactsLocationsModule")
    sponsors = _module(protocol, "sponsorCollaboratorsModule")
    description = _module(protocol, "descriptionModule")
    try:
        return Trial(
            nct_id=nct_id,
            brief_title=ident.get("briefTitle") or ident.get("officialTitle") or nct_id,
            official_title=ident.get("officialTitle"),
            acronym=ident.get("acronym"),
            overall_status=status.get("overallStatus"),
            phases=design.get("phases") or [],
            study_type=design.get("studyType"),
            conditions=conditions.get("conditions") or [],
            keywords=conditions.get("keywords") or [],
            interventions=[_intervention(i) for i in _list(arms, "interventions")],
            eligibility=Eligibility(
                criteria=eligibility.get("eligibilityCriteria"),
                sex=eligibility.get("sex"),
                minimum_age=eligibility.get("minimumAge"),
                maximum_age=eligibility.get("maximumAge"),
                min_age_years=age_in_years(eligibility.get("minimumAge")),
                max_age_years=age_in_years(eligibility.get("maximumAge")),
                healthy_volunteers=eligibility.get("healthyVolunteers"),
            ),
            locations=[_location(loc) for loc in _list(contacts, "locations")],
            sponsor=_module(sponsors, "leadSponsor").get("name"),
            brief_summary=description.get("briefSummary"),
            detailed_description=description.get("detailedDescription"),
            start_date=_module(status, "startDateStruct").get("date"),
            completion_date=_module(status, "completionDateStruct").get("date"),
            last_update=_module(status, "lastUpdatePostDateStruct").get("date"),
            enrollment=_module(design, "enrollmentInfo").get("count"),
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise MalformedRecord(f"{nct_id}: {where}: {first['msg']}") from error


def _module(parent: dict[str, Any], key: str) -> dict[str, Any]:
    value = parent.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MalformedRecord(f"'{key}' must be an object, not {type(value).__name__}")
    return value


def _list(parent: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = parent.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise MalformedRecord(f"'{key}' must be a list of objects")
    return value


def _intervention(raw: dict[str, Any]) -> Intervention:
    return Intervention(
        type=raw.get("type"), name=raw.get("name") or "", other_names=raw.get("otherNames") or []
    )


def _location(raw: dict[str, Any]) -> Location:
    point = raw.get("geoPoint") or {}
    if not isinstance(point, dict):
        raise MalformedRecord("'geoPoint' must be an object")
    return Location(
        facility=raw.get("facility"),
        city=raw.get("city"),
        state=raw.get("state"),
        zip=raw.get("zip"),
        country=raw.get("country"),
        status=raw.get("status"),
        lat=point.get("lat"),
        lon=point.get("lon"),
    )


# --- Files -------------------------------------------------------------------------------------

FileKind = Literal["search-page", "study", "study-list"]


@dataclass(frozen=True)
class SavedFile:
    """The study objects in one saved API v2 file, not yet parsed."""

    path: Path
    kind: FileKind
    studies: list[Any]
    total_count: int | None = None
    next_page_token: str | None = None


def read_saved_file(path: Path) -> SavedFile:
    """The studies in a saved API v2 response; TrialDataError for anything else."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TrialDataError(f"{path}: cannot be read ({error})") from error
    return read_saved_text(text, path)


def read_saved_text(text: str, path: Path) -> SavedFile:
    """Like read_saved_file, for text already in memory; ``path`` names it in messages."""
    stripped = text.lstrip()
    if stripped.startswith("<"):
        if "<clinical_study" in stripped[:2000]:
            raise TrialDataError(
                f"{path}: this is a legacy ClinicalTrials.gov XML record (the retired ct2 "
                "format). Islet reads API v2 JSON: save the same study from "
                f"{_api_url(stripped)} and import that file."
            )
        raise TrialDataError(f"{path}: this is not a ClinicalTrials.gov API v2 JSON file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TrialDataError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    return _classify(data, path)


def _classify(data: Any, path: Path) -> SavedFile:
    if isinstance(data, dict):
        if _is_classic(data):
            raise TrialDataError(
                f"{path}: this is a record from the retired classic ClinicalTrials.gov API "
                "(PascalCase fields such as FullStudiesResponse or ProtocolSection). Islet reads "
                f"API v2 JSON: save the same study from {_api_url(json.dumps(data)[:5000])} "
                "and import that file."
            )
        if "studies" in data:
            studies = data["studies"]
            if not isinstance(studies, list):
                raise TrialDataError(f"{path}: 'studies' must be a list")
            total = data.get("totalCount")
            token = data.get("nextPageToken")
            return SavedFile(
                path,
                "search-page",
                studies,
                total if isinstance(total, int) else None,
                token if isinstance(token, str) else None,
            )
        if "protocolSection" in data:
            return SavedFile(path, "study", [data])
    if isinstance(data, list) and all(isinstance(s, dict) and "protocolSection" in s for s in data):
        return SavedFile(path, "study-list", data)
    raise TrialDataError(
        f"{path}: not a ClinicalTrials.gov API v2 search page or study "
        "(expected 'studies' or 'protocolSection' at the top)"
    )


def _is_classic(data: dict[str, Any]) -> bool:
    classic_keys = ("FullStudiesResponse", "StudyFieldsResponse", "FullStudy", "ProtocolSection")
    if any(key in data for key in classic_keys):
        return True
    study = data.get("Study")
    return isinstance(study, dict) and "ProtocolSection" in study


def _api_url(text: str) -> str:
    match = re.search(r"NCT\d{8}", text)
    if match:
        return API_STUDY_URL.format(nct_id=match.group(0))
    return "https://clinicaltrials.gov/api/v2/studies/<NCT id>"
