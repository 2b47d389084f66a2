"""Points: the incidents in view as typed arrays (position, target type, row) that
the browser draws on a canvas, too many for a marker each."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.map.contract import Points
from components.map.payload.columns import typed_array


def points(latest: pd.DataFrame, type_index: Mapping[str, int]) -> Points:
    """``latest``'s rows as float32 positions, uint8 types and uint32 rows."""
    types = latest["target_type"].map(type_index).to_numpy(dtype=np.uint8)
    return {
        "count": len(latest),
        "lat": typed_array(latest["lat"].to_numpy(), "<f4"),
        "lon": typed_array(latest["lon"].to_numpy(), "<f4"),
        "type": typed_array(types, "<u1"),
        "row": typed_array(np.arange(len(latest)), "<u4"),
    }
