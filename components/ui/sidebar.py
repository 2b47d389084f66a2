"""Sidebar: which events and incidents are shown, and which map layers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain import share_link
from components.domain.filters import Filters
from components.domain.model import Event
from components.ui.first_view import default_choices
from components.ui.remembered import link_terms

# Each widget is bound to the URL parameter of its key, so a link reopens the view
# (what the parameters hold and mean: components.domain.share_link).
EVENTS_KEY = share_link.EVENT
LAYERS_KEY = share_link.LAYERS
PROJECTOR_KEY = share_link.PROJECTOR
DATES_KEY = share_link.DATES
PLACES_KEY = share_link.PLACE
TARGET_TYPES_KEY = share_link.TARGET
ATTACK_TYPES_KEY = share_link.ATTACK
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
    return terms_sidebar(link_terms(frame, events))


def terms_sidebar(terms: share_link.LinkTerms) -> tuple[Filters, frozenset[str], bool]:
    """The sidebar of a page whose options are ``terms``."""
    filters = filter_sidebar(terms)
    layers = layer_sidebar(terms)
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
    filters, layers = default_choices(frame, events)
    return filters, layers, False


def _default(key: str, terms: share_link.LinkTerms) -> list[str] | None:
    """A widget's default, unless the session has chosen already."""
    if key in st.session_state:
        return None
    return list(share_link.defaults(terms)[key])


def filter_sidebar(terms: share_link.LinkTerms) -> Filters:
    """Draw the filters and return what is chosen (the latest event by default)."""
    labels = terms.labels
    chosen = {}
    _events_to_show()
    with st.sidebar:
        st.header("Filters")
        named = labels[EVENTS_KEY]
        chosen_events = st.multiselect(
            "Event",
            list(named),
            default=_default(EVENTS_KEY, terms),
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
        dates = _date_range(terms.span)
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


def layer_sidebar(terms: share_link.LinkTerms) -> frozenset[str]:
    """The map layers to draw, chosen in the sidebar and kept in the link."""
    names = terms.labels[LAYERS_KEY]
    with st.sidebar:
        shown = st.multiselect(
            "Map layers",
            list(names),
            default=_default(LAYERS_KEY, terms),
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


def _date_range(span: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """A date-range slider over the data's span; None while it covers all of it."""
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
