"""Counts per area: the incidents in view (and their reported deaths) counted per
grid cell of :data:`CELL_PIXELS` on screen, for when there are too many to send."""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.domain.model import DEATH_FIELDS
from components.map.contract import Cell
from components.map.payload.columns import grouped

CELL_PIXELS = 64


def cell_size(zoom: int) -> float:
    """Degrees of longitude a cell spans at ``zoom`` (:data:`CELL_PIXELS` wide)."""
    return CELL_PIXELS * 360.0 / (256 * 2 ** max(zoom, 0))


def _deaths(latest: pd.DataFrame) -> np.ndarray:
    """Reported deaths per row (silent fields count as none)."""
    total = np.zeros(len(latest), dtype=np.int64)
    for column in DEATH_FIELDS:
        total += latest[column].to_numpy(dtype=np.int64, na_value=0)
    return total


def cells(latest: pd.DataFrame, zoom: int) -> list[Cell]:
    """The cells at ``zoom`` that hold rows of ``latest`` (its points and death
    columns), with their counts, south to north and then west to east."""
    size = cell_size(zoom)
    row = np.floor(latest["lat"].to_numpy() / size).astype(np.int64)
    col = np.floor(latest["lon"].to_numpy() / size).astype(np.int64)
    groups, keys = grouped(row * 10_000_000 + col)
    counts = np.bincount(groups, minlength=len(keys))
    death_sums = np.bincount(groups, weights=_deaths(latest), minlength=len(keys))
    order = np.argsort(keys, kind="stable")
    rows, cols = np.divmod(keys[order], 10_000_000)
    return [
        {
            "south": round(float(r * size), 5),
            "west": round(float(c * size), 5),
            "north": round(float((r + 1) * size), 5),
            "east": round(float((c + 1) * size), 5),
            "count": int(n),
            "deaths": int(d),
        }
        for r, c, n, d in zip(rows, cols, counts[order], death_sums[order], strict=True)
    ]
