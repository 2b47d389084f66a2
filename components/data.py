"""Loading incident data: CSV files today, behind one small interface.

``data/events.csv`` holds one row per coordinated wave; ``data/incidents/*.csv`` hold
one row per place and target a source ties together. Places are geocoded through the
gazetteer unless a row pins its own coordinates. A bad row is never dropped silently:
every problem is kept with its file, row, line and field.

Command line (check the files, exit 1 on any problem)::

    python -m components.data [DATA_DIR]
"""

from __future__ import annotations

import csv
import io
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

import pandas as pd

from components.errors import IncidentMapError
from components.gazetteer import Gazetteer, PlaceNotFoundError, default_gazetteer
from components.model import (
    ATTACK_TYPES,
    CASUALTY_FIELDS,
    TARGET_TYPES,
    Casualties,
    DatePrecision,
    Event,
    FieldError,
    GeoPrecision,
    Incident,
    Source,
    newlines_as_lf,
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
from components.text import markdown_text as md

logger = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_VARIABLE = "INCIDENT_MAP_DATA_DIR"
"""Environment variable naming another data directory for the dashboard."""

SOURCE_COLUMNS = [
    "source_title",
    "source_publisher",
    "source_date",
    "source_location",
    "source_excerpt",
]
INCIDENT_COLUMNS = [
    "id",
    "event_id",
    "revises",
    "date",
    "date_precision",
    "place",
    "lat",
    "lon",
    "geo_precision",
    "target_type",
    "attack_types",
    *CASUALTY_FIELDS,
    "figure_scope",
    *SOURCE_COLUMNS,
    "notes",
]
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


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a data file, located precisely enough to fix it."""

    path: str
    message: str
    row: int | None = None
    """1 for the first data row after the header."""
    line: int | None = None
    field: str | None = None
    unplaced: str | None = None
    """The place name, where the problem is that the gazetteer cannot place it."""
    suggestions: tuple[str, ...] = ()
    """The gazetteer's closest known names, for an unplaced name."""
    record: Incident | None = None
    """The row as read, where its only problem is its unplaced name."""

    @property
    def where(self) -> str:
        """File, and row with line where there is one."""
        if self.row is not None:
            return f"{self.path}, row {self.row} (line {self.line})"
        return self.path

    def __str__(self) -> str:
        where = [self.path]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.line})")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class DataFileError(IncidentMapError, ValueError):
    """Raised with every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        listing = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{listing}")


@dataclass(frozen=True, slots=True)
class UnplacedPlace:
    """A place name the data uses that the gazetteer cannot place, and its rows."""

    name: str
    suggestions: tuple[str, ...]
    rows: tuple[str, ...]
    """Where each row is: file, row and line."""
    records: tuple[tuple[str, Incident], ...] = ()
    """(where, row as read) of the rows whose only problem is this name."""


def unplaced_places(problems: Sequence[Problem]) -> list[UnplacedPlace]:
    """The names behind 'not in the gazetteer' problems, each once, in file order."""
    found: dict[str, UnplacedPlace] = {}
    for problem in problems:
        if problem.unplaced is None:
            continue
        known = found.get(problem.unplaced)
        rows = (*known.rows, problem.where) if known else (problem.where,)
        records = known.records if known else ()
        if problem.record is not None:
            records = (*records, (problem.where, problem.record))
        found[problem.unplaced] = UnplacedPlace(
            problem.unplaced, problem.suggestions, rows, records
        )
    return list(found.values())


UNPLACED_COLUMNS = [
    "place_reported",
    "id",
    "date",
    "target",
    "attacks",
    "killed",
    "injured",
    "source_title",
    "where",
]


def unplaced_frame(unplaced: Sequence[UnplacedPlace]) -> pd.DataFrame:
    """The rows of unplaced names, as read, for reading on screen: they are not in
    the incident table, the map or the figures. Counts are blank where unknown."""
    records = [
        {
            "place_reported": incident.place_reported,
            "id": incident.id,
            "date": incident.date,
            "target": TARGET_TYPES[incident.target_type].label,
            "attacks": ", ".join(ATTACK_TYPES[a].label for a in incident.attack_types),
            "killed": incident.casualties.killed_total,
            "injured": incident.casualties.injured,
            "source_title": incident.source.title,
            "where": where,
        }
        for place in unplaced
        for where, incident in place.records
    ]
    frame = pd.DataFrame.from_records(records, columns=UNPLACED_COLUMNS)
    for column in ("killed", "injured"):
        frame[column] = frame[column].astype("Int64")
    return frame


def unplaced_message(unplaced: Sequence[UnplacedPlace]) -> str:
    """Markdown for the dashboard's warning: each name, its rows, the closest names."""
    rows = sum(len(place.rows) for place in unplaced)
    lines = [
        f"**{len(unplaced)} place name(s) in the data could not be placed** by the "
        f"offline gazetteer, so their {rows} row(s) are not on the map, in the "
        "table or in the figures: no location is guessed (the rows are listed "
        "below). Pin each row with `lat`, `lon` and "
        "`geo_precision`, or add the spelling to "
        "`data/gazetteer/sources/balochistan_aliases.csv` and rebuild the "
        "gazetteer (`python scripts/build_gazetteer.py`).",
    ]
    for place in unplaced:
        where = "; ".join(place.rows[:3])
        if len(place.rows) > 3:
            where += f"; and {len(place.rows) - 3} more"
        closest = (
            " Closest known: " + ", ".join(md(name) for name in place.suggestions) + "."
            if place.suggestions
            else " No close known name."
        )
        lines.append(f'- "{md(place.name)}" ({md(where)}).{closest}')
    return "\n".join(lines)


