"""The current incidents of a selection as weighted rows: the page's grouped
questions (the map's groups and cells, the place and heat tables, the bounds,
the headline) add these up instead of counting incidents.

The rows are the kept rows of the chosen events, places, target types and
attack types, and the current records that revise another, one row each with
their carried counts (:mod:`components.store.current_rows`; a few). With no
date range the kept rows are ``incident_groups``' (a few thousand whatever the
incidents); with one, ``incident_months``' of the whole months inside it, and
the incidents of the part months at its two ends, one row each (for the map's
groups, a part month is read from the counts as its whole weeks of the month
in ``incident_weeks``, or as its whole month in ``incident_months`` less the
rest of the month, whichever reads less, and only the days left over one
incident a row; read, with target types chosen, from the index on
``(target_type, date)`` alone, which carries their columns on PostgreSQL).
With attack types chosen the kept rows are those of ``incident_attack_groups``
and ``incident_attack_months`` (counted per combination of attack types as
stored: an incident of two codes is in one row) whose combination holds a
chosen code, and the part months' incidents are all read one a row (no weeks
are counted per attack types). The first and last
dates of a kept row are bounds, not the exact days: :func:`exact_span` makes
them exact.
The questions that add every target type together read the per-point counts
when no target type is chosen (:func:`point_rows`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import ColumnElement, Connection, Select, select, union_all
from sqlalchemy.sql.expression import FromClause, Subquery

from components.domain.filters import Filters
from components.domain.model import CASUALTY_FIELDS, RANGE_COLUMNS
from components.store.current_rows import (
    chosen_keys,
    counted_rows,
    first_day,
    holds_any,
    latest_rows,
)
from components.store.group_counts import row_sums
from components.store.months import (
    PartMonths,
    read_part_months,
    split_by_month,
)
from components.store.schema import (
    GROUP_KEYS,
    GROUP_SUMS,
    IncidentAttackGroup,
    IncidentAttackMonth,
    IncidentGroup,
    IncidentKind,
    IncidentMonth,
    IncidentPoint,
    IncidentPointDay,
    IncidentPointMonth,
    IncidentWeek,
)

logger = logging.getLogger(__name__)

WEIGHTED_COLUMNS = (*GROUP_KEYS, *GROUP_SUMS, "first_date", "last_date")
POINT_COLUMNS = tuple(c for c in WEIGHTED_COLUMNS if c != "target_type")
"""The weighted rows' columns but the target type: what the questions that do
not tell target types apart (the headline, cells, places, heat, bounds) ask."""
_ROW_COLUMNS = [
    *GROUP_KEYS,
    *CASUALTY_FIELDS,
    *(end for pair in RANGE_COLUMNS.values() for end in pair),
    "date",
]


def _tables(filters: Filters) -> tuple[FromClause, FromClause]:
    """The tables of counts that hold the selection whatever the day and per
    month: those per attack types when some are chosen."""
    if filters.attack_types:
        logger.debug("attack types %s: counts per combination", filters.attack_types)
        return IncidentAttackGroup.__table__, IncidentAttackMonth.__table__
    return IncidentGroup.__table__, IncidentMonth.__table__


def _chosen(table: FromClause, filters: Filters) -> list[ColumnElement[bool]]:
    """The chosen events, places and target types as conditions on a table of
    counts, and the chosen attack types on one counted per attack types: its
    combination is one of the counted incidents' (``incident_kinds``: a few
    dozen) that hold a chosen code, so the rows are read by the key's index
    (which starts with the combination) and not matched one by one."""
    conditions = chosen_keys(table, filters)
    if filters.attack_types:
        kinds = IncidentKind.__table__
        combinations = select(kinds.c.attack_types).where(
            holds_any(kinds.c.attack_types, filters.attack_types)
        )
        conditions.append(table.c.attack_types.in_(combinations))
    return conditions


def _one_each(
    rows: FromClause,
    columns: tuple[str, ...] = WEIGHTED_COLUMNS,
    *,
    taken: bool = False,
) -> Select:
    """Each row of ``rows`` (stored columns) as a weighted row of its own,
    with ``columns`` (of :data:`WEIGHTED_COLUMNS`); ``taken``: with its sums
    negative (incidents taken out of a kept row's)."""
    made = {
        **{k: rows.c[k] for k in GROUP_KEYS},
        **{
            add.name: (add.element * -1).label(add.name) if taken else add
            for add in row_sums(rows)
        },
        "first_date": rows.c.date.label("first_date"),
        "last_date": rows.c.date.label("last_date"),
    }
    return select(*(made[c] for c in columns))


def _kept(filters: Filters, per_type: bool, columns: tuple[str, ...]) -> list[Select]:
    """The kept rows of the selection, and the rows of its incidents that the
    kept rows leave out (with a date range: those of its part months;
    ``per_type``: as :func:`~components.store.current_rows.counted_rows`).
    For the map's groups (:func:`by_week`) a part month is read from the
    counts per month and week of the month, and the days left over one
    incident a row (:func:`~components.store.months.read_part_months`); what
    it reads of the days outside the range is taken out (negative rows)."""
    groups, months = _tables(filters)
    if not filters.dates:
        return [
            select(*(groups.c[name] for name in columns)).where(
                *_chosen(groups, filters)
            )
        ]
    split = split_by_month(filters.dates)
    whole = [split.months] if split.months is not None else []
    read = PartMonths(days=split.edges)
    if split.edges and by_week(columns) and not filters.attack_types:
        read = read_part_months(split.edges)
        whole += read.months
    # A part month read whole is a range of its own, not joined to the whole
    # months': PostgreSQL reads each range of the index on (month, lat, lon)
    # for a view, where a range of seven months was read by a parallel scan
    # of the whole table (0.15 s at ten million, against 0.06 s).
    parts = [
        _counted_between(months, "month", range_, columns).where(
            *_chosen(months, filters)
        )
        for range_ in whole
    ]
    weeks = IncidentWeek.__table__
    for ranges, taken in ((read.weeks, False), (read.weeks_taken, True)):
        parts += [
            _counted_between(weeks, "week", range_, columns, taken=taken).where(
                *chosen_keys(weeks, filters)
            )
            for range_ in ranges
        ]
    for days, name in ((read.days, "edges"), (read.days_taken, "taken")):
        if days:
            rows = counted_rows(filters, tuple(_ROW_COLUMNS), days, per_type=per_type)
            parts.append(_one_each(rows.subquery(name), columns, taken=name == "taken"))
    logger.debug(
        "date range %s: whole months %s, edges %s, read as %s",
        filters.dates,
        split.months,
        split.edges,
        read,
    )
    return parts


def by_week(columns: Sequence[str]) -> bool:
    """Whether weighted rows of ``columns`` read the part months from the
    counts per week of the month (``incident_weeks``) and per month, less
    the days outside the range: ``incident_weeks`` holds them (the map's
    groups' columns; the headline's sums are not there; with attack types
    chosen they are not counted there, and the part months are read one
    incident a row)."""
    return all(name in IncidentWeek.__table__.c for name in columns)


@lru_cache(maxsize=128)
def weighted_rows(
    filters: Filters,
    *,
    per_type: bool = False,
    columns: tuple[str, ...] = WEIGHTED_COLUMNS,
) -> Subquery:
    """The selection's weighted rows with ``columns`` (of
    :data:`WEIGHTED_COLUMNS`; built once per selection; a statement is never
    changed once built). ``per_type`` (PostgreSQL only): with no target type
    chosen, the part months' rows are read one type at a time
    (:func:`~components.store.current_rows.counted_rows`)."""
    revising = latest_rows(filters, _ROW_COLUMNS, revising_only=True)
    return union_all(
        *_kept(filters, per_type, columns),
        _one_each(revising.subquery("revising"), columns),
    ).subquery("weighted")


def by_point(filters: Filters) -> bool:
    """Whether the selection's :func:`point_rows` are read from the per-point
    counts: a date range, no target type and no attack types chosen."""
    return (
        bool(filters.dates) and not filters.target_types and not (filters.attack_types)
    )


def by_place(filters: Filters) -> bool:
    """Whether the selection's :func:`point_rows` are read from the counts per
    place whatever the day: no date range, no target type and no attack types
    chosen (events and places may be)."""
    return not (filters.dates or filters.target_types or filters.attack_types)


@lru_cache(maxsize=128)
def point_rows(filters: Filters) -> Subquery:
    """The selection's weighted rows without their target type
    (:data:`POINT_COLUMNS`), for the questions that add every type together.
    With no date range and no target type chosen (:func:`by_place`), read from
    a row per place (``incident_points``: 3,353 rows at ten million incidents,
    instead of 90,531 per target type and place). With a date range and no
    target type chosen (:func:`by_point`), read from a row per place and whole
    month (``incident_point_months``) and a row per place and part-month day
    (``incident_point_days``) instead of a row per target type, place and
    month and every incident of the part months (at ten million incidents,
    17,000 and 118,000 rows for seven months cutting two, instead of 1.6
    million); else :func:`weighted_rows` without the type."""
    if by_place(filters):
        places = IncidentPoint.__table__
        parts = [
            select(*(places.c[c] for c in POINT_COLUMNS)).where(
                *chosen_keys(places, filters)
            )
        ]
    elif by_point(filters):
        parts = _point_ranges(filters)
    else:
        rows = weighted_rows(filters)
        return select(*(rows.c[c] for c in POINT_COLUMNS)).subquery("points")
    revising = latest_rows(filters, _ROW_COLUMNS, revising_only=True)
    one_each = _one_each(revising.subquery("revising")).subquery("revising_rows")
    parts.append(select(*(one_each.c[c] for c in POINT_COLUMNS)))
    return union_all(*parts).subquery("points")


@lru_cache(maxsize=128)
def whole_month_points(filters: Filters) -> Subquery | None:
    """The per-point rows of the whole months of a date range alone
    (:func:`by_point`; None: no whole month): some of :func:`point_rows`'
    rows, so their points are no more than the selection's."""
    if not filters.dates:
        return None
    split = split_by_month(filters.dates)
    if split.months is None:
        return None
    months = IncidentPointMonth.__table__
    return (
        _counted_between(months, "month", split.months, POINT_COLUMNS)
        .where(*chosen_keys(months, filters))
        .subquery("month_points")
    )


def _point_ranges(filters: Filters) -> list[Select]:
    """The per-point rows of a date range's whole months and part-month days
    (:func:`by_point`)."""
    split = split_by_month(filters.dates)
    parts = []
    months, days = IncidentPointMonth.__table__, IncidentPointDay.__table__
    if split.months is not None:
        parts.append(
            _counted_between(months, "month", split.months, POINT_COLUMNS).where(
                *chosen_keys(months, filters)
            )
        )
    parts += [
        _counted_between(days, "date", range_, POINT_COLUMNS).where(
            *chosen_keys(days, filters)
        )
        for range_ in split.edges
    ]
    return parts


def _counted_between(
    table: FromClause,
    column: str,
    bounds: tuple[dt.date, dt.date],
    columns: Sequence[str],
    *,
    taken: bool = False,
) -> Select:
    """``columns`` of a table of counts over a range of its date ``column``;
    ``taken``: its counts negative (taken out of another row's)."""
    return select(
        *(
            (table.c[name] * -1).label(name)
            if taken and name not in GROUP_KEYS
            else table.c[name]
            for name in columns
        )
    ).where(table.c[column].between(*bounds))


def exact_span(
    connection: Connection,
    filters: Filters,
    first: dt.date | None,
    last: dt.date | None,
) -> tuple[dt.date | None, dt.date | None]:
    """The selection's first and last day from bounds that hold every one of
    its rows (``first`` on or before its first day, ``last`` on or after its
    last), walked from the bounds by the date index to the first row of the
    selection."""
    if first is None or last is None:
        return first, last
    return (
        first_day(connection, filters, after=first),
        first_day(connection, filters, after=last, last=True),
    )
