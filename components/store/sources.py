"""One incident, many sources: a report added as a source of an incident
already held, and what merges and splits (:mod:`components.store.merging`) are
made of.

An incident with no rows in ``sources`` rests on its own source fields. When a
second report joins it, both become source rows (the first from the incident's
own fields and figures), each keeping its figures as said; the incident gets a
new revision whose casualty columns are the best figures and whose ``*_low`` /
``*_high`` columns the range (:mod:`components.domain.sources`). A merge moves
every source of one incident to another and retracts the first; a split moves
one source to a new incident of its own. Each is one save with its author and
reason, and an undo puts every record it touched back: a save writes at most one
revision of each record, which is what undo restores.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from components.domain.model import CASUALTY_FIELDS, Casualties
from components.domain.sources import Reported, reconcile
from components.gazetteer import Gazetteer
from components.store.checks import check_rows
from components.store.conflicts import added_first, refused
from components.store.engine import writing
from components.store.revisions import (
    head,
    insert_records,
    lock_version,
    new_save,
    revise,
)
from components.store.rows import (
    SOURCE_FIELDS,
    event_values,
    incident_values,
    spread_values,
)
from components.store.saving import SaveResult
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

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceEntry:
    """One report of an incident, with its figures as the report gave them."""

    id: str
    """Empty for an incident's own source fields (it has no source rows yet)."""
    title: str
    publisher: str
    published: dt.date | None
    location: str
    excerpt: str
    place_reported: str
    date: dt.date
    casualties: Casualties
    added_by: str = ""
    added_at: dt.datetime | None = None


# --- Reading -------------------------------------------------------------------


def sources_of(engine: Engine, incident_id: str) -> list[SourceEntry]:
    """The reports an incident rests on, oldest first (its own source fields
    where it has no source rows)."""
    shown = [
        getattr(SourceRevision, name)
        for name in SOURCE_FIELDS
        if name not in ("incident_id", "notes")
    ]
    with engine.connect() as connection:
        rows = (
            connection.execute(
                select(
                    SourceRecord.id.label("source_id"),
                    *shown,
                    Save.author,
                    Save.saved_at,
                )
                .join(SourceRevision, SourceRevision.id == SourceRecord.head_id)
                .join(Save, Save.id == SourceRevision.save_id)
                .where(
                    SourceRevision.incident_id == incident_id,
                    SourceRevision.retracted.is_(False),
                )
                .order_by(SourceRevision.source_date.nulls_first(), SourceRecord.id)
            )
            .mappings()
            .all()
        )
        if rows:
            return [_entry(row) for row in rows]
        own = (
            connection.execute(
                select(*[getattr(IncidentRevision, c.key) for c in shown])
                .join(IncidentRecord, IncidentRecord.head_id == IncidentRevision.id)
                .where(IncidentRecord.id == incident_id)
            )
            .mappings()
            .first()
        )
    if own is None:
        raise StoreError(f"no incident {incident_id!r}")
    return [_entry({**own, "source_id": ""})]


def _entry(row: Mapping) -> SourceEntry:
    return SourceEntry(
        id=row["source_id"],
        title=row["source_title"],
        publisher=row["source_publisher"],
        published=row["source_date"],
        location=row["source_location"],
        excerpt=row["source_excerpt"],
        place_reported=row["place_reported"],
        date=row["date"],
        casualties=Casualties(**{column: row[column] for column in CASUALTY_FIELDS}),
        added_by=row.get("author", ""),
        added_at=row.get("saved_at"),
    )


# --- Writing -------------------------------------------------------------------


def new_source_id() -> str:
    """A new source's id, in the order sources are added (then random)."""
    return f"src-{time.time_ns():016x}-{uuid.uuid4().hex[:6]}"


def source_values(incident_id: str, values: Mapping[str, object]) -> dict:
    """A source row from an incident revision's (or a parsed row's) values."""
    return {
        field: incident_id if field == "incident_id" else values[field]
        for field in SOURCE_FIELDS
    }


def current_sources(connection: Connection, incident_id: str) -> dict[str, dict]:
    """{source id: (version, values)} of an incident's sources, locked."""
    ids = connection.execute(
        select(SourceRecord.id)
        .join(SourceRevision, SourceRevision.id == SourceRecord.head_id)
        .where(
            SourceRevision.incident_id == incident_id,
            SourceRevision.retracted.is_(False),
        )
        .order_by(SourceRecord.id)
    ).scalars()
    found = {}
    for source_id in list(ids):
        version = lock_version(connection, SourceRecord, source_id)
        values = (
            connection.execute(
                select(*[getattr(SourceRevision, f) for f in SOURCE_FIELDS])
                .join(SourceRecord, SourceRecord.head_id == SourceRevision.id)
                .where(SourceRecord.id == source_id)
            )
            .mappings()
            .one()
        )
        found[source_id] = {"version": version, **values}
    return found


def sources_ready(
    connection: Connection, incident_id: str, values: Mapping, save_id: int
) -> dict[str, dict]:
    """The incident's sources, its own source fields made its first source row
    where it has none yet."""
    found = current_sources(connection, incident_id)
    if found:
        return found
    first = {new_source_id(): source_values(incident_id, values)}
    insert_records(connection, SourceRecord, SourceRevision, first, save_id)
    return current_sources(connection, incident_id)


