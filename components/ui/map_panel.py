"""The map, through streamlit-folium."""

from __future__ import annotations

import folium
import pandas as pd
from streamlit_folium import st_folium

from components.mapview import base_map, incident_layers

MAP_KEY = "incident_map"


def incident_map(filtered: pd.DataFrame) -> None:
    """Draw the filtered incidents. Panning and zooming do not rerun the app."""
    st_folium(
        base_map(),
        key=MAP_KEY,
        feature_group_to_add=incident_layers(filtered),
        layer_control=folium.LayerControl(collapsed=False),
        returned_objects=[],
        height=560,
        use_container_width=True,
    )
