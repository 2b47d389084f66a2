"""Writing revisions: the statements every save is made of.

A save row says who, when and why; a new record is an identity row with its
first revision; a change is a new revision that the identity row then points at,
made only if the record is still at the version the save read (else
:class:`~components.support.errors.ConflictError`). These run inside the caller's
write transaction (:func:`components.store.engine.writing`) and never commit.
Every write of incident revisions goes through :func:`insert_records` or
:func:`revise`, which keep the incident counts per group
(:mod:`components.store.group_counts`) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from components.store import group_counts
from components.store.rows import columns, fields_of
from components.store.schema import (
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    Save,
    SourceRecord,
    SourceRevision,
)
from components.support.errors import ConflictError, StoreError
from components.support.text import control_character

LOOKUP_BATCH = 500
"""Ids per query when reading the current state of many records."""


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


RECORD_OF: dict[type, type] = {
    IncidentRevision: IncidentRecord,
    EventRevision: EventRecord,
    SourceRevision: SourceRecord,
}
"""Each revision table's identity table."""


def foreign_key(revision: type) -> str:
    """The column of a revision table that names its record."""
    if revision is SourceRevision:
        return "source_id"
    return "incident_id" if revision is IncidentRevision else "event_id"


def new_save(
    connection: Connection,
    author: str,
    kind: str,
    reason: str = "",
    source: str = "",
    undoes: int | None = None,
) -> int:
    """A save row; its id, which the revisions it makes name. An author or
    reason with control characters (escape sequences, a carriage return that
    hides the start of the line) is refused: the history must read as saved."""
    for what, value in (("author", author), ("reason", reason), ("source", source)):
        text = value if what == "author" else value.replace("\n", " ")
        found = control_character(text.replace("\t", " "))
        if found or (what == "author" and not value.strip()):
            problem = f"a control character ({found})" if found else "no name"
            raise StoreError(f"the save's {what} has {problem}; nothing was saved")
    return connection.execute(
        insert(Save)
        .values(
            author=author,
            saved_at=now(),
            kind=kind,
            reason=reason,
            source=source,
            undoes=undoes,
        )
        .returning(Save.id)
    ).scalar_one()


def insert_records(
    connection: Connection,
    record: type,
    revision: type,
    values: Mapping[str, dict],
    save_id: int,
) -> set[str]:
    """New records, each with its first revision, in three statements whatever
    their number: identities, revisions, then the identities' head pointers.

    Returns the ids another save holds already (added first, or being added by a
    transaction this one waited for): the caller refuses the save. They are
    skipped with ``ON CONFLICT DO NOTHING`` rather than left to fail, so
    PostgreSQL never aborts the statement batch (psycopg's pipeline) and the
    refusal reads the same on both databases.
    """
    if not values:
        return set()
    foreign = foreign_key(revision)
    identities = (
        dialect_insert(connection, record)
        .on_conflict_do_nothing(index_elements=[record.id])
        .returning(record.id)
    )
    added = set(
        connection.execute(
            identities, [{"id": key, "version": 1} for key in values]
        ).scalars()
    )
    if len(added) < len(values):
        return set(values) - added
    with _counts_kept(connection, revision, _revised_by(values), new=values):
        connection.execute(
            insert(revision),
            [
                {
                    foreign: key,
                    "number": 1,
                    "save_id": save_id,
                    "retracted": False,
                    **row,
                }
                for key, row in values.items()
            ],
        )
        first = (  # by the unique (record, number) index: one lookup per record
            select(revision.id)
            .where(getattr(revision, foreign) == record.id, revision.number == 1)
            .scalar_subquery()
        )
        connection.execute(
            update(record).where(record.head_id.is_(None)).values(head_id=first)
        )
    return set()


def _revised_by(values: Mapping[str, dict]) -> set[str]:
    """The records that the rows ``values`` revise."""
    return {row["revises"] for row in values.values() if row.get("revises")}


