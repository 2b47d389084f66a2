"""What a briefing says about the selected incidents, event by event. Pure.

The page header, the per-event table under the headline, the standalone map file
and the printed briefing sheet all read the same ``Briefing``, so they never
disagree. Figures follow ``summary.figure``: an event's report-wide total stands for
the event, and a count no row reports stays unknown (``None``), never 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS, RANGE_COLUMNS, Event
from components.domain.summary import FigureMasks, Headline, figure, headline
from components.domain.table import latest_records
from components.domain.vocabularies import GeoPrecision

FIGURE_COLUMNS = (*DEATH_FIELDS, "injured")
"""The figures a briefing gives per event and in total."""


@dataclass(frozen=True)
class EventLine:
    """One event of the selection, with the figures of its selected rows."""

    id: str
    name: str
    date: dt.date | None
    admin1: str
    source_title: str
    source_publisher: str
    incidents: int
    places_named: int
    figures: dict[str, int | None]
    """Per column of ``FIGURE_COLUMNS``: the count, or None where none is given."""
    province_wide: tuple[str, ...]
    """Columns whose figure the source gives only for a province as a whole."""

    @property
    def description(self) -> str:
        """The event in one line, leaving out what is not known."""
        parts = [self.name, self.admin1]
        if self.date:
            parts.append(f"reported {self.date.day} {self.date:%B %Y}")
        if self.source_title:
            source = self.source_title
            if self.source_publisher:
                source += f" ({self.source_publisher})"
            parts.append(f"source: {source}")
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Briefing:
    """The selection as a briefing gives it: headline, events, sources, notes."""

    headline: Headline
    events: tuple[EventLine, ...]
    incidents: int
    notes: tuple[str, ...]

    @property
    def mixed(self) -> bool:
        """True when the selection holds more than one event."""
        return len(self.events) > 1


def _event_line(rows: pd.DataFrame, event_id: str, event: Event | None) -> EventLine:
    latest = latest_records(rows)
    masks = FigureMasks.of(latest)
    figures, wide = {}, []
    for column in FIGURE_COLUMNS:
        value = figure(rows, column, latest, masks)
        figures[column] = value.value
        if value.value is not None and value.province_level:
            wide.append(column)
    towns = latest.loc[latest["geo_precision"] != int(GeoPrecision.REGION), "place"]
    first = rows["date"].min() if len(rows) else None
    return EventLine(
        id=event_id,
        name=event.name if event else event_id,
        date=event.date
        if event
        else (first.date() if first is not None and pd.notna(first) else None),
        admin1=event.admin1 if event else "",
        source_title=event.source.title if event else "",
        source_publisher=(event.source.publisher or "") if event else "",
        incidents=len(latest),
        places_named=int(towns.nunique()),
        figures=figures,
        province_wide=tuple(wide),
    )


def event_lines(
    frame: pd.DataFrame, events: Mapping[str, Event]
) -> tuple[EventLine, ...]:
    """A line per event that has rows in ``frame``, latest event first."""
    ids = frame["event_id"].unique()
    groups = (
        [(ids[0], frame)]  # one event: no copy of its rows
        if len(ids) == 1
        else frame.groupby("event_id", sort=False, observed=True)
    )
    lines = [
        _event_line(rows, str(event_id), events.get(str(event_id)))
        for event_id, rows in groups
    ]
    return tuple(
        sorted(lines, key=lambda line: (line.date or dt.date.min, line.name))[::-1]
    )


def precision_notes(frame: pd.DataFrame, lines: Sequence[EventLine]) -> list[str]:
    """What a reader must know about how precise the figures and places are."""
    notes = []
    latest = latest_records(frame)
    wide = int((latest["geo_precision"] == int(GeoPrecision.REGION)).sum())
    near = int((latest["geo_precision"] == int(GeoPrecision.NEAR_TOWN)).sum())
    if wide:
        notes.append(
            f"{wide} record(s) give a province only: shown in the box naming the "
            "province, not at any place on the map."
        )
    if near:
        notes.append(
            f"{near} record(s) are placed near a town or at their district's centre, "
            "not at the spot."
        )
    for line in lines:
        if line.province_wide:
            labels = ", ".join(CASUALTY_FIELDS[c].lower() for c in line.province_wide)
            notes.append(
                f"{line.name}: {labels} are the source's totals for the whole "
                "province, not figures of the places shown."
            )
    if len(lines) > 1:
        notes.append(
            f"Totals add {len(lines)} events; the table gives each event's own figures."
        )
    return notes


BRIEFING_COLUMNS = (
    "id",
    "event_id",
    "revises",
    "current",
    "date",
    "place",
    "geo_precision",
    "figure_scope",
    "source_title",
    "source_date",
    *FIGURE_COLUMNS,
    *(column for field in DEATH_FIELDS for column in RANGE_COLUMNS[field]),
)
"""What a briefing reads of the table (the rest is never copied): the figures
with the low and high their reports give."""


def briefing(
    frame: pd.DataFrame, events: Mapping[str, Event], head: Headline | None = None
) -> Briefing:
    """The briefing of the rows in ``frame`` (already filtered); ``head``: their
    :func:`~components.domain.summary.headline`, when the caller has it."""
    frame = frame[[c for c in BRIEFING_COLUMNS if c in frame.columns]]
    lines = event_lines(frame, events)
    return Briefing(
        headline=headline(frame, events) if head is None else head,
        events=lines,
        incidents=len(latest_records(frame)),
        notes=tuple(precision_notes(frame, lines)),
    )


def briefing_title(brief: Briefing, fallback: str = "Incident briefing") -> str:
    """The sheet's title: the event's name, or how many events it covers."""
    if len(brief.events) == 1:
        return brief.events[0].name
    if brief.events:
        first, last = brief.events[-1].name, brief.events[0].name
        return f"{len(brief.events)} events: {first} to {last}"
    return fallback


def headline_line(brief: Briefing) -> str:
    """The headline figures in one line of text."""
    deaths = brief.headline.deaths
    parts = [
        f"{CASUALTY_FIELDS[column]}: {figure_text(figure.value)}"
        for column, figure in deaths.items()
        if figure.value is not None or column != "killed_unspecified"
    ]
    return " · ".join(parts)


def figure_text(value: int | None) -> str:
    """A count as a briefing prints it: digits with separators, or 'not reported'."""
    return "not reported" if value is None else f"{value:,}"


def event_table(lines: Sequence[EventLine]) -> pd.DataFrame:
    """The per-event breakdown as a table of text (unknown counts say so)."""
    return pd.DataFrame(
        [
            {
                "Event": line.name,
                "Date": f"{line.date.day} {line.date:%b %Y}" if line.date else "",
                "Incidents": f"{line.incidents:,}",
                "Towns named": f"{line.places_named:,}",
                **{
                    CASUALTY_FIELDS[column]: figure_text(line.figures[column])
                    for column in FIGURE_COLUMNS
                },
                "Source": line.source_title,
            }
            for line in lines
        ]
    )
