"""The map, through streamlit-folium: it follows the selection, goes to a place,
and keeps its view in the page's link.

The map is a fragment: panning, zooming or going to a place reruns the map alone,
not the page around it, and the parts of the map that do not depend on the view
are remembered for the table they were drawn from."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence, Set

import folium
import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from streamlit_folium import st_folium

from components.domain.filters import Filters
from components.domain.layers import VIEWLESS_KEYS, hidden_layers
from components.domain.share_link import ANALYST, MAP, map_value
from components.domain.viewport import Bounds, MapView, fit_view
from components.map.assets import MapAssets, map_assets
from components.map.base_layers import DEFAULT_VIEW, base_map
from components.map.contract import MapPayload
from components.map.folium_map import incident_layers
from components.map.payload.build import View, assemble_payload, build_payload
from components.map.payload.pages import POPUPS, FrameSource
from components.map.payload.remembered import (
    frame_groups,
    latest_of,
    table_groups,
    viewless_of,
)
from components.map.payload.viewless import ViewlessLayers
from components.store.map_groups import SqlGroups, SqlPages
from components.store.map_layers import sql_viewless
from components.support.memo import by_table
from components.support.text import markdown_text as md
from components.ui import map_focus
from components.ui.layout import MAP_SIZES
from components.ui.link import link_map_view
from components.ui.loading import data_store
from components.ui.page_order import drawing_whole_page, keep_place, map_drawn
from components.ui.popup_route import popup_address
from components.ui.remembered import target_type_options

logger = logging.getLogger(__name__)

MAP_KEY = map_focus.MAP_KEY
MAP_HEIGHT = 600
RETURNED = ["zoom", "center", "bounds", "last_clicked"]
"""What the map reports back; a change of view reruns the map (a fragment), and
so does a click on the map (a point an edit form may be waiting for)."""
START = "map_start_view"
TARGET = "map_target_view"
FITTED = "map_fitted_to"
SHOWN = "map_shown"
PLACE_KEY = "go_to_place"
PLACE_BOX_HEIGHT = 40
"""The place box's height in pixels (measured in Chromium)."""


def incident_map(
    filtered: pd.DataFrame,
    frame: pd.DataFrame,
    filters: Filters,
    shown_layers: Set[str],
    *,
    projector: bool = False,
    layout: str = ANALYST,
) -> None:
    """Draw the filtered incidents (a layer for each target type in ``frame``
    that ``shown_layers`` names), fitted to them when the selection changes;
    ``projector`` draws a dark basemap; ``layout`` (``components.ui.layout``)
    sets the fitted view's size and whether the place box comes after the map."""
    assets = _assets()
    _map_fragment(
        assets, filtered, frame, filters, frozenset(shown_layers), projector, layout
    )


def _assets() -> MapAssets:
    """The map's browser assets; a warning when they are not on this machine."""
    assets = map_assets()
    if not assets.local:
        st.warning(
            "The map's offline files are missing, so Leaflet comes from a public CDN "
            "and there is no outline basemap: with no internet the map stays blank. "
            "Run `.venv/bin/python -m components.map.assets` once, then reload.",
            icon="⚠️",
        )
    return assets


@st.fragment
def _map_fragment(
    assets: MapAssets,
    filtered: pd.DataFrame,
    frame: pd.DataFrame,
    filters: Filters,
    shown_layers: frozenset[str],
    projector: bool,
    layout: str,
) -> None:
    """The map and its place box: a pan, zoom or place reruns only this."""
    if _reported_view() is not None:
        map_drawn()  # the first report: the rest of the page, before anything else
    if layout == ANALYST:
        _place_box()
    _follow_selection(
        (filters, len(filtered), layout),
        layout,
        _bounds(filtered) if len(filtered) else None,
    )
    st.session_state.setdefault(START, st.session_state[TARGET])
    target_types = target_type_options(frame)
    hidden = hidden_layers(target_types, shown_layers)
    started = time.perf_counter()
    payload, served = _payload(
        filtered,
        tuple(target_types),
        hidden,
        _reported_view(),
        popup_address(),
        _selection(frame, filters, filtered),
        frame,
    )
    if served is not None:  # again on every run: the map on screen stays served
        POPUPS.register(*served)
    logger.info(
        "map payload %s: %s mode, %d group(s) of %d incidents, %.2f s",
        payload["id"],
        payload["mode"],
        len(payload["markers"])
        if payload["mode"] == "markers"
        else (payload["points"] or {}).get("count", 0),
        len(filtered),
        time.perf_counter() - started,
    )
    latest = latest_of(filtered)[0]
    focus = map_focus.focus_layers(payload, latest, filtered, _reported_view())
    _draw(assets, payload, focus, projector, layout)


