"""Keeping ``incident_groups``, ``incident_months``, ``incident_weeks``,
``incident_kinds``, the per-point ``incident_points``,
``incident_point_months`` and ``incident_point_days`` and the per attack types
``incident_attack_groups`` and ``incident_attack_months`` right:
what an incident adds to them, the change a save makes to them (in the save's
own transaction), and a rebuild from the incidents for data loaded behind the
store's back.

An incident is counted there when it is current and revises no other record:
its identity's head revision, not retracted, ``revises`` empty, and no
current-state record revises it. The few that revise another (their casualty
counts may be carried from the records they replace, which depends on the
selection) are answered from their rows (:mod:`components.store.group_rows`).
Whether an incident is counted changes only with its own revisions and with
those of the records that revise it, so a save that writes some incidents
recounts those and the records they revise, before and after the write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Select,
    Table,
    bindparam,
    case,
    delete,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS, RANGE_COLUMNS
from components.store.current_rows import revised_ids
from components.store.months import month_start, week_start
from components.store.rows import stored_day
from components.store.schema import (
    ATTACK_GROUP_KEYS,
    ATTACK_MONTH_KEYS,
    GROUP_KEYS,
    MONTH_KEYS,
    POINT_DAY_KEYS,
    POINT_KEYS,
    POINT_MONTH_KEYS,
    WEEK_KEYS,
    WEEK_SUMS,
    IncidentAttackGroup,
    IncidentAttackMonth,
    IncidentGroup,
    IncidentKind,
    IncidentMonth,
    IncidentPoint,
    IncidentPointDay,
    IncidentPointMonth,
    IncidentRecord,
    IncidentRevision,
    IncidentWeek,
)

logger = logging.getLogger(__name__)

KIND_KEYS = ("target_type", "attack_types")
LOOKUP_BATCH = 500
COUNT_BATCH = 5000
"""New incidents counted in one statement per table (an ``IN`` of this many
ids: within SQLite's 32,766 and PostgreSQL's 65,535 parameters)."""
"""Incident ids per recount query."""

Key = tuple[object, ...]
Sums = dict[str, object]
Counts = dict[Key, Sums]


def row_sums(rows: FromClause) -> list[ColumnElement]:
    """What one incident row of ``rows`` (stored columns) adds to each of
    :data:`~components.store.schema.GROUP_SUMS`, labelled so."""
    sums: list[ColumnElement] = [literal(1).label("incidents")]
    for field in CASUALTY_FIELDS:
        value = rows.c[field]
        low, high = (rows.c[end] for end in RANGE_COLUMNS[field])
        sums += [
            func.coalesce(value, 0).label(f"{field}_sum"),
            case((value.is_not(None), 1), else_=0).label(f"{field}_rows"),
            func.coalesce(low, value, 0).label(f"{field}_low"),
            func.coalesce(high, value, 0).label(f"{field}_high"),
        ]
    deaths = sum(
        (func.coalesce(rows.c[c], 0) for c in DEATH_FIELDS[1:]),
        func.coalesce(rows.c[DEATH_FIELDS[0]], 0),
    )
    said = or_(*(rows.c[c].is_not(None) for c in DEATH_FIELDS))
    sums += [deaths.label("deaths"), case((said, 1), else_=0).label("deaths_said")]
    return sums


def _counted(ids: Sequence[str] | None) -> tuple[FromClause, list[ColumnElement]]:
    """The head revisions of the counted incidents (among ``ids``; None:
    all), and the conditions that pick them."""
    incidents = IncidentRecord.__table__.alias("counted_i")
    revisions = IncidentRevision.__table__.alias("counted_r")
    joined = incidents.join(revisions, revisions.c.id == incidents.c.head_id)
    where = [
        revisions.c.retracted.is_(False),
        revisions.c.revises.is_(None),
        incidents.c.id.not_in(revised_ids()),
    ]
    if ids is not None:
        where.append(incidents.c.id.in_(list(ids)))
    return joined, where


def groups_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_groups`` the counted incidents (among ``ids``)
    make, as a fresh ``GROUP BY``."""
    return _summed(GROUP_KEYS, ids)


def months_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_months`` the counted incidents (among ``ids``)
    make, as a fresh ``GROUP BY``."""
    return _summed(MONTH_KEYS, ids)


def weeks_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_weeks`` the counted incidents (among ``ids``)
    make, as a fresh ``GROUP BY``."""
    return _summed(WEEK_KEYS, ids, WEEK_SUMS)


