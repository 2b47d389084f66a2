"""Incidents per day for the filtered selection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.domain.summary import incidents_per_day

BAR_COLOUR = "#1f4e9c"


def timeline(filtered: pd.DataFrame) -> None:
    per_day = incidents_per_day(filtered)
    if len(per_day) < 2:
        return
    first, last = per_day.index[0], per_day.index[-1]
    st.caption(
        f"Incidents per day, {first:%d %b %Y} to {last:%d %b %Y} "
        "(the data give dates, not times, so there is no hourly view)"
    )
    days = pd.DataFrame({"day": per_day.index.strftime("%Y-%m-%d"), "n": per_day})
    st.vega_lite_chart(
        days,
        {
            "mark": {"type": "bar", "color": BAR_COLOUR},
            "encoding": {
                "x": {"field": "day", "type": "temporal", "title": None},
                "y": {"field": "n", "type": "quantitative", "title": "incidents"},
                "tooltip": [
                    {"field": "day", "type": "temporal", "title": "day"},
                    {"field": "n", "type": "quantitative", "title": "incidents"},
                ],
            },
            "height": 160,
        },
        width="stretch",
        key="timeline_chart",
    )
