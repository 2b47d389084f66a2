"""Who changed what: one record's revisions, and the latest saves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from components.store.rows import INCIDENT_FIELDS, changes
from components.store.schema import IncidentRevision, Save


@dataclass(frozen=True)
class HistoryEntry:
    """One revision of a record: who made it, when, why, and what it changed."""

    number: int
    save_id: int
    author: str
    saved_at: dt.datetime
    kind: str
    reason: str
    retracted: bool
    changes: tuple[str, ...]
    """'field: old -> new' for each field this revision changed."""


@dataclass(frozen=True)
class SaveSummary:
    """A save, for the page's list of who changed what."""

    id: int
    author: str
    saved_at: dt.datetime
    kind: str
    reason: str
    source: str
    incidents: int
    undoes: int | None


def history(engine: Engine, incident_id: str) -> list[HistoryEntry]:
    """Every revision of one incident, oldest first, with what each changed."""
    fields = [getattr(IncidentRevision, f) for f in INCIDENT_FIELDS]
    query = (
        select(
            IncidentRevision.number,
            IncidentRevision.save_id,
            IncidentRevision.retracted,
            Save.author,
            Save.saved_at,
            Save.kind,
            Save.reason,
            *fields,
        )
        .join(Save, Save.id == IncidentRevision.save_id)
        .where(IncidentRevision.incident_id == incident_id)
        .order_by(IncidentRevision.number)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    entries, previous = [], None
    for row in rows:
        values = {f: row[f] for f in INCIDENT_FIELDS}
        entries.append(
            HistoryEntry(
                number=row["number"],
                save_id=row["save_id"],
                author=row["author"],
                saved_at=row["saved_at"],
                kind=row["kind"],
                reason=row["reason"],
                retracted=row["retracted"],
                changes=changes(previous, values),
            )
        )
        previous = values
    return entries


def saves_state(engine: Engine) -> tuple[int, int]:
    """How many saves are committed and the highest id among them: changes
    whenever one commits (ids are taken before commit, so a save may commit
    after a later one; the number still grows)."""
    with engine.connect() as connection:
        number, highest = connection.execute(
            select(func.count(), func.coalesce(func.max(Save.id), 0))
        ).one()
    return int(number), int(highest)


def recent_saves(engine: Engine, limit: int = 20) -> list[SaveSummary]:
    """The latest saves, newest first, with how many incidents each touched."""
    counts = (
        select(IncidentRevision.save_id, func.count().label("n"))
        .group_by(IncidentRevision.save_id)
        .subquery()
    )
    query = (
        select(
            Save.id,
            Save.author,
            Save.saved_at,
            Save.kind,
            Save.reason,
            Save.source,
            func.coalesce(counts.c.n, 0).label("incidents"),
            Save.undoes,
        )
        .outerjoin(counts, counts.c.save_id == Save.id)
        .order_by(Save.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [SaveSummary(**row) for row in rows]
