"""The map first: a session's first run draws the head of the page, the rest
follows once the map is drawn.

A briefer opens the page to see the map. The timeline, table and panels under it
cost the browser seconds of rendering, and drawn in the same pass they hold the
map back; so do the sidebar's widgets, the playback control and the place box. So
a session's first run draws the title, the headline figures and the map (with
places kept for the sidebar's widgets, the playback and the map's place box), and
stops there; the map's first report of its view (it has drawn) reruns the whole
page. Should the map never report (its script failed to load), a timer brings the
rest a few seconds later all the same. Every later run draws the whole page.
"""

from __future__ import annotations

import logging
import time

import streamlit as st

logger = logging.getLogger(__name__)

HEAD_DRAWN = "page_head_drawn"
"""When the session's first run drew the head of the page (time.monotonic())."""
WHOLE_DRAWN = "page_whole_drawn"
FALLBACK_SECONDS = 4.0
"""How long the rest waits for a map that does not report."""


def whole_page() -> bool:
    """Whether this run draws the whole page: every run but a session's first.
    Asked before the page is drawn (the map asks for the rest when it waits)."""
    if HEAD_DRAWN in st.session_state:
        st.session_state[WHOLE_DRAWN] = True
        return True
    st.session_state[HEAD_DRAWN] = time.monotonic()
    st.session_state[WHOLE_DRAWN] = False
    return False


def drawing_whole_page() -> bool:
    """Whether this run draws the whole page (for parts inside the head)."""
    return st.session_state.get(WHOLE_DRAWN, True)


def keep_place(height: int) -> None:
    """An empty place ``height`` pixels tall for a part the rest of the page draws,
    so nothing under it moves when it comes."""
    st.container(height=height, border=False)


def rest_to_come() -> None:
    """At the head's end: the timer that brings the rest should the map not."""
    with st.sidebar:  # at the sidebar's end, where it moves nothing on the page
        _rest_later()


def map_drawn() -> None:
    """The map has reported its view: draw the rest of the page if it waits."""
    if not st.session_state.get(WHOLE_DRAWN, True):
        _draw_the_rest("the map is drawn")


@st.fragment(run_every=FALLBACK_SECONDS)
def _rest_later() -> None:
    """Drawn with the head of the page only: its timed run brings the rest if the
    map has not (the whole page no longer draws it, which stops the timer)."""
    waited = time.monotonic() - st.session_state.get(HEAD_DRAWN, time.monotonic())
    if not st.session_state.get(WHOLE_DRAWN) and waited >= FALLBACK_SECONDS * 0.8:
        _draw_the_rest("the map did not report in time")


def _draw_the_rest(why: str) -> None:
    logger.info("drawing the rest of the page: %s", why)
    st.rerun(scope="app")
