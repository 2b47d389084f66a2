"""The layers that do not depend on the view, worked out once per selection:
death circles and place names (a few hundred places at most), the heat map
(incidents per cell of about 2 km), and the bounds 'fit' shows.

They are drawn from two small tables, which a database query gives alike
(``components.store.map_layers``, for the page that asks the database): per
place (and geo precision) its incidents, the extent of their points and the
deaths they report (:func:`place_table`), and incidents per heat cell
(:func:`heat_table`). A place is drawn at its
incidents' point when they share one (a town's), else at the gazetteer's point
for its name, else at the middle of their extent.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from components.domain.layers import DEATHS_KEY, HEAT_KEY, NAMES_KEY
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS
from components.domain.vocabularies import GeoPrecision
from components.map.contract import Deaths, HeatPoint, PlaceLabel, Side
from components.map.payload.columns import grouped
from components.map.payload.groups import (
    TableGroups,
    place_extent,
    place_sums,
    text_rank,
)
from components.map.symbols import SIDE_COLOURS, SIDE_SHORT

MAX_PLACE_LABELS = 60
MAX_DEATH_CIRCLES = 400
HEAT_GRID = 0.02
"""Degrees: the heat map counts incidents per cell of about 2 km."""
MAX_HEAT_POINTS = 20_000
PLACE_KEYS = ["place", "geo_precision"]
EXTENT = ["lat_min", "lat_max", "lon_min", "lon_max"]
PLACE_COLUMNS = [
    *PLACE_KEYS,
    "count",
    *EXTENT,
    *(f"{c}_sum" for c in DEATH_FIELDS),
    *(f"{c}_said" for c in DEATH_FIELDS),
]
"""``{field}_sum``: the deaths of that field reported, added; ``{field}_said``:
how many incidents report it."""
HEAT_COLUMNS = ["row", "col", "count"]
"""A heat cell is ``floor(lat / HEAT_GRID + 0.5)``, ``floor(lon / HEAT_GRID +
0.5)`` (the nearest grid point), for incidents placed at a town."""

Locate = Callable[[str], tuple[float, float] | None]
"""A place's point by its name, if known."""


def tidy_places(table: pd.DataFrame) -> pd.DataFrame:
    """A place table with its columns' types, in (place, geo precision) order
    (places in code-point order, as SQL's binary collation sorts them)."""
    tidy = pd.DataFrame(
        {
            column: table[column].astype(str).to_numpy(dtype=object)
            if column == "place"
            else table[column].to_numpy(
                dtype=np.float64 if column in EXTENT else np.int64
            )
            for column in PLACE_COLUMNS
        }
    )
    order = np.lexsort(
        [tidy["geo_precision"].to_numpy(), text_rank(tidy["place"].to_numpy())]
    )
    return tidy.take(order).reset_index(drop=True)


def place_table(
    latest: pd.DataFrame,
    groups: pd.DataFrame | None = None,
    table: TableGroups | None = None,
) -> pd.DataFrame:
    """Per place and geo precision of ``latest``'s rows: incidents, extent, and
    deaths reported (see :data:`PLACE_COLUMNS`); counted through the loaded
    table's numbering (``table``, with ``latest``'s group table ``groups``)
    when given."""
    if table is not None and groups is not None:
        counted = table.places_of(latest, groups)
        if counted is not None:
            return tidy_places(counted)
    if latest.empty:
        return tidy_places(pd.DataFrame({c: [] for c in PLACE_COLUMNS}))
    places = latest.groupby(PLACE_KEYS, sort=False, observed=True)
    numbers = places.ngroup().to_numpy(dtype=np.int64)
    first = np.full(int(numbers.max()) + 1, -1, dtype=np.int64)
    first[numbers[::-1]] = np.arange(len(numbers) - 1, -1, -1)
    keys = pd.DataFrame(
        {
            "place": latest["place"].iloc[first].astype(str).to_numpy(dtype=object),
            "geo_precision": latest["geo_precision"].to_numpy()[first],
        }
    )
    sums = place_sums(keys, numbers, latest)
    points = pd.DataFrame(
        {
            "place": latest["place"].astype(str).to_numpy(dtype=object),
            "geo_precision": latest["geo_precision"].to_numpy(),
            "lat": latest["lat"].to_numpy(),
            "lon": latest["lon"].to_numpy(),
        }
    )
    return tidy_places(sums.join(place_extent(points), on=PLACE_KEYS))


