"""The map's groups, cells and popup pages asked of the database: a
:class:`~components.map.payload.build.GroupSource` and a
:class:`~components.map.payload.pages.PageSource` that give what the in-memory
ones give from the page's table, without the page holding it.

Groups are added up by ``GROUP BY`` over the selection's weighted rows
(:mod:`components.store.group_rows`: the counts the saves keep, and the few
records that revise another; the incidents of a date range's part months one
by one, :mod:`components.store.current_rows`);
cells by the same grid as :func:`~components.map.payload.cells.cell_counts`,
``floor(lat / size)`` and ``floor(lon / size)``, which SQLite (3.35+) and
PostgreSQL compute alike in double precision. Every answer is read as a few
columns of at most a few thousand rows (groups, not incidents).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import pandas as pd
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Engine,
    Select,
    Subquery,
    cast,
    func,
    select,
)

from components.domain.filters import Filters
from components.domain.model import STORED_COLUMNS
from components.domain.table import complete_frame
from components.map.payload.build import View
from components.map.payload.cells import cell_size
from components.map.payload.groups import GROUP_KEYS, empty_groups, tidy_groups
from components.map.payload.popups import earlier_figures
from components.store.current_rows import (
    any_of,
    chain_rows,
    latest_rows,
    reading,
)
from components.store.group_rows import (
    by_point,
    point_rows,
    weighted_rows,
    whole_month_points,
)


def _total(column: ColumnElement) -> ColumnElement:
    """A sum of weighted rows, as a whole number on both databases."""
    return cast(func.sum(column), BigInteger)


def _frame(names: list[str], rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    """Rows as a frame, a column at a time (a frame built row by row from
    50,000 groups takes half a second more)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    return pd.DataFrame({n: list(c) for n, c in zip(names, columns, strict=True)})


GROUP_COLUMNS = (*GROUP_KEYS, "incidents", "deaths", "deaths_said")
"""What the groups add up of the weighted rows (each other sum, worked out for
every incident of a part month, is time spent on nothing)."""

FETCHED = 10_000
"""Groups fetched at once: a view holding no more is answered by one query
whatever the budget asked (markers, then points); above it only the number of
groups is kept."""


