"""Places as values: one place of the gazetteer, and the answer for one name.

Like geopy's ``Location``, small frozen value objects that the gazetteer produces
and every other part reads. :class:`PlaceFinder` is what a row parser needs of a
gazetteer, so the records do not depend on how places are found.
"""

from __future__ import annotations

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
