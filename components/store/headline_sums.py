"""The headline's figures asked of the database: the incidents, and per casualty
field the figure :func:`components.domain.summary.figure` gives (report-wide
totals stand for their event, never added to their places' figures; the range
the reports give; whether every counted figure is province-wide), exact, from
one aggregate query per selection over its weighted rows
(:mod:`components.store.group_rows`) instead of the page's table.

The figures' history (``Figure.earlier``: revised records' older figures) is not
answered here; it is empty in what this gives. Filters: as
:mod:`components.store.current_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Engine,
    Select,
    case,
    cast,
    func,
    select,
)

from components.domain.filters import Filters
from components.domain.model import CASUALTY_FIELDS
from components.domain.summary import Figure
from components.domain.vocabularies import FigureScope, GeoPrecision
from components.store.current_rows import reading, revised_rows
from components.store.group_rows import exact_span, point_rows
from components.store.rows import stored_day

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


def parts_query(filters: Filters) -> Select:
    """Per event, whether a row is a report-wide total, and place: the
    incidents, and per casualty field the sum, the rows reporting it, those
    placed below province level, and the sums of the lowest and highest
    figures; the rows placed below province level and bounds of the first and
    last day. One pass over the selection's weighted rows
    (:mod:`components.store.group_rows`; every target type together, as
    :func:`~components.store.group_rows.point_rows`) gives every headline
    figure."""
    rows = point_rows(filters)
    is_total = (rows.c.figure_scope == str(FigureScope.EVENT)).label("is_total")
    town = rows.c.geo_precision != _REGION
    aggregates: list[ColumnElement] = [_total(rows.c.incidents).label("incidents")]
    for column in CASUALTY_FIELDS:
        reported = rows.c[f"{column}_rows"]
        aggregates += [
            _total(rows.c[f"{column}_sum"]).label(f"{column}_value"),
            _total(reported).label(f"{column}_rows"),
            _total(case((town, reported), else_=0)).label(f"{column}_towns"),
            _total(rows.c[f"{column}_low"]).label(f"{column}_low"),
            _total(rows.c[f"{column}_high"]).label(f"{column}_high"),
        ]
    aggregates += [
        _total(case((town, rows.c.incidents), else_=0)).label("town_rows"),
        func.min(rows.c.first_date).label("first"),
        func.max(rows.c.last_date).label("last"),
    ]
    return select(rows.c.event_id, is_total, rows.c.place, *aggregates).group_by(
        rows.c.event_id, is_total, rows.c.place
    )


def _total(column: ColumnElement) -> ColumnElement:
    return cast(func.sum(column), BigInteger)


def headline_sums(engine: Engine, filters: Filters) -> HeadlineSums:
    """The headline figures of the current incidents ``filters`` select."""
    revised = revised_rows(filters, ["date"]).subquery()
    span = select(func.min(revised.c.date), func.max(revised.c.date))
    with reading(engine) as connection:
        found = connection.execute(parts_query(filters)).mappings().all()
        days = [stored_day(row[end]) for row in found for end in ("first", "last")]
        days += [stored_day(day) for day in connection.execute(span).one()]
        days = [day for day in days if day is not None]
        first, last = exact_span(
            connection,
            filters,
            min(days) if days else None,
            max(days) if days else None,
        )
    return HeadlineSums(
        incidents=sum(int(part["incidents"]) for part in found),
        figures={column: _figure(found, column) for column in CASUALTY_FIELDS},
        places_named=len({row["place"] for row in found if row["town_rows"]}),
        first_date=stored_day(first),
        last_date=stored_day(last),
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