def refigure(
    connection: Connection,
    incident_id: str,
    version: int,
    values: Mapping[str, object],
    save_id: int,
) -> None:
    """A new revision of the incident: best figures and range from its sources."""
    sources = current_sources(connection, incident_id).values()
    figures = reconcile(
        [
            Reported(
                Casualties(**{c: source[c] for c in CASUALTY_FIELDS}),
                source["source_date"],
                source["source_title"],
            )
            for source in sources
        ]
    )
    revised = dict(values)
    revised.update({c: getattr(figures.best, c) for c in CASUALTY_FIELDS})
    revised.update(spread_values(figures.spread))
    revise(
        connection,
        IncidentRecord,
        IncidentRevision,
        incident_id,
        version,
        revised,
        save_id,
    )


def live_head(connection: Connection, incident_id: str) -> tuple[int, dict]:
    """(version, values) of a current incident, locked; retracted is refused."""
    version, values = head(connection, incident_id)
    retracted = connection.execute(
        select(IncidentRevision.retracted)
        .join(IncidentRecord, IncidentRecord.head_id == IncidentRevision.id)
        .where(IncidentRecord.id == incident_id)
    ).scalar()
    if retracted:
        raise ConflictError(f"incident {incident_id!r} was retracted or merged")
    return version, values


def add_reviewed(
    engine: Engine,
    gazetteer: Gazetteer,
    incidents: Sequence[Mapping[str, str]],
    events: Sequence[Mapping[str, str]],
    attached: Mapping[str, Sequence[Mapping[str, str]]],
    *,
    author: str,
    reason: str = "",
    source: str = "",
) -> SaveResult:
    """One save: new incidents (and events), and reports added as sources of
    incidents already held (``attached``: {incident id: rows}). Every row is
    checked first; a problem anywhere saves nothing."""
    try:
        with writing(engine) as connection:
            result = add_reviewed_in(
                connection,
                gazetteer,
                incidents,
                events,
                attached,
                author=author,
                reason=reason,
                source=source,
            )
    except IntegrityError as error:
        raise refused(error) from None
    return result


def add_reviewed_in(
    connection: Connection,
    gazetteer: Gazetteer,
    incidents: Sequence[Mapping[str, str]],
    events: Sequence[Mapping[str, str]],
    attached: Mapping[str, Sequence[Mapping[str, str]]],
    *,
    author: str,
    reason: str = "",
    source: str = "",
) -> SaveResult:
    """:func:`add_reviewed` inside the caller's write transaction."""
    parsed_events, parsed = check_rows(connection, gazetteer, incidents, events)
    checked = _checked_sources(connection, gazetteer, attached)
    save_id = new_save(connection, author, "add", reason, source)
    taken_events = insert_records(
        connection,
        EventRecord,
        EventRevision,
        {event.id: event_values(event) for event in parsed_events},
        save_id,
    )
    taken = insert_records(
        connection,
        IncidentRecord,
        IncidentRevision,
        {i.id: incident_values(i, pinned) for i, pinned in parsed},
        save_id,
    )
    if taken_events or taken:
        raise added_first(connection, taken_events, taken)
    for incident_id, rows in checked.items():
        _attach(connection, incident_id, rows, save_id)
    attached_count = sum(len(rows) for rows in attached.values())
    logger.info(
        "save %d by %s: added %d incident(s), %d event(s), %d source(s) of %d "
        "incident(s) held",
        save_id,
        author,
        len(parsed),
        len(parsed_events),
        attached_count,
        len(attached),
    )
    return SaveResult(save_id, len(parsed) + len(attached), len(parsed_events))


def _checked_sources(
    connection: Connection,
    gazetteer: Gazetteer,
    attached: Mapping[str, Sequence[Mapping[str, str]]],
) -> dict[str, list[dict]]:
    """Rows to attach, checked as any row (fields, place), as source values."""
    events = dict(
        connection.execute(
            select(IncidentRecord.id, IncidentRevision.event_id)
            .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
            .where(IncidentRecord.id.in_(list(attached)))
        ).all()
    )
    missing = sorted(set(attached) - set(events))
    if missing:
        raise StoreError(f"no incident {missing[0]!r} to add a source to")
    flat = [
        {**row, "id": f"source-{n}", "event_id": events[incident_id], "revises": ""}
        for n, (incident_id, row) in enumerate(
            (i, r) for i, rows in attached.items() for r in rows
        )
    ]
    _, parsed = check_rows(connection, gazetteer, flat, ())
    values = iter(incident_values(incident, pinned) for incident, pinned in parsed)
    return {
        incident_id: [
            source_values(incident_id, next(values)) for _ in attached[incident_id]
        ]
        for incident_id in attached
    }


def _attach(
    connection: Connection, incident_id: str, rows: Sequence[dict], save_id: int
) -> None:
    version, values = live_head(connection, incident_id)
    sources_ready(connection, incident_id, values, save_id)
    insert_records(
        connection,
        SourceRecord,
        SourceRevision,
        {new_source_id(): row for row in rows},
        save_id,
    )
    refigure(connection, incident_id, version, values, save_id)
