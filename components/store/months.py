"""Months: the month of a day in SQL (the key of ``incident_months``), and a
date range cut into the whole months inside it and the part months at its
ends (the one read from the kept counts, the other from the incidents).

Weeks of a month, the key of ``incident_weeks``: a month's days 1 to 7, 8 to
14, 15 to 21, 22 to 28 and 29 to its end, each named by its first day. They
nest in months (unlike calendar weeks), so a part month is the whole weeks of
the month inside it and at most six days at either end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

DateRange = tuple[dt.date, dt.date]
"""First and last day, both included."""


class month_start(FunctionElement):  # noqa: N801 (an SQL function's name)
    """The first day of the month of a date column, as a date."""

    type = Date()
    name = "month_start"
    inherit_cache = True


@compiles(month_start, "postgresql")
def _postgresql(element: month_start, compiler: SQLCompiler, **kw: object) -> str:
    day = compiler.process(element.clauses, **kw)
    return f"CAST(date_trunc('month', {day}) AS DATE)"


@compiles(month_start)
def _sqlite(element: month_start, compiler: SQLCompiler, **kw: object) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, 'start of month')"


class week_start(FunctionElement):  # noqa: N801 (an SQL function's name)
    """The first day of the week of the month (see the module) of a date
    column, as a date."""

    type = Date()
    name = "week_start"
    inherit_cache = True


@compiles(week_start, "postgresql")
def _postgresql_week(element: week_start, compiler: SQLCompiler, **kw: object) -> str:
    day = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(date_trunc('month', {day}) AS DATE)"
        f" + (CAST(EXTRACT(DAY FROM {day}) AS INTEGER) - 1) / 7 * 7)"
    )


@compiles(week_start)
def _sqlite_week(element: week_start, compiler: SQLCompiler, **kw: object) -> str:
    day = compiler.process(element.clauses, **kw)
    return (
        f"date({day}, 'start of month', '+' || "
        f"((CAST(strftime('%d', {day}) AS INTEGER) - 1) / 7 * 7) || ' days')"
    )


WEEK_DAYS = 7


def week_of(day: dt.date) -> dt.date:
    """The first day of ``day``'s week of the month."""
    return day.replace(day=1 + (day.day - 1) // WEEK_DAYS * WEEK_DAYS)


def week_end(start: dt.date) -> dt.date:
    """The last day of the week of the month starting on ``start``."""
    month_end = next_month(start) - dt.timedelta(days=1)
    return min(start + dt.timedelta(days=WEEK_DAYS - 1), month_end)


def next_week(start: dt.date) -> dt.date:
    """The first day of the week of the month after the one at ``start``."""
    return week_end(start) + dt.timedelta(days=1)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s."""
    if day.month == 12:
        return dt.date(day.year + 1, 1, 1)
    return dt.date(day.year, day.month + 1, 1)


@dataclass(frozen=True)
class MonthSplit:
    """A date range as the whole months inside it (their first days, first
    and last; None: no whole month) and the rest of it, at most two ranges
    (before the whole months and after them, or the whole range)."""

    months: DateRange | None
    edges: tuple[DateRange, ...]


def split_by_month(dates: DateRange) -> MonthSplit:
    """``dates`` cut into the whole months it holds and the days left over."""
    first, last = dates
    start = first if first.day == 1 else next_month(first)
    end = next_month(last)  # the first day after the last whole month
    if last != end - dt.timedelta(days=1):
        end = first_of_month(last)
    if start >= end:
        return MonthSplit(None, (dates,) if first <= last else ())
    edges = []
    if first < start:
        edges.append((first, start - dt.timedelta(days=1)))
    if end <= last:
        edges.append((end, last))
    return MonthSplit((start, first_of_month(end - dt.timedelta(days=1))), tuple(edges))


@dataclass(frozen=True)
class WeekSplit:
    """A range of days as the whole weeks of the month inside it (their first
    days, first and last; None: no whole week) and the days left over, at
    most two ranges, each in one week (at most six days)."""

    weeks: DateRange | None
    edges: tuple[DateRange, ...]


def split_by_week(dates: DateRange) -> WeekSplit:
    """``dates`` cut into the whole weeks of the month it holds and the days
    left over."""
    first, last = dates
    start = week_of(first)
    if start < first:
        start = next_week(start)
    end = week_of(last)  # the first week not whole in the range, unless ...
    if week_end(end) == last:
        end = next_week(end)
    if first > last:
        return WeekSplit(None, ())
    if start >= end:  # no whole week: a part of one week, or of two
        cut = week_end(week_of(first))
        if cut >= last:
            return WeekSplit(None, (dates,))
        return WeekSplit(None, ((first, cut), (cut + dt.timedelta(days=1), last)))
    edges = []
    if first < start:
        edges.append((first, start - dt.timedelta(days=1)))
    if end <= last:
        edges.append((end, last))
    return WeekSplit((start, week_of(end - dt.timedelta(days=1))), tuple(edges))


def week_rest(days: DateRange) -> tuple[DateRange, ...] | None:
    """When ``days`` lie in one week of the month and the week's other days
    are fewer: those other days (before them, after them; none when ``days``
    are the whole week). None otherwise: ``days`` are read as they are."""
    first, last = days
    week = week_of(first)
    end = week_end(week)
    if last > end or first > last:
        return None
    inside = (last - first).days + 1
    if (end - week).days + 1 - inside >= inside:
        return None
    rest = []
    if week < first:
        rest.append((week, first - dt.timedelta(days=1)))
    if last < end:
        rest.append((last + dt.timedelta(days=1), end))
    return tuple(rest)
