"""The filtered incidents as a table, and their CSV download."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain.briefing import Briefing, briefing_title
from components.domain.filters import Filters, describe
from components.domain.model import CASUALTY_FIELDS, Event
from components.exports.files import (
    count_labels,
    geojson_bytes,
    standalone_html,
    to_csv,
)
from components.ui.map_panel import shown_bounds
from components.ui.print_tables import print_incidents

TABLE_KEY = "incident_table"
MAP_TITLE = "Incident map"
MAX_TABLE_ROWS = 2_000
"""More rows than this are left to the CSV download: a briefer reads the map."""

_COLUMNS = {
    "place": st.column_config.TextColumn("Place"),
    "geo_precision": st.column_config.NumberColumn(
        "Geo precision",
        help="1 the town itself, 2 near a town, 3 only the province (ACLED)",
        format="%d",
    ),
    "target_label": st.column_config.TextColumn("Target"),
    "attack_labels": st.column_config.TextColumn("Attack"),
    **{
        column: st.column_config.TextColumn(
            label, help="'not reported' where the source gives no figure (never 0)"
        )
        for column, label in CASUALTY_FIELDS.items()
    },
    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "notes": st.column_config.TextColumn("Notes", width="large"),
    "source_title": st.column_config.TextColumn("Source"),
    "source_location": st.column_config.TextColumn("Where in the source"),
    "source_excerpt": st.column_config.TextColumn("Source text"),
    "current": st.column_config.CheckboxColumn(
        "Latest", help="Unticked: a later report revised this record's figures"
    ),
}


def incident_table(
    filtered: pd.DataFrame,
    events: Mapping[str, Event],
    filters: Filters,
    brief: Briefing,
) -> None:
    shown = filtered.head(MAX_TABLE_ROWS)
    if len(filtered) > MAX_TABLE_ROWS:
        st.caption(
            f"The table shows the first {MAX_TABLE_ROWS:,} of {len(filtered):,} rows; "
            "narrow the filters, or download them all."
        )
    shown = shown.assign(
        **{column: count_labels(shown[column]) for column in CASUALTY_FIELDS}
    )
    st.dataframe(
        shown,
        key=TABLE_KEY,
        column_order=list(_COLUMNS),
        column_config=_COLUMNS,
        hide_index=True,
        width="stretch",
    )
    print_incidents(filtered)
    scope = describe(filters) or ["Every incident of the selected events"]
    bounds = shown_bounds()

    def sheet(fmt: str) -> bytes:
        # matplotlib is imported when a sheet is asked for, not on every page load.
        from components.exports.briefing_sheet import briefing_sheet, sheet_or_failure

        return sheet_or_failure(
            lambda: briefing_sheet(
                filtered,
                events,
                title=briefing_title(brief),
                scope=scope,
                bounds=bounds(),
                fmt=fmt,
            ),
            fmt,
        )

    files = [
        ("CSV", "incidents.csv", "text/csv", lambda: to_csv(filtered)),
        (
            "GeoJSON",
            "incidents.geojson",
            "application/geo+json",
            lambda: geojson_bytes(filtered, events),
        ),
        (
            "map, HTML",
            "incident-map.html",
            "text/html",
            lambda: standalone_html(
                filtered, MAP_TITLE, describe(filters), events=events
            ),
        ),
        (
            "briefing sheet, PDF",
            "briefing.pdf",
            "application/pdf",
            lambda: sheet("pdf"),
        ),
        ("briefing sheet, PNG", "briefing.png", "image/png", lambda: sheet("png")),
    ]
    with st.container(key="downloads"):  # not printed (css/print.css)
        downloads = st.columns(5)
        for column, (kind, name, mime, make) in zip(downloads, files, strict=True):
            column.download_button(
                f"Download these {len(filtered):,} ({kind})",
                data=make,
                on_click="ignore",
                file_name=name,
                mime=mime,
                disabled=filtered.empty,
                width="stretch",
            )
        st.caption(
            "The HTML map opens from disk in any browser, offline, with the same "
            "layers. The briefing sheet is one page: the map of the current view, the "
            "headline figures, the events, their sources and how precise they are."
        )
