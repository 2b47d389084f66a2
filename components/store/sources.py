"""One incident, many sources: attaching a report to an incident, merging two
incidents, splitting a source back out, and the matcher's candidates.

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

from sqlalchemy import Connection, Engine, and_, or_, select
from sqlalchemy.exc import IntegrityError

from components.domain.matching import IncidentFacts, Proposal, candidate_window
from components.domain.matching import propose as propose_match
from components.domain.matching.facts import KIND_BY_PRECISION
from components.domain.model import CASUALTY_FIELDS, Casualties
from components.domain.sources import Reported, reconcile
from components.domain.vocabularies import (
    NOT_REPORTED,
    DatePrecision,
    FigureScope,
    GeoPrecision,
)
from components.gazetteer import Gazetteer
from components.store.checks import check_rows
from components.store.conflicts import added_first, changed_first, refused
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
    row_of,
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

MAX_CANDIDATES = 500
"""Candidates read for one proposal: a window around one town on a few days holds
tens; more means the data sit on one point, and the nearest by date are kept."""


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


# --- Candidates ----------------------------------------------------------------


def candidates(engine: Engine, facts: IncidentFacts) -> list[IncidentFacts]:
    """The current incidents :func:`propose` could match ``facts`` with: one
    query over the date window and the box around the point (or the province),
    by the ``(date, lat, lon)`` index (docs/matching.md)."""
    window = candidate_window(facts)
    revision = IncidentRevision
    where = [
        revision.date.between(window.first, window.last),
        revision.retracted.is_(False),
        revision.figure_scope == FigureScope.INCIDENT,
    ]
    if window.south is not None:
        if window.west <= window.east:  # type: ignore[operator]
            across = revision.lon.between(window.west, window.east)
        else:  # the box crosses the 180th meridian
            across = or_(revision.lon >= window.west, revision.lon <= window.east)
        box = and_(revision.lat.between(window.south, window.north), across)
        province = and_(
            revision.geo_precision == int(GeoPrecision.REGION),
            revision.admin1 == window.admin1,
        )
        where.append(or_(box, province) if window.admin1 else box)
    elif window.admin1:
        where.append(revision.admin1 == window.admin1)
    query = (
        select(IncidentRecord.id.label("record_id"), *_FACT_COLUMNS)
        .join(revision, revision.id == IncidentRecord.head_id)
        .where(*where)
        .order_by(revision.date, IncidentRecord.id)
        .limit(MAX_CANDIDATES)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [_facts_of(row) for row in rows]


_FACT_COLUMNS = [
    getattr(IncidentRevision, name)
    for name in (
        "place_reported",
        "date",
        "date_precision",
        "place",
        "geonameid",
        "lat",
        "lon",
        "geo_precision",
        "admin1",
        "target_type",
        "attack_types",
        *CASUALTY_FIELDS,
    )
]


def _facts_of(row: Mapping) -> IncidentFacts:
    precision = GeoPrecision(row["geo_precision"])
    return IncidentFacts(
        row["place_reported"],
        row["date"],
        id=row["record_id"],
        date_precision=DatePrecision(row["date_precision"]),
        place=row["place"],
        place_id=row["geonameid"],
        lat=row["lat"],
        lon=row["lon"],
        precision=precision,
        kind=KIND_BY_PRECISION.get(precision, ""),
        admin1=row["admin1"],
        target_types=frozenset({row["target_type"]} - {NOT_REPORTED}),
        attack_types=frozenset(row["attack_types"].split(";")) - {NOT_REPORTED, ""},
        casualties=Casualties(**{column: row[column] for column in CASUALTY_FIELDS}),
    )


def facts_of_row(
    row: Mapping[str, object], gazetteer: Gazetteer, date: dt.date | None = None
) -> IncidentFacts | None:
    """What the matcher compares of a reviewed row (CSV cells, codes): None for
    a row of a report's totals, or one with no place or date."""
    if str(row.get("figure_scope") or FigureScope.INCIDENT) != FigureScope.INCIDENT:
        return None
    place = str(row.get("place") or "").strip()
    when = _date(row.get("date")) or date
    if not place or when is None:
        return None
    found = gazetteer.match(place, fuzzy=False)
    target = str(row.get("target_type") or "")
    attacks = {a for a in str(row.get("attack_types") or "").split(";") if a}

    def count(column: str) -> int | None:
        text = str(row.get(column) or "").strip()
        return int(text) if text.isdigit() else None

    try:
        return IncidentFacts.at_place(
            found.place,
            place,
            when,
            precision=found.precision if found.place else None,
            target_types=frozenset({target} - {NOT_REPORTED, ""}),
            attack_types=frozenset(attacks - {NOT_REPORTED}),
            casualties=Casualties(**{c: count(c) for c in CASUALTY_FIELDS}),
        )
    except (ValueError, KeyError) as error:  # unknown codes: no match proposed
        logger.info("no match proposed for %r: %s", place, error)
        return None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def proposal(
    engine: Engine, gazetteer: Gazetteer, row: Mapping[str, object]
) -> Proposal | None:
    """The matcher's answer for one reviewed row (None: nothing to match)."""
    facts = facts_of_row(row, gazetteer)
    if facts is None:
        return None
    return propose_match(facts, candidates(engine, facts))


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


