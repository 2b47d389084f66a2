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


@dataclass(frozen=True)
class PartMonths:
    """Part months as what the map's groups add up: whole months and whole
    weeks of the month read from their counts, days read one incident a row,
    each either added or taken out (``*_taken``: their counts subtracted).
    Months and weeks are ranges of their first days."""

    months: tuple[DateRange, ...] = ()
    weeks: tuple[DateRange, ...] = ()
    days: tuple[DateRange, ...] = ()
    weeks_taken: tuple[DateRange, ...] = ()
    days_taken: tuple[DateRange, ...] = ()


def _days_in(dates: DateRange) -> int:
    return (dates[1] - dates[0]).days + 1


def _weeks_in(weeks: DateRange) -> int:
    """The weeks of the month in a range of them (their first days)."""
    count, week = 0, weeks[0]
    while week <= weeks[1]:
        count, week = count + 1, next_week(week)
    return count


class _Reads:
    """What a part month is read as, and what reading it costs: a part per
    month or week of counts and per day of incidents (in a busy place a day's
    incidents are about as many rows as a week's counts)."""

    def __init__(self) -> None:
        self.found: dict[str, list[DateRange]] = {
            name: []
            for name in ("months", "weeks", "days", "weeks_taken", "days_taken")
        }

    def by_week(self, dates: DateRange, *, taken: bool) -> None:
        """``dates`` as whole weeks and days, a part week as its whole week
        less its other days when those are fewer (:func:`week_rest`);
        ``taken``: all of it taken out."""
        sign, opposite = ("_taken", "") if taken else ("", "_taken")
        cut = split_by_week(dates)
        if cut.weeks is not None:
            self.found["weeks" + sign].append(cut.weeks)
        for part in cut.edges:
            rest = week_rest(part)
            if rest is None:
                self.found["days" + sign].append(part)
            else:
                week = week_of(part[0])
                self.found["weeks" + sign].append((week, week))
                self.found["days" + opposite].extend(rest)

    def cost(self) -> int:
        weeks = self.found["weeks"] + self.found["weeks_taken"]
        days = self.found["days"] + self.found["days_taken"]
        return (
            len(self.found["months"])
            + sum(_weeks_in(w) for w in weeks)
            + sum(_days_in(d) for d in days)
        )


def _by_month(edges: tuple[DateRange, ...]) -> list[DateRange]:
    """``edges`` cut where months end (a range holding no whole month may
    hold the end of one and the start of the next)."""
    cut = []
    for first, last in edges:
        while first <= last:
            end = min(last, next_month(first) - dt.timedelta(days=1))
            cut.append((first, end))
            first = end + dt.timedelta(days=1)
    return cut


def read_part_months(edges: tuple[DateRange, ...]) -> PartMonths:
    """The part months ``edges`` (:attr:`MonthSplit.edges`) as counts to add and
    to take out. Each is read as its own whole weeks and days, or as its
    whole month less the rest of the month (4 to 31 March: the month less
    the 1st to the 3rd), whichever reads fewer parts (:class:`_Reads`; its
    own weeks on a tie); a part week is read as its whole week less its other
    days when those are fewer (:func:`week_rest`)."""
    found: dict[str, list[DateRange]] = {name: [] for name in _Reads().found}
    for first, last in _by_month(edges):
        month = first_of_month(first)
        month_last = next_month(month) - dt.timedelta(days=1)
        inside = _Reads()
        inside.by_week((first, last), taken=False)
        less = _Reads()
        less.found["months"].append((month, month))
        for rest in (
            (month, first - dt.timedelta(days=1)),
            (last + dt.timedelta(days=1), month_last),
        ):
            if rest[0] <= rest[1]:
                less.by_week(rest, taken=True)
        chosen = less if less.cost() < inside.cost() else inside
        for name, ranges in chosen.found.items():
            found[name] += ranges
    return PartMonths(**{name: tuple(ranges) for name, ranges in found.items()})
