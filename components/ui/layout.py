"""The page's layouts, one per use, chosen in the sidebar and kept in the link
(``layout=``, ``components.domain.share_link``):

- **briefing**: the map and its legend fill the first screen, the title and the
  headline figures in a band beside it, the tables under it;
- **analyst**: the title, the figures, the map, the tables, one under another;
- **mobile**: the map first, in one column, then the figures.

:func:`page_regions` makes the page's places in the layout's order; the page then
draws each part into its place, whatever order it draws them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.domain import share_link
from components.domain.viewport import MAP_SIZE

LAYOUT_KEY = share_link.LAYOUT
MAP_SIZES = {
    share_link.BRIEFING: (640, 680),
    share_link.ANALYST: MAP_SIZE,
    share_link.MOBILE: (340, 480),
}
"""About the map's size in pixels in each layout, for the view fitted to the
selection before the browser has said (a small screen sees the whole selection)."""


@dataclass(frozen=True)
class Regions:
    """The page's places, in the layout's order."""

    layout: str
    head: Any
    notes: Any
    controls: Any
    figures: Any
    map: Any
    tables: Any
    figures_per_row: int | None
    """Headline cards per row (None: all in one row)."""

    @property
    def breakdown(self) -> Any:
        """Where the table of each event's figures goes: under the figures in the
        analyst layout, with the tables under the map in the others."""
        return self.figures if self.layout == share_link.ANALYST else self.tables

    @property
    def map_first(self) -> bool:
        """Whether the map comes before the place box (the map at the top)."""
        return self.layout != share_link.ANALYST


def current_layout() -> str:
    """The layout this run draws: the sidebar's choice, else the link's, else the
    default. Read before the sidebar is drawn (the page's places come first)."""
    chosen = st.session_state.get(LAYOUT_KEY)
    if chosen in share_link.LAYOUTS:
        return chosen
    return share_link.layout_of(st.query_params.get_all(LAYOUT_KEY))


def layout_sidebar() -> str:
    """The layout chosen in the sidebar, kept in the link."""
    with st.sidebar:
        chosen = st.selectbox(
            "Layout",
            list(share_link.LAYOUTS),
            index=list(share_link.LAYOUTS).index(current_layout()),
            key=LAYOUT_KEY,
            bind="query-params",
            format_func=share_link.LAYOUTS.__getitem__,
            help=(
                "Briefing: the map fills the first screen with the figures beside "
                "it. Analyst: the figures above the map. Mobile: the map first, one "
                "column."
            ),
        )
    return chosen or share_link.DEFAULT_LAYOUT


def page_regions(layout: str) -> Regions:
    """The page's places for ``layout``."""
    if layout == share_link.BRIEFING:
        left, band = st.columns([7, 3], gap="small")
        with left:
            map_place = st.container()
            controls = st.container()
        with band:
            head, notes, figures = st.container(), st.container(), st.container()
        return Regions(
            layout, head, notes, controls, figures, map_place, st.container(), 2
        )
    if layout == share_link.MOBILE:
        map_place, controls = st.container(), st.container()
        head, notes, figures = st.container(), st.container(), st.container()
        return Regions(
            layout, head, notes, controls, figures, map_place, st.container(), 2
        )
    head, notes, controls = st.container(), st.container(), st.container()
    figures, map_place = st.container(), st.container()
    return Regions(
        layout, head, notes, controls, figures, map_place, st.container(), None
    )
