"""Points: the groups in view as typed arrays (position, target type, how many
incidents) that the browser draws on a canvas, too many for a marker each."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.map.contract import Points
from components.map.payload.columns import typed_array


def points(groups: pd.DataFrame, type_index: Mapping[str, int]) -> Points:
    """A group table as float32 positions, uint8 types and uint32 sizes (a
    point's group number is its position)."""
    types = groups["target_type"].map(type_index).to_numpy(dtype=np.uint8)
    return {
        "count": len(groups),
        "lat": typed_array(groups["lat"].to_numpy(), "<f4"),
        "lon": typed_array(groups["lon"].to_numpy(), "<f4"),
        "type": typed_array(types, "<u1"),
        "size": typed_array(groups["count"].to_numpy(), "<u4"),
    }