def points_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_points`` the counted incidents (among ``ids``)
    make, as a fresh ``GROUP BY``."""
    return _summed(POINT_KEYS, ids)


def point_months_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_point_months`` the counted incidents (among
    ``ids``) make, as a fresh ``GROUP BY``."""
    return _summed(POINT_MONTH_KEYS, ids)


def point_days_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_point_days`` the counted incidents (among
    ``ids``) make, as a fresh ``GROUP BY``."""
    return _summed(POINT_DAY_KEYS, ids)


def attack_groups_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_attack_groups`` the counted incidents (among
    ``ids``) make, as a fresh ``GROUP BY``."""
    return _summed(ATTACK_GROUP_KEYS, ids)


def attack_months_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_attack_months`` the counted incidents (among
    ``ids``) make, as a fresh ``GROUP BY``."""
    return _summed(ATTACK_MONTH_KEYS, ids)


def _key(revisions: FromClause, name: str) -> ColumnElement:
    """A key column of a table of counts from a revision: ``month`` and
    ``week`` are the first days of its day's month and week of the month."""
    day = revisions.c.date
    if name == "month":
        return month_start(day).label(name)
    if name == "week":
        return week_start(day).label(name)
    return revisions.c[name]


def _summed(
    names: Sequence[str], ids: Sequence[str] | None, sums: Sequence[str] = ()
) -> Select:
    """The counted incidents (among ``ids``) grouped by ``names`` (columns of
    a revision, its day among them, or ``month`` or ``week``: the month or
    week of the month of its day) with their sums (``sums``: only these, and
    no first and last day)."""
    joined, where = _counted(ids)
    revisions = joined.right
    keys = [_key(revisions, k) for k in names]
    adds = [add for add in row_sums(revisions) if not sums or add.name in sums]
    dates = (
        []
        if sums
        else [
            func.min(revisions.c.date).label("first_date"),
            func.max(revisions.c.date).label("last_date"),
        ]
    )
    return (
        select(
            *keys,
            *(func.sum(add).label(add.name) for add in adds),
            *dates,
        )
        .select_from(joined)
        .where(*where)
        .group_by(*keys)
    )


def kinds_query(ids: Sequence[str] | None = None) -> Select:
    """The rows of ``incident_kinds`` the counted incidents (among ``ids``)
    make."""
    joined, where = _counted(ids)
    keys = [joined.right.c[k] for k in KIND_KEYS]
    return (
        select(*keys, func.count().label("incidents"))
        .select_from(joined)
        .where(*where)
        .group_by(*keys)
    )


@dataclass(frozen=True)
class Kept:
    """A table of counts kept by the saves: its model, its key columns and the
    fresh ``GROUP BY`` of its rows (among some incident ids; None: all)."""

    model: type
    keys: tuple[str, ...]
    query: Callable[[Sequence[str] | None], Select]

    @property
    def table(self) -> Table:
        return self.model.__table__

    @property
    def sums(self) -> tuple[str, ...]:
        """The columns added up (not the keys, not the day bounds)."""
        return tuple(
            c.name
            for c in self.table.columns
            if c.name not in self.keys and not c.name.endswith("_date")
        )


GROUPS = Kept(IncidentGroup, GROUP_KEYS, groups_query)
MONTHS = Kept(IncidentMonth, MONTH_KEYS, months_query)
WEEKS = Kept(IncidentWeek, WEEK_KEYS, weeks_query)
"""The counts per week of the month, for the map's groups (migration
0014)."""
KINDS = Kept(IncidentKind, KIND_KEYS, kinds_query)
POINT_MONTHS = Kept(IncidentPointMonth, POINT_MONTH_KEYS, point_months_query)
POINT_DAYS = Kept(IncidentPointDay, POINT_DAY_KEYS, point_days_query)
POINTS = (POINT_MONTHS, POINT_DAYS)
"""The counts of every target type together per month and day (migration
0012)."""
PLACES = Kept(IncidentPoint, POINT_KEYS, points_query)
"""The counts of every target type together, whatever the day (migration
0013)."""
ATTACK_GROUPS = Kept(IncidentAttackGroup, ATTACK_GROUP_KEYS, attack_groups_query)
ATTACK_MONTHS = Kept(IncidentAttackMonth, ATTACK_MONTH_KEYS, attack_months_query)
ATTACKS = (ATTACK_GROUPS, ATTACK_MONTHS)
"""The counts per combination of attack types, whatever the day and per month
(migration 0015)."""
KEPT = (GROUPS, MONTHS, KINDS, *POINTS, PLACES, WEEKS, *ATTACKS)
"""Every table of counts: ``incident_months`` came later (migration 0010) than
the first two (0009), the per-point ones later still (0012, 0013), then the
weeks (0014), the ones per attack types last (0015)."""