def _draw(
    assets: MapAssets,
    payload: MapPayload,
    focus: list[folium.FeatureGroup],
    projector: bool,
    layout: str,
) -> None:
    """The folium map of ``payload`` (and ``focus``), its view kept in the link."""
    target: MapView = st.session_state[TARGET]
    start: MapView = st.session_state[START]
    returned = st_folium(
        base_map(assets, start, dark=projector),
        key=MAP_KEY,
        feature_group_to_add=incident_layers(payload) + focus,
        layer_control=folium.LayerControl(collapsed=True),
        returned_objects=RETURNED,
        center=target.centre,
        zoom=target.zoom,
        height=MAP_HEIGHT,
        use_container_width=True,
    )
    _keep_view_in_link(returned)
    _remember_shown()
    map_focus.take_click(returned)
    if layout != ANALYST:  # the map at the top of the page, the box under it
        _place_box()


def database_map(
    engine: Engine,
    version: tuple[object, ...],
    target_types: Sequence[str],
    filters: Filters,
    shown_layers: Set[str],
    *,
    projector: bool = False,
    layout: str = ANALYST,
) -> None:
    """:func:`incident_map` on a page that asks the database (version
    ``version``, its data's ``target_types``): the groups, cells, layers and
    popups of ``filters`` are queries; no incident table is held."""
    assets = _assets()
    _database_fragment(
        assets,
        engine,
        version,
        tuple(target_types),
        filters,
        frozenset(shown_layers),
        projector,
        layout,
    )


@st.fragment
def _database_fragment(
    assets: MapAssets,
    engine: Engine,
    version: tuple[object, ...],
    target_types: tuple[str, ...],
    filters: Filters,
    shown_layers: frozenset[str],
    projector: bool,
    layout: str,
) -> None:
    """The map asked of the database and its place box: a pan, zoom or place
    reruns only this (and asks only for the groups in the new view)."""
    if _reported_view() is not None:
        map_drawn()
    if layout == ANALYST:
        _place_box()
    hidden = hidden_layers(target_types, shown_layers)
    started = time.perf_counter()
    groups, viewless = _database_selection(
        engine, version, filters, hidden & VIEWLESS_KEYS
    )
    bounds = viewless.bounds
    _follow_selection(  # refitted when a save changes the data, as by its rows
        (filters, version, layout),
        layout,
        (bounds[0][0], bounds[0][1], bounds[1][0], bounds[1][1]) if bounds else None,
    )
    st.session_state.setdefault(START, st.session_state[TARGET])
    selection = f"sql:{version!r}:{filters!r}"
    address = popup_address()

    def popups(content: str, chosen: pd.DataFrame) -> str:
        token = POPUPS.token(content, selection)
        POPUPS.register(token, SqlPages(engine, filters), chosen)
        return f"{address}?source={token}"

    payload = assemble_payload(
        groups, target_types, _reported_view(), hidden, viewless, popups=popups
    )
    logger.info(
        "map payload %s asked of the database: %s mode, %.2f s",
        payload["id"],
        payload["mode"],
        time.perf_counter() - started,
    )
    _draw(assets, payload, [], projector, layout)


@st.cache_resource(max_entries=8, show_spinner="Asking the database for the map…")
def _database_selection(
    _engine: Engine,
    version: tuple[object, ...],
    filters: Filters,
    skipped: frozenset[str],
) -> tuple[SqlGroups, ViewlessLayers]:
    """The groups source and the view-independent layers of a selection, once
    per saved version (the source keeps the groups of each view it was asked)."""
    return SqlGroups(_engine, filters), sql_viewless(_engine, filters, skipped)


def _place_box() -> None:
    if drawing_whole_page():
        _go_to_place()
    else:  # the box comes with the rest of the page (it loads code of its own)
        keep_place(PLACE_BOX_HEIGHT)


Served = tuple[str, FrameSource, pd.DataFrame]
"""A payload's popup token, where its incidents come from, and its groups."""


