"""Keeping ``incident_groups`` and ``incident_kinds`` right: what an incident
adds to them, the change a save makes to them (in the save's own transaction),
and a rebuild from the incidents for data loaded behind the store's back.

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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

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
from components.store.rows import stored_day
from components.store.schema import (
    GROUP_KEYS,
    GROUP_SUMS,
    IncidentGroup,
    IncidentKind,
    IncidentRecord,
    IncidentRevision,
)

logger = logging.getLogger(__name__)

KIND_KEYS = ("target_type", "attack_types")
LOOKUP_BATCH = 500
"""Incident ids per recount query."""

_GROUPS = IncidentGroup.__table__
_KINDS = IncidentKind.__table__
Key = tuple[object, ...]
Sums = dict[str, object]


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
    joined, where = _counted(ids)
    revisions = joined.right
    keys = [revisions.c[k] for k in GROUP_KEYS]
    adds = row_sums(revisions)
    return (
        select(
            *keys,
            *(func.sum(add).label(add.name) for add in adds),
            func.min(revisions.c.date).label("first_date"),
            func.max(revisions.c.date).label("last_date"),
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


def _counts(
    connection: Connection, ids: Sequence[str]
) -> tuple[dict[Key, Sums], dict[Key, int]]:
    """What the counted incidents among ``ids`` add, per group and per kind."""
    groups: dict[Key, Sums] = {}
    kinds: dict[Key, int] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = ids[start : start + LOOKUP_BATCH]
        for row in connection.execute(groups_query(part)).mappings():
            key = tuple(row[k] for k in GROUP_KEYS)
            known = groups.get(key)
            if known is None:
                groups[key] = dict(row)
            else:
                for name in GROUP_SUMS:
                    known[name] += row[name]
                known["first_date"] = min(known["first_date"], row["first_date"])
                known["last_date"] = max(known["last_date"], row["last_date"])
        for row in connection.execute(kinds_query(part)).mappings():
            key = tuple(row[k] for k in KIND_KEYS)
            kinds[key] = kinds.get(key, 0) + int(row["incidents"])
    return groups, kinds


@contextmanager
def recounted(
    connection: Connection, ids: Iterable[str | None], new: Iterable[str] = ()
) -> Iterator[None]:
    """Around a write of incidents: ``ids`` (the incidents written and every
    record they revise, before and after) are taken out of the counts before
    and put back after, in the caller's transaction; ``new`` incidents (no
    revision yet, so nothing to take out) are only put in after."""
    if not connection.dialect.has_table(connection, _GROUPS.name):
        yield  # a database before migration 0009: its upgrade counts them all
        return
    added = sorted(set(new))
    chosen = sorted({i for i in ids if i} - set(added))
    _lock(connection, chosen)
    before = _counts(connection, chosen)
    yield
    _change(connection, before, _counts(connection, chosen))
    _count_in(connection, added)  # counts add up over separate incidents


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


def _change(
    connection: Connection,
    before: tuple[dict[Key, Sums], dict[Key, int]],
    after: tuple[dict[Key, Sums], dict[Key, int]],
) -> None:
    """Add ``after`` minus ``before`` to the tables; drop rows left empty."""
    groups = []
    for key in sorted(set(before[0]) | set(after[0]), key=repr):
        old, new = before[0].get(key), after[0].get(key)
        row = dict(zip(GROUP_KEYS, key, strict=True))
        for name in GROUP_SUMS:
            row[name] = int((new or {}).get(name, 0)) - int((old or {}).get(name, 0))
        dated = new or old or {}
        row["first_date"] = stored_day(dated["first_date"])
        row["last_date"] = stored_day(dated["last_date"])
        if new != old:
            groups.append(row)
    kinds = [
        {**dict(zip(KIND_KEYS, key, strict=True)), "incidents": change}
        for key in sorted(set(before[1]) | set(after[1]), key=repr)
        if (change := after[1].get(key, 0) - before[1].get(key, 0))
    ]
    if groups:
        _upsert(connection, IncidentGroup, GROUP_KEYS, groups)
    if kinds:
        _upsert(connection, IncidentKind, KIND_KEYS, kinds)
    fewer = [row for row in groups if row["incidents"] < 0]  # only these can empty
    if fewer:
        _drop_empty(connection, _GROUPS, GROUP_KEYS, fewer)
    fewer = [row for row in kinds if row["incidents"] < 0]
    if fewer:
        _drop_empty(connection, _KINDS, KIND_KEYS, fewer)


def _adding(connection: Connection, model: type, keys: Sequence[str]):
    """An ``INSERT`` into ``model``'s table that adds to a row already there
    (sums added; the first and last day widened)."""
    postgres = connection.dialect.name == "postgresql"
    insert = (postgresql if postgres else sqlite).insert(model)
    table = model.__table__
    changes = {
        column.name: column + insert.excluded[column.name]
        for column in table.columns
        if column.name not in keys and not column.name.endswith("_date")
    }
    if "first_date" in table.c:
        least, greatest = (
            (func.least, func.greatest) if postgres else (func.min, func.max)
        )
        changes["first_date"] = least(table.c.first_date, insert.excluded.first_date)
        changes["last_date"] = greatest(table.c.last_date, insert.excluded.last_date)
    return insert, changes


def _upsert(
    connection: Connection, model: type, keys: Sequence[str], rows: list[dict]
) -> None:
    insert, changes = _adding(connection, model, keys)
    connection.execute(
        insert.on_conflict_do_update(index_elements=list(keys), set_=changes), rows
    )


def _count_in(connection: Connection, ids: Sequence[str]) -> None:
    """Add the counted incidents among ``ids`` (new ones: nothing of theirs is
    counted yet) to the tables, grouped and added in the database."""
    for start in range(0, len(ids), LOOKUP_BATCH):
        part = ids[start : start + LOOKUP_BATCH]
        for model, keys, query in (
            (IncidentGroup, GROUP_KEYS, groups_query(part)),
            (IncidentKind, KIND_KEYS, kinds_query(part)),
        ):
            insert, changes = _adding(connection, model, keys)
            names = [column.name for column in query.selected_columns]
            connection.execute(
                insert.from_select(names, query).on_conflict_do_update(
                    index_elements=list(keys), set_=changes
                )
            )


def _drop_empty(
    connection: Connection, table: Table, keys: Sequence[str], rows: list[dict]
) -> None:
    """Delete the rows among ``rows``' keys that count no incident now."""
    statement = delete(table).where(
        table.c.incidents <= 0, *(table.c[k] == bindparam(f"key_{k}") for k in keys)
    )
    connection.execute(statement, [{f"key_{k}": row[k] for k in keys} for row in rows])


