"""Headline figures for the dashboard, computed from the filtered table. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.model import DEATH_FIELDS, RANGE_COLUMNS, Event
from components.domain.table import earlier_records, latest_records, value_codes
from components.domain.vocabularies import FigureScope, GeoPrecision


@dataclass(frozen=True)
class Earlier:
    """A figure that a later record revised."""

    value: int
    source_title: str
    source_date: pd.Timestamp | None


@dataclass(frozen=True)
class Figure:
    """A sum over the latest records that report a count.

    Records revised by a later one do not count; their figures are kept in
    ``earlier`` so the revision history stays visible.
    """

    value: int | None
    """None when no row in the selection reports this count."""
    reporting_rows: int
    province_level: bool
    """True when every reported count is a province-wide (geo precision 3) total."""
    earlier: tuple[Earlier, ...] = ()
    event_totals: int = 0
    """Events whose figure is the report's total for the whole event (their
    places' own figures are parts of it and are not added)."""
    low: int | None = None
    high: int | None = None
    """The same sum over the lowest and the highest figure the incidents'
    reports give (an incident with one report, or reports that agree, adds its
    figure to both); equal to ``value`` where no report differs."""

    @property
    def ranged(self) -> bool:
        """Whether the reports behind the figure give a range."""
        return self.value is not None and (self.low, self.high) != (
            self.value,
            self.value,
        )


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


@dataclass(frozen=True)
class FigureMasks:
    """What every column's figure needs of the latest records, computed once."""

    event_total: np.ndarray
    """Rows whose figures are a report's total for the whole event."""
    event: np.ndarray
    """Each row's event as an integer code."""
    region: np.ndarray
    """Rows placed only at province level."""

    @classmethod
    def of(cls, latest: pd.DataFrame) -> FigureMasks:
        return cls(
            (latest["figure_scope"] == FigureScope.EVENT).to_numpy(),
            value_codes(latest["event_id"]),
            latest["geo_precision"].to_numpy() == int(GeoPrecision.REGION),
        )


def figure(
    frame: pd.DataFrame,
    column: str,
    latest: pd.DataFrame | None = None,
    scope: FigureMasks | None = None,
) -> Figure:
    """The latest figure for ``column`` over the selection, with its history.

    Per event, a report-wide total (``figure_scope`` 'event') stands for the whole
    event and its places' own figures are not added to it; an event with no such
    total counts the sum of its places. ``latest`` is ``latest_records(frame)``
    when the caller has it already."""
    latest = latest_records(frame) if latest is None else latest
    # Masks over whole columns, never a copy of the rows: taking text columns of
    # a million rows costs seconds.
    values = latest[column].to_numpy(dtype=np.float64, na_value=np.nan)
    reported = ~np.isnan(values)
    if not reported.any():
        return Figure(None, 0, False)
    scope = scope or FigureMasks.of(latest)
    is_total = reported & scope.event_total
    with_total: np.ndarray | list[int] = (
        np.unique(scope.event[is_total]) if is_total.any() else []
    )
    counted = reported.copy()
    if len(with_total):
        counted &= is_total | ~np.isin(scope.event, with_total)
    best = int(values[counted].sum())
    low, high = _range(latest, column, values, counted)
    return Figure(
        best,
        int(counted.sum()),
        bool(scope.region[counted].all()),
        _earlier(frame, latest["id"], counted, column),
        len(with_total),
        low if low is not None else best,
        high if high is not None else best,
    )


def _range(
    latest: pd.DataFrame, column: str, values: np.ndarray, counted: np.ndarray
) -> tuple[int | None, int | None]:
    """The counted figures summed over their reports' lowest and highest, or
    (None, None) where the table keeps no range."""
    ends = RANGE_COLUMNS.get(column)
    if ends is None or ends[0] not in latest:
        return None, None
    sums = []
    for end in ends:
        bound = latest[end].to_numpy(dtype=np.float64, na_value=np.nan)
        chosen = np.where(np.isnan(bound), values, bound)
        sums.append(int(chosen[counted].sum()))
    return sums[0], sums[1]


def _earlier(
    frame: pd.DataFrame, ids: pd.Series, counted: np.ndarray, column: str
) -> tuple[Earlier, ...]:
    """Figures of revised records that a later figure replaced, newest first
    (``ids[counted]`` are the records whose figure was counted)."""
    chains = earlier_records(frame)
    if not chains:
        return ()
    ids = ids[counted]
    by_id = frame.set_index("id")
    history = []
    for record in ids[ids.isin(chains)]:
        values = [
            Earlier(
                int(by_id.at[old, column]),
                by_id.at[old, "source_title"],
                by_id.at[old, "source_date"],
            )
            for old in [record, *chains[record]]
            if pd.notna(by_id.at[old, column])
        ]
        history.extend(values[1:])
    return tuple(history)


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
    latest = latest_records(frame)
    scope = FigureMasks.of(latest)
    towns = latest.loc[latest["geo_precision"] != int(GeoPrecision.REGION), "place"]
    return Headline(
        deaths={
            column: figure(frame, column, latest, scope) for column in DEATH_FIELDS
        },
        places_named=towns.nunique(),
        places_hit_at_least=sum(at_least) if at_least else None,
        first_date=frame["date"].min() if len(frame) else None,
        last_date=frame["date"].max() if len(frame) else None,
        period_hours=single.period_hours if single else None,
        period_note=single.period_note if single else "",
    )


def incidents_per_day(frame: pd.DataFrame) -> pd.Series:
    """How many current records each day holds, every day of the span included."""
    latest = frame[frame["current"]]
    if latest.empty:
        return pd.Series(dtype="int64", name="incidents")
    counts = latest.groupby(latest["date"].dt.normalize()).size()
    days = pd.date_range(counts.index.min(), counts.index.max(), freq="D")
    return counts.reindex(days, fill_value=0).rename("incidents")
