"""Merging two incidents and splitting a report back out of one.

A merge moves every source of one incident to another, retracts the first and
works the second's figures out again; a split moves one source to a new
incident of its own (its place, date, target and figures as that report gave
them). Each is one save with its author and reason, undone like any other.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from components.domain.model import CASUALTY_FIELDS
from components.gazetteer import Gazetteer
from components.store.checks import check_rows
from components.store.conflicts import added_first, changed_first
from components.store.engine import writing
from components.store.revisions import insert_records, new_save, revise
from components.store.rows import SOURCE_FIELDS, incident_values, row_of
from components.store.saving import SaveResult
from components.store.schema import (
    IncidentRecord,
    IncidentRevision,
    SourceRecord,
    SourceRevision,
)
from components.store.sources import (
    current_sources,
    live_head,
    new_source_id,
    refigure,
    source_values,
    sources_ready,
)
from components.support.errors import StoreError

logger = logging.getLogger(__name__)


def merge(
    engine: Engine, keep: str, other: str, *, author: str, reason: str
) -> SaveResult:
    """``other`` becomes part of ``keep``: its sources move there, it is
    retracted, and ``keep``'s figures are worked out again. One save."""
    if keep == other:
        raise StoreError("an incident cannot be merged with itself")
    read: list[tuple[type, str, int]] = []
    try:
        with writing(engine) as connection:
            version, values = live_head(connection, keep)
            other_version, other_values = live_head(connection, other)
            read += [
                (IncidentRevision, keep, version),
                (IncidentRevision, other, other_version),
            ]
            save_id = new_save(
                connection, author, "edit", reason or f"merged {other} into {keep}"
            )
            sources_ready(connection, keep, values, save_id)
            moving = current_sources(connection, other)
            if not moving:  # its own source fields: straight to ``keep``
                first = {new_source_id(): source_values(keep, other_values)}
                insert_records(connection, SourceRecord, SourceRevision, first, save_id)
            for source_id, source in moving.items():
                moved = {f: source[f] for f in SOURCE_FIELDS}
                moved["incident_id"] = keep
                revise(
                    connection,
                    SourceRecord,
                    SourceRevision,
                    source_id,
                    source["version"],
                    moved,
                    save_id,
                )
            revise(
                connection,
                IncidentRecord,
                IncidentRevision,
                other,
                other_version,
                other_values,
                save_id,
                retracted=True,
            )
            refigure(connection, keep, version, values, save_id)
    except IntegrityError as error:
        raise changed_first(engine, read, error) from None
    logger.info("save %d by %s: merged %s into %s", save_id, author, other, keep)
    return SaveResult(save_id, 2, 0)


def split(
    engine: Engine,
    gazetteer: Gazetteer,
    incident_id: str,
    source_id: str,
    *,
    author: str,
    reason: str,
) -> tuple[SaveResult, str]:
    """One source of an incident becomes an incident of its own (its place,
    date, target, attack and figures as the report gave them); both incidents'
    figures are worked out again. Returns the save and the new incident's id."""
    new_id = f"{incident_id[:170]}-split-{uuid.uuid4().hex[:6]}"
    read: list[tuple[type, str, int]] = []
    try:
        with writing(engine) as connection:
            version, values = live_head(connection, incident_id)
            read.append((IncidentRevision, incident_id, version))
            sources = current_sources(connection, incident_id)
            if source_id not in sources:
                raise StoreError(f"{source_id!r} is not a source of {incident_id!r}")
            if len(sources) < 2:
                raise StoreError(
                    f"{incident_id!r} rests on one report only: there is nothing "
                    "to split"
                )
            source = sources[source_id]
            row = row_of(incident_id, values)
            if source["place_reported"] != values["place_reported"]:
                row["lat"] = row["lon"] = ""  # placed from its own place name
            row.update(
                {
                    "id": new_id,
                    "revises": "",
                    "place": source["place_reported"],
                    "date": source["date"].isoformat(),
                    "target_type": source["target_type"],
                    "attack_types": source["attack_types"],
                    **{
                        c: "" if source[c] is None else str(source[c])
                        for c in CASUALTY_FIELDS
                    },
                    "source_title": source["source_title"],
                    "source_publisher": source["source_publisher"],
                    "source_date": source["source_date"].isoformat()
                    if source["source_date"]
                    else "",
                    "source_location": source["source_location"],
                    "source_excerpt": source["source_excerpt"],
                    "notes": source["notes"],
                }
            )
            _, parsed = check_rows(connection, gazetteer, [row], ())
            save_id = new_save(
                connection,
                author,
                "edit",
                reason or f"split {source_id} out of {incident_id}",
            )
            taken = insert_records(
                connection,
                IncidentRecord,
                IncidentRevision,
                {i.id: incident_values(i, pinned) for i, pinned in parsed},
                save_id,
            )
            if taken:
                raise added_first(connection, (), taken)
            moved = {f: source[f] for f in SOURCE_FIELDS}
            moved["incident_id"] = new_id
            revise(
                connection,
                SourceRecord,
                SourceRevision,
                source_id,
                source["version"],
                moved,
                save_id,
            )
            # The new incident rests on this one report: its figures as given,
            # which its first revision holds already.
            refigure(connection, incident_id, version, values, save_id)
    except IntegrityError as error:
        raise changed_first(engine, read, error) from None
    logger.info(
        "save %d by %s: split %s out of %s as %s",
        save_id,
        author,
        source_id,
        incident_id,
        new_id,
    )
    return SaveResult(save_id, 2, 0), new_id
