"""A date range cut into whole months and whole weeks of the month, and the
days left over (``components.store.months``): the split the kept counts are
read by, checked against the days themselves."""

from __future__ import annotations

import datetime as dt

import pytest

from components.store.months import (
    DateRange,
    PartMonths,
    next_month,
    next_week,
    read_part_months,
    split_by_month,
    split_by_week,
    week_end,
    week_of,
)

D = dt.date


@pytest.mark.parametrize(
    ("dates", "weeks", "edges"),
    [
        # The benchmark's part months: 10 to 31 March, 1 to 20 September.
        (
            (D(2025, 3, 10), D(2025, 3, 31)),
            (D(2025, 3, 15), D(2025, 3, 29)),
            ((D(2025, 3, 10), D(2025, 3, 14)),),
        ),
        (
            (D(2025, 9, 1), D(2025, 9, 20)),
            (D(2025, 9, 1), D(2025, 9, 8)),
            ((D(2025, 9, 15), D(2025, 9, 20)),),
        ),
        # Whole weeks only; a week of three days at a month's end.
        ((D(2026, 3, 8), D(2026, 3, 28)), (D(2026, 3, 8), D(2026, 3, 22)), ()),
        (
            (D(2026, 3, 29), D(2026, 4, 3)),
            (D(2026, 3, 29), D(2026, 3, 29)),
            ((D(2026, 4, 1), D(2026, 4, 3)),),
        ),
        # February's 22nd to 28th is its last week (no 29th in 2026).
        ((D(2026, 2, 22), D(2026, 3, 7)), (D(2026, 2, 22), D(2026, 3, 1)), ()),
        # No whole week: the range left as it is within one week, cut where
        # a week ends across two (each part then read as its week less the
        # other days when those are fewer).
        ((D(2026, 3, 9), D(2026, 3, 13)), None, ((D(2026, 3, 9), D(2026, 3, 13)),)),
        ((D(2026, 3, 9), D(2026, 3, 9)), None, ((D(2026, 3, 9), D(2026, 3, 9)),)),
        (
            (D(2026, 3, 10), D(2026, 3, 20)),
            None,
            ((D(2026, 3, 10), D(2026, 3, 14)), (D(2026, 3, 15), D(2026, 3, 20))),
        ),
        (
            (D(2026, 2, 25), D(2026, 3, 3)),
            None,
            ((D(2026, 2, 25), D(2026, 2, 28)), (D(2026, 3, 1), D(2026, 3, 3))),
        ),
    ],
)
def test_a_range_is_its_whole_weeks_and_the_days_left(dates, weeks, edges) -> None:
    split = split_by_week(dates)
    assert (split.weeks, split.edges) == (weeks, edges)


@pytest.mark.parametrize("year", [2024, 2025])
def test_every_range_of_a_year_is_covered_once(year: int) -> None:
    """Each day of any range is in exactly one whole week or one edge, and
    nothing outside it is: every range of a year's first 70 days and last 40
    (leap and common years)."""
    start = D(year, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(366 if year % 4 == 0 else 365)]
    chosen = days[:70] + days[-40:]
    for i, first in enumerate(chosen):
        for last in chosen[i:]:
            split = split_by_week((first, last))
            covered: list[dt.date] = []
            if split.weeks is not None:
                week = split.weeks[0]
                while week <= split.weeks[1]:
                    assert week_of(week) == week
                    end = week_end(week)
                    covered += [
                        week + dt.timedelta(days=n)
                        for n in range((end - week).days + 1)
                    ]
                    week = next_week(week)
            for a, b in split.edges:
                assert week_of(a) == week_of(b)  # each part in one week
                covered += [a + dt.timedelta(days=n) for n in range((b - a).days + 1)]
            wanted = [
                first + dt.timedelta(days=n) for n in range((last - first).days + 1)
            ]
            assert sorted(covered) == wanted, (first, last, split)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _weeks(weeks: DateRange) -> list[dt.date]:
    days, week = [], weeks[0]
    while week <= weeks[1]:
        assert week_of(week) == week
        days += _days(week, week_end(week))
        week = next_week(week)
    return days


