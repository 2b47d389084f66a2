"""The map, through streamlit-folium."""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import map_assets
from components.filters import target_type_options
from components.mapview import base_map, incident_layers
from components.ui.link import link_hidden_layers, link_map_view
from components.views import layer_keys

MAP_KEY = "incident_map"
MAP_HEIGHT = 600


def incident_map(filtered: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Draw the filtered incidents, with a layer for each target type in ``frame``.
    Panning and zooming do not rerun the app."""
    assets = map_assets()
    if not assets.local:
        st.warning(
            "The map's offline files are missing, so Leaflet comes from a public CDN "
            "and there is no outline basemap: with no internet the map stays blank. "
            "Run `.venv/bin/python -m components.assets` once, then reload.",
            icon="⚠️",
        )
    target_types = target_type_options(frame)
    hidden = link_hidden_layers(layer_keys(target_types))
    st_folium(
        base_map(assets, link_map_view()),
        key=MAP_KEY,
        feature_group_to_add=incident_layers(filtered, target_types, hidden),
        layer_control=folium.LayerControl(collapsed=False),
        returned_objects=[],
        height=MAP_HEIGHT,
        use_container_width=True,
    )
