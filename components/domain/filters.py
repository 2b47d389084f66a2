"""Filter state and DataFrame filtering. Pure: no Streamlit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.model import Event
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES, GeoPrecision


@dataclass(frozen=True)
class Filters:
    """What the briefer chose; an empty tuple means 'all'."""

    places: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    dates: tuple[dt.date, dt.date] | None = None
    """First and last day, both included; None for every date."""
    events: tuple[str, ...] = ()
    """Event ids; empty means every event."""

    @property
    def active(self) -> bool:
        return bool(self.places or self.target_types or self.attack_types or self.dates)


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that match every chosen filter (any of the values within one);
    ``frame`` itself when every row does (tables are shared, never written to)."""
    mask = np.ones(len(frame), dtype=bool)
    if filters.events:
        mask &= frame["event_id"].isin(filters.events).to_numpy()
    if filters.places:
        mask &= frame["place"].isin(filters.places).to_numpy()
    if filters.target_types:
        mask &= frame["target_type"].isin(filters.target_types).to_numpy()
    if filters.attack_types:
        wanted = set(filters.attack_types)
        combinations = frame["attack_types"].unique()  # a few dozen, not per row
        matching = [c for c in combinations if not wanted.isdisjoint(c.split(";"))]
        mask &= frame["attack_types"].isin(matching).to_numpy()
    if filters.dates:
        first, last = (pd.Timestamp(day) for day in filters.dates)
        mask &= frame["date"].between(first, last).to_numpy()
    return frame if mask.all() else frame[mask]


def plainest(filters: Filters, events: Collection[str]) -> Filters:
    """``filters``, or no filter at all where they choose every one of
    ``events`` and nothing else (the same rows, asked once)."""
    if not filters.active and set(filters.events) >= set(events):
        return Filters()
    return filters


def event_options(events: Mapping[str, Event]) -> list[str]:
    """Event ids, latest first (by date, then name)."""
    return [
        key
        for key, _ in sorted(
            events.items(), key=lambda item: (item[1].date, item[1].name), reverse=True
        )
    ]


def event_labels(events: Mapping[str, Event]) -> dict[str, str]:
    """What an event is called in the filter and in links: its name and date."""
    labels: dict[str, str] = {}
    for key in event_options(events):
        event = events[key]
        label = f"{event.name} ({event.date.day} {event.date:%b %Y})"
        while label in labels.values():
            label += " ·"
        labels[key] = label
    return labels


def days_of(frame: pd.DataFrame) -> list[dt.date]:
    """The days with at least one incident, in order (playback steps through
    these: a month with two incidents plays in two steps, not thirty)."""
    if frame.empty:
        return []
    days = frame["date"].dropna().dt.normalize().unique()
    return sorted(pd.Timestamp(day).date() for day in days)


def days_between(days: list[dt.date]) -> int:
    """How many days of the span from the first to the last of ``days`` have no
    incident (what playback skips)."""
    if not days:
        return 0
    return (days[-1] - days[0]).days + 1 - len(days)


def up_to(frame: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The rows dated on or before ``day`` (the map as it stood that day)."""
    return frame[frame["date"] < pd.Timestamp(day) + pd.Timedelta(days=1)]


def date_span(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last day in the data, or None when there is no data."""
    if frame.empty:
        return None
    return frame["date"].min().date(), frame["date"].max().date()


def place_options(frame: pd.DataFrame) -> list[str]:
    """Places in the data: towns A-Z first, then wider areas A-Z."""
    wide = _wide_places(frame)
    places = frame["place"].unique().tolist()
    return sorted(p for p in places if p not in wide) + sorted(
        p for p in places if p in wide
    )


def _wide_places(frame: pd.DataFrame) -> set[str]:
    """Places the data hold only at province level (geo precision 3)."""
    wide = frame["geo_precision"].to_numpy() == int(GeoPrecision.REGION)
    return set(frame.loc[wide, "place"].unique().tolist())


def target_type_options(frame: pd.DataFrame) -> list[str]:
    """Target type codes present in the data, in vocabulary order."""
    present = set(frame["target_type"].unique().tolist())
    return [code for code in TARGET_TYPES if code in present]


def attack_type_options(frame: pd.DataFrame) -> list[str]:
    """Attack type codes present in the data, in vocabulary order."""
    combinations = frame["attack_types"].unique().tolist()
    present = set(";".join(combinations).split(";"))
    return [code for code in ATTACK_TYPES if code in present]


def place_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Each place in the data with what the filter (and a link) calls it: places
    the data hold only province-wide say so."""
    wide = _wide_places(frame)
    return {
        place: f"{place} (province-wide)" if place in wide else place
        for place in place_options(frame)
    }


def target_type_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Each target type in the data with its label."""
    return {code: TARGET_TYPES[code].label for code in target_type_options(frame)}


def attack_type_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Each attack type in the data with its label."""
    return {code: ATTACK_TYPES[code].label for code in attack_type_options(frame)}


@dataclass(frozen=True)
class FilterOptions:
    """What the filters can choose among, as a database query gives it without
    the table: each place with whether the data hold it only province-wide, the
    target type and attack type codes present, and the first and last day."""

    places: Mapping[str, bool]
    target_types: frozenset[str]
    attack_types: frozenset[str]
    span: tuple[dt.date, dt.date] | None

    def place_labels(self) -> dict[str, str]:
        """As :func:`place_labels` of the table: towns A-Z, then wider areas."""
        towns = sorted(p for p, wide in self.places.items() if not wide)
        wide = sorted(p for p, wide in self.places.items() if wide)
        return {
            **{place: place for place in towns},
            **{place: f"{place} (province-wide)" for place in wide},
        }

    def target_type_labels(self) -> dict[str, str]:
        """As :func:`target_type_labels` of the table (vocabulary order)."""
        return {
            code: kind.label
            for code, kind in TARGET_TYPES.items()
            if code in self.target_types
        }

    def attack_type_labels(self) -> dict[str, str]:
        """As :func:`attack_type_labels` of the table (vocabulary order)."""
        return {
            code: kind.label
            for code, kind in ATTACK_TYPES.items()
            if code in self.attack_types
        }


def describe(filters: Filters) -> list[str]:
    """The filters in words, one line each (for a map file's caption)."""
    if not filters.active:
        return ["Filters: none (every incident)"]
    lines = []
    for label, values, names in (
        ("Places", filters.places, None),
        ("Target types", filters.target_types, TARGET_TYPES),
        ("Attack types", filters.attack_types, ATTACK_TYPES),
    ):
        if values:
            shown = [names[v].label if names else v for v in values]
            lines.append(f"{label}: {', '.join(shown)}")
    if filters.dates:
        first, last = filters.dates
        lines.append(f"Dates: {first.isoformat()} to {last.isoformat()}")
    return lines
