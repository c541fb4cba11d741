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

EARTH_RADIUS_MILES = 3958.8  # mean Earth radius; ClinicalTrials.gov measures distance in miles
# zipcodes.matching has no annotations; this names the shape its typed stub (_zipcodes.pyi) gives.
_zip_matches: Callable[[str], list[dict[str, Any]]] = zipcodes.matching
_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_LAT_LON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


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
            f"'{text}' is not LAT,LON in decimal degrees (e.g. 44.02,-92.47) or a US ZIP code"
        )
    lat, lon = float(match.group(1)), float(match.group(2))
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise ValueError(f"'{text}': latitude must be -90..90 and longitude -180..180")
    return Point(lat=lat, lon=lon)


def parse_place(text: str) -> Point:
    """The point for "LAT,LON" or a US ZIP code ("55905", "55905-0001"); ValueError otherwise."""
    match = _ZIP.match(text)
    if match is None:
        return parse_point(text)
    return zip_point(match.group(1))


def zip_point(code: str) -> Point:
    """The centre of a US ZIP code from the offline table; ValueError for an unknown code."""
    found = [z for z in _zip_matches(code) if z.get("lat") and z.get("long")]
    if not found:
        raise ValueError(f"ZIP code {code} is not in Islet's offline US ZIP table")
    return Point(lat=float(found[0]["lat"]), lon=float(found[0]["long"]))


def miles_between(a: Point, b: Point) -> float:
    """Great-circle distance in miles (haversine formula)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
