"""Synthetic incident sets for tests and benchmarks: clearly labelled, never real data.

``write_synthetic(directory, size)`` writes a data directory in the app's own
format (events.csv and incidents/synthetic.csv) with ``size`` incidents, target and
attack types, dates over 2025 and casualty counts drawn from a fixed seed, so every
run measures the same data. Four layouts:

- ``province`` (the default): every incident on one of Balochistan's 52 towns (as
  reports place them), 2% province-wide; many incidents share a point.
- ``towns``: every incident on one of the gazetteer's 3,352 towns of Pakistan,
  Iran and Afghanistan (at the town's own point), 2% province-wide: the shape
  real data have, a million incidents on a few thousand points.
- ``spread``: every incident at a point of its own, spread as event data are
  (ACLED, UCDP GED): most clustered around towns, some strung along the roads
  between them, some near the Afghan and Iranian borders. Each keeps the name of
  the town it is near, at geo precision 2.
- ``uniform``: every incident at a point of its own, anywhere in the box around
  those towns, named after the town nearest its cell of a 0.1-degree grid, at geo
  precision 2: no two incidents share a point, nothing clusters.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

from components.domain.model import CASUALTY_FIELDS
from components.domain.records import EVENT_COLUMNS, INCIDENT_COLUMNS
from components.domain.vocabularies import (
    ATTACK_TYPES,
    NOT_REPORTED,
    TARGET_TYPES,
    GeoPrecision,
)
from components.gazetteer import default_gazetteer

SEED = 20260201
EVENT_ID = "synthetic-benchmark"
LABEL = "SYNTHETIC benchmark data - not real events"
BALOCHISTAN = ("PK", "Balochistan")
"""Synthetic incidents are placed on this province's towns."""


def _counts(rng: np.random.Generator, size: int, mean: float, known: float) -> list:
    values = rng.poisson(mean, size).astype(object)
    values[rng.random(size) > known] = ""
    return values.tolist()


BORDER = np.array(
    [
        (25.17, 61.61),
        (26.0, 62.1),
        (26.9, 63.2),
        (27.8, 62.8),
        (28.9, 61.9),
        (29.85, 60.88),
        (29.4, 62.5),
        (29.5, 64.1),
        (29.9, 66.2),
        (30.9, 66.4),
        (31.3, 68.0),
        (31.8, 69.2),
    ]
)
"""A rough line along Balochistan's borders with Iran and Afghanistan (lat, lon):
only where synthetic border incidents are strewn, not a boundary."""


LAYOUTS = ("province", "towns", "spread", "uniform")
UNIFORM_GRID = 0.1
"""Degrees: a uniform incident takes the name of the town nearest its grid cell."""


def _towns() -> list:
    return [
        p
        for p in default_gazetteer()
        if p.precision == GeoPrecision.TOWN and (p.country, p.admin1) == BALOCHISTAN
    ]


def region_towns() -> list:
    """The gazetteer's towns (Pakistan, Iran, Afghanistan), in its order."""
    return [p for p in default_gazetteer() if p.precision == GeoPrecision.TOWN]


def town_weights(towns: list) -> np.ndarray:
    """How often incidents fall on each town: the square root of its population."""
    weights = np.array([t.population or 1000 for t in towns], dtype=float) ** 0.5
    return weights / weights.sum()


def region_box() -> tuple[float, float, float, float]:
    """(south, west, north, east) around the region's towns."""
    towns = region_towns()
    lat = [t.lat for t in towns]
    lon = [t.lon for t in towns]
    return min(lat), min(lon), max(lat), max(lon)


@functools.cache
def nearest_town_grid() -> tuple[tuple[float, float], np.ndarray, list[str]]:
    """For every cell of a :data:`UNIFORM_GRID` grid over :func:`region_box`: the
    index of the town nearest the cell's centre; with the grid's corner (south,
    west) and the towns' names."""
    south, west, north, east = region_box()
    towns = region_towns()
    lat0 = np.array([t.lat for t in towns])
    lon0 = np.array([t.lon for t in towns])
    rows = int((north - south) / UNIFORM_GRID) + 1
    cols = int((east - west) / UNIFORM_GRID) + 1
    centre_lat = south + (np.arange(rows) + 0.5) * UNIFORM_GRID
    centre_lon = west + (np.arange(cols) + 0.5) * UNIFORM_GRID
    grid_lat = np.repeat(centre_lat, cols)
    grid_lon = np.tile(centre_lon, rows)
    nearest = _nearest(grid_lat, grid_lon, lat0, lon0).reshape(rows, cols)
    return (south, west), nearest, [t.name for t in towns]