def heat_table(latest: pd.DataFrame) -> pd.DataFrame:
    """Incidents per heat cell (towns only; see :data:`HEAT_COLUMNS`), in (row,
    col) order."""
    towns = latest["geo_precision"].to_numpy() != int(GeoPrecision.REGION)
    lat = np.floor(latest["lat"].to_numpy()[towns] / HEAT_GRID + 0.5).astype(np.int64)
    lon = np.floor(latest["lon"].to_numpy()[towns] / HEAT_GRID + 0.5).astype(np.int64)
    groups, distinct = grouped(lat * 100_000 + lon + 50_000)
    counts = np.bincount(groups, minlength=len(distinct))
    order = np.argsort(distinct, kind="stable")
    rows, cols = np.divmod(distinct[order], 100_000)
    return pd.DataFrame(
        {
            "row": rows.astype(np.int64),
            "col": (cols - 50_000).astype(np.int64),
            "count": counts[order].astype(np.int64),
        }
    )


def data_bounds(latest: pd.DataFrame) -> list[list[float]] | None:
    if latest.empty:
        return None
    return [
        [float(latest["lat"].min()), float(latest["lon"].min())],
        [float(latest["lat"].max()), float(latest["lon"].max())],
    ]


def gazetteer_points() -> Locate:
    """Places' points from the shipped gazetteer (loaded when first asked)."""
    from components.gazetteer import default_gazetteer

    def locate(name: str) -> tuple[float, float] | None:
        place = default_gazetteer().get(name)
        return None if place is None else (place.lat, place.lon)

    return locate


def _where(row: Any, locate: Locate) -> tuple[float, float]:
    """Where a place of the place table is drawn (see the module's docstring)."""
    if row.lat_min == row.lat_max and row.lon_min == row.lon_max:
        return float(row.lat_min), float(row.lon_min)
    known = locate(row.place)
    if known is not None:
        return known
    return (row.lat_min + row.lat_max) / 2, (row.lon_min + row.lon_max) / 2


def death_circles(
    latest: pd.DataFrame | None = None,
    *,
    places: pd.DataFrame | None = None,
    locate: Locate | None = None,
) -> list[Deaths]:
    """One circle per place with reported deaths (the places with most, first),
    from ``latest``'s rows or their :func:`place_table`."""
    if places is None:
        places = place_table(latest if latest is not None else pd.DataFrame())
    said = sum(places[f"{c}_said"].to_numpy() for c in DEATH_FIELDS)
    reported = places[np.asarray(said) > 0]
    if reported.empty:
        return []
    totals = sum(reported[f"{c}_sum"].to_numpy() for c in DEATH_FIELDS)
    chosen = np.argsort(-np.asarray(totals), kind="stable")[:MAX_DEATH_CIRCLES]
    locate = locate or gazetteer_points()
    circles: list[Deaths] = []
    rows = reported.iloc[chosen].itertuples(index=False)  # not a Series a row
    for index, row in zip(chosen.tolist(), rows, strict=True):
        total = int(totals[index])
        wide = int(row.geo_precision) == GeoPrecision.REGION
        title = (
            f"{row.place}: province-wide totals, not tied to any place"
            if wide
            else row.place
        )
        parts = [
            f"{CASUALTY_FIELDS[column]}: {int(getattr(row, f'{column}_sum')):,}"
            for column in DEATH_FIELDS
            if getattr(row, f"{column}_said")
        ]
        sides: list[Side] = [
            {
                "key": column,
                "label": SIDE_SHORT[column],
                "value": int(getattr(row, f"{column}_sum")),
                "colour": SIDE_COLOURS[column],
            }
            for column in DEATH_FIELDS
            if getattr(row, f"{column}_said")
        ]
        lat, lon = _where(row, locate)
        circles.append(
            {
                "lat": lat,
                "lon": lon,
                "radius": death_radius(total),
                "total": total,
                "wide": bool(wide),
                "lines": [title, *parts],
                "sides": sides,
                "place": str(row.place),
            }
        )
    return circles


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return round(max(9.0, 3.5 * math.sqrt(total)), 1)


