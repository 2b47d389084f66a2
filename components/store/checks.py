"""Checking rows before a save writes them, as the CSV loader checks a file.

Every row goes through the same row parsers as the data directory (fields,
gazetteer, events), and every ``revises`` link is checked against what the
database holds. All problems are gathered, by row and field, and raised together
as one :class:`~components.support.errors.DataFileError`; nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select

from components.domain.model import Event, Incident
from components.domain.problems import Problem
from components.domain.records import EVENT_COLUMNS, parse_event_row, parse_incident_row
from components.gazetteer import Gazetteer
from components.store.schema import EventRecord, IncidentRecord, IncidentRevision
from components.support.errors import DataFileError, RowError

logger = logging.getLogger(__name__)

ROWS = "the rows to save"
"""Where problems with rows being saved are said to be."""
EVENTS = "the event to save"


def check_rows(
    connection: Connection,
    gazetteer: Gazetteer,
    incidents: Sequence[Mapping[str, str]],
    events: Sequence[Mapping[str, str]],
) -> tuple[list[Event], list[tuple[Incident, bool]]]:
    """The rows as records, each incident with whether it pinned its own
    coordinates; raises DataFileError with every problem."""
    problems: list[Problem] = []
    parsed_events: list[Event] = []
    for number, row in enumerate(events, start=1):
        try:
            parsed_events.append(
                parse_event_row({c: str(row.get(c) or "") for c in EVENT_COLUMNS})
            )
        except RowError as errors:
            problems.extend(
                Problem(EVENTS, e.message, row=number, field=e.field)
                for e in errors.errors
            )
    known = set(connection.execute(select(EventRecord.id)).scalars())
    event_ids = known | {e.id for e in parsed_events}
    parsed: list[tuple[Incident, bool]] = []
    seen: set[str] = set()
    for number, row in enumerate(incidents, start=1):
        cells = {k: "" if v is None else str(v) for k, v in row.items()}
        try:
            incident = parse_incident_row(cells, gazetteer, event_ids)
        except RowError as errors:
            problems.extend(
                Problem(ROWS, e.message, row=number, field=e.field)
                for e in errors.errors
            )
            continue
        if incident.id in seen:
            problems.append(
                Problem(
                    ROWS, f"id {incident.id!r} appears twice", row=number, field="id"
                )
            )
        seen.add(incident.id)
        pinned = bool(cells.get("lat", "").strip())
        parsed.append((incident, pinned))
    problems.extend(revision_problems(connection, parsed))
    if problems:
        logger.info(
            "save refused: %d problem(s), first: %s", len(problems), problems[0]
        )
        raise DataFileError(problems)
    return parsed_events, parsed


def revision_problems(
    connection: Connection,
    parsed: Sequence[tuple[Incident, bool]],
) -> list[Problem]:
    """Each ``revises`` names a record of the same event that no other current
    record revises yet."""
    wanted = {i.revises for i, _ in parsed if i.revises}
    if not wanted:
        return []
    batch = {i.id: i for i, _ in parsed}
    rows = connection.execute(
        select(IncidentRecord.id, IncidentRevision.event_id)
        .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
        .where(IncidentRecord.id.in_(wanted), IncidentRevision.retracted.is_(False))
    ).all()
    events = {row.id: row.event_id for row in rows}
    events.update({i.id: i.event_id for i in batch.values()})
    taken = set(
        connection.execute(
            select(IncidentRevision.revises, IncidentRecord.id)
            .join(IncidentRecord, IncidentRecord.head_id == IncidentRevision.id)
            .where(
                IncidentRevision.revises.in_(wanted),
                IncidentRevision.retracted.is_(False),
            )
        ).all()
    )
    problems = []
    revised: set[str] = set()
    for number, (incident, _) in enumerate(parsed, start=1):
        target = incident.revises
        if not target:
            continue
        message = None
        if target not in events:
            message = f"revises {target!r}, which is not a known id"
        elif events[target] != incident.event_id:
            message = f"revises {target!r}, a record of another event"
        elif target == incident.id:
            message = "revises itself"
        elif target in revised or any(
            old == target and by != incident.id for old, by in taken
        ):
            message = f"{target!r} is already revised by another record"
        revised.add(target)
        if message:
            problems.append(Problem(ROWS, message, row=number, field="revises"))
    return problems