def _source_values(incident_id: str, values: Mapping[str, object]) -> dict:
    """A source row from an incident revision's (or a parsed row's) values."""
    return {
        field: incident_id if field == "incident_id" else values[field]
        for field in SOURCE_FIELDS
    }


def _current_sources(connection: Connection, incident_id: str) -> dict[str, dict]:
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


def _sources_ready(
    connection: Connection, incident_id: str, values: Mapping, save_id: int
) -> dict[str, dict]:
    """The incident's sources, its own source fields made its first source row
    where it has none yet."""
    found = _current_sources(connection, incident_id)
    if found:
        return found
    first = {new_source_id(): _source_values(incident_id, values)}
    insert_records(connection, SourceRecord, SourceRevision, first, save_id)
    return _current_sources(connection, incident_id)


def _refigure(
    connection: Connection,
    incident_id: str,
    version: int,
    values: Mapping[str, object],
    save_id: int,
) -> None:
    """A new revision of the incident: best figures and range from its sources."""
    sources = _current_sources(connection, incident_id).values()
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


def _live_head(connection: Connection, incident_id: str) -> tuple[int, dict]:
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
            _source_values(incident_id, next(values)) for _ in attached[incident_id]
        ]
        for incident_id in attached
    }


def _attach(
    connection: Connection, incident_id: str, rows: Sequence[dict], save_id: int
) -> None:
    version, values = _live_head(connection, incident_id)
    _sources_ready(connection, incident_id, values, save_id)
    insert_records(
        connection,
        SourceRecord,
        SourceRevision,
        {new_source_id(): row for row in rows},
        save_id,
    )
    _refigure(connection, incident_id, version, values, save_id)


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
            version, values = _live_head(connection, keep)
            other_version, other_values = _live_head(connection, other)
            read += [
                (IncidentRevision, keep, version),
                (IncidentRevision, other, other_version),
            ]
            save_id = new_save(
                connection, author, "edit", reason or f"merged {other} into {keep}"
            )
            _sources_ready(connection, keep, values, save_id)
            moving = _current_sources(connection, other)
            if not moving:  # its own source fields: straight to ``keep``
                first = {new_source_id(): _source_values(keep, other_values)}
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
            _refigure(connection, keep, version, values, save_id)
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
            version, values = _live_head(connection, incident_id)
            read.append((IncidentRevision, incident_id, version))
            sources = _current_sources(connection, incident_id)
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
            _refigure(connection, incident_id, version, values, save_id)
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
