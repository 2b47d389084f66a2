"""What a save that lost to another save is told: who changed what, and when.

Both databases refuse a lost race the same way, with a
:class:`~components.support.errors.ConflictError` naming the records, who saved
them first and when. SQLite runs write transactions one at a time, so the later
save reads what the earlier one wrote. PostgreSQL runs them side by side, so the
store makes them meet the same way: an edit or undo locks the record it revises
(``FOR UPDATE``) and then reads its version; new records are inserted with
``ON CONFLICT DO NOTHING``, which waits for a save adding the same id and then
says it is taken. Should the database still refuse a revision
(``IntegrityError``), the refusal is read again on a fresh connection into the
same message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from components.store.revisions import RECORD_OF, foreign_key
from components.store.schema import (
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    Save,
)
from components.support.errors import ConflictError, IncidentMapError, StoreError

logger = logging.getLogger(__name__)

LISTED = 5
"""Records named in a message; the rest are counted."""


def _when(saved_at) -> str:
    return f"{saved_at:%Y-%m-%d %H:%M}"


def changed_since(
    connection: Connection,
    record_id: str,
    version: int,
    revision: type = IncidentRevision,
) -> ConflictError:
    """The refusal of a save that read ``record_id`` at ``version``."""
    foreign = getattr(revision, foreign_key(revision))
    later = connection.execute(
        select(Save.author, Save.saved_at, Save.kind, revision.number)
        .join(revision, revision.save_id == Save.id)
        .where(foreign == record_id, revision.number > version)
        .order_by(revision.number)
    ).all()
    changes = "; ".join(
        f"revision {row.number} by {row.author} at {_when(row.saved_at)} ({row.kind})"
        for row in later
    )
    return ConflictError(
        f"{record_id!r} changed since you opened it: {changes or 'a later save'}. "
        "Nothing was saved; reload to see the change, then save again."
    )


def refused(error: IntegrityError) -> StoreError:
    """A refusal that no other save explains (a constraint the checks missed)."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    logger.info("the database refused a save: %s", reason)
    return StoreError(f"the database refused the save: {reason}")


def changed_first(
    engine: Engine,
    read: Sequence[tuple[type, str, int]],
    error: IntegrityError,
) -> IncidentMapError:
    """After the database refused revisions: the first of the records read as
    (revision table, id, version) that another save changed meanwhile."""
    with engine.connect() as connection:
        for revision, record_id, version in read:
            record = RECORD_OF[revision]
            now = connection.execute(
                select(record.version).where(record.id == record_id)
            ).scalar()
            if now is not None and now != version:
                return changed_since(connection, record_id, version, revision)
    return refused(error)


def added_first(
    connection: Connection, event_ids: Iterable[str], incident_ids: Iterable[str]
) -> ConflictError:
    """The refusal of a save whose new records another save added first: which,
    by whom and when."""
    rows = connection.execute(
        select(IncidentRecord.id, Save.author, Save.saved_at)
        .join(IncidentRevision, IncidentRevision.incident_id == IncidentRecord.id)
        .join(Save, Save.id == IncidentRevision.save_id)
        .where(IncidentRecord.id.in_(list(incident_ids)), IncidentRevision.number == 1)
        .order_by(IncidentRecord.id)
    ).all()
    rows += connection.execute(
        select(EventRecord.id, Save.author, Save.saved_at)
        .join(EventRevision, EventRevision.event_id == EventRecord.id)
        .join(Save, Save.id == EventRevision.save_id)
        .where(EventRecord.id.in_(list(event_ids)), EventRevision.number == 1)
        .order_by(EventRecord.id)
    ).all()
    listing = "; ".join(
        f"{row.id!r} by {row.author} at {_when(row.saved_at)}" for row in rows[:LISTED]
    )
    more = f" and {len(rows) - LISTED} more" if len(rows) > LISTED else ""
    return ConflictError(
        f"these records were added by another save first: "
        f"{listing or 'a save not yet finished'}{more}. Nothing was saved."
    )
