"""A one-page briefing sheet, PDF or PNG, drawn offline with matplotlib.

Title and date stamp, the map of the chosen view over the outline basemap (land,
coast, borders) with the same symbols as the page (a shape and a colour per target
class; province-wide items hollow), deaths by place with their number, the headline
figures, a table of the events, their sources and the precision notes. No browser
and no network: matplotlib's Agg and PDF backends, through its object interface
(``Figure``, not ``pyplot``), so it is safe in a server thread.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import textwrap
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.typing import RcKeyType

from components.domain.briefing import FIGURE_COLUMNS, Briefing, briefing, figure_text
from components.domain.model import CASUALTY_FIELDS, Event
from components.domain.viewport import Bounds
from components.exports.sheet_map import draw_map, sheet_bounds
from components.map.assets import BASEMAP_FILE, STATIC_DIR, VENDOR

logger = logging.getLogger(__name__)

SheetFormat = Literal["pdf", "png"]
PAGE_INCHES = (11.69, 8.27)
"""A4, landscape."""
PNG_DPI = 150

LITERAL_TEXT: dict[RcKeyType, Any] = {"text.parse_math": False, "pdf.fonttype": 42}
"""Every text as the characters it holds: no mathtext, so ``$x^2$`` in an event's
name prints as typed and a lone ``$`` cannot break the drawing. TrueType text in
the PDF: searchable, and copyable into a message."""


def outline_basemap(static_dir: Path = STATIC_DIR) -> dict | None:
    """The outline basemap GeoJSON the app serves, or None when it is missing."""
    path = static_dir / VENDOR / BASEMAP_FILE
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("briefing sheet without basemap (%s): %s", path, error)
        return None


def _headline_lines(brief: Briefing) -> list[tuple[str, str]]:
    deaths = brief.headline.deaths
    lines = [(CASUALTY_FIELDS[c], figure_text(deaths[c].value)) for c in deaths]
    named, at_least = brief.headline.places_named, brief.headline.places_hit_at_least
    lines.append(
        (
            "Cities and towns hit",
            f"{named:,} named of at least {at_least:,}"
            if at_least and at_least > named
            else f"{named:,} named",
        )
    )
    lines.append(("Incidents", f"{brief.incidents:,}"))
    return lines


def _event_rows(brief: Briefing) -> list[list[str]]:
    short = {
        "killed_civilians": "Civ.",
        "killed_security": "Sec.",
        "killed_attackers": "Att.",
        "killed_unspecified": "Oth.",
        "injured": "Inj.",
    }
    rows = [["Event", "Date", *(short[c] for c in FIGURE_COLUMNS)]]
    for line in brief.events[:12]:
        rows.append(
            [
                textwrap.shorten(line.name, 26, placeholder="…"),
                f"{line.date.day} {line.date:%b %Y}" if line.date else "",
                *(
                    "-" if line.figures[c] is None else f"{line.figures[c]:,}"
                    for c in FIGURE_COLUMNS
                ),
            ]
        )
    return rows


def _draw_text(fig: Figure, brief: Briefing, scope: Sequence[str]) -> None:
    x, y = 0.645, 0.865
    fig.text(x, y, "Headline", fontsize=11, fontweight="bold", va="top")
    y -= 0.035
    for label, value in _headline_lines(brief):
        fig.text(x, y, label, fontsize=9, va="top")
        fig.text(0.97, y, value, fontsize=9, fontweight="bold", va="top", ha="right")
        y -= 0.026
    y -= 0.012
    rows = _event_rows(brief)
    fig.text(x, y, "Events", fontsize=11, fontweight="bold", va="top")
    y -= 0.03
    height = 0.024 * len(rows)
    table_ax = fig.add_axes((x, y - height, 0.955 - x, height))
    table_ax.axis("off")
    table = table_ax.table(cellText=rows, loc="upper left", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(6.5)
    numbers = len(rows[0]) - 2  # the event's name and date, then its figures
    widths = [0.38, 0.19, *([0.43 / numbers] * numbers)]
    for (_, column), cell in table.get_celld().items():
        cell.set_width(widths[column])
    for (row, _), cell in table.get_celld().items():
        cell.set_linewidth(0.3)
        if row == 0:
            cell.set_text_props(fontweight="bold")
    y -= height + 0.03
    sources = [
        line.source_title
        + (f" ({line.source_publisher})" if line.source_publisher else "")
        for line in brief.events
        if line.source_title
    ]
    blocks = [
        ("Sources", sources[:6]),
        ("Precision", list(brief.notes)),
        ("Selection", list(scope)),
    ]
    for heading, items in blocks:
        if not items or y < 0.08:
            continue
        fig.text(x, y, heading, fontsize=10, fontweight="bold", va="top")
        y -= 0.026
        for item in items:
            for part in textwrap.wrap(item, 62)[:4]:
                if y < 0.05:
                    break
                fig.text(x, y, part, fontsize=7.5, va="top")
                y -= 0.02
            y -= 0.004
        y -= 0.01


def briefing_sheet(
    frame: pd.DataFrame,
    events: Mapping[str, Event],
    *,
    title: str = "Incident briefing",
    scope: Sequence[str] = (),
    bounds: Bounds | None = None,
    fmt: SheetFormat = "pdf",
    prepared: dt.datetime | None = None,
    basemap: dict | None = None,
) -> bytes:
    """The sheet of the rows in ``frame`` (already filtered) as PDF or PNG bytes.

    ``scope`` says in words which filters made ``frame``; ``bounds`` is the map's
    view (default: fitted to the incidents); ``basemap`` the outline GeoJSON
    (default: the file the app serves)."""
    prepared = prepared or dt.datetime.now(dt.UTC)
    brief = briefing(frame, events)
    basemap = basemap if basemap is not None else outline_basemap()
    with rc_context(LITERAL_TEXT):
        fig = _draw_sheet(frame, brief, title, scope, bounds, basemap, prepared)
        return _saved(fig, fmt, title)


def _draw_sheet(
    frame: pd.DataFrame,
    brief: Briefing,
    title: str,
    scope: Sequence[str],
    bounds: Bounds | None,
    basemap: dict | None,
    prepared: dt.datetime,
) -> Figure:
    fig = Figure(figsize=PAGE_INCHES)
    fig.text(0.03, 0.965, title, fontsize=17, fontweight="bold", va="top")
    stamp = (
        f"Prepared {prepared:%d %b %Y %H:%M} UTC · {brief.incidents:,} incidents "
        f"in {len(brief.events)} event(s)"
    )
    fig.text(0.03, 0.915, stamp, fontsize=9, color="#444444", va="top")
    map_ax = fig.add_axes((0.02, 0.05, 0.60, 0.85))
    draw_map(map_ax, frame, bounds, basemap)
    _draw_text(fig, brief, scope)
    fig.text(
        0.03,
        0.025,
        "Basemap: Natural Earth (public domain). Figures as the sources give them; "
        "'-' means not reported.",
        fontsize=6.5,
        color="#555555",
    )
    return fig


def _saved(fig: Figure, fmt: SheetFormat, title: str) -> bytes:
    for text in fig.findobj(Text):
        text.set_text(printable(text.get_text()))
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format=fmt,
        dpi=PNG_DPI if fmt == "png" else 100,
        metadata={"Title": title},
    )
    return buffer.getvalue()


def printable(text: str) -> str:
    """Text as a printed page can show it: Unicode's invisible format characters
    (byte order marks, zero-width and bidirectional controls) left out, since a
    printed line has no direction to override and matplotlib's PDF writer fails on
    some of them; tabs and other control characters as spaces."""
    return "".join(
        " " if unicodedata.category(c) == "Cc" and c != "\n" else c
        for c in text
        if unicodedata.category(c) != "Cf"
    )


def failure_sheet(reason: str, fmt: SheetFormat = "pdf") -> bytes:
    """A page that says the briefing sheet could not be drawn, and why: what a
    download gives instead of nothing when drawing the sheet fails."""
    with rc_context(LITERAL_TEXT):
        fig = Figure(figsize=PAGE_INCHES)
        fig.text(0.05, 0.9, "The briefing sheet could not be drawn", fontsize=17)
        wrapped = textwrap.fill(reason[:2_000], 110)
        fig.text(0.05, 0.82, wrapped, fontsize=10, va="top")
        fig.text(
            0.05,
            0.1,
            "The dashboard's log has the details. The CSV, GeoJSON and HTML "
            "downloads hold the same incidents.",
            fontsize=9,
            color="#555555",
        )
        return _saved(fig, fmt, "Briefing sheet not drawn")


def sheet_or_failure(draw: Callable[[], bytes], fmt: SheetFormat) -> bytes:
    """``draw()``'s sheet, or a :func:`failure_sheet` saying why it failed (logged):
    a download button's deferred file must never come back empty."""
    try:
        return draw()
    except Exception as error:
        logger.exception("the briefing sheet (%s) could not be drawn", fmt)
        return failure_sheet(f"{type(error).__name__}: {error}", fmt)


__all__ = ["LITERAL_TEXT", "briefing_sheet", "printable", "sheet_bounds"]
