"""The dashboard's table: repeated text as categories, saves joined in order."""

import pandas as pd
import pytest

from components.domain import table as frame_module
from components.domain.table import as_categories, joined_frame


def test_repeated_text_becomes_sorted_categories():
    values = pd.Series(["Turbat", "Kalat", "Turbat", "Kalat", "Awaran"] * 10)
    categories = as_categories(values)
    assert isinstance(categories.dtype, pd.CategoricalDtype)
    assert list(categories.cat.categories) == ["Awaran", "Kalat", "Turbat"]
    assert categories.tolist() == values.tolist()
    assert categories.sort_values().iloc[0] == "Awaran"


def test_text_that_does_not_repeat_stays_text():
    values = pd.Series([f"note {n}" for n in range(100)])
    assert as_categories(values).dtype == values.dtype


@pytest.mark.parametrize("one_by_one", [1_000, 0])
def test_rows_of_a_save_are_joined_in_date_and_id_order(
    seed_frame, monkeypatch, one_by_one
):
    monkeypatch.setattr(frame_module, "MERGED_ONE_BY_ONE", one_by_one)
    whole = seed_frame.sort_values(["date", "id"], ignore_index=True)
    taken = whole.index[[1, 5, len(whole) - 1]]
    kept = whole.drop(index=taken)
    added = whole.loc[taken].iloc[::-1]
    added = added.assign(place=added["place"].astype(str) + " (new)")
    joined = joined_frame(kept, added)
    assert joined["id"].tolist() == whole["id"].tolist()
    assert joined.loc[[1, 5], "place"].str.endswith("(new)").all()
    assert isinstance(joined["place"].dtype, pd.CategoricalDtype)
    assert list(joined["place"].cat.categories) == sorted(set(joined["place"]))


def test_a_revising_row_makes_the_revised_one_not_current(seed_frame):
    kept = seed_frame.sort_values(["date", "id"], ignore_index=True)
    revised = kept["id"].iloc[0]
    added = kept.iloc[[0]].assign(id="later-report", revises=revised)
    joined = joined_frame(kept, added).set_index("id")
    assert not joined.loc[revised, "current"]
    assert joined.loc["later-report", "current"]


def test_rows_dated_after_every_kept_row_are_appended(seed_frame):
    whole = seed_frame.sort_values(["date", "id"], ignore_index=True)
    kept, added = whole.iloc[:-2], whole.iloc[-2:].iloc[::-1]
    joined = joined_frame(kept, added)
    assert joined["id"].tolist() == whole["id"].tolist()
    assert joined.index.tolist() == list(range(len(whole)))