class SqlGroups:
    """The groups of the current incidents that ``filters`` select, asked of
    ``engine`` each time (the answers are small; the table never comes up)."""

    def __init__(self, engine: Engine, filters: Filters) -> None:
        self.engine = engine
        self.filters = filters
        self._rows = weighted_rows(
            filters,
            per_type=engine.dialect.name == "postgresql",
            columns=GROUP_COLUMNS,
        )
        self._points = point_rows(filters)
        """The same rows, every target type together: what the cells and the
        number of incidents add up (fewer rows when :func:`by_point`)."""
        self._by_point = by_point(filters)
        self._fetched: dict[View | None, tuple[int, pd.DataFrame | None]] = {}
        """Per view asked: its groups' number, and them (None: not fetched)."""
        self._count: int | None = None
        self._cells: dict[tuple[View | None, int], pd.DataFrame] = {}

    def _inside(
        self, view: View | None, rows: Subquery | None = None
    ) -> list[ColumnElement[bool]]:
        if view is None:
            return []
        rows = self._rows if rows is None else rows
        return [
            rows.c.lat.between(view.south, view.north),
            rows.c.lon.between(view.west, view.east),
        ]

    def _groups_query(self, view: View | None) -> Select:
        rows = self._rows
        keys = [rows.c[k] for k in GROUP_KEYS]
        return (
            select(
                *keys,
                _total(rows.c.incidents).label("count"),
                _total(rows.c.deaths).label("deaths"),
                _total(rows.c.deaths_said).label("said"),
            )
            .where(*self._inside(view))
            .group_by(*keys)
            # A part week is read as its whole week less its other days: a
            # group whose incidents were all on those days adds up to none.
            .having(func.sum(rows.c.incidents) > 0)
        )

    def _groups(self, view: View | None, most: int) -> pd.DataFrame | None:
        """The groups in ``view``, or None when more than ``most``. Each answer
        says how many groups the view holds (a window count), so a second
        question about the view (every group for markers, then up to the point
        budget) is answered without asking again, and no more than ``most``
        or :data:`FETCHED` rows ever come over."""
        total, groups = self._fetched.get(view, (None, None))
        if total is not None and (total > most or groups is not None):
            return groups if total <= most else None
        if self._by_point:
            # Each point holds a group at least. The whole months' points are
            # some of the selection's, the points of its places on any day
            # all of them and more: each a few thousand rows to count, so the
            # part months' rows per place and day are counted only when the
            # two disagree about the budget.
            months = whole_month_points(self.filters)
            some = 0 if months is None else self._points_in(view, months)
            if some <= most:
                anyday = point_rows(replace(self.filters, dates=None))
                some = self._points_in(view, anyday)
                if some > most:
                    some = self._points_in(view)
            if some > most:
                self._fetched[view] = (some, None)
                return None
        query = self._groups_query(view).add_columns(
            func.count().over().label("groups")
        )
        limit = max(most, FETCHED)
        with reading(self.engine, hashed=True) as connection:
            result = connection.execute(query.limit(limit + 1))
            found = _frame(list(result.keys()), result.all())
        total = int(found["groups"].iloc[0]) if len(found) else 0
        if total > limit:
            self._fetched[view] = (total, None)
            return None
        if found.empty:
            groups = empty_groups()
        else:
            found["deaths"] = found["deaths"].where(found["said"] > 0, -1)
            groups = tidy_groups(found.drop(columns="groups"))
        self._fetched[view] = (total, groups)
        return groups if total <= most else None

    def _points_in(self, view: View | None, rows: Subquery | None = None) -> int:
        """The points (place, point, geo precision) in ``view`` (of ``rows``:
        by default the selection's): no more than its groups, and counted from
        the rows of every type together, so a view with too many groups is
        told without adding up each type's."""
        rows = self._points if rows is None else rows
        points = (
            select(rows.c.place, rows.c.lat, rows.c.lon, rows.c.geo_precision)
            .where(*self._inside(view, rows))
            .distinct()
            .subquery("points_in")
        )
        with reading(self.engine) as connection:
            return int(
                connection.execute(
                    select(func.count()).select_from(points)
                ).scalar_one()
            )

    def all_groups(self, most: int) -> pd.DataFrame | None:
        return self._groups(None, most)

    def groups_in(self, view: View | None, most: int) -> pd.DataFrame | None:
        return self._groups(view, most)

    def cells_in(self, view: View | None, zoom: int) -> pd.DataFrame:
        """Counts per cell of ``zoom``'s grid in ``view``, asked once per view
        and zoom (a session's first two runs draw the same map)."""
        known = self._cells.get((view, zoom))
        if known is None:
            known = self._cells[(view, zoom)] = self._ask_cells(view, zoom)
        return known.copy()

    def _ask_cells(self, view: View | None, zoom: int) -> pd.DataFrame:
        rows = self._points
        size = cell_size(zoom)
        row = cast(func.floor(rows.c.lat / size), BigInteger).label("row")
        col = cast(func.floor(rows.c.lon / size), BigInteger).label("col")
        query = (
            select(
                row,
                col,
                _total(rows.c.incidents).label("count"),
                _total(rows.c.deaths).label("deaths"),
            )
            .where(*self._inside(view, rows))
            .group_by(row, col)
            .order_by(row, col)
        )
        with reading(self.engine) as connection:
            found = connection.execute(query).all()
        return pd.DataFrame(
            {
                name: pd.array([r[i] for r in found], dtype="int64").to_numpy()
                for i, name in enumerate(("row", "col", "count", "deaths"))
            }
        )

    def incidents(self) -> int:
        if self._count is None:
            with reading(self.engine) as connection:
                self._count = int(
                    connection.execute(
                        select(func.coalesce(_total(self._points.c.incidents), 0))
                    ).scalar_one()
                )
        return self._count


class SqlPages:
    """A popup's incidents asked of the database: the current incidents of the
    selection in the groups clicked, in the table's (date, id) order, a page at
    a time, with the earlier figures of the records they revise."""

    def __init__(self, engine: Engine, filters: Filters) -> None:
        self.engine = engine
        self.filters = filters

    def page(
        self, groups: pd.DataFrame, start: int, size: int
    ) -> tuple[int, pd.DataFrame, Mapping[str, list[str]]]:
        rows = latest_rows(self.filters).subquery("latest")
        keys = [
            {
                "target_type": str(g.target_type),
                "lat": float(g.lat),
                "lon": float(g.lon),
                "geo_precision": int(g.geo_precision),
                "place": str(g.place),
            }
            for g in groups[GROUP_KEYS].itertuples(index=False)
        ]
        inside = any_of(rows, keys)
        with reading(self.engine) as connection:
            total = connection.execute(
                select(func.count()).select_from(rows).where(inside)
            ).scalar_one()
            found = pd.DataFrame(
                connection.execute(
                    select(rows)
                    .where(inside)
                    .order_by(rows.c.date, rows.c.id)
                    .offset(start)
                    .limit(size)
                )
                .mappings()
                .all(),
                columns=STORED_COLUMNS,
            )
            revising = found.loc[found["revises"].notna(), "id"].tolist()
            earlier = pd.DataFrame(
                connection.execute(chain_rows(self.filters, revising)).mappings().all(),
                columns=STORED_COLUMNS,
            )
        shown = len(found)
        both = pd.concat([found, earlier], ignore_index=True) if len(earlier) else found
        table = complete_frame(both)
        return int(total), table.iloc[:shown], earlier_figures(table)
