"""Page title and a line per selected event, saying only what is known."""

from __future__ import annotations

import streamlit as st

from components.domain.briefing import Briefing
from components.support.text import markdown_text as md

MAX_EVENT_LINES = 5


def page_header(brief: Briefing) -> None:
    st.title("Incident map")
    lines = brief.events[:MAX_EVENT_LINES]
    for line in lines:
        st.markdown(md(line.description))
    if len(brief.events) > len(lines):
        st.caption(
            f"and {len(brief.events) - len(lines)} more event(s): see the table "
            "under the headline figures."
        )