def present(connection: Connection) -> tuple[Kept, ...]:
    """The tables of counts this database has (none before migration 0009)."""
    has = connection.dialect.has_table
    if not has(connection, GROUPS.table.name):
        return ()
    if not has(connection, MONTHS.table.name):
        return (GROUPS, KINDS)
    if not has(connection, POINT_DAYS.table.name):
        return (GROUPS, MONTHS, KINDS)
    if not has(connection, PLACES.table.name):
        return (GROUPS, MONTHS, KINDS, *POINTS)
    if not has(connection, WEEKS.table.name):
        return (GROUPS, MONTHS, KINDS, *POINTS, PLACES)
    if not has(connection, ATTACK_GROUPS.table.name):
        return (GROUPS, MONTHS, KINDS, *POINTS, PLACES, WEEKS)
    return KEPT


def incident_rows(ids: Sequence[str]) -> Select:
    """The counted incidents among ``ids``, one row each: every table's key
    columns (``month``: the month of its day) and what it adds to each sum."""
    joined, where = _counted(ids)
    revisions = joined.right
    names = sorted({k for kept in KEPT for k in kept.keys})
    keys = [_key(revisions, k) for k in names]
    return select(*keys, *row_sums(revisions)).select_from(joined).where(*where)


def _counts(
    connection: Connection, kept: Sequence[Kept], ids: Sequence[str]
) -> list[Counts]:
    """What the counted incidents among ``ids`` add to each of ``kept``: their
    rows asked once (:func:`incident_rows`), added up here per table (a write
    of a few incidents asked each table's ``GROUP BY`` before, twice a
    write)."""
    found: list[Counts] = [{} for _ in kept]
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = ids[start : start + LOOKUP_BATCH]
        for row in connection.execute(incident_rows(part)).mappings():
            for table, counts in zip(kept, found, strict=True):
                key = tuple(row[k] for k in table.keys)
                known = counts.get(key)
                if known is None:
                    known = counts[key] = {
                        **dict(zip(table.keys, key, strict=True)),
                        **dict.fromkeys(table.sums, 0),
                    }
                    if "first_date" in table.table.c:
                        known["first_date"] = known["last_date"] = row["date"]
                for name in table.sums:
                    known[name] += row[name]
                if "first_date" in known:
                    known["first_date"] = min(known["first_date"], row["date"])
                    known["last_date"] = max(known["last_date"], row["date"])
    return found


@contextmanager
def recounted(
    connection: Connection, ids: Iterable[str | None], new: Iterable[str] = ()
) -> Iterator[None]:
    """Around a write of incidents: ``ids`` (the incidents written and every
    record they revise, before and after) are taken out of the counts before
    and put back after, in the caller's transaction; ``new`` incidents (no
    revision yet, so nothing to take out) are only put in after."""
    kept = present(connection)
    if not kept:
        yield  # a database before migration 0009: its upgrade counts them all
        return
    added = sorted(set(new))
    chosen = sorted({i for i in ids if i} - set(added))
    _lock(connection, chosen)
    before = _counts(connection, kept, chosen)
    yield
    after = _counts(connection, kept, chosen)
    for table, old, now in zip(kept, before, after, strict=True):
        _change(connection, table, old, now)
    _count_in(connection, kept, added)  # counts add up over separate incidents


def _lock(connection: Connection, ids: Sequence[str]) -> None:
    """Hold the identity rows of ``ids`` until the transaction ends (in id
    order; PostgreSQL: ``FOR UPDATE``), so a concurrent save of one of them
    waits, and each counts what the other left, never both the same row."""
    for start in range(0, len(ids), LOOKUP_BATCH):
        connection.execute(
            select(IncidentRecord.id)
            .where(IncidentRecord.id.in_(ids[start : start + LOOKUP_BATCH]))
            .order_by(IncidentRecord.id)
            .with_for_update()
        ).all()


def _change(connection: Connection, kept: Kept, before: Counts, after: Counts) -> None:
    """Add ``after`` minus ``before`` to ``kept``'s table; drop rows left
    empty."""
    rows = []
    for key in sorted(set(before) | set(after), key=repr):
        old, new = before.get(key), after.get(key)
        if new == old:
            continue
        row = dict(zip(kept.keys, key, strict=True))
        for name in kept.sums:
            row[name] = int((new or {}).get(name, 0)) - int((old or {}).get(name, 0))
        dated = new or old or {}
        if "first_date" in dated:
            row["first_date"] = stored_day(dated["first_date"])
            row["last_date"] = stored_day(dated["last_date"])
        rows.append(row)
    if not rows:
        return
    insert, changes = _adding(connection, kept)
    connection.execute(
        insert.on_conflict_do_update(index_elements=list(kept.keys), set_=changes),
        rows,
    )
    fewer = [row for row in rows if row["incidents"] < 0]  # only these can empty
    if fewer:
        _drop_empty(connection, kept, fewer)


