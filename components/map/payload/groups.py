"""Groups: the incidents of one target type at one point (of one place and geo
precision), counted, with the deaths they report. The map draws a group once,
however many incidents it holds; its popup asks for them a page at a time.

A group table has the columns :data:`GROUP_COLUMNS`, one row per group, in the
order :data:`GROUP_ORDER` (text in code-point order, as SQL's binary collation
sorts it), so the table worked out from rows here and the one a database query
gives are the same table.

Grouping a million rows takes a few tenths of a second; a filter change need not
pay it again. :class:`TableGroups` numbers the groups of a whole loaded table
once, and the groups of any selection of its rows are then a count per number
(``numpy.bincount``), a few hundredths of a second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from components.domain.model import DEATH_FIELDS

GROUP_KEYS = ["target_type", "lat", "lon", "geo_precision", "place"]
"""What the incidents of a group share."""
GROUP_ORDER = ["lat", "lon", "target_type", "geo_precision", "place"]
GROUP_COLUMNS = [*GROUP_KEYS, "count", "deaths"]
"""``count``: incidents; ``deaths``: the deaths they report, added (-1 when none
of them reports any)."""


def empty_groups() -> pd.DataFrame:
    return tidy_groups(pd.DataFrame({column: [] for column in GROUP_COLUMNS}))


def text_rank(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values in code-point order (a sort
    of the distinct strings, not of every row)."""
    codes, uniques = pd.factorize(values)
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[np.argsort(np.asarray(uniques, dtype=object), kind="stable")] = np.arange(
        len(uniques)
    )
    return rank[codes] if len(codes) else codes.astype(np.int64)


def group_order(groups: pd.DataFrame) -> np.ndarray:
    """The positions that put a group table's rows in :data:`GROUP_ORDER`."""
    keys = {
        column: text_rank(groups[column].to_numpy(dtype=object))
        if column in ("target_type", "place")
        else groups[column].to_numpy()
        for column in GROUP_ORDER
    }
    return np.lexsort([keys[column] for column in reversed(GROUP_ORDER)])


def tidy_groups(groups: pd.DataFrame) -> pd.DataFrame:
    """A group table with its columns' types and order, sorted by
    :data:`GROUP_ORDER` (from pandas or from a database query alike)."""
    tidy = pd.DataFrame(
        {
            "target_type": groups["target_type"].astype(str).to_numpy(dtype=object),
            "lat": groups["lat"].to_numpy(dtype=np.float64),
            "lon": groups["lon"].to_numpy(dtype=np.float64),
            "geo_precision": groups["geo_precision"].to_numpy(dtype=np.int64),
            "place": groups["place"].astype(str).to_numpy(dtype=object),
            "count": groups["count"].to_numpy(dtype=np.int64),
            "deaths": groups["deaths"].to_numpy(dtype=np.int64),
        }
    )
    return tidy.take(group_order(tidy)).reset_index(drop=True)


def reported_deaths(latest: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(deaths reported by each row, added; whether the row reports any)."""
    total = np.zeros(len(latest), dtype=np.int64)
    said = np.zeros(len(latest), dtype=bool)
    for column in DEATH_FIELDS:
        values = latest[column]
        said |= values.notna().to_numpy()
        total += values.to_numpy(dtype=np.int64, na_value=0)
    return total, said


def first_seen_numbers(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """Each row's number among the distinct values of ``columns``, numbered in
    order of first appearance (as ``groupby(sort=False).ngroup()``, a missing
    value being one value like any other), from each column's codes: a category's
    own, else ``pandas.factorize``'s; no strings built, no groupby."""
    number = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes = values.cat.codes.to_numpy(dtype=np.int64) + 1  # missing: 0
            size = len(values.cat.categories) + 1
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=False)
            size = len(uniques)
        # Renumbered after each column, so the combined code stays under
        # rows * values.
        number = pd.factorize(number * size + codes)[0].astype(np.int64, copy=False)
    return number