def rebuild(connection: Connection) -> tuple[int, int]:
    """Count every incident again (in the caller's transaction): after data was
    loaded without the store (a restore, SQL of one's own). Returns the rows
    of ``incident_groups`` and ``incident_kinds`` made."""
    connection.execute(delete(_GROUPS))
    connection.execute(delete(_KINDS))
    query = groups_query()
    connection.execute(
        _GROUPS.insert().from_select([c.name for c in query.selected_columns], query)
    )
    kinds = kinds_query()
    connection.execute(
        _KINDS.insert().from_select([c.name for c in kinds.selected_columns], kinds)
    )
    made = (
        connection.execute(select(func.count()).select_from(_GROUPS)).scalar_one(),
        connection.execute(select(func.count()).select_from(_KINDS)).scalar_one(),
    )
    logger.info("incident groups rebuilt: %d groups, %d kinds", *made)
    return made


def differences(connection: Connection) -> list[str]:
    """How the tables differ from a fresh count of the incidents (empty: they
    agree). Sums and keys must be equal; the stored first and last dates must
    bound the fresh ones."""
    found: list[str] = []
    for table, query, keys in (
        (_GROUPS, groups_query(), GROUP_KEYS),
        (_KINDS, kinds_query(), KIND_KEYS),
    ):
        stored = {
            tuple(row[k] for k in keys): row
            for row in connection.execute(select(table)).mappings()
        }
        fresh = {
            tuple(row[k] for k in keys): row
            for row in connection.execute(query).mappings()
        }
        for key in sorted(set(stored) | set(fresh), key=repr):
            kept, counted = stored.get(key), fresh.get(key)
            if kept is None or counted is None:
                state = "missing" if kept is None else "not in a fresh count"
                found.append(f"{table.name} {key}: {state}")
                continue
            wrong = [
                name
                for name in counted
                if name not in keys
                and not name.endswith("_date")
                and int(kept[name]) != int(counted[name])
            ]
            if "first_date" in counted and (
                stored_day(kept["first_date"]) > stored_day(counted["first_date"])
                or stored_day(kept["last_date"]) < stored_day(counted["last_date"])
            ):
                wrong.append("dates")
            if wrong:
                found.append(f"{table.name} {key}: {', '.join(wrong)} differ")
    return found
