"""Files a briefer takes away: CSV, GeoJSON, and a map that opens with no server.

Pure: no Streamlit.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import cast

import pandas as pd
from branca.element import Figure

from components.domain.briefing import briefing, figure_text, headline_line
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS, Event
from components.formats.geojson import dumps, to_geojson
from components.map.assets import inline_assets
from components.map.folium_map import build_map
from components.support.text import spreadsheet_cell

CREDITS = (
    "Places: GeoNames (CC BY 4.0). Outline map: Natural Earth (public domain). "
    "Map: Leaflet."
)


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of ``frame``; unknown counts stay blank, formulas are neutralised
    and line breaks written as LF (a lone CR would split a row in spreadsheets)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_csv_cell)
    return safe.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def _csv_cell(value: object) -> object:
    value = spreadsheet_cell(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def count_labels(counts: pd.Series) -> pd.Series:
    """Counts as text for reading: '1,234', or 'not reported' (never 0)."""
    codes, uniques = pd.factorize(counts)
    labels = [f"{int(value):,}" for value in uniques] + ["not reported"]
    return pd.Series(pd.array(labels, dtype="string")[codes], index=counts.index)


def geojson_bytes(frame: pd.DataFrame, events: Mapping[str, Event]) -> bytes:
    """The incidents as a GeoJSON FeatureCollection (RFC 7946)."""
    return dumps(to_geojson(frame, events))


def standalone_html(
    frame: pd.DataFrame,
    title: str,
    view: Sequence[str] = (),
    today: dt.date | None = None,
    events: Mapping[str, Event] | None = None,
) -> bytes:
    """One HTML file with the map, its layers and every asset inlined.

    It opens from disk in a browser with no server and no internet. ``view``
    describes the filters that made ``frame``; it is printed on the map, with the
    headline figures and a line per event when ``events`` are given.
    """
    today = today or dt.date.today()
    figures: list[str] = []
    if events is not None and len(frame):
        brief = briefing(frame, events)
        figures = [headline_line(brief)]
        if brief.mixed:
            figures += [
                f"{line.name} ({line.date:%d %b %Y}): "
                + ", ".join(
                    f"{CASUALTY_FIELDS[c].lower()} {figure_text(line.figures[c])}"
                    for c in DEATH_FIELDS
                    if line.figures[c] is not None
                )
                for line in brief.events[:10]
                if line.date
            ]
    caption = [
        title,
        f"{len(frame):,} incidents; exported {today.isoformat()}",
        *figures,
        *view,
        CREDITS,
    ]
    fmap = build_map(frame, inline_assets(), caption)
    root = cast(Figure, fmap.get_root())  # folium draws every Map in a Figure
    root.title = html.escape(title)
    return root.render().encode("utf-8")
