"""Offline place lookup over the tables in ``data/gazetteer/``, spoken through geopy.

The tables hold GeoNames records (CC BY 4.0) for Pakistan, Afghanistan and Iran,
Balochistan's districts, tehsils and towns from a curated table with a source for
every coordinate, and other spellings, each with its source. Lookups ignore case,
accents, punctuation and words such as "District"; a name that is not in the table
is a miss with the closest known names. :meth:`Gazetteer.match` adds a scored fuzzy
fallback and says which kind of match each answer is.

Ids: a positive id is the place's GeoNames id; a negative id is a place of the
curated table (``data/gazetteer/sources/``), which GeoNames does not carry.

The command line is ``python -m components.gazetteer`` (``__main__.py``).
"""

from __future__ import annotations

import csv
import functools
import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from geopy.distance import geodesic
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from rapidfuzz import fuzz, process

from components.domain.places import Match, Place
from components.domain.vocabularies import GeoPrecision
from components.support.errors import GazetteerDataError, PlaceNotFoundError

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
USER_DIRECTORY_VARIABLE = "INCIDENT_MAP_GAZETTEER_USER_DIR"
"""Environment variable naming the directory of imported places (default
``data/gazetteer/user``)."""
HOME_COUNTRY = "PK"
HOME_ADMIN1 = "Balochistan"
FUZZY_THRESHOLD = 85.0
"""A fuzzy score (0-100) at or above this is an answer; below it, a miss."""
SUGGESTION_CUTOFF = 80.0
MAX_NAME_LENGTH = 80
"""No place name is longer; a longer query is a miss without a fuzzy search."""

KIND_ORDER = {"town": 0, "tehsil": 1, "district": 2, "province": 3}
"""Finer places first, where several of one name share a precision."""

# Match kinds, best first; the number is the tier used to rank candidates.
EXACT, ALIAS, ALTERNATE = 0, 1, 2
MATCH_KINDS = ("exact", "alias", "alias")


