"""Offline place lookup over the table in ``data/gazetteer/``, spoken through geopy.

The table holds GeoNames records (CC BY 4.0) and a curated list of alternate
spellings, each with its source. Lookups ignore case, accents and punctuation; a name
that is not in the table is a miss with the closest known names, never a guess.

Command line::

    python -m components.gazetteer Quetta Noshki Nowhere
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import geodesic
from geopy.exc import GeopyError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from components.model import GeoPrecision

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


class GazetteerError(GeopyError):
    """Base class of the gazetteer's errors."""


class PlaceNotFoundError(GazetteerError):
    """No place of that name; ``suggestions`` holds the closest known names."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        hint = f"; closest known: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"place {query!r} is not in the gazetteer{hint}")


class GazetteerDataError(GazetteerError):
    """The gazetteer's own table is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonameid: int
    name: str
    kind: str
    """'town' or 'province'."""
    lat: float
    lon: float
    admin1: str
    precision: GeoPrecision
    district: str = ""
    population: int | None = None

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


def normalize_name(text: str) -> str:
    """Fold case, accents, punctuation and spacing: ' Nuśhki-' -> 'nushki'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", stripped.casefold()).split())


class Gazetteer:
    """Places by normalised name and alias, with suggestions for misses."""

    def __init__(self, places: Iterable[Place], aliases: Mapping[str, int]) -> None:
        self._places = {place.geonameid: place for place in places}
        self._by_name: dict[str, Place] = {}
        for place in self._places.values():
            self._by_name.setdefault(normalize_name(place.name), place)
        for alias, geonameid in aliases.items():
            if geonameid not in self._places:
                raise GazetteerDataError(
                    f"alias {alias!r} points at unknown GeoNames id {geonameid}"
                )
            self._by_name.setdefault(normalize_name(alias), self._places[geonameid])

    @classmethod
    def from_directory(cls, directory: Path = DEFAULT_DIRECTORY) -> Gazetteer:
        """Load ``places.csv`` and ``aliases.csv`` from ``directory``."""
        places_path = directory / "places.csv"
        aliases_path = directory / "aliases.csv"
        try:
            places = [_place_from_row(row) for row in _read_csv(places_path)]
            aliases = {
                row["alias"]: int(row["geonameid"]) for row in _read_csv(aliases_path)
            }
        except (OSError, KeyError, ValueError) as error:
            raise GazetteerDataError(
                f"cannot read the gazetteer in {directory}: {error}"
            ) from error
        return cls(places, aliases)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Place | None:
        """The place called ``name`` (or one of its aliases), or None."""
        return self._by_name.get(normalize_name(name))

    def lookup(self, name: str) -> Place:
        """The place called ``name``; a miss raises :class:`PlaceNotFoundError`."""
        place = self.get(name)
        if place is None:
            raise PlaceNotFoundError(name, self.suggest(name))
        return place

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Known names spelled most like ``name``, best first."""
        key = normalize_name(name)[:100]
        if not key:
            return []
        matches = difflib.get_close_matches(key, self._by_name, n=limit * 2, cutoff=0.6)
        names = [self._by_name[match].name for match in matches]
        return list(dict.fromkeys(names))[:limit]

    def nearest(self, lat: float, lon: float) -> tuple[Place, float]:
        """The town nearest to a point, and its geodesic distance in km."""
        towns = [place for place in self if place.precision == GeoPrecision.TOWN]
        if not towns:
            raise GazetteerDataError("the gazetteer holds no towns")
        distances = ((geodesic((lat, lon), town.point).km, town) for town in towns)
        distance, town = min(distances, key=lambda pair: pair[0])
        return town, distance


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``data/gazetteer/``, loaded once per process."""
    return Gazetteer.from_directory()


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _place_from_row(row: Mapping[str, str]) -> Place:
    return Place(
        geonameid=int(row["geonameid"]),
        name=row["name"],
        kind=row["kind"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        admin1=row["admin1"],
        precision=GeoPrecision(int(row["precision"])),
        district=row["district"],
        population=int(row["population"]) if row["population"] else None,
    )


def to_location(place: Place, match: str = "exact") -> Location:
    """A geopy Location whose ``raw`` carries the gazetteer's fields."""
    raw = {
        "geonameid": place.geonameid,
        "name": place.name,
        "kind": place.kind,
        "admin1": place.admin1,
        "district": place.district,
        "precision": int(place.precision),
        "match": match,
    }
    address = (
        place.name if place.kind == "province" else f"{place.name}, {place.admin1}"
    )
    return Location(address, place.point, raw)


class OfflineGeocoder(Geocoder):
    """A geopy geocoder over the offline gazetteer: no network, ever.

    ``geocode`` returns None for a miss, as geopy's geocoders do; call
    :meth:`Gazetteer.lookup` to get the suggestions with the miss.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        super().__init__()
        self.gazetteer = gazetteer or default_gazetteer()

    def geocode(
        self, query: str, *, exactly_one: bool = True
    ) -> Location | list[Location] | None:
        place = self.gazetteer.get(query)
        if place is None:
            return None
        match = (
            "exact" if normalize_name(query) == normalize_name(place.name) else "alias"
        )
        location = to_location(place, match)
        return location if exactly_one else [location]

    def reverse(
        self, query: tuple[float, float], *, exactly_one: bool = True
    ) -> Location | list[Location] | None:
        lat, lon = query
        town, distance_km = self.gazetteer.nearest(lat, lon)
        location = to_location(town, "nearest")
        location.raw["distance_km"] = round(distance_km, 3)
        return location if exactly_one else [location]


def lookup_record(gazetteer: Gazetteer, query: str) -> dict[str, object]:
    """The command line's JSON object for one name."""
    try:
        place = gazetteer.lookup(query)
    except PlaceNotFoundError as miss:
        return {"query": query, "error": str(miss), "suggestions": miss.suggestions}
    return {
        "query": query,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "geonameid": place.geonameid,
        "precision": int(place.precision),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print one JSON object per name; exit 1 if any name is not found."""
    parser = argparse.ArgumentParser(
        prog="python -m components.gazetteer",
        description="Look places up in the offline gazetteer.",
    )
    parser.add_argument("names", nargs="+", metavar="NAME", help="place names")
    args = parser.parse_args(argv)
    gazetteer = default_gazetteer()
    missed = False
    for name in args.names:
        record = lookup_record(gazetteer, name)
        missed = missed or "error" in record
        print(json.dumps(record, ensure_ascii=False))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