def _counts_kept(
    connection: Connection,
    revision: type,
    ids: Iterable[str | None],
    new: Iterable[str] = (),
) -> AbstractContextManager[None]:
    """Around a write of incident revisions: the group counts recounted for
    ``ids`` and counted for the ``new`` incidents
    (:mod:`components.store.group_counts`); nothing for other records."""
    if revision is not IncidentRevision:
        return nullcontext()
    return group_counts.recounted(connection, ids, new)


def dialect_insert(connection: Connection, table: type):
    """The dialect's INSERT, which knows ``ON CONFLICT`` (both databases have it)."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def revise(
    connection: Connection,
    record: type,
    revision: type,
    record_id: str,
    version: int,
    values: dict,
    save_id: int,
    *,
    retracted: bool = False,
) -> None:
    """A new revision, if the record is still at ``version`` (else ConflictError).

    Callers lock the record first (:func:`lock_version`), so on every database a
    save that lost a race sees the newer version before it writes.
    """
    touched: list[str | None] = [record_id, values.get("revises")]
    if revision is IncidentRevision:  # and what it revised until now
        touched.append(
            connection.execute(
                select(IncidentRevision.revises)
                .join(IncidentRecord, IncidentRecord.head_id == IncidentRevision.id)
                .where(IncidentRecord.id == record_id)
            ).scalar()
        )
    with _counts_kept(connection, revision, touched):
        head = connection.execute(
            insert(revision)
            .values(
                **{foreign_key(revision): record_id},
                number=version + 1,
                save_id=save_id,
                retracted=retracted,
                **values,
            )
            .returning(revision.id)
        ).scalar_one()
        moved = connection.execute(
            update(record)
            .where(record.id == record_id, record.version == version)
            .values(version=version + 1, head_id=head)
        )
        if moved.rowcount != 1:
            raise ConflictError(
                f"{record_id!r} changed since it was read; nothing was saved"
            )


def restore(
    connection: Connection,
    record: type,
    revision: type,
    record_id: str,
    number: int,
    save_id: int,
) -> None:
    """Put back revision ``number - 1`` (or retract the record if it was new)."""
    foreign = getattr(revision, foreign_key(revision))
    wanted = number - 1 if number > 1 else number
    old = (
        connection.execute(
            select(revision.retracted, *columns(revision)).where(
                foreign == record_id, revision.number == wanted
            )
        )
        .mappings()
        .one()
    )
    values = {f: old[f] for f in fields_of(revision)}
    retracted = number == 1 or old["retracted"]
    revise(
        connection,
        record,
        revision,
        record_id,
        number,
        values,
        save_id,
        retracted=retracted,
    )


def lock_version(connection: Connection, record: type, record_id: str) -> int | None:
    """The record's version, its identity row locked until the transaction ends
    (PostgreSQL: ``FOR UPDATE``; SQLite's write transaction holds the whole
    database already). None if there is no such record."""
    return connection.execute(
        select(record.version).where(record.id == record_id).with_for_update()
    ).scalar()


def head(connection: Connection, incident_id: str) -> tuple[int, dict]:
    """(version, stored values) of an incident's latest revision, locked."""
    version = lock_version(connection, IncidentRecord, incident_id)
    if version is None:
        raise StoreError(f"no incident {incident_id!r}")
    row = (
        connection.execute(
            select(*columns(IncidentRevision))
            .join(IncidentRecord, IncidentRevision.id == IncidentRecord.head_id)
            .where(IncidentRecord.id == incident_id)
        )
        .mappings()
        .one()
    )
    return version, {f: row[f] for f in fields_of(IncidentRevision)}


def current(
    connection: Connection, record: type, revision: type, ids: Iterable[str]
) -> dict[str, tuple[int, dict]]:
    """{id: (version, values)} of the records among ``ids`` that exist."""
    ids = list(ids)
    fields = fields_of(revision)
    found = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        rows = connection.execute(
            select(record.id.label("record_id"), record.version, *columns(revision))
            .join(revision, revision.id == record.head_id)
            .where(record.id.in_(ids[start : start + LOOKUP_BATCH]))
        ).mappings()
        for row in rows:
            found[row["record_id"]] = (row["version"], {f: row[f] for f in fields})
    return found
