"""Incidents per day for the filtered selection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.summary import incidents_per_day


def timeline(filtered: pd.DataFrame) -> None:
    per_day = incidents_per_day(filtered)
    if len(per_day) < 2:
        return
    first, last = per_day.index[0], per_day.index[-1]
    st.caption(
        f"Incidents per day, {first:%d %b %Y} to {last:%d %b %Y} "
        "(the data give dates, not times, so there is no hourly view)"
    )
    st.bar_chart(per_day, height=160, x_label="", y_label="incidents")
