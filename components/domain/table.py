"""The table the dashboard works on: one row per incident, labels beside codes,
and which records later reports revised. Pure.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import pandas as pd

from components.domain.model import (
    CASUALTY_FIELDS,
    INCIDENT_FIELDS,
    RANGE_COLUMNS,
    SPREAD_COLUMNS,
    STORED_COLUMNS,
    TABLE_COLUMNS,
    Incident,
)
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES

DERIVED_COLUMNS = frozenset(f.name for f in INCIDENT_FIELDS if f.derived)
TEXT_COLUMNS = [f.name for f in INCIDENT_FIELDS if f.kind == "text" and not f.derived]


REPEATED_SHARE = 0.5
"""A text column with at most this share of distinct values is kept as categories:
a code per row instead of a string, so filters compare small integers and a
filtered copy costs bytes per row, not the strings."""


def as_categories(values: pd.Series) -> pd.Series:
    """``values`` as a categorical of its distinct strings (sorted, so ordering
    by the column stays alphabetical) when they repeat enough, else unchanged."""
    if isinstance(values.dtype, pd.CategoricalDtype) or not len(values):
        return values
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if not kept_as_categories(len(uniques), len(values)):
        return values
    order = np.argsort(np.asarray(uniques, dtype=object))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    ranked = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
    categories = pd.Index(np.asarray(uniques, dtype=object)[order], dtype=str)
    return pd.Series(
        pd.Categorical.from_codes(ranked, categories=categories),
        index=values.index,
        name=values.name,
    )


def kept_as_categories(distinct: int, size: int) -> bool:
    """Whether a text column of ``size`` rows holding ``distinct`` values is
    kept as categories."""
    return distinct <= max(16, size * REPEATED_SHARE)


CATEGORY_COLUMNS = [
    *(c for c in TEXT_COLUMNS if c != "id"),
    "target_label",
    "attack_labels",
]
"""Text columns kept as categories where their values repeat (not ids)."""


def value_codes(values: pd.Series) -> np.ndarray:
    """An integer per row, equal for equal values: the category codes where the
    column has them, else a hash pass (no strings built)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy().astype(np.int64)
    return pd.factorize(values)[0].astype(np.int64)


def current_flags(frame: pd.DataFrame) -> pd.Series:
    """Whether each record is current: no other record in ``frame`` revises it."""
    revising = frame["revises"].unique().tolist()
    return ~frame["id"].isin([r for r in revising if r])


def earlier_records(frame: pd.DataFrame) -> dict[str, list[str]]:
    """For each record that revises another, the ids it replaces, newest first."""
    revising = frame["revises"] != ""
    if not revising.any():
        return {}
    revises = dict(
        zip(frame.loc[revising, "id"], frame.loc[revising, "revises"], strict=True)
    )
    chains: dict[str, list[str]] = {}
    for record in revises:
        chain, seen = [], {record}
        earlier = revises.get(record, "")
        while earlier and earlier not in seen:
            chain.append(earlier)
            seen.add(earlier)
            earlier = revises.get(earlier, "")
        chains[record] = chain
    return chains


def latest_records(frame: pd.DataFrame) -> pd.DataFrame:
    """The current records, each count carried forward from the records it revises
    where the newer source is silent on it."""
    current = frame["current"].to_numpy(dtype=bool)
    chains = earlier_records(frame)
    if not chains and current.all():
        return frame  # nothing is revised: the table itself (never written to)
    latest = frame[current]
    if not chains:
        return latest
    revised = latest["id"].isin(list(chains))
    latest = latest.copy()
    by_id = frame.set_index("id")
    for index in latest.index[revised]:
        for column in CASUALTY_FIELDS:
            if pd.isna(latest.at[index, column]):
                older = by_id.loc[chains[latest.at[index, "id"]], column].dropna()
                if len(older):
                    latest.at[index, column] = older.iloc[0]
    return latest


def incidents_frame(incidents: Sequence[Incident]) -> pd.DataFrame:
    """One row per incident, with labels alongside codes; counts are nullable."""
    records = [
        {
            "id": i.id,
            "event_id": i.event_id,
            "revises": i.revises,
            "date": i.date,
            "date_precision": int(i.date_precision),
            "place_reported": i.place_reported,
            "place": i.place,
            "geonameid": i.geonameid,
            "admin1": i.admin1,
            "lat": i.lat,
            "lon": i.lon,
            "geo_precision": int(i.geo_precision),
            "target_type": i.target_type,
            "attack_types": ";".join(i.attack_types),
            **{column: getattr(i.casualties, column) for column in CASUALTY_FIELDS},
            "figure_scope": i.figure_scope,
            "source_title": i.source.title,
            "source_publisher": i.source.publisher or "",
            "source_date": i.source.date,
            "source_location": i.source.location,
            "source_excerpt": i.source.excerpt,
            "notes": i.notes,
            "sources": i.spread.sources,
            **{
                name: getattr(getattr(i.spread, end), column)
                for column, pair in RANGE_COLUMNS.items()
                for end, name in zip(("low", "high"), pair, strict=True)
            },
        }
        for i in incidents
    ]
    return complete_frame(pd.DataFrame.from_records(records, columns=STORED_COLUMNS))


