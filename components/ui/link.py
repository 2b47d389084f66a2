"""The page's URL as a shareable view: what a link asked for, and what it ignored.
What a link means is ``components.domain.share_link``'s; this reads the URL."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from components.domain import share_link
from components.domain.model import Event
from components.domain.viewport import MapView
from components.support.text import markdown_text as md
from components.ui.remembered import link_terms

_NOTES = "link_notes"
_MAP_VIEW = "link_map_view"


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def open_link(frame: pd.DataFrame, events: Mapping[str, Event]) -> None:
    """On a session's first run, read the link; on every run, say what it ignored.

    Runs before the sidebar, whose widgets take their own parameters from the URL:
    parts written in a form they do not read are written again in theirs.
    """
    open_link_of(lambda: link_terms(frame, events))


def open_link_of(terms_of: Callable[[], share_link.LinkTerms]) -> None:
    """:func:`open_link` on a page whose link terms ``terms_of()`` gives."""
    if _NOTES not in st.session_state:
        terms = terms_of()
        link = share_link.read_link(_params(), terms)
        _rewrite(link, terms)
        st.session_state[_NOTES] = link.notes
        st.session_state[_MAP_VIEW] = link.view
    notes = st.session_state[_NOTES]
    if notes:
        listing = "\n".join(f"- {md(note)}" for note in notes)
        st.info(f"Parts of this link were ignored:\n{listing}", icon=":material/link:")


def _rewrite(link: share_link.Link, terms: share_link.LinkTerms) -> None:
    """Write the parameters named by code (or, for layers, as ``key,key``) again
    as the labels the sidebar's widgets read, and choose them in the widgets."""
    written = share_link.write_link(link, terms)
    for name in link.rewrite:
        if written.get(name):
            st.query_params[name] = written[name]
            st.session_state[name] = list(link.chosen[name])
        else:  # nothing known: the widget's default
            del st.query_params[name]
    if share_link.SEARCH in st.query_params and link.search is None:
        del st.query_params[share_link.SEARCH]  # a search the list will not run


def link_chooses_a_view() -> bool:
    """Whether the link chooses what the sidebar shows (events, filters, layers or
    projector mode): only the sidebar's widgets read those."""
    return share_link.chooses_sidebar(st.query_params)


def link_map_view() -> MapView | None:
    """The map view the page was opened with (fixed for the session)."""
    return st.session_state.get(_MAP_VIEW)
