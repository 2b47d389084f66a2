"""The page on a database too large to read into the page's process: the
filters' options, the headline, the map and the newest incidents are asked of
the database (``components.store.sql_page``), and the parts that need every
incident in hand say that they are off, and how to turn them on."""

from __future__ import annotations

import logging

import streamlit as st

from components.domain import share_link
from components.domain.access import Access
from components.domain.briefing import Briefing
from components.domain.filters import FilterOptions, Filters, plainest
from components.domain.listing import list_rows
from components.domain.model import Event
from components.store import DatabaseStore
from components.store.headline_sums import HeadlineSums, headline_sums
from components.store.sql_page import (
    LIST_ROWS,
    SQL_ABOVE_VARIABLE,
    PageMode,
    filter_options,
    newest_rows,
    sums_headline,
)
from components.support.text import code_span
from components.ui.about import about_panel
from components.ui.header import page_header
from components.ui.layout import current_layout, layout_sidebar, page_regions
from components.ui.link import open_link_of
from components.ui.map_panel import database_map
from components.ui.metrics import headline_cards
from components.ui.sidebar import terms_sidebar
from components.ui.style import page_style
from components.ui.users_panel import users_panel

logger = logging.getLogger(__name__)

OFF = (
    "the timeline, playback, the incident table and its downloads, the print "
    "sheet, each event's own figures, search, importing, reading reports, the "
    "inbox, history and sources"
)
"""What the page leaves off when it asks the database."""


@st.cache_resource(show_spinner="Reading the filters' options…", max_entries=4)
def _options(_store: DatabaseStore, version: tuple[object, ...]) -> FilterOptions:
    return filter_options(_store.engine)


@st.cache_resource(show_spinner="Adding up the figures…", max_entries=32)
def _sums(
    _store: DatabaseStore, version: tuple[object, ...], filters: Filters
) -> HeadlineSums:
    return headline_sums(_store.engine, filters)


@st.cache_resource(show_spinner="Reading the newest incidents…", max_entries=32)
def _newest(_store: DatabaseStore, version: tuple[object, ...], filters: Filters):
    return list_rows(newest_rows(_store.engine, filters, LIST_ROWS))


def database_page(store: DatabaseStore, access: Access, mode: PageMode) -> None:
    """Draw the page from queries: ``mode`` says why it asks the database."""
    version = store.version()
    events: dict[str, Event] = store.events()
    options = _options(store, version)
    terms = share_link.option_terms(options, events)
    regions = page_regions(current_layout())
    with regions.notes:
        open_link_of(lambda: terms)
        _what_is_off(mode)
    chosen, layers, projector = terms_sidebar(terms)
    filters = plainest(chosen, events)  # every event: asked as no filter
    layout_sidebar()
    page_style(projector, regions.layout)
    sums = _sums(store, version, filters)
    head = sums_headline(sums, events)
    with regions.head:
        brief = Briefing(headline=head, events=(), incidents=sums.incidents, notes=())
        page_header(brief, compact=regions.layout != "analyst")
    with regions.figures:
        whole = sums_headline(_sums(store, version, Filters()), events)
        headline_cards(head, whole, regions.figures_per_row)
        if not sums.incidents:
            st.info("No incidents match these filters. Clear them in the sidebar.")
    with regions.map:
        database_map(
            store.engine,
            version,
            list(options.target_type_labels()),
            filters,
            layers,
            projector=projector,
            layout=regions.layout,
        )
    _newest_list(store, version, filters, sums.incidents)
    users_panel(store, access)
    about_panel(events)


def _what_is_off(mode: PageMode) -> None:
    st.info(
        f"This database holds about {mode.incidents:,} incidents, more than "
        f"{code_span(SQL_ABOVE_VARIABLE)} ({mode.threshold:,}): the map, the "
        "headline figures and the newest incidents are asked of the database, "
        f"and {OFF} are off. To have them, start the page with "
        f"{code_span(SQL_ABOVE_VARIABLE + '=never')} (or a number above the "
        "database's) on a machine with the memory to hold every incident.",
        icon=":material/database:",
    )


def _newest_list(
    store: DatabaseStore, version: tuple[object, ...], filters: Filters, total: int
) -> None:
    rows = _newest(store, version, filters)
    st.subheader("Incidents")
    st.caption(
        f"The newest {len(rows):,} of the {total:,} incidents selected "
        "(narrow the filters to see others)."
        if total > len(rows)
        else f"The {total:,} incidents selected, newest first."
    )
    st.dataframe(rows, hide_index=True, key="newest_incidents")
