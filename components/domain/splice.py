"""A save's rows put into the dashboard's table by copying slices, not by
rebuilding it. Pure.

:func:`~components.domain.table.joined_frame` concatenates, reorders and
re-checks every column of the table; for a save of a few rows into a million
that costs a third of a second. :func:`spliced_frame` gives the same table (the
same rows in (date, id) order, categories, ``current`` flags) by copying each
column's runs of kept rows around the new ones. What the few rows cannot change
is not worked out again over the whole table: the ``current`` flags are copied
unless a row that comes or goes revises another, a category is looked for only
where a dropped row held it, and a column that holds nothing (counts never
reported, a text that is one value everywhere) is made as zeros the system
gives without writing them.
"""

from __future__ import annotations

import mmap

import numpy as np
import pandas as pd

from components.domain.table import (
    CATEGORY_COLUMNS,
    current_flags,
    insert_positions,
    joined_frame,
)

SPLICED_AT_MOST = 1_000
"""Up to this many new or dropped rows are spliced in; more are joined whole."""
CHUNKS_AT_MOST = 64
"""A text column kept as Arrow chunks is made one chunk again past this many."""

MASKED = (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)
"""Nullable columns: values and a mask of the missing ones."""

Piece = tuple[bool, int, int]
"""(from the new rows, start, stop): a run of rows of the result."""


def spliced_frame(
    frame: pd.DataFrame, rows: pd.DataFrame, touched: list[str]
) -> pd.DataFrame:
    """``frame`` (a complete table in (date, id) order) without the rows of
    ``touched`` and with ``rows`` (a complete table) in their places: equal to
    ``joined_frame(frame[~frame["id"].isin(touched)], rows)``."""
    gone: list[int] = (
        np.flatnonzero(frame["id"].isin(touched).to_numpy()).tolist() if touched else []
    )
    if len(rows) + len(gone) > SPLICED_AT_MOST:
        return joined_frame(frame[~frame["id"].isin(touched)], rows)
    added = rows.sort_values(["date", "id"], ignore_index=True) if len(rows) else rows
    places = insert_positions(frame, added) if len(added) else []
    pieces = _pieces(len(frame), list(gone), places)
    size = len(frame) - len(gone) + len(added)
    columns = {}
    for name in frame.columns:
        kept, new = frame[name], added[name] if len(added) else None
        if new is not None:
            kept, new = _same_type(kept, new)
        columns[name] = _joined_runs(kept.array, new, pieces, size)
    result = pd.DataFrame(columns, copy=False)
    if len(gone):  # values no row holds any more
        for name in CATEGORY_COLUMNS:
            if _lost_a_value(result[name], frame[name].iloc[gone]):
                result[name] = result[name].cat.remove_unused_categories()
    if not _same_current(frame, added, gone):
        result["current"] = current_flags(result)
    return result


def _same_current(frame: pd.DataFrame, added: pd.DataFrame, gone: list[int]) -> bool:
    """Whether each row keeps the ``current`` flag it has (the new rows: as
    they came, current): no dropped or new row revises another, and no row of
    the table revises a new one."""
    if len(gone) and (frame["revises"].iloc[gone] != "").any():
        return False
    if not len(added):
        return True
    if (added["revises"] != "").any() or not added["current"].all():
        return False
    revises = frame["revises"]
    if not isinstance(revises.dtype, pd.CategoricalDtype):
        return not revises.isin(added["id"]).any()
    named = np.flatnonzero(revises.cat.categories.isin(added["id"]))
    return not (len(named) and np.isin(revises.cat.codes.to_numpy(), named).any())


def _lost_a_value(values: pd.Series, dropped: pd.Series) -> bool:
    """Whether a category of ``values`` (the table after the splice) is held by
    no row: only the values the dropped rows held are looked for. A table
    holds no unused category before (as :func:`joined_frame` leaves it)."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return False
    codes = values.cat.codes.to_numpy()
    wanted = values.cat.categories.get_indexer(dropped.dropna().unique())
    return any(not (codes == code).any() for code in wanted if code >= 0)


def _pieces(size: int, gone: list[int], places: list[int]) -> list[Piece]:
    """The runs of the result: the table's rows between the dropped ones, with
    each new row at its place (before the table's row there)."""
    events = sorted(
        [(place, 0, index) for index, place in enumerate(places)]
        + [(position, 1, -1) for position in gone]
    )
    pieces: list[Piece] = []
    start = 0
    for position, dropped, index in events:
        if position > start:
            pieces.append((False, start, position))
            start = position
        if dropped:
            start = position + 1
        else:
            pieces.append((True, index, index + 1))
    if start < size:
        pieces.append((False, start, size))
    return pieces


def _same_type(kept: pd.Series, added: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Both columns of one type: categoricals over the union of their sorted
    categories (the kept column recoded only when the new rows bring a value it
    lacks), else the new rows as the kept column's type."""
    if isinstance(kept.dtype, pd.CategoricalDtype):
        if not isinstance(added.dtype, pd.CategoricalDtype):
            added = added.astype("category")
        # Recoded through the kept categories' own hash table (built once).
        recoded = added.cat.set_categories(kept.cat.categories)
        if not (recoded.isna() & added.notna()).any():
            return kept, recoded
        categories = kept.cat.categories.union(added.cat.categories).sort_values()
        return kept.cat.set_categories(categories), added.cat.set_categories(categories)
    if isinstance(added.dtype, pd.CategoricalDtype) or added.dtype != kept.dtype:
        added = added.astype(kept.dtype)
    return kept, added


def _joined_runs(kept, added, pieces: list[Piece], size: int):
    """One column of the result: its runs copied from the table or the new rows
    (a column of no values, as :func:`nothing`, made without copying)."""
    if _holds_nothing(kept) and (added is None or _holds_nothing(added.array)):
        return nothing(kept, size)
    runs = [(added.array if new else kept)[start:stop] for new, start, stop in pieces]
    if not runs:
        return kept[:0]
    joined = type(kept)._concat_same_type(runs)
    chunked = getattr(joined, "_pa_array", None)
    if chunked is not None and chunked.num_chunks > CHUNKS_AT_MOST:
        joined = pd.array(chunked.combine_chunks(), dtype=kept.dtype)
    return joined


def _holds_nothing(values) -> bool:
    """Whether ``values`` is a nullable integer column with every value missing,
    or a categorical column whose every row holds its first category."""
    if isinstance(values, MASKED):
        return bool(values.isna().all())
    if isinstance(values, pd.Categorical):
        return not values.codes.any()
    return False


def nothing(like, size: int):
    """A column like ``like`` (as :func:`_holds_nothing`: a nullable integer
    column, or a categorical one) of ``size`` rows holding nothing (every value
    missing, or the first category everywhere), its values zeros the system
    gives without writing them (anonymous memory, mapped on first write, which
    nothing does to a table)."""
    if isinstance(like, MASKED):
        values = _zeros(size, like.dtype.numpy_dtype)
        return type(like)(values, np.ones(size, dtype=bool))
    codes = _zeros(size, like.codes.dtype)
    return pd.Categorical.from_codes(codes, dtype=like.dtype, validate=False)


def _zeros(size: int, dtype: np.dtype) -> np.ndarray:
    """``size`` zeros in memory of their own that is not written: ``np.zeros``
    may clear memory the allocator had kept, page by page."""
    if not size:
        return np.zeros(0, dtype=dtype)
    return np.frombuffer(mmap.mmap(-1, size * dtype.itemsize), dtype=dtype)
