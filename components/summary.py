"""Headline figures for the dashboard, computed from the filtered table. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from components.model import DEATH_FIELDS, Event, GeoPrecision


@dataclass(frozen=True)
class Figure:
    """A sum over rows that report a count; rows that do not report it are apart."""

    value: int | None
    """None when no row in the selection reports this count."""
    reporting_rows: int
    province_level: bool
    """True when every reported count is a province-wide (geo precision 3) total."""


@dataclass(frozen=True)
class Headline:
    deaths: dict[str, Figure]
    places_named: int
    """Distinct towns (geo precision 1 or 2) in the selection."""
    places_hit_at_least: int | None
    """What the events' sources say of how many places were hit, summed."""
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    period_hours: float | None
    period_note: str


def figure(frame: pd.DataFrame, column: str) -> Figure:
    reported = frame[column].notna()
    if not reported.any():
        return Figure(None, 0, False)
    wide = frame.loc[reported, "geo_precision"] == int(GeoPrecision.REGION)
    return Figure(
        int(frame.loc[reported, column].sum()), int(reported.sum()), bool(wide.all())
    )


def headline(frame: pd.DataFrame, events: Mapping[str, Event]) -> Headline:
    """Figures for the rows in ``frame`` and the events they belong to."""
    chosen = [
        events[event_id]
        for event_id in frame["event_id"].unique()
        if event_id in events
    ]
    at_least = [
        e.places_hit_at_least for e in chosen if e.places_hit_at_least is not None
    ]
    single = chosen[0] if len(chosen) == 1 else None
    towns = frame.loc[frame["geo_precision"] != int(GeoPrecision.REGION), "place"]
    return Headline(
        deaths={column: figure(frame, column) for column in DEATH_FIELDS},
        places_named=towns.nunique(),
        places_hit_at_least=sum(at_least) if at_least else None,
        first_date=frame["date"].min() if len(frame) else None,
        last_date=frame["date"].max() if len(frame) else None,
        period_hours=single.period_hours if single else None,
        period_note=single.period_note if single else "",
    )
