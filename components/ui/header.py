"""Page title and the line that says what the page shows."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.model import Event
from components.text import markdown_text as md

# Metric values shrink a little so "Not reported" fits five to a row.
PAGE_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: 1.9rem; }
</style>
"""


def page_header(events: Mapping[str, Event]) -> None:
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
    st.title("Incident map")
    for event in events.values():
        st.markdown(
            f"**{md(event.name)}** · {md(event.admin1)} · reported "
            f"{event.date.day} {event.date:%B %Y} · source: *{md(event.source.title)}*"
        )
