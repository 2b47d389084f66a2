"""Places as values: one place of the gazetteer, and the answer for one name.

Like geopy's ``Location``, small frozen value objects that the gazetteer produces
and every other part reads. :class:`PlaceFinder` is what a row parser needs of a
gazetteer, so the records do not depend on how places are found.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from components.domain.vocabularies import GeoPrecision


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonameid: int
    """GeoNames id; negative for a place of the curated table (not GeoNames)."""
    name: str
    kind: str
    """'town', 'tehsil', 'district' or 'province'."""
    lat: float
    lon: float
    admin1: str
    precision: GeoPrecision
    district: str = ""
    population: int | None = None
    country: str = ""
    """ISO 3166 alpha-2 code: PK, AF or IR."""
    coordinates_source: str = ""
    headquarters: int | None = None
    """For a district or tehsil: the id of its headquarters town, where known."""

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id, or None for a place GeoNames does not carry."""
        return self.geonameid if self.geonameid > 0 else None


@dataclass(frozen=True, slots=True)
class Match:
    """The answer for one name: the place, how it matched and what else it could be.

    ``kind`` is 'exact' (the place's own name), 'alias' (another name or spelling),
    'fuzzy' (a misspelling scored at or above the threshold), 'online' (the
    optional online geocoder) or 'miss'. ``precision`` is the place's, or coarser
    where the query said "District" or "Tehsil" of a town.
    """

    query: str
    kind: str
    place: Place | None = None
    score: float = 0.0
    matched_name: str = ""
    precision: GeoPrecision | None = None
    alternatives: tuple[Place, ...] = ()
    suggestions: tuple[str, ...] = ()
    warning: str = ""

    @property
    def found(self) -> bool:
        return self.place is not None


class PlaceFinder(Protocol):
    """Anything that answers a place name with a :class:`Match` (the gazetteer)."""

    def match(self, name: str, *, fuzzy: bool = True) -> Match: ...


EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG), as geopy's ``great_circle`` uses."""
FAR_FROM_TOWN_KM = 200.0
"""A row's own point further than this from the town its place name names is not
that town: a sign or a digit slipped, or another place of the same name."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def far_from_town(found: Match, lat: float, lon: float) -> str | None:
    """Why a point is not the town ``found`` names (None when it may be): it lies
    more than :data:`FAR_FROM_TOWN_KM` away. Districts and provinces are wide,
    so only a town is held to it."""
    place = found.place
    if place is None or found.precision != GeoPrecision.TOWN:
        return None
    km = haversine_km(lat, lon, place.lat, place.lon)
    if km <= FAR_FROM_TOWN_KM:
        return None
    return (
        f"({lat:g}, {lon:g}) is {km:,.0f} km from {place.name} "
        f"({place.lat:.2f}, {place.lon:.2f}) as the gazetteer has it; kept at its "
        "own point, not as the gazetteer's place (check a sign or a digit)"
    )