def row_groups(latest: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(group number of each row, first row of each group), numbered in order of
    first appearance (from the columns' codes; no strings built)."""
    if latest.empty:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    key = first_seen_numbers(latest, GROUP_KEYS)
    first = np.full(int(key.max()) + 1, -1, dtype=np.int64)
    first[key[::-1]] = np.arange(len(key) - 1, -1, -1)
    return key, first


def _counted(
    keys: pd.DataFrame, numbers: np.ndarray, latest: pd.DataFrame, size: int
) -> pd.DataFrame:
    """``keys`` (a group's keys per number) with the count and deaths of
    ``latest``'s rows, whose group numbers are ``numbers``; groups no row holds
    are left out."""
    deaths, said = reported_deaths(latest)
    count = np.bincount(numbers, minlength=size)
    summed = np.bincount(numbers, weights=deaths, minlength=size)
    reporting = np.bincount(numbers, weights=said, minlength=size)
    held = count > 0
    return keys[held].assign(
        count=count[held],
        deaths=np.where(reporting[held] > 0, summed[held], -1).astype(np.int64),
    )


def point_groups(latest: pd.DataFrame) -> pd.DataFrame:
    """The group table of ``latest``'s rows."""
    if latest.empty:
        return empty_groups()
    numbers, first = row_groups(latest)
    keys = latest.iloc[first][GROUP_KEYS].reset_index(drop=True)
    return tidy_groups(_counted(keys, numbers, latest, len(first)))


class TableGroups:
    """The groups of a whole loaded table, numbered once in
    :data:`GROUP_ORDER`: the group table of any selection of its rows is then
    a count per number."""

    def __init__(self, table: pd.DataFrame) -> None:
        numbers, first = row_groups(table)
        keys = table.iloc[first][GROUP_KEYS].reset_index(drop=True)
        keys = pd.DataFrame(
            {
                column: keys[column].astype(str).to_numpy(dtype=object)
                if column in ("target_type", "place")
                else keys[column].to_numpy()
                for column in GROUP_KEYS
            }
        )
        order = group_order(keys)
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        self.keys = keys.take(order).reset_index(drop=True)
        self.numbers = rank[numbers] if len(numbers) else numbers
        index = table.index
        self.rows = (
            len(table)
            if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
            else 0
        )
        """Rows whose label is their position (none: labels are not positions)."""
        self.place_numbers = first_seen_numbers(table, ["place", "geo_precision"])
        first = np.full(int(self.place_numbers.max()) + 1 if len(table) else 0, -1)
        first[self.place_numbers[::-1]] = np.arange(len(table) - 1, -1, -1)
        self.place_keys = pd.DataFrame(
            {
                "place": table["place"].iloc[first].astype(str).to_numpy(dtype=object),
                "geo_precision": table["geo_precision"].to_numpy()[first],
            }
        )

    def _positions(self, latest: pd.DataFrame) -> np.ndarray | None:
        """The table positions of ``latest``'s rows (their labels), or None when
        its labels are not positions of the table."""
        labels = latest.index
        if not pd.api.types.is_integer_dtype(labels) or (
            len(labels) and (labels.min() < 0 or labels.max() >= self.rows)
        ):
            return None
        return labels.to_numpy()

    def groups_of(self, latest: pd.DataFrame) -> pd.DataFrame | None:
        """The group table of ``latest``, rows of the table by their labels (its
        positions), or None when ``latest`` is not such rows."""
        positions = self._positions(latest)
        if positions is None:
            return None
        grouped = _counted(self.keys, self.numbers[positions], latest, len(self.keys))
        return tidy_groups(grouped) if grouped.empty else grouped.reset_index(drop=True)

    def places_of(
        self, latest: pd.DataFrame, groups: pd.DataFrame
    ) -> pd.DataFrame | None:
        """The place sums of ``latest`` (see :func:`place_sums`) with the extent of
        each place's points (from ``groups``, their group table), or None when
        ``latest`` is not rows of the table by their labels."""
        positions = self._positions(latest)
        if positions is None:
            return None
        sums = place_sums(self.place_keys, self.place_numbers[positions], latest)
        return sums.join(place_extent(groups), on=["place", "geo_precision"])


def place_extent(points: pd.DataFrame) -> pd.DataFrame:
    """The extent of each (place, geo precision)'s points, from rows or groups."""
    return points.groupby(["place", "geo_precision"], sort=False, observed=True).agg(
        lat_min=("lat", "min"),
        lat_max=("lat", "max"),
        lon_min=("lon", "min"),
        lon_max=("lon", "max"),
    )


def place_sums(
    keys: pd.DataFrame, numbers: np.ndarray, latest: pd.DataFrame
) -> pd.DataFrame:
    """Per place (``keys``, by number): the incidents of ``latest``'s rows (whose
    place numbers are ``numbers``) and the deaths they report, per field (sum,
    and how many report it); places no row holds are left out."""
    size = len(keys)
    count = np.bincount(numbers, minlength=size)
    sums = {"count": count}
    for column in DEATH_FIELDS:
        values = latest[column]
        sums[f"{column}_sum"] = np.bincount(
            numbers,
            weights=values.to_numpy(dtype=np.float64, na_value=0),
            minlength=size,
        ).astype(np.int64)
        sums[f"{column}_said"] = np.bincount(
            numbers, weights=values.notna().to_numpy(), minlength=size
        ).astype(np.int64)
    held = count > 0
    return keys[held].assign(**{name: value[held] for name, value in sums.items()})


def in_groups(latest: pd.DataFrame, groups: pd.DataFrame) -> np.ndarray:
    """Which of ``latest``'s rows belong to one of ``groups`` (a few rows of a
    group table)."""
    inside = np.zeros(len(latest), dtype=bool)
    lat, lon = latest["lat"].to_numpy(), latest["lon"].to_numpy()
    for group in groups[GROUP_KEYS].itertuples(index=False):
        mask = (lat == group.lat) & (lon == group.lon)
        if not mask.any():
            continue
        mask &= (latest["target_type"] == group.target_type).to_numpy()
        mask &= latest["geo_precision"].to_numpy() == group.geo_precision
        mask &= (latest["place"] == group.place).to_numpy()
        inside |= mask
    return inside
