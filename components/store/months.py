"""Months: the month of a day in SQL (the key of ``incident_months``), and a
date range cut into the whole months inside it and the part months at its
ends (the one read from the kept counts, the other from the incidents)."""

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