class UnplacedError(FieldError):
    """The gazetteer cannot place the row's place name."""

    def __init__(self, miss: PlaceNotFoundError) -> None:
        super().__init__("place", f"{miss}; or pin the row with lat and lon")
        self.query = miss.query
        self.suggestions = tuple(miss.suggestions)


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


class IncidentStore(Protocol):
    """Anything the dashboard can load incident data from and add to."""

    def load(self) -> Dataset: ...

    def version(self) -> tuple[object, ...]:
        """Changes whenever the stored data changes (a cache key)."""
        ...

    def add(
        self,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
    ) -> Dataset: ...


class CsvStore:
    """Incident data as CSV files in a directory (see the module docstring)."""

    def __init__(
        self, directory: Path = DEFAULT_DATA_DIR, gazetteer: Gazetteer | None = None
    ) -> None:
        self.directory = Path(directory)
        self.gazetteer = gazetteer or default_gazetteer()

    @property
    def events_path(self) -> Path:
        return self.directory / "events.csv"

    @property
    def user_events_path(self) -> Path:
        """Events added in the dashboard; the shipped files are never written."""
        return self.directory / "user" / "events.csv"

    @property
    def user_incidents_path(self) -> Path:
        return self.directory / "user" / "incidents.csv"

    def incident_paths(self) -> list[Path]:
        shipped = sorted((self.directory / "incidents").glob("*.csv"))
        user = [self.user_incidents_path] if self.user_incidents_path.exists() else []
        return shipped + user

    def version(self) -> tuple[object, ...]:
        paths = [self.events_path, self.user_events_path, *self.incident_paths()]
        files = (
            (str(path), path.stat().st_mtime_ns, path.stat().st_size)
            for path in paths
            if path.exists()
        )
        return (str(self.directory.resolve()), *files)

    def load(self, staged: Mapping[Path, Path] | None = None) -> Dataset:
        """Everything stored; ``staged`` reads some files from pending copies."""
        staged = staged or {}
        problems: list[Problem] = []
        events = read_events(self.events_path, problems)
        if self.user_events_path.exists() or self.user_events_path in staged:
            user_events = self.user_events_path
            events += read_events(user_events, problems, staged.get(user_events))
        incidents: list[Incident] = []
        paths = self.incident_paths()
        if self.user_incidents_path in staged and self.user_incidents_path not in paths:
            paths.append(self.user_incidents_path)
        for path in paths:
            incidents.extend(
                read_incidents(path, self.gazetteer, events, problems, staged.get(path))
            )
        problems.extend(_duplicate_id_problems(incidents))
        problems.extend(_revision_problems(incidents))
        return Dataset({e.id: e for e in events}, tuple(incidents), tuple(problems))

    def add(
        self,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
    ) -> Dataset:
        """Append rows to the user files after checking them with all stored data.

        Raises :class:`DataFileError` and writes nothing if a new row is bad. Each
        file is replaced atomically, so a failed save loses nothing saved before;
        the shipped files are never written.
        """
        before = {str(problem) for problem in self.load().problems}
        staged: dict[Path, Path] = {}
        try:
            for path, columns, rows in (
                (self.user_events_path, EVENT_COLUMNS, events),
                (self.user_incidents_path, INCIDENT_COLUMNS, incidents),
            ):
                if rows:
                    staged[path] = _stage(path, columns, rows)
            new = [p for p in self.load(staged).problems if str(p) not in before]
            if new:
                logger.info("save refused: %d problem(s), first: %s", len(new), new[0])
                raise DataFileError(new)
            for final, pending in staged.items():
                pending.replace(final)
            logger.info(
                "saved %d incident(s) and %d event(s) to %s",
                len(incidents),
                len(events),
                self.directory / "user",
            )
        finally:
            for pending in staged.values():
                pending.unlink(missing_ok=True)
        return self.load()


