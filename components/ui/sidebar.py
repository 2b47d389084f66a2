"""Sidebar filters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.filters import (
    Filters,
    attack_type_options,
    place_options,
    target_type_options,
)
from components.model import ATTACK_TYPES, TARGET_TYPES, GeoPrecision

PLACES_KEY = "filter_places"
TARGET_TYPES_KEY = "filter_target_types"
ATTACK_TYPES_KEY = "filter_attack_types"
FILTER_KEYS = (PLACES_KEY, TARGET_TYPES_KEY, ATTACK_TYPES_KEY)


def _clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []


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
        filters = Filters(tuple(places), tuple(target_types), tuple(attack_types))
        st.button(
            "Clear filters",
            key="clear_filters",
            on_click=_clear_filters,
            disabled=not filters.active,
            width="stretch",
        )
    return filters
