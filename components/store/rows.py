"""Records and the database's rows: what a revision stores, and back.

A revision row holds the fields of one record as the database types them; the
functions here turn an :class:`~components.domain.model.Incident` or
:class:`~components.domain.model.Event` into those values, a stored row back into
a record (or into the CSV cells the row parsers read), and two revisions into the
list of what changed between them. Pure: no connection, no query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from components.domain.model import (
    CASUALTY_FIELDS,
    RANGE_COLUMNS,
    Casualties,
    Event,
    FigureRange,
    Incident,
    Source,
)
from components.domain.vocabularies import DatePrecision, GeoPrecision
from components.store.schema import EventRevision, IncidentRevision, SourceRevision

INCIDENT_FIELDS = [
    c.name
    for c in IncidentRevision.__table__.columns
    if c.name not in ("id", "incident_id", "number", "save_id", "retracted", "geom")
]
"""The stored fields of an incident revision (what a save can change)."""
EVENT_FIELDS = [
    c.name
    for c in EventRevision.__table__.columns
    if c.name not in ("id", "event_id", "number", "save_id", "retracted")
]
"""The stored fields of an event revision."""
SOURCE_FIELDS = [
    c.name
    for c in SourceRevision.__table__.columns
    if c.name not in ("id", "source_id", "number", "save_id", "retracted")
]
"""The stored fields of a source revision (including the incident it is of)."""
LOCATION_FIELDS = ("place", "geonameid", "admin1", "lat", "lon", "pinned")
"""Fields that follow from the place reported: a change of place lists once."""


def stored_day(value: object) -> dt.date | None:
    """A date as a database gives it (a date, a timestamp or ISO text)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def fields_of(revision: type) -> list[str]:
    """The stored field names of a revision table."""
    if revision is SourceRevision:
        return SOURCE_FIELDS
    return INCIDENT_FIELDS if revision is IncidentRevision else EVENT_FIELDS


def columns(revision: type) -> list:
    """The stored fields of a revision table, as columns to select."""
    return [getattr(revision, f) for f in fields_of(revision)]


def comparable(values: Mapping[str, object]) -> dict[str, object]:
    """Stored values with floats rounded as the database may round them."""
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in values.items()}


def incident_values(incident: Incident, pinned: bool) -> dict[str, object]:
    """An incident as the values of its revision row; ``pinned``: the row gave
    its own coordinates rather than its place's."""
    casualties = incident.casualties
    return {
        "event_id": incident.event_id,
        "revises": incident.revises or None,
        "date": incident.date,
        "date_precision": int(incident.date_precision),
        "place_reported": incident.place_reported,
        "place": incident.place,
        "geonameid": incident.geonameid,
        "admin1": incident.admin1,
        "lat": incident.lat,
        "lon": incident.lon,
        "pinned": pinned,
        "geo_precision": int(incident.geo_precision),
        "target_type": incident.target_type,
        "attack_types": ";".join(incident.attack_types),
        **{column: getattr(casualties, column) for column in CASUALTY_FIELDS},
        "figure_scope": incident.figure_scope,
        "source_title": incident.source.title,
        "source_publisher": incident.source.publisher or "",
        "source_date": incident.source.date,
        "source_location": incident.source.location,
        "source_excerpt": incident.source.excerpt,
        "notes": incident.notes,
        **spread_values(incident.spread),
    }


def spread_values(spread: FigureRange) -> dict[str, object]:
    """An incident's sources count and figure ranges as revision values."""
    values: dict[str, object] = {"sources": spread.sources}
    for column, (low, high) in RANGE_COLUMNS.items():
        values[low] = getattr(spread.low, column)
        values[high] = getattr(spread.high, column)
    return values


def spread_of(row: Mapping[str, object]) -> FigureRange:
    """The sources count and figure ranges of a stored or table row."""

    def count(value: object) -> int | None:
        return None if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type]

    sources = row.get("sources")
    return FigureRange(
        sources=1 if sources is None or pd.isna(sources) else int(sources),  # type: ignore[arg-type]
        low=Casualties(
            **{c: count(row.get(low)) for c, (low, _) in RANGE_COLUMNS.items()}
        ),
        high=Casualties(
            **{c: count(row.get(high)) for c, (_, high) in RANGE_COLUMNS.items()}
        ),
    )