def place_labels(
    latest: pd.DataFrame | None = None,
    *,
    places: pd.DataFrame | None = None,
    locate: Locate | None = None,
) -> list[PlaceLabel]:
    """The places with most incidents, named on the map."""
    if places is None:
        places = place_table(latest if latest is not None else pd.DataFrame())
    if places.empty:
        return []
    chosen = np.argsort(-places["count"].to_numpy(), kind="stable")[:MAX_PLACE_LABELS]
    locate = locate or gazetteer_points()
    labels: list[PlaceLabel] = []
    for index in chosen.tolist():
        row = places.iloc[index]
        wide = int(row.geo_precision) == GeoPrecision.REGION
        lat, lon = _where(row, locate)
        labels.append(
            {
                "lat": lat,
                "lon": lon,
                "text": f"{row.place} (province-wide)" if wide else row.place,
                "wide": bool(wide),
            }
        )
    return labels


def heat_points(
    latest: pd.DataFrame | None = None, *, heat: pd.DataFrame | None = None
) -> list[HeatPoint]:
    """Incidents counted per cell of about 2 km (placed towns only)."""
    if heat is None:
        heat = heat_table(latest if latest is not None else pd.DataFrame())
    if heat.empty:
        return []
    order = np.argsort(-heat["count"].to_numpy(), kind="stable")[:MAX_HEAT_POINTS]
    chosen = heat.iloc[order]
    return [
        {"lat": r, "lon": c, "weight": n}
        for r, c, n in zip(
            np.round(chosen["row"].to_numpy() * HEAT_GRID, 4).tolist(),
            np.round(chosen["col"].to_numpy() * HEAT_GRID, 4).tolist(),
            chosen["count"].tolist(),
            strict=True,
        )
    ]


@dataclass(frozen=True)
class ViewlessLayers:
    """The parts of a payload that do not depend on the view: worked out once per
    selection, whatever the browser shows."""

    deaths: list[Deaths]
    places: list[PlaceLabel]
    heat: list[HeatPoint]
    bounds: list[list[float]] | None


def viewless_from(
    places: pd.DataFrame,
    heat: pd.DataFrame | None,
    bounds: list[list[float]] | None,
    skipped: Collection[str] = (),
    locate: Locate | None = None,
) -> ViewlessLayers:
    """The layers from a :func:`place_table` and a :func:`heat_table` (None
    when the heat layer is skipped), with ``bounds``."""
    return ViewlessLayers(
        deaths=[]
        if DEATHS_KEY in skipped
        else death_circles(places=places, locate=locate),
        places=[]
        if NAMES_KEY in skipped
        else place_labels(places=places, locate=locate),
        heat=[] if HEAT_KEY in skipped or heat is None else heat_points(heat=heat),
        bounds=bounds,
    )


def viewless_layers(
    latest: pd.DataFrame,
    selection: pd.DataFrame | None = None,
    skipped: Collection[str] = (),
    places: pd.DataFrame | None = None,
) -> ViewlessLayers:
    """Deaths, place names and heat of ``latest`` (none for a ``skipped`` layer
    key), and the bounds of ``selection`` (default: ``latest``); ``places`` is
    ``latest``'s :func:`place_table` when the caller has it."""
    wanted = {DEATHS_KEY, NAMES_KEY} - set(skipped)
    if places is None:
        places = place_table(latest if wanted else latest.iloc[:0])
    return viewless_from(
        places,
        None if HEAT_KEY in skipped else heat_table(latest),
        data_bounds(latest if selection is None else selection),
        skipped,
    )
