"""Markers: one per group (incidents of one target type at one point), with its
count and the deaths it reports, fanned out where several groups share a point."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.domain.vocabularies import GeoPrecision
from components.map.contract import Marker
from components.map.payload.columns import StringTable

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


def markers(
    groups: pd.DataFrame, type_index: Mapping[str, int], strings: StringTable
) -> list[Marker]:
    """A marker per row of a group table (group number: its position), its
    place's name added to ``strings``."""
    if groups.empty:
        return []
    offsets = stack_offsets(groups)
    places = strings.encode(groups["place"])
    wide = int(GeoPrecision.REGION)
    return [
        {
            "lat": lat,
            "lon": lon,
            "dx": dx,
            "dy": dy,
            "wide": precision == wide,
            "type": type_index[target],
            "group": number,
            "count": count,
            "deaths": deaths,
            "place": place,
        }
        for number, (lat, lon, dx, dy, precision, target, count, deaths, place) in (
            enumerate(
                zip(
                    groups["lat"].tolist(),
                    groups["lon"].tolist(),
                    offsets["dx"].tolist(),
                    offsets["dy"].tolist(),
                    groups["geo_precision"].tolist(),
                    groups["target_type"].tolist(),
                    groups["count"].tolist(),
                    groups["deaths"].tolist(),
                    places.tolist(),
                    strict=True,
                )
            )
        )
    ]
