"""Tables for the printed page: the screen's tables are drawn on a canvas, which
prints only the rows in view and cuts off the columns past the page's edge. These
are plain HTML tables, shown only in print (``css/print.css``): they fit the
page's width, wrap long text, and continue on the next page with their header."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.domain.model import CASUALTY_FIELDS
from components.exports.files import count_labels

MAX_PRINT_ROWS = 1_000
"""More rows than this are left to the CSV download (a printout of a thousand
rows is already some twenty pages)."""
INCIDENT_COLUMNS = {
    "place": "Place",
    "target_label": "Target",
    "attack_labels": "Attack",
    "killed_civilians": "Civilians killed",
    "killed_security": "Security killed",
    "killed_attackers": "Attackers killed",
    "killed_unspecified": "Killed, group n/r",
    "injured": "Injured",
    "date": "Date",
    "source_location": "Where in the source",
}
"""What a printed row says (each event's source is named in its line above)."""


def table_html(table: pd.DataFrame, caption: str = "") -> str:
    """``table`` as an HTML table of text (every value escaped), with its caption."""
    head = "".join(f"<th>{html.escape(str(name))}</th>" for name in table.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(_text(value))}</td>" for value in row)
        + "</tr>"
        for row in table.itertuples(index=False)
    )
    said = f'<p class="print-caption">{html.escape(caption)}</p>' if caption else ""
    return (
        f'<div class="print-only">{said}<table class="print-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def incidents_for_print(filtered: pd.DataFrame) -> pd.DataFrame:
    """The incident table's columns a printout needs, with counts in words where
    the source gives none."""
    shown = filtered.head(MAX_PRINT_ROWS)
    present = [column for column in INCIDENT_COLUMNS if column in shown.columns]
    table = shown[present].assign(
        **{c: count_labels(shown[c]) for c in CASUALTY_FIELDS if c in shown.columns}
    )
    if "source_location" in table.columns:  # the file's name and line, not its path
        table["source_location"] = (
            table["source_location"].astype(str).str.rsplit("/", n=1).str[-1]
        )
    return table.rename(columns=INCIDENT_COLUMNS)


def print_incidents(filtered: pd.DataFrame) -> None:
    """The printed page's incident table (nothing on screen)."""
    if filtered.empty:
        return
    caption = f"Incidents ({len(filtered):,})"
    if len(filtered) > MAX_PRINT_ROWS:
        caption += f": the first {MAX_PRINT_ROWS:,}; the CSV download has them all"
    st.html(table_html(incidents_for_print(filtered), caption))


def print_table(table: pd.DataFrame, caption: str = "") -> None:
    """Any small table of text for the printed page (nothing on screen)."""
    st.html(table_html(table, caption))