def complete_frame(stored: pd.DataFrame) -> pd.DataFrame:
    """The dashboard's table from a store's columns: types set, labels beside
    codes, and which records a later one revises (``current``). ``stored`` is
    changed in place (it is large, and the caller's own)."""
    frame = typed_frame(stored)
    frame["current"] = current_flags(frame)
    for column in CATEGORY_COLUMNS:
        frame[column] = as_categories(frame[column])
    return frame[TABLE_COLUMNS]  # copy-on-write: columns are shared, not copied


def typed_frame(stored: pd.DataFrame) -> pd.DataFrame:
    """A store's columns with their types set and labels beside codes: the
    table without ``current`` and categories, which need every row (a part
    of a large table, taken a chunk at a time). Changed in place."""
    frame = stored
    for column in TEXT_COLUMNS:
        values = frame[column]
        if not pd.api.types.is_string_dtype(values):  # empty or all null: no type
            values = values.astype(object).where(values.notna(), "").astype(str)
        elif values.isna().any():
            values = values.fillna("")
        frame[column] = values
    for column in ("lat", "lon"):
        frame[column] = frame[column].astype("float64")
    for column in ("date", "source_date"):  # days: one unit, whatever the source
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ms]")
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    for column in ("date_precision", "geo_precision"):
        frame[column] = frame[column].astype("int64")
    for column in CASUALTY_FIELDS:
        frame[column] = frame[column].astype("Int64")
    for column in SPREAD_COLUMNS:
        if column not in frame:  # a store from before sources were kept
            frame[column] = 1 if column == "sources" else pd.NA
        frame[column] = frame[column].astype("Int64")
    frame["sources"] = frame["sources"].fillna(1)
    frame["target_label"] = (
        frame["target_type"]
        .map({code: t.label for code, t in TARGET_TYPES.items()})
        .astype(str)
    )
    frame["attack_labels"] = _attack_labels(frame["attack_types"])
    return frame


def joined_frame(kept: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    """Two complete tables, each in (date, id) order, as one in that order:
    categories merged (so no column turns back into strings) and ``current``
    decided again over both (a new row may revise a kept one)."""
    if len(added):
        kept, added = kept.copy(deep=False), added.copy(deep=False)
        for column in CATEGORY_COLUMNS:
            kept[column], added[column] = _common_categories(
                kept[column], added[column]
            )
        added = added.sort_values(["date", "id"], ignore_index=True)
        frame = pd.concat([kept, added], ignore_index=True)
        order = _merged_order(kept, added)
        if order is not None:
            frame = frame.take(order).reset_index(drop=True)
    else:
        frame = kept.reset_index(drop=True)
    for column in CATEGORY_COLUMNS:  # values no row holds any more
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes = values.cat.codes.to_numpy()
            held = np.bincount(codes[codes >= 0], minlength=len(values.cat.categories))
            if not held.all():
                frame[column] = values.cat.remove_unused_categories()
    frame["current"] = current_flags(frame)
    return frame


def _common_categories(
    kept: pd.Series, added: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """Both columns as categoricals over the same sorted categories, if the kept
    one is categorical (else both as plain strings)."""
    if not isinstance(kept.dtype, pd.CategoricalDtype):
        return kept, added.astype(str) if len(added) else added
    if not isinstance(added.dtype, pd.CategoricalDtype):
        added = added.astype("category")
    categories = kept.cat.categories.union(added.cat.categories).sort_values()
    return (
        kept.cat.set_categories(categories),
        added.cat.set_categories(categories),
    )


MERGED_ONE_BY_ONE = 1_000
"""Up to this many new rows are put in place one by one; more are sorted in."""


def insert_positions(kept: pd.DataFrame, added: pd.DataFrame) -> list[int]:
    """For each row of ``added`` (in order), the position in ``kept`` (a table in
    (date, id) order) it goes before."""
    dates = kept["date"].to_numpy()
    ids = kept["id"]
    places = []
    for date, record in zip(added["date"].to_numpy(), added["id"], strict=True):
        low = int(np.searchsorted(dates, date, side="left"))
        high = int(np.searchsorted(dates, date, side="right"))
        same_day = ids.iloc[low:high].tolist()
        places.append(low + bisect.bisect_right(same_day, record))
    return places


def _merged_order(kept: pd.DataFrame, added: pd.DataFrame) -> np.ndarray | None:
    """Positions taking ``concat([kept, added])`` to (date, id) order, without
    sorting the kept rows again (they are in order); None when it is in order
    already (the new rows come last, as a day's reports do)."""
    if len(added) > MERGED_ONE_BY_ONE:
        both = pd.concat([kept[["date", "id"]], added[["date", "id"]]])
        return np.lexsort((both["id"].to_numpy(), both["date"].to_numpy()))
    places = insert_positions(kept, added)
    if all(place == len(kept) for place in places):
        return None
    return np.insert(np.arange(len(kept)), places, len(kept) + np.arange(len(added)))


def _attack_labels(codes: pd.Series) -> pd.Series:
    """'armed_assault;bombing' -> 'Armed assault, Bombing / explosion', through the
    distinct values (a few dozen), not once per row."""
    labels = {code: a.label for code, a in ATTACK_TYPES.items()}
    factor, uniques = pd.factorize(codes)
    named = [", ".join(labels.get(c, c) for c in value.split(";")) for value in uniques]
    return pd.Series(pd.Index([*named, ""])[factor], index=codes.index, dtype=str)
