"""Sidebar filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components import views
from components.filters import Filters, date_span, filter_labels

# Each filter is bound to the URL parameter of its key, so a link reopens the view.
DATES_KEY = views.DATES
PLACES_KEY = views.PLACE
TARGET_TYPES_KEY = views.TARGET
ATTACK_TYPES_KEY = views.ATTACK
FILTER_KEYS = (PLACES_KEY, TARGET_TYPES_KEY, ATTACK_TYPES_KEY)
FILTER_WIDGETS = (
    (PLACES_KEY, "City or town", "All places"),
    (TARGET_TYPES_KEY, "Target type", "All target types"),
    (ATTACK_TYPES_KEY, "Attack type", "All attack types"),
)


def _clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []
    st.session_state.pop(DATES_KEY, None)


def filter_sidebar(frame: pd.DataFrame) -> Filters:
    """Draw the filters and return what is chosen."""
    labels = filter_labels(frame)
    chosen = {}
    with st.sidebar:
        st.header("Filters")
        for key, label, placeholder in FILTER_WIDGETS:
            chosen[key] = st.multiselect(
                label,
                list(labels[key]),
                key=key,
                bind="query-params",
                format_func=labels[key].__getitem__,
                placeholder=placeholder,
            )
        dates = _date_range(frame)
        filters = Filters(
            tuple(chosen[PLACES_KEY]),
            tuple(chosen[TARGET_TYPES_KEY]),
            tuple(chosen[ATTACK_TYPES_KEY]),
            dates,
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
        bind="query-params",
        format="D MMM YYYY",
    )
    return None if tuple(chosen) == (first, last) else tuple(chosen)
