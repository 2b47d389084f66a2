import datetime as dt

import pandas as pd
import pytest

from components.domain.filters import (
    Filters,
    apply_filters,
    attack_type_options,
    date_span,
    describe,
    place_options,
    target_type_options,
)


def test_no_filter_keeps_every_row(seed_frame):
    assert not Filters().active
    assert len(apply_filters(seed_frame, Filters())) == len(seed_frame)


def test_place_filter(seed_frame):
    chosen = apply_filters(seed_frame, Filters(places=("Mastung", "Gwadar")))
    assert set(chosen["place"]) == {"Mastung", "Gwadar"}
    assert len(chosen) == 2


def test_filters_combine(seed_frame):
    chosen = apply_filters(
        seed_frame, Filters(places=("Quetta",), target_types=("government",))
    )
    assert chosen["id"].tolist() == ["balochistan-2026-02-01-quetta-admin"]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [(("bombing",), 1), (("armed_assault", "bombing"), 1), (("hijacking",), 0)],
)
def test_attack_filter_matches_any_of_a_rows_types(seed_frame, codes, expected):
    chosen = apply_filters(seed_frame, Filters(attack_types=codes))
    assert len(chosen) == expected


def test_options_list_what_is_in_the_data(seed_frame):
    assert place_options(seed_frame) == [
        "Dalbandin",
        "Gwadar",
        "Mastung",
        "Nushki",
        "Quetta",
        "Balochistan",
    ]
    assert target_type_options(seed_frame)[0] == "police_paramilitary"
    assert "not_reported" in target_type_options(seed_frame)
    assert attack_type_options(seed_frame) == [
        "armed_assault",
        "bombing",
        "not_reported",
    ]


def test_date_range_filter(hostile_frame):
    frame = hostile_frame.assign(date=pd.to_datetime(["2026-01-30", "2026-02-03"]))
    assert date_span(frame) == (dt.date(2026, 1, 30), dt.date(2026, 2, 3))
    chosen = apply_filters(
        frame, Filters(dates=(dt.date(2026, 2, 1), dt.date(2026, 2, 3)))
    )
    assert chosen["id"].tolist() == ["hostile-place"]
    assert Filters(dates=(dt.date(2026, 2, 1), dt.date(2026, 2, 3))).active
    assert date_span(frame.iloc[0:0]) is None


def test_describe_puts_the_filters_in_words():
    assert describe(Filters()) == ["Filters: none (every incident)"]
    lines = describe(
        Filters(
            places=("Mastung",),
            target_types=("prison",),
            dates=(dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
        )
    )
    assert lines == [
        "Places: Mastung",
        "Target types: Prison",
        "Dates: 2026-01-01 to 2026-02-01",
    ]