@by_table()
def _payload(
    filtered: pd.DataFrame,
    target_types: tuple[str, ...],
    hidden: frozenset[str],
    view: View | None,
    address: str,
    selection: str,
    table: pd.DataFrame,
) -> tuple[MapPayload, Served | None]:
    """The page's payload: what ``map_payload`` gives, with the parts of it that do
    not depend on the view (and the groups) worked out once per selection, and
    popups that ask ``address`` for their incidents; with what serves them."""
    latest, history = latest_of(filtered)
    served: list[Served] = []

    def popups(content: str, groups: pd.DataFrame) -> str:
        token = POPUPS.token(content, selection)
        served.append((token, FrameSource(latest, history), groups))
        return f"{address}?source={token}"

    payload = build_payload(
        latest,
        target_types,
        history,
        view,
        hidden,
        selection=latest,
        skip_hidden=True,
        viewless=viewless_of(latest, hidden & VIEWLESS_KEYS, table_groups(table)),
        groups=frame_groups(latest, table_groups(table)),
        popups=popups,
    )
    return payload, served[0] if served else None


def _selection(frame: pd.DataFrame, filters: Filters, filtered: pd.DataFrame) -> str:
    """What says which incidents are drawn, the same on every rerun that draws
    them (the same loaded table, filters and playback day): a popup's address
    stays the same while they do, so the map is not drawn again."""
    last = filtered["date"].max() if len(filtered) else None
    return f"{id(frame)}:{filters!r}:{len(filtered)}:{last}"


def _follow_selection(
    selection: tuple[object, ...], layout: str, bounds: Bounds | None
) -> None:
    """Fit the map to the selection's ``bounds`` whenever ``selection`` (what
    chose it, and the layout, which sizes the map) changes; on the first run, a
    link's own view wins."""
    if st.session_state.get(FITTED) == selection:
        return
    first = FITTED not in st.session_state
    st.session_state[FITTED] = selection
    linked = link_map_view() if first else None
    size = MAP_SIZES.get(layout, MAP_SIZES[ANALYST])
    fitted = fit_view(bounds, size) if bounds is not None else None
    st.session_state[TARGET] = linked or fitted or DEFAULT_VIEW


def _bounds(frame: pd.DataFrame) -> Bounds:
    return (
        float(frame["lat"].min()),
        float(frame["lon"].min()),
        float(frame["lat"].max()),
        float(frame["lon"].max()),
    )


def shown_bounds() -> Callable[[], Bounds | None]:
    """A reader of what the map last showed: (south, west, north, east), or None
    until the map has said. Read when called, so it follows the map's own reruns
    (and works where the page's session is out of reach, as in a download)."""
    shown: dict[str, Bounds] = st.session_state.setdefault(SHOWN, {})
    return lambda: shown.get("bounds")


def _remember_shown() -> None:
    view = _reported_view()
    if view is not None:
        st.session_state.setdefault(SHOWN, {})["bounds"] = (
            view.south,
            view.west,
            view.north,
            view.east,
        )


def _reported_view() -> View | None:
    """The part of the map the browser last showed, if it has said."""
    returned = st.session_state.get(MAP_KEY) or {}
    bounds, zoom = returned.get("bounds"), returned.get("zoom")
    try:
        south_west, north_east = bounds["_southWest"], bounds["_northEast"]
        return View(
            float(south_west["lat"]),
            float(south_west["lng"]),
            float(north_east["lat"]),
            float(north_east["lng"]),
            int(zoom),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _keep_view_in_link(returned: dict | None) -> None:
    """Write the map's centre and zoom into the page's link (``map=z/lat/lon``)."""
    try:
        centre, zoom = returned["center"], int(returned["zoom"])
        view = MapView(float(centre["lat"]), float(centre["lng"]), zoom)
    except (KeyError, TypeError, ValueError):
        return
    if st.query_params.get(MAP) != map_value(view):
        st.query_params[MAP] = map_value(view)


def _go_to_place() -> None:
    st.text_input(
        "Go to a place",
        key=PLACE_KEY,
        placeholder="Go to a place: a town, district or province (e.g. Kalat)",
        label_visibility="collapsed",
        on_change=_move_to_place,
    )


def _move_to_place() -> None:
    name = st.session_state.get(PLACE_KEY, "").strip()
    if not name:
        return
    found = data_store().gazetteer.match(name, fuzzy=True)  # the team's places too
    if found.place is None:
        hint = (
            f" Closest: {', '.join(found.suggestions[:3])}."
            if found.suggestions
            else ""
        )
        st.toast(f"'{md(name)}' is not in the gazetteer.{md(hint)}", icon="📍")
        return
    place = found.place
    zoom = {1: 11, 2: 9, 3: 7}[int(found.precision or place.precision)]
    st.session_state[TARGET] = MapView(place.lat, place.lon, zoom)
    logger.info("map moved to %s", place.name)
