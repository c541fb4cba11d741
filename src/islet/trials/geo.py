"""Places and distances on Earth, for "N locations, including X near you".

A place is "LAT,LON" in decimal degrees or a US ZIP code, looked up in the offline table of
the ``zipcodes`` package (no network; nothing is sent anywhere).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import zipcodes
from pydantic import BaseModel, ConfigDict, Field

from islet.messages import N_

EARTH_RADIUS_MILES = 3958.8  # mean Earth radius; ClinicalTrials.gov measures distance in miles
# zipcodes.matching has no annotations; this names the shape its typed stub (_zipcodes.pyi) gives.
_zip_matches: Callable[[str], list[dict[str, Any]]] = zipcodes.matching
_ZIP = re.compile(r"^\s*([0-9]{5})(?:-[0-9]{4})?\s*$")
_LAT_LON = re.compile(r"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*,\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$")
# Decimal degrees in range, as text: -90..90 and -180..180 (leading zeros allowed).
_LAT = r"-?0*(?:[1-8]?[0-9](?:\.[0-9]+)?|90(?:\.0+)?)"
_LON = r"-?0*(?:(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?|180(?:\.0+)?)"
# Every text parse_place reads (a ZIP code may still be missing from the offline table). The
# API publishes it as the pattern of ``near``, so the document says exactly what is read.
PLACE_PATTERN = rf"^\s*(?:[0-9]{{5}}(?:-[0-9]{{4}})?|(?:{_LAT})\s*,\s*(?:{_LON}))\s*$"


class UnknownZip(ValueError):
    """A well-formed US ZIP code that is not in the offline table."""


class Point(BaseModel):
    """A latitude/longitude in decimal degrees."""

    model_config = ConfigDict(frozen=True)

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


def parse_point(text: str) -> Point:
    """The point in "LAT,LON" (e.g. "44.02,-92.47"); ValueError with a plain message otherwise."""
    match = _LAT_LON.match(text)
    if not match:
        raise ValueError(
            N_(
                "'{text}' is not LAT,LON in decimal degrees (e.g. 44.02,-92.47) or a US ZIP code",
                text=text,
            )
        )
    if not re.search(PLACE_PATTERN, text):
        raise ValueError(
            N_("'{text}': latitude must be -90..90 and longitude -180..180", text=text)
        )
    return Point(lat=float(match.group(1)), lon=float(match.group(2)))


def parse_place(text: str) -> Point:
    """The point for "LAT,LON" or a US ZIP code ("55905", "55905-0001"); ValueError otherwise."""
    match = _ZIP.match(text)
    if match is None:
        return parse_point(text)
    return zip_point(match.group(1))


def zip_point(code: str) -> Point:
    """The centre of a US ZIP code from the offline table; UnknownZip for a code not in it or
    with no place in it (the table gives military APO/FPO codes such as 09000 as 0,0)."""
    found = [z for z in _zip_matches(code) if _located(z)]
    if not found:
        raise UnknownZip(N_("ZIP code {code} is not in Islet's offline US ZIP table", code=code))
    return Point(lat=float(found[0]["lat"]), lon=float(found[0]["long"]))


def _located(row: dict[str, Any]) -> bool:
    try:
        return (float(row.get("lat") or 0), float(row.get("long") or 0)) != (0.0, 0.0)
    except ValueError:
        return False


def miles_between(a: Point, b: Point) -> float:
    """Great-circle distance in miles (haversine formula)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
