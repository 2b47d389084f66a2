"""Saves: adding records, importing a file in batches, editing, undoing.

A save is one transaction. It checks each row as the CSV loader does
(:mod:`components.store.checks`), then writes a ``saves`` row and one revision
per record it adds or changes; it costs what it adds, not the size of the data.
Two saves never lose each other: adding an id that exists, or editing a record
another save changed since it was read, is refused with a
:class:`~components.support.errors.ConflictError` that says who changed what and
when (:mod:`components.store.conflicts`), the same on SQLite and PostgreSQL.
Nothing is overwritten or deleted; undoing a save is a new save.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from components.domain.model import SPREAD_COLUMNS
from components.gazetteer import Gazetteer
from components.store.checks import check_rows
from components.store.conflicts import (
    added_first,
    changed_first,
    changed_since,
    refused,
)
from components.store.engine import writing
from components.store.reading import events as current_events
from components.store.revisions import (
    RECORD_OF,
    foreign_key,
    head,
    insert_records,
    lock_version,
    new_save,
    restore,
    revise,
)
from components.store.rows import (
    INCIDENT_FIELDS,
    columns,
    event_values,
    incident_values,
    row_of,
)
from components.store.schema import (
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    SourceRevision,
)
from components.support.errors import ConflictError, StoreError

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) as an import goes."""


@dataclass(frozen=True)
class EditableIncident:
    """An incident as an edit starts from: the version read, and its fields as
    the CSV cells :func:`edit` takes (``place`` as the source spells it; ``lat``
    and ``lon`` blank unless the record pins its own point)."""

    version: int
    cells: dict[str, str]


@dataclass(frozen=True)
class SaveResult:
    """What one save wrote."""

    save_id: int
    incidents: int
    events: int


def add(
    engine: Engine,
    gazetteer: Gazetteer,
    incidents: Sequence[Mapping[str, str]],
    events: Sequence[Mapping[str, str]] = (),
    *,
    author: str,
    reason: str = "",
    source: str = "",
    kind: str = "add",
) -> SaveResult:
    """Add new events and incidents in one save (see ``DatabaseStore.add``)."""
    try:
        with writing(engine) as connection:
            parsed_events, parsed = check_rows(connection, gazetteer, incidents, events)
            save_id = new_save(connection, author, kind, reason, source)
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
    except IntegrityError as error:
        raise refused(error) from None
    logger.info(
        "save %d by %s: added %d incident(s), %d event(s)",
        save_id,
        author,
        len(parsed),
        len(parsed_events),
    )
    return SaveResult(save_id, len(parsed), len(parsed_events))


def import_rows(
    engine: Engine,
    gazetteer: Gazetteer,
    incidents: Iterable[Mapping[str, str]],
    events: Sequence[Mapping[str, str]] = (),
    *,
    author: str,
    source: str,
    batch: int = 1_000,
    progress: Progress | None = None,
    total: int | None = None,
) -> tuple[int, int]:
    """Add rows that are not in the database yet, a batch per save (see
    ``DatabaseStore.import_rows``); ``incidents`` is read a batch at a time,
    so it may be a stream of any length (``total`` rows, for ``progress``).
    Returns (added, skipped)."""

    def save(rows: Sequence[Mapping[str, str]], new_events=()) -> int:
        return add(
            engine,
            gazetteer,
            rows,
            new_events,
            author=author,
            source=source,
            kind="import",
        ).incidents

    if events:
        present = set(current_events(engine))
        new_events = [e for e in events if e.get("id") not in present]
        if new_events:
            # Another process may add the event meanwhile: then it is there.
            with contextlib.suppress(ConflictError):
                save([], new_events)
    if total is None:
        total = len(incidents) if isinstance(incidents, Sized) else 0
    added = skipped = done = 0
    stream = iter(incidents)
    while rows := list(itertools.islice(stream, batch)):
        done += len(rows)
        new, old = _new_only(engine, rows)
        skipped += old
        if new:
            try:
                added += save(new)
            except ConflictError:
                again, more_old = _new_only(engine, new)
                skipped += more_old
                if again:
                    added += save(again)
        if progress is not None:
            progress(done, max(total, done))
    return added, skipped


