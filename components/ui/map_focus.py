"""The map's part in the incident list and the edit form: it flies to the incident
a list row names and opens its popup, and it gives the edit form a point clicked
on the map. The map panel asks this module what to add to the map and hands it
what the map reported; the list and the form only set and read session state."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping

import folium
import pandas as pd
import streamlit as st

from components.map.contract import MapPayload
from components.map.focus import focus_call, focus_layer
from components.map.payload.build import View
from components.support.memo import by_table

logger = logging.getLogger(__name__)

MAP_KEY = "incident_map"
"""The main map's widget key: what it last reported is in the session under it."""
FOCUS = "map_focus"
"""(incident id, nonce) of the last row clicked in the incident list."""
PICKING = "map_picking"
"""(who asked, the map's last click when they asked): a click after it is theirs."""
PICKED = "map_picked"
"""{who asked: (lat, lon)}: the points clicked for each edit form."""
_NONCES = itertools.count(1)


def focus_on(incident_id: str) -> None:
    """Have the map fly to an incident and open its popup (once per call)."""
    st.session_state[FOCUS] = (incident_id, f"{incident_id}#{next(_NONCES)}")
    logger.info("map focus on %s", incident_id)


def focused() -> str | None:
    """The incident the map was last asked to show."""
    focus = st.session_state.get(FOCUS)
    return focus[0] if focus else None


def focus_layers(
    payload: MapPayload,
    latest: pd.DataFrame,
    selection: pd.DataFrame,
    view: View | None,
) -> list[folium.FeatureGroup]:
    """The layer that flies the map to the incident last clicked in the list
    (none before a click, or when the selection no longer holds it)."""
    focus = st.session_state.get(FOCUS)
    if not focus:
        return []
    call = _call(latest, payload, selection, view, *focus)
    return [focus_layer(call)] if call else []


@by_table()
def _call(
    latest: pd.DataFrame,
    payload: MapPayload,
    selection: pd.DataFrame,
    view: View | None,
    incident_id: str,
    nonce: str,
):
    # Remembered per payload: a rerun with the same map adds the same script, so
    # streamlit-folium leaves the layers (and the open popup) as they are.
    return focus_call(payload, latest, selection, view, incident_id, nonce)


def start_picking(owner: str) -> None:
    """Take the next click on the map as a point for ``owner`` (an edit form)."""
    returned = st.session_state.get(MAP_KEY) or {}
    st.session_state[PICKING] = (owner, _click(returned))


def stop_picking() -> None:
    st.session_state.pop(PICKING, None)


def picking() -> str | None:
    """Who the next click on the map is for, if anyone."""
    waiting = st.session_state.get(PICKING)
    return waiting[0] if waiting else None


def picked(owner: str) -> tuple[float, float] | None:
    """The point last clicked for ``owner``."""
    return st.session_state.get(PICKED, {}).get(owner)


def forget_pick(owner: str) -> None:
    st.session_state.get(PICKED, {}).pop(owner, None)


def take_click(returned: Mapping | None) -> None:
    """After the map reported: a click made while someone was picking is their
    point; the whole page runs again so their form shows it."""
    waiting = st.session_state.get(PICKING)
    if not waiting or not returned:
        return
    owner, before = waiting
    click = _click(returned)
    if click is None or click == before:
        return
    st.session_state.setdefault(PICKED, {})[owner] = click
    stop_picking()
    logger.info("map point picked for %s", owner)
    st.rerun(scope="app")


def _click(returned: Mapping) -> tuple[float, float] | None:
    try:
        clicked = returned["last_clicked"]
        return (round(float(clicked["lat"]), 5), round(float(clicked["lng"]), 5))
    except (KeyError, TypeError, ValueError):
        return None
