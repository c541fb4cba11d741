"""Distances between places on Earth, for "N locations, including X near you"."""

from __future__ import annotations

import math
import re

from pydantic import BaseModel, ConfigDict, Field

EARTH_RADIUS_MILES = 3958.8  # mean Earth radius; ClinicalTrials.gov measures distance in miles
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
        raise ValueError(f"'{text}' is not LAT,LON in decimal degrees, e.g. 44.02,-92.47")
    lat, lon = float(match.group(1)), float(match.group(2))
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise ValueError(f"'{text}': latitude must be -90..90 and longitude -180..180")
    return Point(lat=lat, lon=lon)


def miles_between(a: Point, b: Point) -> float:
    """Great-circle distance in miles (haversine formula)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