def _new_only(
    engine: Engine, rows: Sequence[Mapping[str, str]]
) -> tuple[list[Mapping[str, str]], int]:
    """The rows whose id the database does not hold yet, and how many it does."""
    ids = [row.get("id", "") for row in rows]
    with engine.connect() as connection:
        present = set(
            connection.execute(
                select(IncidentRecord.id).where(IncidentRecord.id.in_(ids))
            ).scalars()
        )
    new = [row for row in rows if row.get("id", "") not in present]
    return new, len(rows) - len(new)


def editable(engine: Engine, incident_id: str) -> EditableIncident:
    """An incident's current version and cells (see ``DatabaseStore.editable``)."""
    query = (
        select(IncidentRecord.version, *columns(IncidentRevision))
        .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
        .where(IncidentRecord.id == incident_id)
    )
    with engine.connect() as connection:
        row = connection.execute(query).mappings().one_or_none()
    if row is None:
        raise StoreError(f"no incident {incident_id!r}")
    values = {f: row[f] for f in INCIDENT_FIELDS}
    return EditableIncident(row["version"], row_of(incident_id, values))


def edit(
    engine: Engine,
    gazetteer: Gazetteer,
    incident_id: str,
    changes: Mapping[str, str],
    *,
    expected_version: int,
    author: str,
    reason: str = "",
) -> SaveResult:
    """A new revision of one incident (see ``DatabaseStore.edit``)."""
    read = [(IncidentRevision, incident_id, expected_version)]
    try:
        with writing(engine) as connection:
            version, values = head(connection, incident_id)
            if version != expected_version:
                raise changed_since(connection, incident_id, expected_version)
            row = {**row_of(incident_id, values), **changes, "id": incident_id}
            (incident, pinned), *_ = check_rows(connection, gazetteer, [row], ())[1]
            save_id = new_save(connection, author, "edit", reason)
            revised = incident_values(incident, pinned)
            # The sources and their range are not the row's to change: kept.
            revised.update({c: values[c] for c in SPREAD_COLUMNS})
            revise(
                connection,
                IncidentRecord,
                IncidentRevision,
                incident_id,
                version,
                revised,
                save_id,
            )
    except IntegrityError as error:
        raise changed_first(engine, read, error) from None
    logger.info("save %d by %s: edited %s", save_id, author, incident_id)
    return SaveResult(save_id, 1, 0)


def undo(engine: Engine, save_id: int, *, author: str, reason: str = "") -> SaveResult:
    """Undo a save with a new one (see ``DatabaseStore.undo``)."""
    read: list[tuple[type, str, int]] = []
    try:
        with writing(engine) as connection:
            # Sources before incidents: the search index reads an incident's
            # current sources when its head changes.
            for revision in (SourceRevision, EventRevision, IncidentRevision):
                foreign = getattr(revision, foreign_key(revision))
                read += [
                    (revision, record_id, number)
                    for record_id, number in connection.execute(
                        select(foreign, revision.number).where(
                            revision.save_id == save_id
                        )
                    )
                ]
            if not read:
                raise ConflictError(f"save {save_id} changed no records to undo")
            new = new_save(
                connection,
                author,
                "undo",
                reason or f"undo of save {save_id}",
                undoes=save_id,
            )
            for revision, record_id, number in read:
                record = RECORD_OF[revision]
                if lock_version(connection, record, record_id) != number:
                    raise changed_since(connection, record_id, number, revision)
                restore(connection, record, revision, record_id, number, new)
    except IntegrityError as error:
        raise changed_first(engine, read, error) from None
    incidents = sum(1 for revision, _, _ in read if revision is IncidentRevision)
    events = sum(1 for revision, _, _ in read if revision is EventRevision)
    logger.info("save %d by %s: undid save %d", new, author, save_id)
    return SaveResult(new, incidents, events)