def _adding(connection: Connection, kept: Kept):
    """An ``INSERT`` into ``kept``'s table that adds to a row already there
    (sums added; the first and last day widened)."""
    postgres = connection.dialect.name == "postgresql"
    insert = (postgresql if postgres else sqlite).insert(kept.model)
    table = kept.table
    changes = {name: table.c[name] + insert.excluded[name] for name in kept.sums}
    if "first_date" in table.c:
        least, greatest = (
            (func.least, func.greatest) if postgres else (func.min, func.max)
        )
        changes["first_date"] = least(table.c.first_date, insert.excluded.first_date)
        changes["last_date"] = greatest(table.c.last_date, insert.excluded.last_date)
    return insert, changes


def _count_in(connection: Connection, kept: Sequence[Kept], ids: Sequence[str]) -> None:
    """Add the counted incidents among ``ids`` (new ones: nothing of theirs is
    counted yet) to the tables, grouped and added in the database, a few
    thousand at a time (an import's batch in one statement per table: building
    and running a statement per 500 cost more than the counting)."""
    for start in range(0, len(ids), COUNT_BATCH):
        part = ids[start : start + COUNT_BATCH]
        for table in kept:
            query = table.query(part)
            insert, changes = _adding(connection, table)
            names = [column.name for column in query.selected_columns]
            connection.execute(
                insert.from_select(names, query).on_conflict_do_update(
                    index_elements=list(table.keys), set_=changes
                )
            )


def _drop_empty(connection: Connection, kept: Kept, rows: list[dict]) -> None:
    """Delete the rows among ``rows``' keys that count no incident now."""
    table = kept.table
    statement = delete(table).where(
        table.c.incidents <= 0,
        *(table.c[k] == bindparam(f"key_{k}") for k in kept.keys),
    )
    connection.execute(
        statement, [{f"key_{k}": row[k] for k in kept.keys} for row in rows]
    )


def rebuild(
    connection: Connection, tables: Sequence[Kept] | None = None
) -> dict[str, int]:
    """Count every incident again (in the caller's transaction) into
    ``tables`` (None: every table of counts the database has): after data was
    loaded without the store (a restore, SQL of one's own). Returns the rows
    made, per table name. Written in the order of their keys, so the rows of a
    month or a day (the keys' first column) sit together, not one a page: a
    range of them is read from a few pages."""
    made: dict[str, int] = {}
    for kept in present(connection) if tables is None else tables:
        connection.execute(delete(kept.table))
        query = kept.query(None)
        query = query.order_by(*(query.selected_columns[k] for k in kept.keys))
        connection.execute(
            kept.table.insert().from_select(
                [c.name for c in query.selected_columns], query
            )
        )
        made[kept.table.name] = connection.execute(
            select(func.count()).select_from(kept.table)
        ).scalar_one()
    logger.info("incident counts rebuilt: %s", made)
    return made


def differences(connection: Connection) -> list[str]:
    """How the tables differ from a fresh count of the incidents (empty: they
    agree). Sums and keys must be equal; the stored first and last dates must
    bound the fresh ones."""
    found: list[str] = []
    for kept in present(connection):
        table, keys = kept.table, kept.keys
        stored = {
            tuple(row[k] for k in keys): row
            for row in connection.execute(select(table)).mappings()
        }
        fresh = {
            tuple(row[k] for k in keys): row
            for row in connection.execute(kept.query(None)).mappings()
        }
        for key in sorted(set(stored) | set(fresh), key=repr):
            kept_row, counted = stored.get(key), fresh.get(key)
            if kept_row is None or counted is None:
                state = "missing" if kept_row is None else "not in a fresh count"
                found.append(f"{table.name} {key}: {state}")
                continue
            wrong = [
                name for name in kept.sums if int(kept_row[name]) != int(counted[name])
            ]
            if "first_date" in counted and (
                stored_day(kept_row["first_date"]) > stored_day(counted["first_date"])
                or stored_day(kept_row["last_date"]) < stored_day(counted["last_date"])
            ):
                wrong.append("dates")
            if wrong:
                found.append(f"{table.name} {key}: {', '.join(wrong)} differ")
    return found
