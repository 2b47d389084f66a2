"""A save's rows put into the dashboard's table by copying slices, not by
rebuilding it. Pure.

:func:`~components.domain.table.joined_frame` concatenates, reorders and
re-checks every column of the table; for a save of a few rows into a million
that costs a third of a second. :func:`spliced_frame` gives the same table (the
same rows in (date, id) order, categories, ``current`` flags) by copying each
column's runs of kept rows around the new ones.
"""

from __future__ import annotations

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
    columns = {}
    for name in frame.columns:
        kept, new = frame[name], added[name] if len(added) else None
        if new is not None:
            kept, new = _same_type(kept, new)
        columns[name] = _joined_runs(kept.array, new, pieces)
    result = pd.DataFrame(columns, copy=False)
    if len(gone):  # values no row holds any more
        for name in CATEGORY_COLUMNS:
            values = result[name]
            if isinstance(values.dtype, pd.CategoricalDtype):
                codes = values.cat.codes.to_numpy()
                held = np.bincount(
                    codes[codes >= 0], minlength=len(values.cat.categories)
                )
                if not held.all():
                    result[name] = values.cat.remove_unused_categories()
    result["current"] = current_flags(result)
    return result


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


def _joined_runs(kept, added, pieces: list[Piece]):
    """One column of the result: its runs copied from the table or the new rows."""
    runs = [(added.array if new else kept)[start:stop] for new, start, stop in pieces]
    if not runs:
        return kept[:0]
    joined = type(kept)._concat_same_type(runs)
    chunked = getattr(joined, "_pa_array", None)
    if chunked is not None and chunked.num_chunks > CHUNKS_AT_MOST:
        joined = pd.array(chunked.combine_chunks(), dtype=kept.dtype)
    return joined
