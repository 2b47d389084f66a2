"""Reading the current state: events, the incident table, versions.

The dashboard's incident table comes from the columnar cache
(:mod:`components.store.columnar`), brought up to date with the saves made since
it was written: only the incidents those saves touched are read again.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, Select, func, select

from components.domain.model import Event
from components.domain.records import Dataset
from components.domain.table import STORED_COLUMNS, complete_frame
from components.store.columnar import FrameCache, compaction_threshold, read_frame
from components.store.frame_build import write_base
from components.store.rows import EVENT_FIELDS, event_of, incident_of
from components.store.schema import (
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    Save,
)
from components.support.errors import StoreError

CHANGED_BATCH = 5_000
"""Ids per query when reading the incidents saves touched."""


def last_save(engine: Engine) -> int | None:
    """The latest save's id (None before the first)."""
    with engine.connect() as connection:
        return connection.execute(select(func.max(Save.id))).scalar()


def events(engine: Engine) -> dict[str, Event]:
    """The current (not retracted) events, by date."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(EventRecord.id, *[getattr(EventRevision, f) for f in EVENT_FIELDS])
            .join(EventRevision, EventRevision.id == EventRecord.head_id)
            .where(EventRevision.retracted.is_(False))
            .order_by(EventRevision.date, EventRecord.id)
        ).mappings()
        return {row["id"]: event_of(row) for row in rows}


def frame(engine: Engine, cache: FrameCache) -> pd.DataFrame:
    """The current incidents as the dashboard's table."""
    return cache.load(
        last_save(engine),
        lambda: _read_all(engine),
        lambda since: _read_changed(engine, since),
    )


def write_cache(engine: Engine, cache: FrameCache, added: int) -> bool:
    """After ``added`` incidents were imported: write the table's cache file
    from the database in bounded memory when the page would otherwise read
    many rows (no file yet, or more than its deltas take). Whether it did."""
    if cache.path is None or not added:
        return False
    if cache.path.exists():
        with engine.connect() as connection:
            size = connection.execute(select(func.count(IncidentRecord.id))).scalar()
        if added <= compaction_threshold(size or 0):
            return False
    save = last_save(engine)
    if save is None:
        return False
    query = _current_query().order_by(IncidentRevision.date, IncidentRecord.id)
    write_base(engine, query, cache.path, save)
    cache.forget()
    return True


def load(engine: Engine, cache: FrameCache) -> Dataset:
    """Events and current incidents as records."""
    rows = frame(engine, cache).to_dict("records")
    return Dataset(events(engine), tuple(incident_of(row) for row in rows))


def version_of(engine: Engine, incident_id: str) -> int:
    """An incident's current version: what an editor names when saving."""
    with engine.connect() as connection:
        version = connection.execute(
            select(IncidentRecord.version).where(IncidentRecord.id == incident_id)
        ).scalar()
    if version is None:
        raise StoreError(f"no incident {incident_id!r}")
    return version


def _current_query() -> Select:
    columns = [
        IncidentRecord.id,
        *[getattr(IncidentRevision, c).label(c) for c in STORED_COLUMNS if c != "id"],
    ]
    return (
        select(*columns)
        .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
        .where(IncidentRevision.retracted.is_(False))
    )


def _read_all(engine: Engine) -> pd.DataFrame:
    query = _current_query().order_by(IncidentRevision.date, IncidentRecord.id)
    return complete_frame(read_frame(engine, query))


def _read_changed(engine: Engine, since: int) -> tuple[pd.DataFrame, list[str]]:
    """The current rows of the incidents saves after ``since`` touched, and
    the ids of all of them (retracted ones too)."""
    # Not DISTINCT in SQL: SQLite then walks the incident-id index, every row.
    touched = select(IncidentRevision.incident_id).where(
        IncidentRevision.save_id > since
    )
    with engine.connect() as connection:
        ids = list(dict.fromkeys(connection.execute(touched).scalars()))
        # By the ids themselves: a subquery lets SQLite scan every incident.
        chunks = [
            pd.read_sql_query(
                _current_query().where(IncidentRecord.id.in_(part)), connection
            )
            for part in (
                ids[start : start + CHANGED_BATCH]
                for start in range(0, len(ids), CHANGED_BATCH)
            )
        ]
    chunks = [chunk for chunk in chunks if len(chunk)]
    rows = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
    return (complete_frame(rows) if len(rows) else rows), ids
