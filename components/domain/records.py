"""One row of incident or event data, checked field by field. Pure.

Rows come from CSV files, imports and the review panel as text cells; each is
parsed into an :class:`~components.domain.model.Incident` or
:class:`~components.domain.model.Event` by the field parsers of
``components.domain.fields``, every error collected with its column before the
row is refused. Places are geocoded through the gazetteer unless a row pins its
own coordinates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from components.domain.fields import (
    parse_attack_types,
    parse_coordinate,
    parse_count,
    parse_date,
    parse_figure_scope,
    parse_number,
    parse_precision,
    parse_target_type,
    parse_text,
)
from components.domain.model import (
    CASUALTY_FIELDS,
    FILE_COLUMNS,
    Casualties,
    Event,
    Incident,
    Source,
)
from components.domain.places import PlaceFinder, far_from_town
from components.domain.problems import Problem
from components.domain.vocabularies import DatePrecision, GeoPrecision
from components.support.errors import (
    DataFileError,
    FieldError,
    PlaceNotFoundError,
    RowError,
    UnplacedError,
)

SOURCE_COLUMNS = [
    "source_title",
    "source_publisher",
    "source_date",
    "source_location",
    "source_excerpt",
]
INCIDENT_COLUMNS = FILE_COLUMNS
OPTIONAL_INCIDENT_COLUMNS = frozenset({"figure_scope"})
"""Columns older files may lack; a missing one reads as blank."""
EVENT_COLUMNS = [
    "id",
    "name",
    "date",
    "date_precision",
    "admin1",
    "period_hours",
    "period_note",
    "places_hit_at_least",
    "claimed_by",
    *SOURCE_COLUMNS,
    "notes",
]


@dataclass(frozen=True)
class Dataset:
    """Events and incidents that loaded, and the problems that kept rows out."""

    events: dict[str, Event]
    incidents: tuple[Incident, ...]
    problems: tuple[Problem, ...] = field(default=())

    def raise_for_problems(self) -> Dataset:
        if self.problems:
            raise DataFileError(self.problems)
        return self


E = TypeVar("E")


class _RowParser:
    """Parse the fields of one row, collecting every error before raising."""

    def __init__(self, row: Mapping[str, str]) -> None:
        self.row = row
        self.errors: list[FieldError] = []

    def __call__(self, parse: Callable[..., E], column: str, *args, **kwargs) -> E:
        try:
            return parse(column, self.row.get(column), *args, **kwargs)
        except FieldError as error:
            self.errors.append(error)
            return None  # type: ignore[return-value]

    def add(self, column: str, message: str) -> None:
        self.errors.append(FieldError(column, message))

    def done(self) -> None:
        if self.errors:
            raise RowError(self.errors)


def _source(field: _RowParser) -> Source:
    title = field(parse_text, "source_title")
    location = field(parse_text, "source_location")
    if not title:
        field.add("source_title", "missing source: every row must cite its source")
    if not location:
        field.add("source_location", "missing source: say where the text is")
    return Source(
        title=title or "",
        location=location or "",
        publisher=field(parse_text, "source_publisher") or None,
        date=field(parse_date, "source_date", required=False),
        excerpt=field(parse_text, "source_excerpt") or "",
    )


def parse_event_row(row: Mapping[str, str]) -> Event:
    """One event row, checked; raises :class:`RowError`."""
    field = _RowParser(row)
    period = field(parse_number, "period_hours", low=0, high=24 * 366)
    # A required field is None only when it failed to parse; done() then refuses
    # the row, so no record with it leaves this function.
    event = Event(
        id=field(parse_text, "id", required=True),
        name=field(parse_text, "name", required=True),
        date=field(parse_date, "date"),  # type: ignore[arg-type]
        date_precision=field(parse_precision, "date_precision", DatePrecision),  # type: ignore[arg-type]
        admin1=field(parse_text, "admin1"),
        source=_source(field),
        period_hours=period,
        period_note=field(parse_text, "period_note"),
        places_hit_at_least=field(parse_count, "places_hit_at_least"),
        claimed_by=field(parse_text, "claimed_by"),
        notes=field(parse_text, "notes"),
    )
    field.done()
    return event


def parse_incident_row(
    row: Mapping[str, str],
    gazetteer: PlaceFinder,
    event_ids: set[str] | None = None,
) -> Incident:
    """One incident row, checked as the loader checks it; raises :class:`RowError`.

    With ``event_ids``, the row's event must be one of them.
    """
    field = _RowParser(row)
    event_id = field(parse_text, "event_id", required=True)
    if event_id and event_ids is not None and event_id not in event_ids:
        field.add("event_id", f"unknown event {event_id!r}; add it to events.csv")
    place_reported = field(parse_text, "place", required=True)
    lat = field(parse_coordinate, "lat", 90)
    lon = field(parse_coordinate, "lon", 180)
    precision = field(parse_precision, "geo_precision", GeoPrecision, required=False)
    if (lat is None) != (lon is None) and not field.errors:
        field.add("lat" if lat is None else "lon", "give both lat and lon, or neither")

    place_name, geonameid, admin1 = place_reported, None, ""
    if place_reported:
        found = gazetteer.match(place_reported, fuzzy=False)
        place = found.place
        if lat is not None and lon is not None and far_from_town(found, lat, lon):
            place = None  # not that town: the row's own place
        if place is None:
            if lat is None or lon is None:
                miss = PlaceNotFoundError(place_reported, found.suggestions)
                field.errors.append(UnplacedError(miss))
            elif precision is None:
                field.add("geo_precision", "is required where a row pins lat and lon")
        else:
            place_name, geonameid, admin1 = place.name, place.geonames_id, place.admin1
            if lat is None or lon is None:
                lat, lon = place.lat, place.lon
            precision = precision or found.precision

    casualties = Casualties(
        **{column: field(parse_count, column) for column in CASUALTY_FIELDS}
    )
    # A required field is None only in a row done() refuses; lat and lon are None
    # only in a row the gazetteer cannot place, which goes with its error (as
    # RowError.record, to be listed as read), never into the loaded incidents.
    incident = Incident(
        id=field(parse_text, "id", required=True),
        event_id=event_id,
        date=field(parse_date, "date"),  # type: ignore[arg-type]
        date_precision=field(parse_precision, "date_precision", DatePrecision),  # type: ignore[arg-type]
        place_reported=place_reported,
        place=place_name,
        geonameid=geonameid,
        admin1=admin1,
        lat=lat,  # type: ignore[arg-type]
        lon=lon,  # type: ignore[arg-type]
        geo_precision=precision,  # type: ignore[arg-type]
        target_type=field(parse_target_type, "target_type"),
        attack_types=field(parse_attack_types, "attack_types"),
        casualties=casualties,
        source=_source(field),
        notes=field(parse_text, "notes"),
        revises=field(parse_text, "revises"),
        figure_scope=field(parse_figure_scope, "figure_scope"),
    )
    if field.errors and all(isinstance(e, UnplacedError) for e in field.errors):
        raise RowError(field.errors, record=incident)
    field.done()
    return incident


def event_row(event: Event) -> dict[str, str]:
    """An event as a row of ``events.csv``: the inverse of reading one."""

    def text(value: object) -> str:
        return "" if value is None else str(value)

    return {
        "id": event.id,
        "name": event.name,
        "date": event.date.isoformat(),
        "date_precision": str(int(event.date_precision)),
        "admin1": event.admin1,
        "period_hours": text(event.period_hours),
        "period_note": event.period_note,
        "places_hit_at_least": text(event.places_hit_at_least),
        "claimed_by": event.claimed_by,
        "source_title": event.source.title,
        "source_publisher": text(event.source.publisher),
        "source_date": text(event.source.date and event.source.date.isoformat()),
        "source_location": event.source.location,
        "source_excerpt": event.source.excerpt,
        "notes": event.notes,
    }
