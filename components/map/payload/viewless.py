"""The layers that do not depend on the view, worked out once per selection:
death circles and place names (a few hundred places at most, each at the median
of its rows), the heat map (incidents per cell of about 2 km), and the bounds
'fit' shows."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.layers import DEATHS_KEY, HEAT_KEY, NAMES_KEY
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS
from components.domain.table import value_codes
from components.domain.vocabularies import GeoPrecision
from components.map.contract import Deaths, HeatPoint, PlaceLabel, Side
from components.map.payload.columns import grouped
from components.map.symbols import SIDE_COLOURS, SIDE_SHORT

MAX_PLACE_LABELS = 60
MAX_DEATH_CIRCLES = 400
HEAT_GRID = 0.02
"""Degrees: the heat map counts incidents per cell of about 2 km."""
MAX_HEAT_POINTS = 20_000
MEDIAN_SAMPLE = 5_000
"""Rows of a place its median point is taken over (the first, in date order)."""


def _place_groups(latest: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(group of each row, first row of each group) for the rows' (place,
    geo precision), through the place's category codes where it has them."""
    codes = value_codes(latest["place"])
    groups, _ = grouped(codes * 8 + latest["geo_precision"].to_numpy())
    first = np.full(groups.max() + 1 if len(groups) else 0, -1, dtype=np.int64)
    first[groups[::-1]] = np.arange(len(groups) - 1, -1, -1)
    return groups, first


def _medians(latest: pd.DataFrame, groups: np.ndarray, chosen: np.ndarray) -> dict:
    """{group: (median lat, median lon)} for the ``chosen`` groups only (a few
    dozen), each over its first :data:`MEDIAN_SAMPLE` rows (a place's first rows
    give its middle as well as all of them would)."""
    lat, lon = latest["lat"].to_numpy(), latest["lon"].to_numpy()
    where = {}
    for group in chosen.tolist():
        sample = np.flatnonzero(groups == group)[:MEDIAN_SAMPLE]
        where[group] = (float(np.median(lat[sample])), float(np.median(lon[sample])))
    return where


def death_circles(latest: pd.DataFrame) -> list[Deaths]:
    """One circle per place with reported deaths (the places with most, first)."""
    values = {
        c: latest[c].to_numpy(dtype=np.float64, na_value=np.nan) for c in DEATH_FIELDS
    }
    reported = np.zeros(len(latest), dtype=bool)
    for column in DEATH_FIELDS:
        reported |= ~np.isnan(values[column])
    if not reported.any():
        return []
    latest = latest.loc[reported, ["place", "geo_precision", "lat", "lon"]]
    groups, first = _place_groups(latest)
    sums, said = {}, {}
    for column in DEATH_FIELDS:
        known = values[column][reported]
        sums[column] = np.bincount(
            groups, weights=np.nan_to_num(known), minlength=len(first)
        )
        said[column] = (
            np.bincount(groups, weights=~np.isnan(known), minlength=len(first)) > 0
        )
    totals = sum(sums.values()).astype(np.int64)
    chosen = np.argsort(-totals, kind="stable")[:MAX_DEATH_CIRCLES]
    where = _medians(latest, groups, chosen)
    places = latest["place"].iloc[first[chosen]].astype(str).tolist()
    precisions = latest["geo_precision"].to_numpy()[first[chosen]].tolist()
    circles: list[Deaths] = []
    for group, place, precision in zip(chosen, places, precisions, strict=True):
        total = int(totals[group])
        wide = precision == GeoPrecision.REGION
        title = (
            f"{place}: province-wide totals, not tied to any place" if wide else place
        )
        parts = [
            f"{CASUALTY_FIELDS[column]}: {int(sums[column][group]):,}"
            for column in DEATH_FIELDS
            if said[column][group]
        ]
        sides: list[Side] = [
            {
                "key": column,
                "label": SIDE_SHORT[column],
                "value": int(sums[column][group]),
                "colour": SIDE_COLOURS[column],
            }
            for column in DEATH_FIELDS
            if said[column][group]
        ]
        lat, lon = where[int(group)]
        circles.append(
            {
                "lat": lat,
                "lon": lon,
                "radius": death_radius(total),
                "total": total,
                "wide": bool(wide),
                "lines": [title, *parts],
                "sides": sides,
                "place": place,
            }
        )
    return circles


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return round(max(9.0, 3.5 * math.sqrt(total)), 1)


def place_labels(latest: pd.DataFrame) -> list[PlaceLabel]:
    """The places with most incidents, named on the map."""
    if latest.empty:
        return []
    groups, first = _place_groups(latest)
    sizes = np.bincount(groups, minlength=len(first))
    chosen = np.argsort(-sizes, kind="stable")[:MAX_PLACE_LABELS]
    where = _medians(latest, groups, chosen)
    places = latest["place"].iloc[first[chosen]].astype(str).tolist()
    precisions = latest["geo_precision"].to_numpy()[first[chosen]].tolist()
    labels: list[PlaceLabel] = []
    for group, place, precision in zip(chosen, places, precisions, strict=True):
        wide = precision == GeoPrecision.REGION
        lat, lon = where[int(group)]
        labels.append(
            {
                "lat": lat,
                "lon": lon,
                "text": f"{place} (province-wide)" if wide else place,
                "wide": bool(wide),
            }
        )
    return labels


def heat_points(latest: pd.DataFrame) -> list[HeatPoint]:
    """Incidents counted per cell of about 2 km (placed towns only)."""
    towns = latest[latest["geo_precision"] != int(GeoPrecision.REGION)]
    if towns.empty:
        return []
    lat = np.round(towns["lat"].to_numpy() / HEAT_GRID).astype(np.int64)
    lon = np.round(towns["lon"].to_numpy() / HEAT_GRID).astype(np.int64)
    groups, distinct = grouped(lat * 100_000 + lon)
    counts = np.bincount(groups, minlength=len(distinct))
    ascending = np.argsort(distinct, kind="stable")  # as a sort would list them
    keys, counts = distinct[ascending], counts[ascending]
    order = np.argsort(-counts, kind="stable")[:MAX_HEAT_POINTS]
    rows, cols = np.divmod(keys[order], 100_000)
    return [
        {"lat": r, "lon": c, "weight": n}
        for r, c, n in zip(
            np.round(rows * HEAT_GRID, 4).tolist(),
            np.round(cols * HEAT_GRID, 4).tolist(),
            counts[order].tolist(),
            strict=True,
        )
    ]


def data_bounds(latest: pd.DataFrame) -> list[list[float]] | None:
    if latest.empty:
        return None
    return [
        [float(latest["lat"].min()), float(latest["lon"].min())],
        [float(latest["lat"].max()), float(latest["lon"].max())],
    ]


@dataclass(frozen=True)
class ViewlessLayers:
    """The parts of a payload that do not depend on the view: worked out once per
    selection, whatever the browser shows."""

    deaths: list[Deaths]
    places: list[PlaceLabel]
    heat: list[HeatPoint]
    bounds: list[list[float]] | None


def viewless_layers(
    latest: pd.DataFrame,
    selection: pd.DataFrame | None = None,
    skipped: Collection[str] = (),
) -> ViewlessLayers:
    """Deaths, place names and heat of ``latest`` (none for a ``skipped`` layer
    key), and the bounds of ``selection`` (default: ``latest``)."""
    return ViewlessLayers(
        deaths=[] if DEATHS_KEY in skipped else death_circles(latest),
        places=[] if NAMES_KEY in skipped else place_labels(latest),
        heat=[] if HEAT_KEY in skipped else heat_points(latest),
        bounds=data_bounds(latest if selection is None else selection),
    )
