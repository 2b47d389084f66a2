"""Sidebar: which events and incidents are shown, and which map layers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components.domain import share_link as views
from components.domain.filters import Filters, event_labels
from components.domain.layers import HIDDEN_BY_DEFAULT, layer_labels
from components.domain.model import Event
from components.ui.remembered import date_span, filter_labels, target_type_options

# Each filter is bound to the URL parameter of its key, so a link reopens the view.
EVENTS_KEY = views.EVENT
LAYERS_KEY = views.LAYERS
PROJECTOR_KEY = views.PROJECTOR
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


def sidebar(
    frame: pd.DataFrame, events: Mapping[str, Event]
) -> tuple[Filters, frozenset[str], bool]:
    """Draw the sidebar; the filters, the map layers and projector mode chosen."""
    filters = filter_sidebar(frame, events)
    layers = layer_sidebar(target_type_options(frame))
    return filters, layers, display_sidebar()


def sidebar_later(
    frame: pd.DataFrame, events: Mapping[str, Event]
) -> tuple[Filters, frozenset[str], bool]:
    """The sidebar's place, its widgets to come with the rest of the page; what
    they will choose before anyone touches them (for a link that names none of
    the sidebar's parameters).

    Widgets cost the browser time to draw, and a session's first run draws the
    map as soon as it can."""
    with st.sidebar:
        st.header("Filters")
        st.caption("The filters come once the map is drawn.")
    latest = _latest_event(events)
    filters = Filters(events=tuple(latest))
    layers = frozenset(_default_layers(layer_labels(target_type_options(frame))))
    return filters, layers, False


def _latest_event(events: Mapping[str, Event]) -> list[str]:
    """The event filter's default: the latest event."""
    return list(event_labels(events))[:1]


def _default_layers(names: Mapping[str, str]) -> list[str]:
    return [key for key in names if key not in HIDDEN_BY_DEFAULT]


def filter_sidebar(frame: pd.DataFrame, events: Mapping[str, Event]) -> Filters:
    """Draw the filters and return what is chosen (the latest event by default)."""
    labels = filter_labels(frame)
    chosen = {}
    _events_to_show()
    with st.sidebar:
        st.header("Filters")
        named = event_labels(events)
        chosen_events = st.multiselect(
            "Event",
            list(named),
            default=None if EVENTS_KEY in st.session_state else _latest_event(events),
            key=EVENTS_KEY,
            bind="query-params",
            format_func=named.__getitem__,
            placeholder="All events",
            help="The latest event is shown first; clear this to show every event.",
        )
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
            tuple(chosen_events),
        )
        st.button(
            "Clear filters",
            key="clear_filters",
            on_click=_clear_filters,
            disabled=not filters.active,
            width="stretch",
        )
    return filters


_SHOW_EVENTS = "events_to_show"


def show_event(event_id: str) -> None:
    """Have the next run add an event to the event filter (when it names some), so
    rows just added to it are on screen."""
    st.session_state.setdefault(_SHOW_EVENTS, []).append(event_id)


def _events_to_show() -> None:
    """Before the event filter is drawn: add the events saves asked to show."""
    pending = st.session_state.pop(_SHOW_EVENTS, [])
    chosen = list(st.session_state.get(EVENTS_KEY) or [])
    if chosen and pending:
        st.session_state[EVENTS_KEY] = [
            *chosen,
            *(e for e in pending if e not in chosen),
        ]


def layer_sidebar(target_types: Sequence[str]) -> frozenset[str]:
    """The map layers to draw, chosen in the sidebar and kept in the link."""
    names = layer_labels(target_types)
    with st.sidebar:
        shown = st.multiselect(
            "Map layers",
            list(names),
            default=None if LAYERS_KEY in st.session_state else _default_layers(names),
            key=LAYERS_KEY,
            bind="query-params",
            format_func=names.__getitem__,
            placeholder="No layers",
        )
    return frozenset(shown)


def display_sidebar() -> bool:
    """Whether the page is in projector mode (dark, large type); kept in the link."""
    with st.sidebar:
        return st.toggle(
            "Projector mode",
            key=PROJECTOR_KEY,
            bind="query-params",
            help="Dark, high-contrast page and map with large type, for a projector.",
        )


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