def _uniform_points(
    rng: np.random.Generator, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lat, lon, place name) of ``size`` distinct points over the region's box."""
    south, west, north, east = region_box()
    lat = np.round(rng.uniform(south, north, size), 5)
    lon = np.round(rng.uniform(west, east, size), 5)
    (south, west), nearest, names = nearest_town_grid()
    row = np.floor((lat - south) / UNIFORM_GRID).astype(np.int64)
    col = np.floor((lon - west) / UNIFORM_GRID).astype(np.int64)
    row = np.clip(row, 0, nearest.shape[0] - 1)
    col = np.clip(col, 0, nearest.shape[1] - 1)
    return lat, lon, np.array(names, dtype=object)[nearest[row, col]]


def _spread_points(
    rng: np.random.Generator, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lat, lon, town index) of ``size`` distinct points near the towns."""
    towns = _towns()
    lat0 = np.array([t.lat for t in towns])
    lon0 = np.array([t.lon for t in towns])
    weights = np.array([t.population or 1000 for t in towns], dtype=float) ** 0.5
    weights /= weights.sum()
    kind = rng.random(size)
    town = rng.choice(len(towns), size, p=weights)
    lat = lat0[town] + rng.normal(0, 0.08, size)
    lon = lon0[town] + rng.normal(0, 0.08, size)
    road = (kind >= 0.6) & (kind < 0.85)  # along the way to another town
    other = rng.choice(len(towns), size, p=weights)
    share = rng.random(size)
    lat = np.where(road, lat0[town] + share * (lat0[other] - lat0[town]), lat)
    lon = np.where(road, lon0[town] + share * (lon0[other] - lon0[town]), lon)
    lat = np.where(road, lat + rng.normal(0, 0.01, size), lat)
    lon = np.where(road, lon + rng.normal(0, 0.01, size), lon)
    border = kind >= 0.85
    leg = rng.integers(0, len(BORDER) - 1, size)
    along = rng.random(size)
    start, end = BORDER[leg], BORDER[leg + 1]
    lat = np.where(border, start[:, 0] + along * (end[:, 0] - start[:, 0]), lat)
    lon = np.where(border, start[:, 1] + along * (end[:, 1] - start[:, 1]), lon)
    lat = np.where(border, lat + rng.normal(0, 0.05, size), lat)
    lon = np.where(border, lon + rng.normal(0, 0.05, size), lon)
    town = np.where(border, _nearest(lat, lon, lat0, lon0), town)
    # Distinct: a little jitter below the drawing's precision keeps points apart.
    lat += rng.uniform(-1e-4, 1e-4, size)
    lon += rng.uniform(-1e-4, 1e-4, size)
    return np.round(lat, 5), np.round(lon, 5), town


def _nearest(
    lat: np.ndarray, lon: np.ndarray, lat0: np.ndarray, lon0: np.ndarray
) -> np.ndarray:
    found = np.empty(len(lat), dtype=np.int64)
    step = max(1, 2_000_000 // max(len(lat0), 1))  # about 16 MB a step
    for start in range(0, len(lat), step):
        part = slice(start, start + step)
        distance = (lat[part, None] - lat0) ** 2 + (lon[part, None] - lon0) ** 2
        found[part] = distance.argmin(axis=1)
    return found


def synthetic_frame(
    size: int, seed: int = SEED, layout: str = "province"
) -> pd.DataFrame:
    """``size`` synthetic incident rows (as CSV cells), in ``layout`` (one of
    :data:`LAYOUTS`)."""
    if layout not in LAYOUTS:
        raise ValueError(f"no layout {layout!r}; one of {', '.join(LAYOUTS)}")
    rng = np.random.default_rng(seed)
    places = _towns()
    lat = lon = np.full(size, "", dtype=object)
    precision = np.full(size, "", dtype=object)
    if layout == "spread":
        y, x, town = _spread_points(rng, size)
        place = np.array([p.name for p in places], dtype=object)[town]
        lat, lon = y.astype(str), x.astype(str)
        precision = np.full(size, str(int(GeoPrecision.NEAR_TOWN)), dtype=object)
    elif layout == "uniform":
        y, x, place = _uniform_points(rng, size)
        lat, lon = y.astype(str), x.astype(str)
        precision = np.full(size, str(int(GeoPrecision.NEAR_TOWN)), dtype=object)
    elif layout == "towns":
        towns = region_towns()
        town = rng.choice(len(towns), size, p=town_weights(towns))
        place = np.array([t.name for t in towns], dtype=object)[town]
        lat = np.array([str(t.lat) for t in towns], dtype=object)[town]
        lon = np.array([str(t.lon) for t in towns], dtype=object)[town]
        precision = np.full(size, str(int(GeoPrecision.TOWN)), dtype=object)
        province = rng.random(size) < 0.02
        place = np.where(province, "Balochistan", place)
        lat = np.where(province, "", lat)
        lon = np.where(province, "", lon)
        precision = np.where(province, "", precision)
    else:
        weights = np.array([p.population or 1000 for p in places], dtype=float) ** 0.5
        place = rng.choice([p.name for p in places], size, p=weights / weights.sum())
        province = rng.random(size) < 0.02
        place = np.where(province, "Balochistan", place)
    targets = [code for code in TARGET_TYPES if code != NOT_REPORTED]
    attacks = [code for code in ATTACK_TYPES if code != NOT_REPORTED]
    target = rng.choice([*targets, NOT_REPORTED], size)
    attack = rng.choice([*attacks, NOT_REPORTED], size)
    days = rng.integers(0, 365, size)
    dates = (np.datetime64("2025-01-01") + days).astype(str)
    return pd.DataFrame(
        {
            "id": [f"synthetic-{i:06d}" for i in range(size)],
            "event_id": EVENT_ID,
            "revises": "",
            "date": dates,
            "date_precision": "1",
            "place": place,
            "lat": lat,
            "lon": lon,
            "geo_precision": precision,
            "target_type": target,
            "attack_types": attack,
            "killed_civilians": _counts(rng, size, 1.2, 0.6),
            "killed_security": _counts(rng, size, 0.8, 0.6),
            "killed_attackers": _counts(rng, size, 0.9, 0.5),
            "killed_unspecified": _counts(rng, size, 0.3, 0.1),
            "injured": _counts(rng, size, 2.0, 0.4),
            "source_title": LABEL,
            "source_publisher": "",
            "source_date": "",
            "source_location": f"tests/harness/synthetic_data.py, seed {seed}",
            "source_excerpt": "",
            "notes": "Synthetic, for benchmarking only.",
        },
        columns=INCIDENT_COLUMNS,
    )


def spread_frame(size: int, seed: int = SEED) -> pd.DataFrame:
    """The stored columns of ``size`` spread synthetic incidents, as a store gives
    them (for tests and benchmarks of the map without a database)."""
    rows = synthetic_frame(size, seed, "spread")
    counts = {c: pd.to_numeric(rows[c]).astype("Int64") for c in CASUALTY_FIELDS}
    return pd.DataFrame(
        {
            "id": rows["id"],
            "event_id": rows["event_id"],
            "revises": "",
            "date": pd.to_datetime(rows["date"]),
            "date_precision": 1,
            "place_reported": rows["place"],
            "place": rows["place"],
            "geonameid": pd.array([None] * size, dtype="Int64"),
            "admin1": "Balochistan",
            "lat": rows["lat"].astype(float),
            "lon": rows["lon"].astype(float),
            "geo_precision": int(GeoPrecision.NEAR_TOWN),
            "target_type": rows["target_type"],
            "attack_types": rows["attack_types"],
            **counts,
            "figure_scope": "incident",
            "source_title": rows["source_title"],
            "source_publisher": "",
            "source_date": pd.NaT,
            "source_location": rows["source_location"],
            "source_excerpt": "",
            "notes": rows["notes"],
        }
    )


def write_synthetic(
    directory: Path, size: int, seed: int = SEED, layout: str = "province"
) -> Path:
    """A data directory holding ``size`` synthetic incidents in ``layout``."""
    (directory / "incidents").mkdir(parents=True, exist_ok=True)
    event = dict.fromkeys(EVENT_COLUMNS, "")
    event.update(
        id=EVENT_ID,
        name=LABEL,
        date="2025-01-01",
        date_precision="3",
        admin1="Balochistan",
        source_title=LABEL,
        source_location=f"tests/harness/synthetic_data.py, seed {seed}",
        notes="Generated for benchmarks; not real events.",
    )
    pd.DataFrame([event], columns=EVENT_COLUMNS).to_csv(
        directory / "events.csv", index=False
    )
    synthetic_frame(size, seed, layout).to_csv(
        directory / "incidents" / "synthetic.csv", index=False
    )
    return directory
