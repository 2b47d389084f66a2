"""A save's rows spliced into the table: the same table as joining it whole."""

import pandas as pd
import pytest

from components.domain import splice as splice_module
from components.domain.splice import spliced_frame
from components.domain.table import joined_frame


def joined(frame: pd.DataFrame, rows: pd.DataFrame, touched: list[str]):
    return joined_frame(frame[~frame["id"].isin(touched)], rows)


@pytest.fixture
def ordered(seed_frame) -> pd.DataFrame:
    return seed_frame.sort_values(["date", "id"], ignore_index=True)


def test_new_rows_land_in_date_and_id_order(ordered):
    whole = ordered
    taken = whole.index[[0, 5, 6, len(whole) - 1]]
    kept = whole.drop(index=taken).reset_index(drop=True)
    added = whole.loc[taken].iloc[::-1]
    spliced = spliced_frame(kept, added, list(added["id"]))
    pd.testing.assert_frame_equal(spliced, whole)


def test_an_edited_row_moves_and_a_new_place_becomes_a_category(ordered):
    edited = ordered.iloc[[3]].assign(
        place=pd.Categorical(["Nowhere-on-the-map"]),
        date=ordered["date"].iloc[-1],
    )
    touched = [edited["id"].iloc[0]]
    spliced = spliced_frame(ordered, edited, touched)
    pd.testing.assert_frame_equal(spliced, joined(ordered, edited, touched))
    assert "Nowhere-on-the-map" in spliced["place"].cat.categories
    assert list(spliced["place"].cat.categories) == sorted(set(spliced["place"]))


def test_a_retracted_row_goes_and_its_category_with_it(ordered):
    lone = ordered["place"].value_counts()
    place = lone[lone == 1].index[0]
    gone = ordered.loc[ordered["place"] == place, "id"].tolist()
    spliced = spliced_frame(ordered, ordered.iloc[:0], gone)
    pd.testing.assert_frame_equal(spliced, joined(ordered, ordered.iloc[:0], gone))
    assert place not in spliced["place"].cat.categories


def test_a_revising_row_makes_the_revised_one_not_current(ordered):
    revised = ordered["id"].iloc[2]
    added = ordered.iloc[[2]].assign(id="later-report", revises=revised)
    spliced = spliced_frame(ordered, added, ["later-report"]).set_index("id")
    assert not spliced.loc[revised, "current"]
    assert spliced.loc["later-report", "current"]


def test_many_rows_are_joined_whole(ordered, monkeypatch):
    monkeypatch.setattr(splice_module, "SPLICED_AT_MOST", 1)
    added = ordered.iloc[[1, 2]].assign(id=["x-1", "x-2"])
    spliced = spliced_frame(ordered, added, ["x-1", "x-2"])
    pd.testing.assert_frame_equal(spliced, joined(ordered, added, ["x-1", "x-2"]))


def test_text_kept_as_arrow_chunks_is_made_one_again(ordered, monkeypatch):
    monkeypatch.setattr(splice_module, "CHUNKS_AT_MOST", 2)
    frame = ordered
    for n in range(5):
        row = ordered.iloc[[n]].assign(id=f"extra-{n}")
        frame = spliced_frame(frame, row, [f"extra-{n}"])
    chunked = getattr(frame["id"].array, "_pa_array", None)
    assert chunked is None or chunked.num_chunks <= 2
    assert sorted(frame["id"]) == sorted(
        [*ordered["id"], *(f"extra-{n}" for n in range(5))]
    )


def with_revising_report(ordered: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """``ordered`` with a later report revising its third row, and that row's id."""
    revised = ordered["id"].iloc[2]
    later = ordered.iloc[[2]].assign(id="later-report", revises=revised)
    return joined_frame(ordered, later), revised


def test_dropping_a_revising_report_makes_the_revised_one_current_again(ordered):
    table, revised = with_revising_report(ordered)
    assert not table.set_index("id").loc[revised, "current"]
    spliced = spliced_frame(table, table.iloc[:0], ["later-report"])
    pd.testing.assert_frame_equal(
        spliced, joined(table, table.iloc[:0], ["later-report"])
    )
    assert spliced.set_index("id").loc[revised, "current"]


def test_an_edited_row_the_table_revises_stays_revised(ordered):
    table, revised = with_revising_report(ordered)
    # As the saved row is read: current among the rows read with it.
    edited = table[table["id"] == revised].assign(current=True, lat=1.5)
    spliced = spliced_frame(table, edited, [revised])
    pd.testing.assert_frame_equal(spliced, joined(table, edited, [revised]))
    assert not spliced.set_index("id").loc[revised, "current"]


def test_a_count_lands_in_a_column_that_held_none(ordered):
    none = pd.array([pd.NA] * len(ordered), dtype="Int64")
    table = ordered.assign(killed_civilians_low=none)
    added = table.iloc[[3]].assign(
        id="x-1", killed_civilians_low=pd.array([4], dtype="Int64")
    )
    spliced = spliced_frame(table, added, ["x-1"])
    pd.testing.assert_frame_equal(spliced, joined(table, added, ["x-1"]))
    assert spliced.set_index("id").loc["x-1", "killed_civilians_low"] == 4
    assert spliced["killed_civilians_low"].count() == 1


def test_a_second_value_lands_in_a_column_of_one(ordered):
    one = pd.Series(["province"] * len(ordered), dtype="category")
    table = ordered.assign(figure_scope=one)
    added = table.iloc[[3, 4]].assign(id=["x-1", "x-2"], figure_scope=["", "province"])
    spliced = spliced_frame(table, added, ["x-1", "x-2"])
    pd.testing.assert_frame_equal(spliced, joined(table, added, ["x-1", "x-2"]))
    assert list(spliced["figure_scope"].cat.categories) == ["", "province"]


def test_a_value_a_kept_row_also_holds_stays_a_category(ordered):
    held = ordered["place"].value_counts()
    place = held[held > 1].index[0]
    gone = ordered.loc[ordered["place"] == place, "id"].tolist()[:1]
    spliced = spliced_frame(ordered, ordered.iloc[:0], gone)
    pd.testing.assert_frame_equal(spliced, joined(ordered, ordered.iloc[:0], gone))
    assert place in spliced["place"].cat.categories


def test_every_row_dropped_leaves_an_empty_table(ordered):
    none = pd.array([pd.NA] * len(ordered), dtype="Int64")
    table = ordered.assign(killed_civilians_low=none)
    gone = table["id"].tolist()
    spliced = spliced_frame(table, table.iloc[:0], gone)
    pd.testing.assert_frame_equal(spliced, joined(table, table.iloc[:0], gone))
    assert spliced.empty
