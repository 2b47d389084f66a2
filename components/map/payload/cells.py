"""Counts per area: the incidents in view (and their reported deaths) counted per
grid cell of :data:`CELL_PIXELS` on screen, for when there are too many groups to
send. Cells are worked out from groups (each weighs its count), so a town's
million incidents cost one group here, and a database can count them alike."""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.map.contract import Cell
from components.map.payload.columns import grouped

CELL_PIXELS = 64
CELL_KEY = 10_000_000
"""A cell's key: its row times this, plus its column and half this (so columns
west of Greenwich keep their place in the key)."""


def cell_size(zoom: int) -> float:
    """Degrees of longitude a cell spans at ``zoom`` (:data:`CELL_PIXELS` wide)."""
    return CELL_PIXELS * 360.0 / (256 * 2 ** max(zoom, 0))


def cell_counts(groups: pd.DataFrame, zoom: int) -> pd.DataFrame:
    """(row, col, count, deaths) per cell at ``zoom`` holding any of ``groups``
    (deaths that no incident reports count as none), in (row, col) order: what
    :func:`cells` draws, and what a database's query gives alike."""
    size = cell_size(zoom)
    row = np.floor(groups["lat"].to_numpy() / size).astype(np.int64)
    col = np.floor(groups["lon"].to_numpy() / size).astype(np.int64)
    keys, distinct = grouped(row * CELL_KEY + col + CELL_KEY // 2)
    counts = np.bincount(
        keys, weights=groups["count"].to_numpy(), minlength=len(distinct)
    )
    deaths = np.bincount(
        keys,
        weights=np.maximum(groups["deaths"].to_numpy(), 0),
        minlength=len(distinct),
    )
    order = np.argsort(distinct, kind="stable")
    rows, cols = np.divmod(distinct[order], CELL_KEY)
    cols -= CELL_KEY // 2
    return pd.DataFrame(
        {
            "row": rows.astype(np.int64),
            "col": cols.astype(np.int64),
            "count": counts[order].astype(np.int64),
            "deaths": deaths[order].astype(np.int64),
        }
    )


def cells(counted: pd.DataFrame, zoom: int) -> list[Cell]:
    """The cells of :func:`cell_counts` as the payload sends them, south to north
    and then west to east."""
    size = cell_size(zoom)
    return [
        {
            "south": round(float(r * size), 5),
            "west": round(float(c * size), 5),
            "north": round(float((r + 1) * size), 5),
            "east": round(float((c + 1) * size), 5),
            "count": int(n),
            "deaths": int(d),
        }
        for r, c, n, d in zip(
            counted["row"].tolist(),
            counted["col"].tolist(),
            counted["count"].tolist(),
            counted["deaths"].tolist(),
            strict=True,
        )
    ]