@pytest.mark.parametrize(
    ("edges", "read"),
    [
        # The benchmark's ranges cutting months: 4 March to 25 September, 10
        # March to 20 September.
        (
            ((D(2025, 3, 4), D(2025, 3, 31)), (D(2025, 9, 1), D(2025, 9, 25))),
            PartMonths(
                months=((D(2025, 3, 1),) * 2, (D(2025, 9, 1),) * 2),
                weeks_taken=((D(2025, 9, 29),) * 2,),
                days_taken=(
                    (D(2025, 3, 1), D(2025, 3, 3)),
                    (D(2025, 9, 26), D(2025, 9, 28)),
                ),
            ),
        ),
        (
            ((D(2025, 3, 10), D(2025, 3, 31)), (D(2025, 9, 1), D(2025, 9, 20))),
            PartMonths(
                months=((D(2025, 3, 1),) * 2,),
                weeks=((D(2025, 9, 1), D(2025, 9, 8)), (D(2025, 9, 15),) * 2),
                weeks_taken=((D(2025, 3, 1),) * 2,),
                days_taken=(
                    (D(2025, 3, 8), D(2025, 3, 9)),
                    (D(2025, 9, 21), D(2025, 9, 21)),
                ),
            ),
        ),
        # Days of one month: the month less both ends.
        (
            ((D(2025, 10, 3), D(2025, 10, 30)),),
            PartMonths(
                months=((D(2025, 10, 1),) * 2,),
                days_taken=(
                    (D(2025, 10, 1), D(2025, 10, 2)),
                    (D(2025, 10, 31), D(2025, 10, 31)),
                ),
            ),
        ),
        # More of the month outside than in it: its own weeks and days.
        (
            ((D(2025, 8, 1), D(2025, 8, 17)),),
            PartMonths(
                weeks=((D(2025, 8, 1), D(2025, 8, 8)),),
                days=((D(2025, 8, 15), D(2025, 8, 17)),),
            ),
        ),
    ],
)
def test_part_months_are_read_by_month_or_by_week(edges, read) -> None:
    assert read_part_months(edges) == read


@pytest.mark.parametrize("year", [2024, 2025])
def test_every_range_is_read_once_by_month_or_by_week(year: int) -> None:
    """Adding the whole months, whole weeks and days read, and taking out
    those taken, counts each day of any range once and no other day: every
    range of a year's first 70 days and last 40; at most six days of
    incidents read for each part month."""
    start = D(year, 1, 1)
    days = _days(start, D(year, 12, 31))
    chosen = days[:70] + days[-40:]
    for i, first in enumerate(chosen):
        for last in chosen[i:]:
            split = split_by_month((first, last))
            read = read_part_months(split.edges)
            weight: dict[dt.date, int] = {}

            def count(covered: list[dt.date], by: int, weight: dict = weight) -> None:
                for day in covered:
                    weight[day] = weight.get(day, 0) + by

            for month, end in (
                *read.months,
                *((split.months,) if split.months else ()),
            ):
                count(_days(month, next_month(end) - dt.timedelta(days=1)), 1)
            for weeks in read.weeks:
                count(_weeks(weeks), 1)
            for weeks in read.weeks_taken:
                count(_weeks(weeks), -1)
            for a, b in read.days:
                count(_days(a, b), 1)
            for a, b in read.days_taken:
                count(_days(a, b), -1)
            wanted = set(_days(first, last))
            assert {d for d, w in weight.items() if w} == wanted, (first, last)
            assert all(weight[d] == 1 for d in wanted), (first, last, read)
            incidents = [*read.days, *read.days_taken]
            assert sum((b - a).days + 1 for a, b in incidents) <= 6 * len(split.edges)
