"""A date range cut into whole months and whole weeks of the month, and the
days left over (``components.store.months``): the split the kept counts are
read by, checked against the days themselves."""

from __future__ import annotations

import datetime as dt

import pytest

from components.store.months import (
    next_week,
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
