"""The page's URL as a shareable view: what a link asked for, and what it ignored."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components.domain import share_link as views
from components.domain.layers import layer_keys, layer_labels
from components.domain.viewport import MapView
from components.support.text import markdown_text as md
from components.ui.remembered import date_span, filter_labels, target_type_options
from components.ui.sidebar import LAYERS_KEY

_NOTES = "link_notes"
_MAP_VIEW = "link_map_view"


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def open_link(frame: pd.DataFrame) -> None:
    """On a session's first run, read the link; on every run, say what it ignored.

    Runs before the filters, which take their own parameters from the URL.
    """
    if _NOTES not in st.session_state:
        _read_old_layer_links(frame)
        params = _params()
        labels = filter_labels(frame)
        options = {name: set(by_value.values()) for name, by_value in labels.items()}
        layers = layer_keys(list(labels[views.TARGET]))
        st.session_state[_NOTES] = views.link_notes(
            params, options, date_span(frame), layers
        )
        st.session_state[_MAP_VIEW] = views.map_view(params)
    notes = st.session_state[_NOTES]
    if notes:
        listing = "\n".join(f"- {md(note)}" for note in notes)
        st.info(f"Parts of this link were ignored:\n{listing}", icon=":material/link:")


def _read_old_layer_links(frame: pd.DataFrame) -> None:
    """Links written before the layers moved to the sidebar say ``layers=a,b`` with
    layer keys; the sidebar's parameter holds one label per value."""
    values = st.query_params.get_all(views.LAYERS)
    if len(values) != 1 or "," not in values[0]:
        return
    names = layer_labels(target_type_options(frame))
    keys = [key for key in values[0].split(",") if key in names]
    st.query_params[views.LAYERS] = [names[key] for key in keys]
    st.session_state[LAYERS_KEY] = keys


def link_chooses_a_view() -> bool:
    """Whether the link chooses what the sidebar shows (events, filters, layers or
    projector mode): only the sidebar's widgets read those."""
    return any(name in st.query_params for name in views.SIDEBAR_PARAMETERS)


def link_map_view() -> MapView | None:
    """The map view the page was opened with (fixed for the session)."""
    return st.session_state.get(_MAP_VIEW)


def link_hidden_layers(keys: Sequence[str]) -> frozenset[str]:
    """The layers the URL has turned off (the map keeps the URL up to date)."""
    return views.hidden_layers(_params(), keys)
