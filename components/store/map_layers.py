"""The map's layers that do not depend on the view, asked of the database: the
place table (deaths circles and place names), the heat table and the bounds,
the same small tables :mod:`components.map.payload.viewless` works out from the
page's rows (``place_table``, ``heat_table``, ``data_bounds``), over the weighted
rows of a selection, every target type together
(:func:`components.store.group_rows.point_rows`).
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
from sqlalchemy import BigInteger, ColumnElement, Engine, cast, func, select

from components.domain.filters import Filters
from components.domain.layers import DEATHS_KEY, HEAT_KEY, NAMES_KEY
from components.domain.model import DEATH_FIELDS
from components.domain.vocabularies import GeoPrecision
from components.map.payload.viewless import (
    HEAT_COLUMNS,
    HEAT_GRID,
    PLACE_COLUMNS,
    ViewlessLayers,
    tidy_places,
    viewless_from,
)
from components.store.current_rows import reading
from components.store.group_rows import point_rows

_REGION = int(GeoPrecision.REGION)


def _total(column: ColumnElement) -> ColumnElement:
    return cast(func.sum(column), BigInteger)


def place_rows(engine: Engine, filters: Filters) -> pd.DataFrame:
    """Per place and geo precision: incidents, extent and deaths reported (as
    ``viewless.place_table``)."""
    rows = point_rows(filters)
    deaths = [
        func.coalesce(_total(rows.c[f"{c}_sum"]), 0).label(f"{c}_sum")
        for c in DEATH_FIELDS
    ]
    said = [_total(rows.c[f"{c}_rows"]).label(f"{c}_said") for c in DEATH_FIELDS]
    query = select(
        rows.c.place,
        rows.c.geo_precision,
        _total(rows.c.incidents).label("count"),
        func.min(rows.c.lat).label("lat_min"),
        func.max(rows.c.lat).label("lat_max"),
        func.min(rows.c.lon).label("lon_min"),
        func.max(rows.c.lon).label("lon_max"),
        *deaths,
        *said,
    ).group_by(rows.c.place, rows.c.geo_precision)
    with reading(engine) as connection:
        found = connection.execute(query).mappings().all()
    return tidy_places(pd.DataFrame(found, columns=PLACE_COLUMNS))


def heat_rows(engine: Engine, filters: Filters) -> pd.DataFrame:
    """Incidents per heat cell, towns only, in (row, col) order (as
    ``viewless.heat_table``)."""
    rows = point_rows(filters)
    row = cast(func.floor(rows.c.lat / HEAT_GRID + 0.5), BigInteger).label("row")
    col = cast(func.floor(rows.c.lon / HEAT_GRID + 0.5), BigInteger).label("col")
    query = (
        select(row, col, _total(rows.c.incidents).label("count"))
        .where(rows.c.geo_precision != _REGION)
        .group_by(row, col)
        .order_by(row, col)
    )
    with reading(engine) as connection:
        found = connection.execute(query).all()
    return pd.DataFrame(
        {
            name: pd.array([r[i] for r in found], dtype="int64").to_numpy()
            for i, name in enumerate(HEAT_COLUMNS)
        }
    )


def bounds(engine: Engine, filters: Filters) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the selection's current incidents."""
    rows = point_rows(filters)
    with reading(engine) as connection:
        south, west, north, east = connection.execute(
            select(
                func.min(rows.c.lat),
                func.min(rows.c.lon),
                func.max(rows.c.lat),
                func.max(rows.c.lon),
            )
        ).one()
    if south is None:
        return None
    return [[float(south), float(west)], [float(north), float(east)]]


def sql_viewless(
    engine: Engine, filters: Filters, skipped: Collection[str] = ()
) -> ViewlessLayers:
    """Deaths, place names and heat of the selection (none for a ``skipped``
    layer key: not asked) and its bounds, as ``viewless.viewless_layers``."""
    wanted = {DEATHS_KEY, NAMES_KEY} - set(skipped)
    places = (
        place_rows(engine, filters)
        if wanted
        else tidy_places(pd.DataFrame({c: [] for c in PLACE_COLUMNS}))
    )
    heat = None if HEAT_KEY in skipped else heat_rows(engine, filters)
    extent = _extent(places) if wanted else bounds(engine, filters)
    return viewless_from(places, heat, extent, skipped)


def _extent(places: pd.DataFrame) -> list[list[float]] | None:
    """The bounds of a place table's extents: those of every row it counts
    (one query fewer than :func:`bounds`)."""
    if places.empty:
        return None
    return [
        [float(places["lat_min"].min()), float(places["lon_min"].min())],
        [float(places["lat_max"].max()), float(places["lon_max"].max())],
    ]
