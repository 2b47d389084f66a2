"""Incident map: the Streamlit entry point. Wiring only; the logic is in components/."""

import streamlit as st

from components.filters import apply_filters
from components.logs import configure_logging
from components.ui.about import about_panel
from components.ui.access import page_access
from components.ui.header import page_header
from components.ui.history_panel import history_panel
from components.ui.import_panel import import_panel
from components.ui.link import open_link
from components.ui.loading import data_store, load_data
from components.ui.map_panel import incident_map
from components.ui.metrics import headline_metrics
from components.ui.page_order import whole_page
from components.ui.playback import playback
from components.ui.remembered import page_briefing, target_type_options
from components.ui.report_panel import report_panel
from components.ui.sidebar import display_sidebar, filter_sidebar, layer_sidebar
from components.ui.style import page_style
from components.ui.table import incident_table
from components.ui.timeline import timeline
from components.ui.users_panel import users_panel

st.set_page_config(page_title="Incident map", page_icon="🗺️", layout="wide")
configure_logging("INFO")

frame, events = load_data()
store = data_store()
top = st.container()
open_link(frame)
filters = filter_sidebar(frame, events)
layers = layer_sidebar(target_type_options(frame))
projector = display_sidebar()
page_style(projector)
access = page_access(store)
filtered = apply_filters(frame, filters)
brief = page_briefing(filtered, events)

with top:
    page_header(brief)
shown = playback(filtered)
if shown is not filtered:
    brief = page_briefing(shown, events)
headline_metrics(brief, frame, events)
if filtered.empty:
    st.info("No incidents match these filters. Clear them in the sidebar.")
whole = whole_page()  # the map first; the rest once it is drawn
incident_map(shown, frame, filters, layers, projector=projector)
if whole:
    timeline(shown)
    incident_table(shown, events, filters, brief)
    if access.can_write:
        import_panel(frame, access)
        report_panel(frame, events, access)
    history_panel(shown, store, access)
    users_panel(store, access)
    about_panel(events)
