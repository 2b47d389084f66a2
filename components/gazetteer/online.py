"""An optional online fallback: geopy's Nominatim for names the gazetteer misses.

Off unless configured: set ``INCIDENT_MAP_NOMINATIM_USER_AGENT`` to a user agent
that identifies your deployment (Nominatim's usage policy asks for one).
``INCIDENT_MAP_NOMINATIM_DOMAIN`` and ``INCIDENT_MAP_NOMINATIM_SCHEME`` point it at
another Nominatim server, ``INCIDENT_MAP_NOMINATIM_CACHE`` moves the cache file.

Requests go through geopy's ``RateLimiter`` (one a second, as Nominatim asks), only
for names the offline table does not answer, and every answer (a miss too) is kept
in a JSON file on disk, so a name is asked once. A timeout, refusal or outage
gives the offline answer with a warning, never an exception, and the service is
not asked again in the same run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from components.domain.places import Match, Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer.core import (
    DEFAULT_DIRECTORY,
    MAX_NAME_LENGTH,
    Gazetteer,
    name_key,
)

USER_AGENT_VARIABLE = "INCIDENT_MAP_NOMINATIM_USER_AGENT"
DOMAIN_VARIABLE = "INCIDENT_MAP_NOMINATIM_DOMAIN"
SCHEME_VARIABLE = "INCIDENT_MAP_NOMINATIM_SCHEME"
CACHE_VARIABLE = "INCIDENT_MAP_NOMINATIM_CACHE"
DEFAULT_CACHE = DEFAULT_DIRECTORY / "user" / "nominatim-cache.json"
COUNTRY_CODES = ["pk", "af", "ir"]
"""Answers are looked for in the gazetteer's three countries only."""
TIMEOUT_SECONDS = 5.0
MIN_DELAY_SECONDS = 1.0

# Nominatim's addresstype -> (kind, ACLED geo precision).
_KINDS: Mapping[str, tuple[str, GeoPrecision]] = {
    **dict.fromkeys(
        ("city", "town", "village", "hamlet", "suburb", "neighbourhood", "quarter"),
        ("town", GeoPrecision.TOWN),
    ),
    **dict.fromkeys(
        ("county", "district", "state_district", "municipality", "city_district"),
        ("district", GeoPrecision.NEAR_TOWN),
    ),
}
_COARSE = ("province", GeoPrecision.REGION)


class OnlineFallback:
    """The offline gazetteer first; Nominatim (rate-limited, cached) for misses."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        geocoder: Geocoder,
        cache_path: Path = DEFAULT_CACHE,
        *,
        min_delay_seconds: float = MIN_DELAY_SECONDS,
    ) -> None:
        self.gazetteer = gazetteer
        self.cache_path = Path(cache_path)
        self._geocode: Callable[..., Location | None] = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self._cache: dict[str, dict | None] = _read_cache(self.cache_path)
        self._down = ""
        """Why the service failed; once it has, it is not asked again this run."""

    def match(self, name: str, *, fuzzy: bool = True) -> Match:
        """The offline answer if there is one, else Nominatim's, else the miss."""
        offline = self.gazetteer.match(name, fuzzy=fuzzy)
        key = name_key(name)[0]
        if offline.found or not key or len(key) > MAX_NAME_LENGTH:
            return offline
        if key not in self._cache:
            if self._down:
                return replace(offline, warning=self._down)
            try:
                location = self._geocode(
                    name,
                    exactly_one=True,
                    addressdetails=True,
                    country_codes=COUNTRY_CODES,
                )
                record = _record(location) if location else None
            except (GeopyError, ValueError, KeyError, TypeError) as error:
                reason = type(error).__name__ + (f": {error}" if str(error) else "")
                self._down = (
                    f"the online geocoder did not answer ({reason}); offline "
                    "answers only for the rest of this run"
                )
                return replace(offline, warning=self._down)
            self._cache[key] = record
            _write_cache(self.cache_path, self._cache)
        record = self._cache[key]
        if record is None:
            return offline
        place = _place(record)
        return Match(
            name,
            "online",
            place,
            score=100.0,
            matched_name=record["display_name"],
            precision=place.precision,
            suggestions=offline.suggestions,
        )


def configured_fallback(
    gazetteer: Gazetteer, environ: Mapping[str, str] | None = None
) -> OnlineFallback | None:
    """The fallback as the environment configures it, or None where it is off."""
    environ = os.environ if environ is None else environ
    user_agent = environ.get(USER_AGENT_VARIABLE, "").strip()
    if not user_agent:
        return None
    geocoder = Nominatim(
        user_agent=user_agent,
        domain=environ.get(DOMAIN_VARIABLE) or "nominatim.openstreetmap.org",
        scheme=environ.get(SCHEME_VARIABLE) or "https",
        timeout=TIMEOUT_SECONDS,
    )
    cache = Path(environ.get(CACHE_VARIABLE) or DEFAULT_CACHE)
    return OnlineFallback(gazetteer, geocoder, cache)


def _record(location: Location) -> dict:
    """What the cache keeps of one Nominatim answer."""
    raw = location.raw
    address = raw.get("address") or {}
    return {
        "display_name": str(location.address),
        "name": str(raw.get("name") or str(location.address).split(",")[0]),
        "lat": float(location.latitude),
        "lon": float(location.longitude),
        "addresstype": str(raw.get("addresstype") or raw.get("type") or ""),
        "country_code": str(address.get("country_code", "")).upper(),
        "state": str(address.get("state", "")),
        "osm": f"{raw.get('osm_type', '')} {raw.get('osm_id', '')}".strip(),
    }


def _place(record: Mapping) -> Place:
    kind, precision = _KINDS.get(record["addresstype"], _COARSE)
    return Place(
        geonameid=0,
        name=record["name"],
        kind=kind,
        lat=record["lat"],
        lon=record["lon"],
        admin1=record["state"],
        precision=precision,
        country=record["country_code"],
        coordinates_source=f"OpenStreetMap Nominatim {record['osm']} (ODbL)",
    )


def _read_cache(path: Path) -> dict[str, dict | None]:
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cache if isinstance(cache, dict) else {}


def _write_cache(path: Path, cache: Mapping[str, dict | None]) -> None:
    """Replace the cache file atomically: a crash leaves the old one whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(cache, out, ensure_ascii=False, sort_keys=True, indent=1)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
