"""Shared test data for the trial finder: the real records, the constructed NET fixtures, and
a store built from both. No network: everything here is read from disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from islet.trials.importer import import_files
from islet.trials.store import TrialStore

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "trials"
NET = Path(__file__).resolve().parent / "fixtures" / "trials"
SNAPSHOT = "2022-10-27"

REAL_V2_FILES = [
    "ctgov-v2-search-melanoma-recruiting-page1.json",
    "ctgov-v2-search-phelan-page2.json",
    "ctgov-v2-study-NCT02576665-selected-fields.json",
    "ctgov-v2-study-NCT00763412-full.json",
]
LEGACY_FILES = ["ctgov-classic-api-NCT00023673.json", "ctgov-legacy-xml-NCT05380414.xml"]


def net_files() -> list[Path]:
    return sorted(NET.glob("*.json"))


def net_store(path: Path) -> Path:
    """A trial store at ``path`` holding the constructed NET trials, as of SNAPSHOT."""
    import_files(net_files(), path, snapshot_date=SNAPSHOT)
    return path


def stored_ids(db: Path) -> list[str]:
    """The NCT numbers in the store at ``db``, in order."""
    with TrialStore.open_for_reading(db) as store:
        return store.ids()


def study(**fields: Any) -> dict[str, Any]:
    """A minimal synthetic API v2 study (clearly not a real trial) for filter tables.

    Keys: nct_id, title, conditions, status, phases, sex, min_age, max_age, criteria,
    interventions [(type, name)], locations [(facility, lat, lon, status)].
    """
    eligibility: dict[str, Any] = {}
    for key, field in (
        ("criteria", "eligibilityCriteria"),
        ("sex", "sex"),
        ("min_age", "minimumAge"),
        ("max_age", "maximumAge"),
    ):
        if fields.get(key) is not None:
            eligibility[field] = fields[key]
    return {
        "CONSTRUCTED": "synthetic test record, not a real trial",
        "protocolSection": {
            "identificationModule": {
                "nctId": fields["nct_id"],
                "briefTitle": fields.get("title", "Synthetic test study"),
            },
            "statusModule": {"overallStatus": fields.get("status", "RECRUITING")},
            "conditionsModule": {"conditions": fields.get("conditions", [])},
            "designModule": {"studyType": "INTERVENTIONAL", "phases": fields.get("phases", [])},
            "armsInterventionsModule": {
                "interventions": [
                    {"type": kind, "name": name} for kind, name in fields.get("interventions", [])
                ]
            },
            "eligibilityModule": eligibility,
            "contactsLocationsModule": {
                "locations": [
                    {"facility": facility, "geoPoint": {"lat": lat, "lon": lon}, "status": status}
                    for facility, lat, lon, status in fields.get("locations", [])
                ]
            },
        },
    }


def write_page(path: Path, studies: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"studies": studies}), encoding="utf-8")
    return path
