"""Markers: one per group of incidents of one target type at one point (a popup
pages through the group), fanned out where several groups share a point."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.domain.vocabularies import GeoPrecision
from components.map.contract import Marker

GROUP_KEYS = ["target_type", "lat", "lon", "geo_precision"]
"""The columns a marker group shares."""
STACK_RADIUS = 15
"""Pixels between a shared point and the markers fanned out around it."""


def stack_offsets(groups: pd.DataFrame) -> pd.DataFrame:
    """Pixel offsets (dx, dy) that fan out the groups sharing a point."""
    point = [groups["lat"].round(5), groups["lon"].round(5)]
    index = groups.groupby(point).cumcount().to_numpy()
    count = groups.groupby(point)["lat"].transform("size").to_numpy()
    radius = STACK_RADIUS * np.maximum(1.0, count / 6)
    angle = -math.pi / 2 + 2 * math.pi * index / np.maximum(count, 1)
    alone = count == 1
    return pd.DataFrame(
        {
            "dx": np.where(alone, 0.0, np.round(radius * np.cos(angle), 1)),
            "dy": np.where(alone, 0.0, np.round(radius * np.sin(angle), 1)),
        },
        index=groups.index,
    )


def groups_at_most(latest: pd.DataFrame, most: int) -> bool:
    """Whether the rows fall into at most ``most`` marker groups; a first slice of
    the rows answers 'no' without grouping all of them."""
    if len(latest) <= most:
        return True
    head = latest.iloc[: most * 4]
    if head.groupby(GROUP_KEYS, sort=False).ngroups > most:
        return False
    return latest.groupby(GROUP_KEYS, sort=False).ngroups <= most


def _groups(latest: pd.DataFrame) -> pd.DataFrame:
    return (
        latest.assign(row=np.arange(len(latest)))
        .groupby(GROUP_KEYS, sort=False)["row"]
        .agg(list)
        .reset_index()
    )


def markers(latest: pd.DataFrame, type_index: Mapping[str, int]) -> list[Marker]:
    """A marker per group of ``latest``'s rows, with the rows it holds."""
    groups = _groups(latest)
    groups = groups.join(stack_offsets(groups))
    wide = int(GeoPrecision.REGION)
    return [
        {
            "lat": float(g.lat),
            "lon": float(g.lon),
            "dx": float(g.dx),
            "dy": float(g.dy),
            "wide": int(g.geo_precision) == wide,
            "type": type_index[g.target_type],
            "rows": [int(r) for r in g.row],
        }
        for g in groups.itertuples(index=False)
    ]
