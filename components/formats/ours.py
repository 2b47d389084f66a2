"""Incident data as CSV files: what people diff, exchange and seed the database with.

``data/events.csv`` holds one row per coordinated wave; ``data/incidents/*.csv``
hold one row per place and target a source ties together. Reading a directory
checks every row as the database does and keeps every problem with its file, row,
line and field; writing one makes a new directory (``convert --to ours``).

Command line (check the files, exit 1 on any problem)::

    python -m components.store check [DATA_DIR]
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from components.domain.model import Event, Incident
from components.domain.problems import Problem
from components.domain.records import (
    EVENT_COLUMNS,
    INCIDENT_COLUMNS,
    OPTIONAL_INCIDENT_COLUMNS,
    Dataset,
    parse_event_row,
    parse_incident_row,
)
from components.gazetteer import Gazetteer, default_gazetteer
from components.support.errors import InputFileError, RowError
from components.support.files import open_regular
from components.support.text import newlines_as_lf

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
DATA_DIR_VARIABLE = "INCIDENT_MAP_DATA_DIR"
"""Environment variable naming another data directory for the dashboard."""

E = TypeVar("E")


class CsvStore:
    """A data directory of CSV files, read as the database reads rows (see the
    module docstring). It is read only: the database takes every change."""

    def __init__(
        self, directory: Path = DEFAULT_DATA_DIR, gazetteer: Gazetteer | None = None
    ) -> None:
        self.directory = Path(directory)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """Loaded when a file is read, not to list or compare the files."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

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

    def seed_paths(self) -> list[Path]:
        """The files a database is seeded from: the shipped events and incidents,
        and rows saved in ``user/`` by earlier versions of the dashboard."""
        return [
            self.events_path,
            self.user_events_path,
            *sorted((self.directory / "incidents").glob("*.csv")),
            self.user_incidents_path,
        ]

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


def raw_rows(
    directory: Path,
) -> tuple[list[dict[str, str]], Iterator[dict[str, str]]]:
    """The rows of a data directory's events and incidents, as text cells, for
    importing into the database (which checks each row). The incidents are read
    a line at a time as they are taken, every file's header checked first."""
    if not directory.is_dir():
        raise InputFileError(f"{directory}: is not a data directory (like data/)")
    store = CsvStore(directory)
    if not store.events_path.is_file():
        raise InputFileError(f"{directory}: has no events.csv; is it a data directory?")
    events = list(_raw(store.events_path, EVENT_COLUMNS))
    paths = store.incident_paths()
    for path in paths:  # a bad header is refused before any row is saved
        for _ in itertools.islice(_raw(path, INCIDENT_COLUMNS), 1):
            pass
    incidents = (row for path in paths for row in _raw(path, INCIDENT_COLUMNS))
    return events, incidents


def _raw(path: Path, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    with open_regular(path) as (handle, _):
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        try:
            header = reader.fieldnames or []
            problem = duplicated_columns(header)
            missing = [
                c
                for c in columns
                if c not in header and c not in OPTIONAL_INCIDENT_COLUMNS
            ]
            if problem or missing:
                raise InputFileError(
                    f"{path}, line 1: "
                    f"{problem or 'the header lacks ' + ', '.join(missing)}"
                )
            for row in reader:
                yield {k: v or "" for k, v in row.items() if k is not None}
        except UnicodeDecodeError:
            raise InputFileError(
                f"{path}: not UTF-8 text (after line {reader.line_num})"
            ) from None
        except csv.Error as error:
            raise InputFileError(f"{path}, line {reader.line_num}: {error}") from None


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
    return _read_rows(path, EVENT_COLUMNS, parse_event_row, problems, source)


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
    for number, row, line, unreadable in csv_rows(reader):
        if unreadable:
            problems.append(Problem(name, unreadable, row=number, line=line))
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
                    record=errors.record
                    if isinstance(errors.record, Incident)
                    else None,
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
