"""The headline's figures asked of the database: the incidents, and per casualty
field the figure :func:`components.domain.summary.figure` gives (report-wide
totals stand for their event, never added to their places' figures; the range
the reports give; whether every counted figure is province-wide), exact, from
one aggregate query per selection instead of the page's table.

The figures' history (``Figure.earlier``: revised records' older figures) is not
answered here; it is empty in what this gives. Filters: as
:mod:`components.store.current_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, Select, case, func, select
from sqlalchemy.sql.expression import Subquery

from components.domain.filters import Filters
from components.domain.model import CASUALTY_FIELDS, RANGE_COLUMNS
from components.domain.summary import Figure
from components.domain.vocabularies import FigureScope, GeoPrecision
from components.store.current_rows import latest_rows, reading, revised_rows

_REGION = int(GeoPrecision.REGION)


@dataclass(frozen=True)
class HeadlineSums:
    """What the headline shows of a selection."""

    incidents: int
    """Current incidents."""
    figures: dict[str, Figure]
    """Per casualty field (``CASUALTY_FIELDS``), without ``earlier``."""
    places_named: int
    """Distinct towns (geo precision 1 or 2) among the current incidents."""
    first_date: dt.date | None
    last_date: dt.date | None
    """The span of every selected row, revised ones too."""
    events: tuple[str, ...] = ()
    """The events of the current incidents."""


@dataclass
class _Part:
    value: int = 0
    rows: int = 0
    towns: int = 0
    low: int = 0
    high: int = 0

    def add(self, other: _Part) -> None:
        self.value += other.value
        self.rows += other.rows
        self.towns += other.towns
        self.low += other.low
        self.high += other.high


def parts_query(filters: Filters) -> tuple[Select, Subquery]:
    """Per event, whether a row is a report-wide total, and place: the
    incidents, and per casualty field the sum, the rows reporting it, those
    placed below province level, and the sums of the lowest and highest
    figures; the rows placed below province level and the first and last day;
    with the current rows it aggregates. One pass over the rows gives every
    headline figure."""
    ranged = [end for pair in RANGE_COLUMNS.values() for end in pair]
    columns = ["id", "event_id", "figure_scope", "geo_precision", "place", "date"]
    rows = latest_rows(filters, [*columns, *CASUALTY_FIELDS, *ranged]).subquery()
    is_total = (rows.c.figure_scope == str(FigureScope.EVENT)).label("is_total")
    aggregates: list[ColumnElement] = [func.count().label("incidents")]
    for column in CASUALTY_FIELDS:
        value = rows.c[column]
        low, high = (rows.c[end] for end in RANGE_COLUMNS[column])
        aggregates += [
            func.sum(value).label(f"{column}_value"),
            func.count(value).label(f"{column}_rows"),
            func.count(case((rows.c.geo_precision != _REGION, value))).label(
                f"{column}_towns"
            ),
            func.sum(func.coalesce(low, value)).label(f"{column}_low"),
            func.sum(func.coalesce(high, value)).label(f"{column}_high"),
        ]
    aggregates += [
        func.count(case((rows.c.geo_precision != _REGION, 1))).label("town_rows"),
        func.min(rows.c.date).label("first"),
        func.max(rows.c.date).label("last"),
    ]
    parts = select(rows.c.event_id, is_total, rows.c.place, *aggregates).group_by(
        rows.c.event_id, is_total, rows.c.place
    )
    return parts, rows


def headline_sums(engine: Engine, filters: Filters) -> HeadlineSums:
    """The headline figures of the current incidents ``filters`` select."""
    parts, _ = parts_query(filters)
    revised = revised_rows(filters, ["date"]).subquery()
    span = select(func.min(revised.c.date), func.max(revised.c.date))
    with reading(engine) as connection:
        found = connection.execute(parts).mappings().all()
        days = [day for row in found for day in (row["first"], row["last"])]
        days += [day for day in connection.execute(span).one() if day is not None]
    return HeadlineSums(
        incidents=sum(int(part["incidents"]) for part in found),
        figures={column: _figure(found, column) for column in CASUALTY_FIELDS},
        places_named=len({row["place"] for row in found if row["town_rows"]}),
        first_date=_day(min(days)) if days else None,
        last_date=_day(max(days)) if days else None,
        events=tuple(sorted({str(row["event_id"]) for row in found})),
    )


def _figure(found: list, column: str) -> Figure:
    """The figure of ``column`` from the per-(event, is-a-total, place) sums: an event
    with a reported total counts that total alone, else the sum of its rows."""
    by_event: dict[str, dict[bool, _Part]] = defaultdict(dict)
    for part in found:
        parts = by_event[part["event_id"]]
        parts.setdefault(bool(part["is_total"]), _Part()).add(
            _Part(
                int(part[f"{column}_value"] or 0),
                int(part[f"{column}_rows"]),
                int(part[f"{column}_towns"]),
                int(part[f"{column}_low"] or 0),
                int(part[f"{column}_high"] or 0),
            )
        )
    counted, totals = _Part(), 0
    for parts in by_event.values():
        total = parts.get(True)
        if total is not None and total.rows:
            counted.add(total)
            totals += 1
        else:
            for part in parts.values():
                counted.add(part)
    if not counted.rows:
        return Figure(None, 0, False)
    return Figure(
        counted.value,
        counted.rows,
        counted.towns == 0,
        (),
        totals,
        counted.low,
        counted.high,
    )


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