def event_values(event: Event) -> dict[str, object]:
    """An event as the values of its revision row."""
    return {
        "name": event.name,
        "date": event.date,
        "date_precision": int(event.date_precision),
        "admin1": event.admin1,
        "period_hours": event.period_hours,
        "period_note": event.period_note,
        "places_hit_at_least": event.places_hit_at_least,
        "claimed_by": event.claimed_by,
        "source_title": event.source.title,
        "source_publisher": event.source.publisher or "",
        "source_date": event.source.date,
        "source_location": event.source.location,
        "source_excerpt": event.source.excerpt,
        "notes": event.notes,
    }


def row_of(incident_id: str, values: Mapping[str, object]) -> dict[str, str]:
    """A stored revision as the CSV cells a row parser reads."""

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    row = {k: text(v) for k, v in values.items() if k not in ("pinned",)}
    row["id"] = incident_id
    row["place"] = text(values["place_reported"])
    if not values.get("pinned"):
        row["lat"] = row["lon"] = ""
    return row


def changes(
    previous: Mapping[str, object] | None, values: Mapping[str, object]
) -> tuple[str, ...]:
    """'field: old -> new' for each field a revision changed ('added' for the
    first)."""
    if previous is None:
        return ("added",)
    listed = [
        f"{field}: {previous[field]!r} -> {values[field]!r}"
        for field in INCIDENT_FIELDS
        if field not in LOCATION_FIELDS and previous[field] != values[field]
    ]
    before, after = _point(previous), _point(values)
    if before != after:  # a point picked on the map, or the place's own again
        listed.append(f"location: {before} -> {after}")
    return tuple(listed)


def _point(values: Mapping[str, object]) -> str:
    """Where a revision draws the record, and whether it pins that point."""
    where = f"{float(values['lat']):.5f}, {float(values['lon']):.5f}"  # type: ignore[arg-type]
    return where + (" (pinned)" if values.get("pinned") else " (the place's point)")


def event_of(row: Mapping[str, object]) -> Event:
    """An event from its stored row (with its ``id``)."""
    return Event(
        id=row["id"],
        name=row["name"],
        date=row["date"],
        date_precision=DatePrecision(row["date_precision"]),
        admin1=row["admin1"],
        source=Source(
            title=row["source_title"],
            location=row["source_location"],
            publisher=row["source_publisher"] or None,
            date=row["source_date"],
            excerpt=row["source_excerpt"],
        ),
        period_hours=row["period_hours"],
        period_note=row["period_note"],
        places_hit_at_least=row["places_hit_at_least"],
        claimed_by=row["claimed_by"],
        notes=row["notes"],
    )


def incident_of(row: Mapping[str, object]) -> Incident:
    """An incident from a row of the dashboard's table (pandas types)."""

    def count(value: object) -> int | None:
        return None if pd.isna(value) else int(value)

    source_date = row["source_date"]
    return Incident(
        id=row["id"],
        event_id=row["event_id"],
        date=row["date"].date(),
        date_precision=DatePrecision(int(row["date_precision"])),
        place_reported=row["place_reported"],
        place=row["place"],
        geonameid=None if pd.isna(row["geonameid"]) else int(row["geonameid"]),
        admin1=row["admin1"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        geo_precision=GeoPrecision(int(row["geo_precision"])),
        target_type=row["target_type"],
        attack_types=tuple(row["attack_types"].split(";")),
        casualties=Casualties(**{c: count(row[c]) for c in CASUALTY_FIELDS}),
        source=Source(
            title=row["source_title"],
            location=row["source_location"],
            publisher=row["source_publisher"] or None,
            date=None if pd.isna(source_date) else source_date.date(),
            excerpt=row["source_excerpt"],
        ),
        notes=row["notes"],
        revises=row["revises"],
        figure_scope=row["figure_scope"],
        spread=spread_of(row),
    )
