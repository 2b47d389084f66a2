"""Sidebar filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.filters import (
    Filters,
    attack_type_options,
    date_span,
    place_options,
    target_type_options,
)
from components.model import ATTACK_TYPES, TARGET_TYPES, GeoPrecision

DATES_KEY = "filter_dates"
PLACES_KEY = "filter_places"
TARGET_TYPES_KEY = "filter_target_types"
ATTACK_TYPES_KEY = "filter_attack_types"
FILTER_KEYS = (PLACES_KEY, TARGET_TYPES_KEY, ATTACK_TYPES_KEY)


def _clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []
    st.session_state.pop(DATES_KEY, None)


def filter_sidebar(frame: pd.DataFrame) -> Filters:
    """Draw the filters and return what is chosen."""
    wide = set(frame.loc[frame["geo_precision"] == int(GeoPrecision.REGION), "place"])

    def place_label(place: str) -> str:
        return f"{place} (province-wide)" if place in wide else place

    with st.sidebar:
        st.header("Filters")
        places = st.multiselect(
            "City or town",
            place_options(frame),
            key=PLACES_KEY,
            format_func=place_label,
            placeholder="All places",
        )
        target_types = st.multiselect(
            "Target type",
            target_type_options(frame),
            key=TARGET_TYPES_KEY,
            format_func=lambda code: TARGET_TYPES[code].label,
            placeholder="All target types",
        )
        attack_types = st.multiselect(
            "Attack type",
            attack_type_options(frame),
            key=ATTACK_TYPES_KEY,
            format_func=lambda code: ATTACK_TYPES[code].label,
            placeholder="All attack types",
        )
        dates = _date_range(frame)
        filters = Filters(
            tuple(places), tuple(target_types), tuple(attack_types), dates
        )
        st.button(
            "Clear filters",
            key="clear_filters",
            on_click=_clear_filters,
            disabled=not filters.active,
            width="stretch",
        )
    return filters


def _date_range(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """A date-range slider over the data's span; None while it covers all of it."""
    span = date_span(frame)
    if span is None:
        return None
    first, last = span
    if first == last:
        st.caption(f"Dates: every incident carries the date {first.day} {first:%b %Y}.")
        return None
    chosen = st.slider(
        "Dates",
        min_value=first,
        max_value=last,
        value=(first, last),
        key=DATES_KEY,
        format="D MMM YYYY",
    )
    return None if tuple(chosen) == (first, last) else tuple(chosen)
