import pandas as pd

from components.domain.filters import Filters, apply_filters
from components.domain.summary import headline, incidents_per_day


def test_headline_of_the_whole_wave(seed, seed_frame):
    head = headline(seed_frame, seed.events)
    deaths = {field: figure.value for field, figure in head.deaths.items()}
    assert deaths == {
        "killed_civilians": 31,
        "killed_security": 17,
        "killed_attackers": 145,
        "killed_unspecified": None,
    }
    groups = ("killed_civilians", "killed_security", "killed_attackers")
    assert all(head.deaths[group].province_level for group in groups)
    assert (head.places_named, head.places_hit_at_least) == (5, 12)
    assert head.period_hours == 40


def test_a_city_without_figures_reports_none_not_zero(seed, seed_frame):
    mastung = apply_filters(seed_frame, Filters(places=("Mastung",)))
    head = headline(mastung, seed.events)
    assert all(figure.value is None for figure in head.deaths.values())
    assert head.places_named == 1


def test_place_level_counts_are_summed(hostile_frame):
    head = headline(hostile_frame, {})
    civilians = head.deaths["killed_civilians"]
    assert (civilians.value, civilians.reporting_rows) == (5, 2)
    assert not civilians.province_level
    assert head.deaths["killed_security"].value is None
    assert head.places_hit_at_least is None


def test_empty_selection(seed, seed_frame):
    head = headline(seed_frame.iloc[0:0], seed.events)
    assert head.places_named == 0
    assert head.first_date is None


def test_incidents_per_day_fills_empty_days(hostile_frame):
    frame = hostile_frame.assign(date=pd.to_datetime(["2026-01-30", "2026-02-02"]))
    per_day = incidents_per_day(frame)
    assert per_day.tolist() == [1, 0, 0, 1]
    assert incidents_per_day(frame.iloc[0:0]).empty
