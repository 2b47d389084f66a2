"""The map alone on a page: what ``python -m bench.browser`` compares the dashboard
with. The same data, store and map as the dashboard, and nothing else on the page,
so the time it takes to draw is what Streamlit and the map's frame take by
themselves in this browser."""

import streamlit as st

from components.domain.filters import Filters, target_type_options
from components.domain.layers import default_layers
from components.ui.loading import load_data
from components.ui.map_panel import incident_map

st.set_page_config(page_title="Incident map (map alone)", layout="wide")
frame, _ = load_data()
layers = frozenset(default_layers(target_type_options(frame)))
incident_map(frame, frame, Filters(), layers)