_ARABIC_VARIANTS = str.maketrans(
    {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}
)
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")
AREA_WORDS = {
    "district": "district",
    "distt": "district",
    "tehsil": "tehsil",
    "tahsil": "tehsil",
    "subdivision": "tehsil",
    "city": "town",
    "town": "town",
    "province": "province",
}
"""Words before or after a name that say what kind of place it is."""


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """Fold case, accents, punctuation and spacing: ' Nuśhki-' -> 'nushki'.
    Kept for the names seen last: a report asks for the same ones many times."""
    if text.isascii():
        return " ".join(_ASCII_NON_WORD.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text).translate(_ARABIC_VARIANTS)
    kept = "".join(
        c
        for c in decomposed
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return " ".join(_NON_WORD.sub(" ", kept.casefold()).split())


def name_key(text: str) -> tuple[str, str]:
    """(lookup key, kind word): 'Kech District' -> ('kech', 'district')."""
    key = normalize_name(text)
    words = key.split(" ")
    hint = ""
    if len(words) > 1 and words[-1] in AREA_WORDS:
        hint = AREA_WORDS[words.pop()]
    elif len(words) > 1 and words[0] in AREA_WORDS:
        hint = AREA_WORDS[words.pop(0)]
    return " ".join(words), hint


Candidate = tuple[Place, int, str]
"""A place, its match tier and the name that matched."""


def _rank(candidate: Candidate) -> tuple:
    """The stated bias: Pakistan, then Balochistan, then the place's own name over
    other names, the finer place (town, tehsil, district, province), the larger
    population."""
    place, tier, _ = candidate
    return (
        place.country != HOME_COUNTRY,
        place.admin1 != HOME_ADMIN1,
        tier,
        int(place.precision),
        KIND_ORDER.get(place.kind, len(KIND_ORDER)),
        -(place.population or 0),
        place.geonameid,
    )


_FORT_SPELLINGS = ("qila", "qilla", "killa", "kila", "qala", "qalla")
"""Ways the word for a fort that opens many towns' names is written in English
('Qila Saifullah', 'Killa Saifullah', 'Qala Saifullah'): one word, several
spellings, tried where the one written is not found."""


class Gazetteer:
    """Places by normalised name, alias and GeoNames alternate name."""

    def __init__(
        self,
        places: Iterable[Place],
        aliases: Mapping[str, int] | Iterable[tuple[str, int]],
        alternates: Iterable[tuple[int, str, str]] = (),
        names: Iterable[tuple[str, int]] = (),
    ) -> None:
        """``aliases`` map other spellings to place ids; ``names`` are further
        names that rank as a place's own (the curated table's name of a GeoNames
        place); ``alternates`` are (place id, name, lookup key) of GeoNames' other
        names, the key computed when the table is built to keep loading fast."""
        self._places: dict[int, Place] = {}
        for place in places:
            self._places.setdefault(place.geonameid, place)
        index: dict[str, list[Candidate]] = {}
        self._index = index
        self._joined_keys: dict[str, str] | None = None

        def add(name: str, place: Place, tier: int, key: str | None = None) -> None:
            key = name_key(name)[0] if key is None else key
            if not key:
                return
            found = index.get(key)
            if found is None:
                index[key] = [(place, tier, name)]
            else:
                found.append((place, tier, name))

        for place in self._places.values():
            add(place.name, place, EXACT)
        pairs = aliases.items() if isinstance(aliases, Mapping) else aliases
        for tier, named in ((EXACT, names), (ALIAS, pairs)):
            for alias, geonameid in named:
                if geonameid not in self._places:
                    raise GazetteerDataError(
                        f"alias {alias!r} points at unknown place id {geonameid}"
                    )
                add(alias, self._places[geonameid], tier)
        by_id = self._places
        for geonameid, name, key in alternates:
            known = by_id.get(geonameid)
            if known is not None:
                add(name, known, ALTERNATE, key)
        for key, found in index.items():
            if len(found) > 1:
                best: dict[int, Candidate] = {}
                for candidate in sorted(found, key=_rank):
                    best.setdefault(candidate[0].geonameid, candidate)
                index[key] = list(best.values())
        self._fuzzy_keys: dict[bool, list[str]] = {}
        self._towns: tuple[list[Place], Any] | None = None

    @classmethod
    def from_directory(
        cls, directory: Path = DEFAULT_DIRECTORY, extra: Sequence[Path] = ()
    ) -> Gazetteer:
        """Load a gazetteer directory, then the places imported into ``extra``."""
        places: list[Place] = []
        aliases: list[tuple[str, int]] = []
        names: list[tuple[str, int]] = []
        alternates: list[tuple[int, str, str]] = []
        for number, path in enumerate([directory, *extra]):
            try:
                places.extend(
                    _place_from_row(row) for row in _read_csv(path / "places.csv")
                )
                alias_path = path / "aliases.csv"
                if number == 0 or alias_path.exists():
                    for row in _read_csv(alias_path):
                        exact = row.get("match") == "exact"
                        pair = (row["alias"], int(row["geonameid"]))
                        (names if exact else aliases).append(pair)
                alternates_path = path / "alternatenames.csv"
                if alternates_path.exists():
                    with alternates_path.open(newline="", encoding="utf-8") as handle:
                        rows = csv.reader(handle)
                        next(rows, None)
                        alternates.extend(
                            (int(gid), name, key) for gid, name, key in rows
                        )
            except (OSError, KeyError, ValueError) as error:
                raise GazetteerDataError(
                    f"cannot read the gazetteer in {path}: {error}"
                ) from error
        return cls(places, aliases, alternates, names)

    def restricted(
        self, keep: Callable[[Place], bool], *, alternates: bool = True
    ) -> Gazetteer:
        """A gazetteer of the places ``keep`` accepts (with or without GeoNames'
        alternate names)."""
        subset = Gazetteer([], {})
        for key, candidates in self._index.items():
            kept = [
                c
                for c in candidates
                if keep(c[0]) and (alternates or c[1] != ALTERNATE)
            ]
            if kept:
                subset._index[key] = kept
                for place, _, _ in kept:
                    subset._places[place.geonameid] = place
        return subset

    def layered(
        self, places: Iterable[Place], names: Iterable[tuple[str, int]] = ()
    ) -> Gazetteer:
        """A gazetteer that consults ``places`` first, then this one: each of
        their names (and the other ``names``, as (name, place id)) answers with
        them before any place of this gazetteer of that name. This one is not
        changed; places are added at run time (the team's own places)."""
        layer = Gazetteer([], {})
        layer._places = dict(self._places)
        layer._index = index = dict(self._index)
        own: dict[int, Place] = {}
        for place in places:
            own[place.geonameid] = layer._places[place.geonameid] = place
        added: dict[str, list[Candidate]] = {}
        pairs = [(p.name, p.geonameid) for p in own.values()]
        for name, geonameid in [*pairs, *names]:
            entry = own.get(geonameid)
            key = name_key(name)[0]
            if entry is None or not key:
                continue
            found = added.setdefault(key, [])
            if all(c[0].geonameid != geonameid for c in found):
                found.append((entry, EXACT, name))
        for key, first in added.items():
            ids = {c[0].geonameid for c in first}
            index[key] = first + [
                c for c in index.get(key, ()) if c[0].geonameid not in ids
            ]
        return layer

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Place | None:
        """The place called ``name`` (or one of its other names), or None.

        Exact and alias matches only, never a fuzzy guess; several places of one
        name are ranked by the stated bias (see :meth:`match`).
        """
        key, hint = name_key(name)
        candidates = self._index.get(key)
        if not candidates:
            return None
        if hint:
            return next(
                (c[0] for c in candidates if c[0].kind == hint), candidates[0][0]
            )
        return candidates[0][0]

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name`` (exact and alias matches), best first by the
        stated bias; a caller with more context (other places in a text) may
        choose another."""
        key, hint = name_key(name)
        found = self._index.get(key)
        if found is None and " " in key:  # 'Tarin Kot' is 'Tarinkot'
            found = self._index.get(self._joined().get(key.replace(" ", ""), ""))
        if found is None and len(key) >= 6 and "ou" in key:
            found = self._index.get(key.replace("ou", "u"))  # 'Makhmour' is 'Makhmur'
        first, _, rest = key.partition(" ")
        if found is None and rest and first in _FORT_SPELLINGS:
            # 'Qala Saifullah' is 'Qila Saifullah'
            found = next(
                (
                    self._index[f"{other} {rest}"]
                    for other in _FORT_SPELLINGS
                    if f"{other} {rest}" in self._index
                ),
                None,
            )
        places = [c[0] for c in found or ()]
        if hint:
            places.sort(key=lambda place: place.kind != hint)
        return places

    def _joined(self) -> dict[str, str]:
        """Each name key of at least six letters written as one word ('tarin kowt'
        as 'tarinkowt'), to the key; a word two names share answers neither."""
        joined = self._joined_keys
        if joined is None:
            joined, shared = {}, set()
            for key in self._index:
                word = key.replace(" ", "")
                if len(word) < 6 or word in shared:
                    continue
                if word in joined and joined[word] != key:
                    shared.add(word)
                    del joined[word]
                else:
                    joined[word] = key
            self._joined_keys = joined
        return joined

    def lookup(self, name: str) -> Place:
        """The place called ``name``; a miss raises :class:`PlaceNotFoundError`."""
        place = self.get(name)
        if place is None:
            raise PlaceNotFoundError(name, self.suggest(name))
        return place

    def match(self, name: str, *, fuzzy: bool = True, limit: int = 5) -> Match:
        """The best place for ``name`` with its kind, score and alternatives.

        Exact and alias matches come first; otherwise, with ``fuzzy``, the best
        misspelling scoring at least :data:`FUZZY_THRESHOLD`. Several candidates
        are ranked by the bias: Pakistan, then Balochistan, then the place's own
        name, the finer place and the larger population; the others are
        ``alternatives``. A miss carries ``suggestions``.
        """
        key, hint = name_key(name)
        candidates = list(self._index.get(key, ()))
        score = 100.0
        scored: list[tuple[str, float]] = []
        if not candidates and fuzzy:
            scored = self._fuzzy(key, limit * 4, SUGGESTION_CUTOFF)
            if scored and scored[0][1] >= FUZZY_THRESHOLD:
                score = scored[0][1]
                best_keys = [k for k, s in scored if s == score]
                candidates = sorted(
                    (c for k in best_keys for c in self._index[k]), key=_rank
                )
        if not candidates:
            if not fuzzy:
                scored = self._fuzzy(key, limit * 4, SUGGESTION_CUTOFF)
            return Match(name, "miss", suggestions=self._names(scored, limit))
        if hint:  # 'Kech District': a district first, where there is one
            candidates.sort(key=lambda c: c[0].kind != hint)
        if score < 100:  # other names that scored above the threshold
            candidates += [
                c
                for k, s in scored
                if FUZZY_THRESHOLD <= s < score
                for c in self._index[k]
            ]
        seen: dict[int, Candidate] = {}
        for candidate in candidates:
            seen.setdefault(candidate[0].geonameid, candidate)
        (place, tier, matched), *others = seen.values()
        rest = [c[0] for c in others]
        headquarters = self._places.get(place.headquarters or 0)
        if headquarters is not None:  # "Kech" is the district; Turbat comes next
            rest = [headquarters, *(p for p in rest if p is not headquarters)]
        precision = place.precision
        if hint in ("district", "tehsil") and precision == GeoPrecision.TOWN:
            precision = GeoPrecision.NEAR_TOWN
        return Match(
            name,
            "fuzzy" if score < 100 else MATCH_KINDS[tier],
            place,
            round(score, 1),
            matched,
            precision,
            tuple(rest[:limit]),
        )

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Known names spelled most like ``name``, best first."""
        found = self._fuzzy(name_key(name)[0], limit * 3, SUGGESTION_CUTOFF)
        return list(self._names(found, limit))

    def _names(self, scored: list[tuple[str, float]], limit: int) -> tuple[str, ...]:
        """The places' names behind scored keys, each once, best first."""
        names = (c[0].name for k, _ in scored for c in self._index[k])
        return tuple(dict.fromkeys(names))[:limit]

    def _fuzzy(self, key: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """(key, score) of the names most like ``key``, best first."""
        if not key or len(key) > MAX_NAME_LENGTH:
            return []
        latin = key.isascii()
        if latin not in self._fuzzy_keys:
            # Places' own names and curated aliases: GeoNames' many other names
            # would turn misspellings into far-away places.
            self._fuzzy_keys[latin] = [
                k
                for k, found in self._index.items()
                if k.isascii() == latin and any(c[1] != ALTERNATE for c in found)
            ]
        found = process.extract(
            key,
            self._fuzzy_keys[latin],
            scorer=fuzz.ratio,
            processor=None,
            limit=limit,
            score_cutoff=cutoff,
        )
        return [(found_key, score) for found_key, score, _ in found]

    def nearest(self, lat: float, lon: float) -> tuple[Place, float]:
        """The town nearest to a point, and its geodesic distance in km."""
        import numpy as np  # only here: the command line starts faster without it

        if self._towns is None:
            towns = [p for p in self if p.precision == GeoPrecision.TOWN]
            points = np.radians([[p.lat, p.lon] for p in towns]).reshape(-1, 2)
            self._towns = (towns, points)
        towns, points = self._towns
        if not towns:
            raise GazetteerDataError("the gazetteer holds no towns")
        # Haversine distance on a sphere picks a few; the geodesic decides.
        phi, lam = math.radians(lat), math.radians(lon)
        half = (
            np.sin((points[:, 0] - phi) / 2) ** 2
            + np.cos(phi) * np.cos(points[:, 0]) * np.sin((points[:, 1] - lam) / 2) ** 2
        )
        closest = np.argsort(half)[:8]
        distance, index = min(
            (geodesic((lat, lon), towns[i].point).km, int(i)) for i in closest
        )
        return towns[index], distance


def user_directory() -> Path:
    """Where imported GeoNames places are kept (see ``import-geonames``)."""
    configured = os.environ.get(USER_DIRECTORY_VARIABLE)
    return Path(configured) if configured else DEFAULT_DIRECTORY / "user"


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer and any imported places, loaded once per process."""
    user = user_directory()
    extra = [user] if (user / "places.csv").exists() else []
    return Gazetteer.from_directory(DEFAULT_DIRECTORY, extra)


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
        country=row.get("country", ""),
        coordinates_source=row.get("coordinates_source", ""),
        headquarters=int(row["headquarters"]) if row.get("headquarters") else None,
    )


def to_location(place: Place, match: str = "exact") -> Location:
    """A geopy Location whose ``raw`` carries the gazetteer's fields."""
    raw = {
        "geonameid": place.geonames_id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
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
    :meth:`Gazetteer.match` to get the suggestions with the miss.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        super().__init__()
        self.gazetteer = gazetteer or default_gazetteer()

    def geocode(
        self, query: str, *, exactly_one: bool = True
    ) -> Location | list[Location] | None:
        found = self.gazetteer.match(query, fuzzy=False)
        if found.place is None:
            return None
        locations = [to_location(found.place, found.kind)]
        locations += [to_location(p, "alternative") for p in found.alternatives]
        return locations[0] if exactly_one else locations

    def reverse(
        self, query: tuple[float, float], *, exactly_one: bool = True
    ) -> Location | list[Location] | None:
        lat, lon = query
        town, distance_km = self.gazetteer.nearest(lat, lon)
        location = to_location(town, "nearest")
        location.raw["distance_km"] = round(distance_km, 3)
        return location if exactly_one else [location]


def match_record(found: Match) -> dict[str, object]:
    """The command line's JSON object for one answer."""
    if found.place is None:
        error = str(PlaceNotFoundError(found.query, found.suggestions))
        record: dict[str, object] = {
            "query": found.query,
            "error": error,
            "suggestions": list(found.suggestions),
        }
    else:
        place = found.place
        record = {
            "query": found.query,
            "name": place.name,
            "lat": place.lat,
            "lon": place.lon,
            "admin1": place.admin1,
            "geonameid": place.geonames_id,
            "precision": int(found.precision or place.precision),
            "country": place.country,
            "match": found.kind,
        }
        if found.kind == "fuzzy":
            record["score"] = found.score
        if found.alternatives:
            record["alternatives"] = [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "admin1": p.admin1,
                    "country": p.country,
                    "geonameid": p.geonames_id,
                }
                for p in found.alternatives
            ]
    if found.warning:
        record["warning"] = found.warning
    return record


def lookup_record(gazetteer: Gazetteer, query: str) -> dict[str, object]:
    """The command line's JSON object for one name (exact and alias matches)."""
    return match_record(gazetteer.match(query, fuzzy=False))
