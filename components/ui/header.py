"""Page title and the line that says what the page shows."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.model import Event
from components.text import markdown_text as md


def page_header(events: Mapping[str, Event]) -> None:
    st.title("Incident map")
    for event in events.values():
        st.markdown(
            f"**{md(event.name)}** · {md(event.admin1)} · reported "
            f"{event.date:%d %B %Y} · source: *{md(event.source.title)}*"
        )