E = TypeVar("E")


def write_dataset(
    directory: Path,
    events: Sequence[Mapping[str, str]],
    incidents: Sequence[Mapping[str, str]],
    name: str,
) -> None:
    """A new data directory: ``events.csv`` and ``incidents/<name>.csv``.

    Refuses to write over existing files.
    """
    check_new_data_directory(directory)
    targets = [
        (directory / "events.csv", EVENT_COLUMNS, events),
        (directory / "incidents" / f"{name}.csv", INCIDENT_COLUMNS, incidents),
    ]
    if targets[1][0].exists():
        raise FileExistsError(f"{targets[1][0]} exists; choose a new directory")
    for path, columns, rows in targets:
        _stage(path, columns, rows).replace(path)


def check_new_data_directory(directory: Path) -> None:
    """Refuse to write a data directory over one, or over a file."""
    if directory.exists() and not directory.is_dir():
        raise FileExistsError(f"{directory} is a file; name a new directory")
    if (directory / "events.csv").exists():
        raise FileExistsError(
            f"{directory / 'events.csv'} exists; choose a new directory"
        )


def _stage(
    path: Path, columns: Sequence[str], rows: Sequence[Mapping[str, str]]
) -> Path:
    """A pending copy of ``path`` with ``rows`` appended, flushed to disk.

    The copy has a name of its own, beside ``path``; if writing it fails, it is
    removed before the error is raised.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    existing = path.read_bytes() if path.exists() else b""
    if not existing:
        writer.writeheader()
    elif not existing.endswith(b"\n"):
        buffer.write("\n")
    writer.writerows(
        {column: newlines_as_lf(str(row.get(column, ""))) for column in columns}
        for row in rows
    )
    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".pending"
    )
    pending = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(existing + buffer.getvalue().encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    return pending


def read_events(
    path: Path, problems: list[Problem], source: Path | None = None
) -> list[Event]:
    """Events from ``path`` (read from ``source`` if given); problems appended."""
    return _read_rows(path, EVENT_COLUMNS, _event_from_row, problems, source)


def read_incidents(
    path: Path,
    gazetteer: Gazetteer,
    events: Sequence[Event] | None,
    problems: list[Problem],
    source: Path | None = None,
) -> list[Incident]:
    """Incidents from ``path``; with ``events``, each must name a known event."""
    event_ids = None if events is None else {event.id for event in events}

    def parse(row: Mapping[str, str]) -> Incident:
        return parse_incident_row(row, gazetteer, event_ids)

    return _read_rows(path, INCIDENT_COLUMNS, parse, problems, source)


def _read_rows(
    path: Path,
    columns: Sequence[str],
    parse: Callable[[Mapping[str, str]], E],
    problems: list[Problem],
    source: Path | None = None,
) -> list[E]:
    name = _display_path(path)
    source = source or path
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        problems.append(Problem(name, "file not found"))
        return []
    except UnicodeDecodeError as error:
        line = source.read_bytes()[: error.start].count(b"\n") + 1
        problems.append(
            Problem(name, f"is not UTF-8 text (byte {error.start})", line=line)
        )
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        problems.append(Problem(name, f"the header is not valid CSV ({error})", line=1))
        return []
    optional = OPTIONAL_INCIDENT_COLUMNS if columns is INCIDENT_COLUMNS else ()
    missing = [c for c in columns if c not in header and c not in optional]
    unknown = [column for column in header if column not in columns]
    if not header:
        problems.append(Problem(name, "is empty; expected a header row", line=1))
        return []
    twice = duplicated_columns(header)
    if twice:
        problems.append(Problem(name, twice, line=1))
        return []
    if missing or unknown:
        for column in missing:
            problems.append(Problem(name, "column is missing", line=1, field=column))
        for column in unknown:
            problems.append(Problem(name, "column is not known", line=1, field=column))
        return []
    records = []
    for number, row, line, error in csv_rows(reader):
        if error:
            problems.append(Problem(name, error, row=number, line=line))
            continue
        try:
            records.append(parse(row))
        except RowError as errors:
            in_column_order = sorted(
                errors.errors, key=lambda e: columns.index(e.field)
            )
            problems.extend(
                Problem(
                    name,
                    e.message,
                    row=number,
                    line=line,
                    field=e.field,
                    unplaced=getattr(e, "query", None),
                    suggestions=getattr(e, "suggestions", ()),
                    record=errors.record,
                )
                for e in in_column_order
            )
    return records


def duplicated_columns(header: Sequence[str]) -> str | None:
    """What is wrong with a header that names a column more than once, or None.

    Which cell would count is ambiguous (one town's latitude with another's
    longitude), so such files are refused rather than read.
    """
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(header, start=1):
        positions.setdefault(name, []).append(index)
    twice = {name: at for name, at in positions.items() if len(at) > 1}
    if not twice:
        return None
    listing = "; ".join(
        f"{name or '(blank)'!r} in columns {', '.join(map(str, at))}"
        for name, at in twice.items()
    )
    return f"a column name appears more than once ({listing}); rename or remove one"


def csv_rows(
    reader: csv.DictReader,
) -> Iterator[tuple[int, dict[str, str], int, str | None]]:
    """(row number, row, line, error) for every data row, malformed ones included."""
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, {}, reader.line_num, f"is not valid CSV: {error}"
            return
        if None in row or None in row.values():
            yield number, row, reader.line_num, "has a different number of cells"
            continue
        yield number, row, reader.line_num, None


class RowError(IncidentMapError, ValueError):
    """All the field errors of one row; ``record`` is the row as read where its
    only error is a place the gazetteer cannot place (it has no location)."""

    def __init__(self, errors: list[FieldError], record: object = None) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors
        self.record = record


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


def _event_from_row(row: Mapping[str, str]) -> Event:
    field = _RowParser(row)
    period = field(parse_number, "period_hours", low=0, high=24 * 366)
    event = Event(
        id=field(parse_text, "id", required=True),
        name=field(parse_text, "name", required=True),
        date=field(parse_date, "date"),
        date_precision=field(parse_precision, "date_precision", DatePrecision),
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
    row: Mapping[str, str], gazetteer: Gazetteer, event_ids: set[str] | None = None
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
    incident = Incident(
        id=field(parse_text, "id", required=True),
        event_id=event_id,
        date=field(parse_date, "date"),
        date_precision=field(parse_precision, "date_precision", DatePrecision),
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


def _duplicate_id_problems(incidents: Sequence[Incident]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for incident in incidents:
        if incident.id in seen:
            problems.append(
                Problem(
                    "data/incidents",
                    f"id {incident.id!r} is used more than once",
                    field="id",
                )
            )
        seen.add(incident.id)
    return problems


def _revision_problems(incidents: Sequence[Incident]) -> list[Problem]:
    """Each ``revises`` names an earlier record of the same event, once."""
    by_id = {incident.id: incident for incident in incidents}
    problems = []
    revised: set[str] = set()
    for incident in incidents:
        if not incident.revises:
            continue
        earlier = by_id.get(incident.revises)
        message = None
        if earlier is None:
            message = f"revises {incident.revises!r}, which is not a known id"
        elif earlier.event_id != incident.event_id:
            message = f"revises {incident.revises!r}, a record of another event"
        elif incident.revises == incident.id:
            message = "revises itself"
        elif incident.revises in revised:
            message = f"{incident.revises!r} is revised by two records"
        revised.add(incident.revises)
        if message:
            problems.append(
                Problem("data", f"record {incident.id!r} {message}", field="revises")
            )
    return problems


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- The table the dashboard works on ---------------------------------------------

FRAME_COLUMNS = [
    "id",
    "event_id",
    "revises",
    "date",
    "date_precision",
    "place_reported",
    "place",
    "geonameid",
    "admin1",
    "lat",
    "lon",
    "geo_precision",
    "target_type",
    "target_label",
    "attack_types",
    "attack_labels",
    *CASUALTY_FIELDS,
    "figure_scope",
    "source_title",
    "source_publisher",
    "source_date",
    "source_location",
    "source_excerpt",
    "notes",
    "current",
]


def earlier_records(frame: pd.DataFrame) -> dict[str, list[str]]:
    """For each record that revises another, the ids it replaces, newest first."""
    revising = frame["revises"] != ""
    if not revising.any():
        return {}
    revises = dict(
        zip(frame.loc[revising, "id"], frame.loc[revising, "revises"], strict=True)
    )
    chains: dict[str, list[str]] = {}
    for record in revises:
        chain, seen = [], {record}
        earlier = revises.get(record, "")
        while earlier and earlier not in seen:
            chain.append(earlier)
            seen.add(earlier)
            earlier = revises.get(earlier, "")
        chains[record] = chain
    return chains


def latest_records(frame: pd.DataFrame) -> pd.DataFrame:
    """The current records, each count carried forward from the records it revises
    where the newer source is silent on it."""
    latest = frame[frame["current"]]
    chains = earlier_records(frame)
    if not chains:
        return latest
    revised = latest["id"].isin(list(chains))
    latest = latest.copy()
    by_id = frame.set_index("id")
    for index in latest.index[revised]:
        for column in CASUALTY_FIELDS:
            if pd.isna(latest.at[index, column]):
                older = by_id.loc[chains[latest.at[index, "id"]], column].dropna()
                if len(older):
                    latest.at[index, column] = older.iloc[0]
    return latest


def incidents_frame(incidents: Sequence[Incident]) -> pd.DataFrame:
    """One row per incident, with labels alongside codes; counts are nullable."""
    records = [
        {
            "id": i.id,
            "event_id": i.event_id,
            "revises": i.revises,
            "date": i.date,
            "date_precision": int(i.date_precision),
            "place_reported": i.place_reported,
            "place": i.place,
            "geonameid": i.geonameid,
            "admin1": i.admin1,
            "lat": i.lat,
            "lon": i.lon,
            "geo_precision": int(i.geo_precision),
            "target_type": i.target_type,
            "attack_types": ";".join(i.attack_types),
            **{column: getattr(i.casualties, column) for column in CASUALTY_FIELDS},
            "figure_scope": i.figure_scope,
            "source_title": i.source.title,
            "source_publisher": i.source.publisher or "",
            "source_date": i.source.date,
            "source_location": i.source.location,
            "source_excerpt": i.source.excerpt,
            "notes": i.notes,
        }
        for i in incidents
    ]
    frame = pd.DataFrame.from_records(records, columns=FRAME_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["source_date"] = pd.to_datetime(frame["source_date"])
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    for column in CASUALTY_FIELDS:
        frame[column] = frame[column].astype("Int64")
    frame["current"] = ~frame["id"].isin(set(frame["revises"]) - {""})
    frame["target_label"] = frame["target_type"].map(
        {code: t.label for code, t in TARGET_TYPES.items()}
    )
    attack_labels = {code: a.label for code, a in ATTACK_TYPES.items()}
    frame["attack_labels"] = frame["attack_types"].map(
        lambda codes: ", ".join(attack_labels[code] for code in codes.split(";"))
    )
    return frame


def main(argv: Sequence[str] | None = None) -> int:
    """Check a data directory; print every problem; exit 1 if there are any."""
    args = list(sys.argv[1:] if argv is None else argv)
    directory = Path(args[0]) if args else DEFAULT_DATA_DIR
    dataset = CsvStore(directory).load()
    for problem in dataset.problems:
        print(problem)
    print(
        f"{len(dataset.events)} event(s), {len(dataset.incidents)} incident(s), "
        f"{len(dataset.problems)} problem(s)"
    )
    return 1 if dataset.problems else 0


if __name__ == "__main__":
    sys.exit(main())
