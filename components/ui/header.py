"""Page title and a line per selected event, saying only what is known."""

from __future__ import annotations

import streamlit as st

from components.domain.briefing import Briefing
from components.support.text import markdown_text as md

MAX_EVENT_LINES = 5


def page_header(brief: Briefing, *, compact: bool = False) -> None:
    """The title and the events' lines; ``compact`` (beside or under the map) sets
    the title smaller and the lines as small print."""
    if compact:
        st.markdown("## Incident map")
    else:
        st.title("Incident map")
    lines = brief.events[:MAX_EVENT_LINES]
    for line in lines:
        if compact:
            st.caption(md(line.description))
        else:
            st.markdown(md(line.description))
    if len(brief.events) > len(lines):
        st.caption(
            f"and {len(brief.events) - len(lines)} more event(s): see the table "
            "under the headline figures."
        )
