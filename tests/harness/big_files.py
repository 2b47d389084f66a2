"""Large synthetic import files: an ACLED export CSV and a GeoJSON FeatureCollection
of a given size on disk, written a chunk at a time (for the bounded-memory import
benchmark, bench/imports.py, and the streaming tests).

Rows are drawn from a fixed seed on the region's towns (tests/harness/
synthetic_data.py), labelled synthetic in their notes; one ACLED row in five is a
protest, which the import rejects with its reason, so rejects are streamed too.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from tests.harness.synthetic_data import SEED, region_towns, town_weights

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EVENTS = [
    ("Battles", "Armed clash", ""),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", ""),
    ("Violence against civilians", "Attack", "Civilian targeting"),
    ("Explosions/Remote violence", "Air/drone strike", ""),
    ("Protests", "Peaceful protest", ""),
]
NOTE = (
    "Synthetic row for the import benchmark, not a real event. On {date}, an armed "
    "group attacked a checkpoint near {place}; {deaths} people were reported killed. "
    "Local sources and a district official gave the figures, which could not be "
    "checked independently at the time of writing."
)
CHUNK = 20_000


def write_acled_csv(
    path: Path, size_bytes: int, seed: int = SEED, chunk: int = CHUNK
) -> int:
    """An ACLED export of about ``size_bytes`` (at least ``chunk`` rows) at
    ``path``; returns its rows."""
    rng = np.random.default_rng(seed)
    towns = region_towns()
    weights = town_weights(towns)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(ACLED_HEADER)
        while rows == 0 or handle.tell() < size_bytes:
            town = rng.choice(len(towns), chunk, p=weights)
            kind = rng.integers(0, len(EVENTS), chunk)
            days = rng.integers(0, 3 * 365, chunk)
            deaths = rng.poisson(1.2, chunk)
            for n in range(chunk):
                place = towns[town[n]]
                event_type, sub_event, targeting = EVENTS[kind[n]]
                date = str(np.datetime64("2023-01-01") + days[n])
                writer.writerow(
                    [
                        f"SYN{rows + 1}",
                        date,
                        date[:4],
                        "1",
                        "Political violence",
                        event_type,
                        sub_event,
                        "Synthetic armed group",
                        "",
                        "3",
                        "Synthetic police force",
                        "",
                        "1",
                        "13",
                        targeting,
                        "586",
                        "Southern Asia",
                        "Pakistan",
                        "Balochistan",
                        place.name,
                        "",
                        place.name,
                        f"{place.lat:.4f}",
                        f"{place.lon:.4f}",
                        "1",
                        "Synthetic Daily; Synthetic Post",
                        "National",
                        NOTE.format(date=date, place=place.name, deaths=deaths[n]),
                        str(deaths[n]),
                        "",
                        "1700000000",
                    ]
                )
                rows += 1
    return rows


def write_geojson(
    path: Path, size_bytes: int, seed: int = SEED, chunk: int = CHUNK
) -> int:
    """A FeatureCollection of about ``size_bytes`` (at least ``chunk`` features)
    at ``path`` in our properties, its ``events`` member after the features;
    returns its features."""
    rng = np.random.default_rng(seed)
    towns = region_towns()
    weights = town_weights(towns)
    features = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [')
        while features == 0 or handle.tell() < size_bytes:
            town = rng.choice(len(towns), chunk, p=weights)
            days = rng.integers(0, 365, chunk)
            for n in range(chunk):
                place = towns[town[n]]
                date = str(np.datetime64("2025-01-01") + days[n])
                feature = {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [place.lon, place.lat],
                    },
                    "properties": {
                        "id": f"syn-{features + 1}",
                        "event_id": "synthetic-geojson",
                        "date": date,
                        "date_precision": 1,
                        "place": place.name,
                        "geo_precision": 1,
                        "target_type": "police_paramilitary",
                        "attack_types": "armed_assault",
                        "killed_security": int(rng.integers(0, 4)),
                        "source_title": "Synthetic benchmark feature",
                        "source_location": "tests/harness/big_files.py",
                        "notes": NOTE.format(date=date, place=place.name, deaths=1),
                    },
                }
                handle.write(("," if features else "") + json.dumps(feature))
                features += 1
        event = {
            "id": "synthetic-geojson",
            "name": "Synthetic GeoJSON benchmark",
            "date": "2025-01-01",
            "date_precision": 1,
            "source_title": "Synthetic benchmark features",
            "source_location": "tests/harness/big_files.py",
        }
        handle.write(f'], "events": [{json.dumps(event)}]}}')
    return features
