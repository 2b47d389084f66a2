"""Readers for the field's incident formats: ACLED, GTD, UCDP GED, and our GeoJSON.

Each format module maps one source row to one of our incident rows (the columns of
``components.data.INCIDENT_COLUMNS``) or rejects it with a reason. Nothing is
guessed: a figure the source does not split by group stays unsplit, a code we have
no entry for is a reject, not a default. Rows whose coordinates are missing or
impossible are placed through the gazetteer from their place names, at the
precision of the name that matched, or rejected. Every accepted row is then checked
exactly as the data loader checks it. The mapping tables are in ``data/README.md``.

Pure: no Streamlit. The command line is ``python -m components.convert``.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO, Protocol

from components.domain.fields import MAX_TEXT_LENGTH, parse_count
from components.domain.places import far_from_town
from components.domain.records import EVENT_COLUMNS, INCIDENT_COLUMNS
from components.domain.records import parse_incident_row as check_incident_row
from components.domain.vocabularies import GeoPrecision
from components.formats.ours import csv_rows, duplicated_columns
from components.formats.result import ImportResult, Reject, SeenIds
from components.gazetteer import Gazetteer, default_gazetteer
from components.support.errors import (
    FieldError,
    ImportFormatError,
    InputFileError,
    RowError,
    RowRejected,
)
from components.support.files import bounded_lines
from components.support.text import newlines_as_lf

logger = logging.getLogger(__name__)

Row = dict[str, str]
Progress = Callable[[int, float], None]
"""Called with (rows read, share of the input done, 0 to 1) as an import goes."""


@dataclass(frozen=True)
class Mapped:
    """A source row in our columns, and the names to place it by if need be."""

    incident: Row
    place_names: Sequence[tuple[str, GeoPrecision | None]] = ()
    """Names to geocode, most precise first, each with the coarsest precision a
    match on it can claim (None: the gazetteer place's own)."""


class Format(Protocol):
    """What a format module offers."""

    # Read-only (a property), so a module's tuple of columns fits the protocol.
    @property
    def NAME(self) -> str: ...  # noqa: N802 (a module constant)
    @property
    def REQUIRED_COLUMNS(self) -> Sequence[str]: ...  # noqa: N802

    def convert(self, row: Mapping[str, str], source_name: str) -> Mapped: ...


def formats() -> dict[str, Format]:
    """The readers by the name the command line and the dashboard use."""
    from components.formats import acled, geojson, gtd, ucdp

    return {"acled": acled, "gtd": gtd, "ucdp": ucdp, "geojson": geojson}


def detect_format(header: Iterable[str]) -> str | None:
    """The CSV format whose required columns a header holds, if exactly one."""
    columns = set(header)
    found = [
        name
        for name, module in formats().items()
        if module.REQUIRED_COLUMNS and set(module.REQUIRED_COLUMNS) <= columns
    ]
    return found[0] if len(found) == 1 else None


def detect_csv_format(data: bytes, source_name: str, encoding: str = "utf-8") -> str:
    """The format of a CSV file, read from its header; refused with a reason."""
    lines = _text_lines(io.BytesIO(data), source_name, encoding)
    reader = read_csv_rows(lines, source_name, ())
    fmt = detect_format(reader.fieldnames or ())
    if fmt is None:
        known = ", ".join(module.NAME for module in formats().values())
        raise ImportFormatError(
            f"{source_name}, line 1: the header matches none of the formats ({known})"
        )
    return fmt


def _check_not_binary(head: bytes, source_name: str) -> None:
    if b"\x00" in head:
        raise ImportFormatError(f"{source_name} is not text (it holds NUL bytes)")


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ImportFormatError(f"unknown text encoding {encoding!r}") from None


def _text_lines(
    stream: BinaryIO, source_name: str, encoding: str = "utf-8"
) -> Iterator[str]:
    """The lines of a binary stream as text, one at a time, each decoded alone so
    a wrong byte is named by its line; binary files and endless lines refused."""
    codec = _codec(encoding)
    try:
        for number, raw in bounded_lines(stream, source_name):
            if number == 1:
                _check_not_binary(raw[:65536], source_name)
                if codec == "utf-8":
                    raw = raw.removeprefix(codecs.BOM_UTF8)
            if b"\x00" in raw:
                raise ImportFormatError(
                    f"{source_name}, line {number}: holds NUL bytes; "
                    "is this a text file?"
                )
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise ImportFormatError(
                    f"{source_name}, line {number}: not {encoding} text (byte "
                    f"{error.start + 1} of the line); if it was saved in a Windows "
                    "encoding, choose cp1252"
                ) from None
    except InputFileError as error:
        raise ImportFormatError(str(error)) from None


def read_csv_rows(
    lines: str | Iterable[str], source_name: str, required: Sequence[str]
) -> csv.DictReader:
    """A DictReader over ``lines`` after checking the header: present, readable,
    no column named twice, and naming every column in ``required``."""
    source = io.StringIO(lines, newline="") if isinstance(lines, str) else lines
    reader = csv.DictReader(source)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        raise ImportFormatError(
            f"{source_name}, line 1: the header is not valid CSV ({error})"
        ) from None
    header = [name.strip() for name in fieldnames or []]
    reader.fieldnames = header
    if not header:
        raise ImportFormatError(f"{source_name} is empty; expected a header row")
    twice = duplicated_columns(header)
    if twice:
        raise ImportFormatError(f"{source_name}, line 1: {twice}")
    missing = [column for column in required if column not in header]
    if missing:
        raise ImportFormatError(
            f"{source_name}, line 1: the header lacks {', '.join(missing)}"
        )
    return reader


SourceRow = tuple[int, int, Mapping[str, str], str | None]
"""(row number, line, cells, problem with the row's shape or None)."""


BATCH = 1_000
"""Rows a streamed import hands on at a time."""


def import_rows(
    rows: Iterable[SourceRow],
    fmt: Format,
    source_name: str,
    gazetteer: Gazetteer | None = None,
    done: Callable[[], float] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Map, place and check source rows; every row ends imported or rejected, and
    the imported ones are kept in the result (see :func:`import_batches`)."""
    result = ImportResult(fmt.NAME, source_name)
    for batch in import_batches(
        rows, fmt, result, gazetteer, done, progress, batch=BATCH
    ):
        result.incidents.extend(batch)
    return result


def import_batches(
    rows: Iterable[SourceRow],
    fmt: Format,
    result: ImportResult,
    gazetteer: Gazetteer | None = None,
    done: Callable[[], float] | None = None,
    progress: Progress | None = None,
    batch: int = BATCH,
) -> Iterator[list[Row]]:
    """Map, place and check source rows, handing on the imported ones ``batch``
    at a time; ``result`` counts what was read, imported and rejected, and gains
    the event that gathers the file's rows once the rows are through.

    Memory does not grow with the input: ids are remembered as digests
    (:class:`~components.formats.result.SeenIds`), and a result made with
    :meth:`ImportResult.streamed` keeps its rejects on disk. ``done`` tells the
    share of the input read so far, for ``progress``.
    """
    gazetteer = gazetteer or default_gazetteer()
    source_name = result.source_name
    event_id = import_event_id(fmt.NAME, source_name)
    seen = SeenIds()
    pending: list[Row] = []
    for number, line, row, problem in rows:
        result.read += 1
        if progress and done and number % 1000 == 0:
            progress(number, done())
        try:
            if problem:
                raise RowRejected(problem)
            mapped = fmt.convert(row, source_name)
            incident = {column: "" for column in INCIDENT_COLUMNS}
            incident.update(mapped.incident)
            incident["event_id"] = incident["event_id"] or event_id
            placed, unusable = _place_if_needed(incident, mapped.place_names, gazetteer)
            unusable = unusable or _far_from_its_town(incident, gazetteer)
            if incident["id"] in seen:
                raise RowRejected(f"id: {incident['id']!r} appears twice in the file")
            check_incident_row(incident, gazetteer, None)
        except RowRejected as rejected:
            _reject(result, Reject(number, line, str(rejected), dict(row)))
            continue
        except RowError as errors:
            reason = "; ".join(f"{e.field}: {e.message}" for e in errors.errors)
            _reject(result, Reject(number, line, reason, dict(row)))
            continue
        seen.add(incident["id"])
        result.geocoded += placed
        if unusable is not None:
            warning = f"{source_name}, row {number} (line {line}): {unusable}"
            result.add_warning(warning)
            logger.info("import placed a row by name: %s", warning)
        result.add_incident(incident, event_id)
        pending.append(incident)
        if len(pending) >= batch:
            yield pending
            pending = []
    if pending:
        yield pending
    if progress:
        progress(result.read, 1.0)
    if result.event_rows:
        result.events.append(
            import_event(
                fmt.NAME,
                source_name,
                result.event_rows,
                result.first_date,
                result.last_date,
            )
        )
    logger.info("import read %s", result.summary())


def _reject(result: ImportResult, reject: Reject) -> None:
    result.add_reject(reject)
    logger.info(
        "import rejected %s, row %d (line %d): %s",
        result.source_name,
        reject.row,
        reject.line,
        reject.reason,
    )


def import_csv(
    data: bytes | BinaryIO,
    fmt: Format,
    source_name: str,
    gazetteer: Gazetteer | None = None,
    encoding: str = "utf-8",
    progress: Progress | None = None,
    size: int | None = None,
) -> ImportResult:
    """Import a CSV file of one of the field's formats, from bytes or streamed
    from a binary file of ``size`` bytes, keeping the imported rows."""
    result = ImportResult(fmt.NAME, source_name)
    for batch in csv_batches(
        data, fmt, result, gazetteer, encoding, progress, size, batch=BATCH
    ):
        result.incidents.extend(batch)
    return result


def csv_batches(
    data: bytes | BinaryIO,
    fmt: Format,
    result: ImportResult,
    gazetteer: Gazetteer | None = None,
    encoding: str = "utf-8",
    progress: Progress | None = None,
    size: int | None = None,
    batch: int = BATCH,
) -> Iterator[list[Row]]:
    """The imported rows of a CSV file of one of the field's formats, ``batch``
    at a time (see :func:`import_batches`); one line of the file is held at a
    time."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    size = len(data) if isinstance(data, bytes) else size
    reader = read_csv_rows(
        _text_lines(stream, result.source_name, encoding),
        result.source_name,
        fmt.REQUIRED_COLUMNS,
    )

    def rows() -> Iterable[SourceRow]:
        for number, row, line, problem in csv_rows(reader):
            if not row:  # the CSV itself is broken here: stop, say where
                raise ImportFormatError(f"{result.source_name}, line {line}: {problem}")
            cells = {k: v or "" for k, v in row.items() if k is not None}
            yield number, line, cells, problem

    def done() -> float:
        return min(stream.tell() / size, 1.0) if size else 0.0

    return import_batches(rows(), fmt, result, gazetteer, done, progress, batch)


def import_event_id(format_name: str, source_name: str) -> str:
    """The id of the event that gathers one file's imported rows."""
    stem = PurePath(source_name).stem or "upload"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-")[:60] or "upload"
    return f"{format_name.casefold().split()[0]}-{slug}"


def import_event(
    format_name: str, source_name: str, count: int, first: str, last: str
) -> Row:
    """One event row for a file's ``count`` rows dated ``first`` to ``last``: the
    data sets have no 'wave' of their own."""
    event = {column: "" for column in EVENT_COLUMNS}
    event.update(
        id=import_event_id(format_name, source_name),
        name=f"{format_name} import: {PurePath(source_name).name}"[:200],
        date=first,
        date_precision="1",
        source_title=f"{format_name} file {PurePath(source_name).name}"[:200],
        source_location=PurePath(source_name).name[:200],
        notes=(
            f"{count:,} incidents imported from {format_name}, "
            f"dated {first} to {last}; each cites its own source."
        ),
    )
    return event


# --- Helpers the format modules share ----------------------------------------------

UNKNOWN_SENTINELS = frozenset({"", "-9", "-99", "-9.0", "-99.0", "nan", "NA"})
"""Cells that mean 'unknown' in the field's files (GTD writes -9 and -99)."""


def cell(row: Mapping[str, str], column: str) -> str:
    """A source cell as our text fields keep it: line breaks as LF, trimmed."""
    return newlines_as_lf(row.get(column) or "").strip()


_DECIMAL_WHOLE = re.compile(r"([0-9]+)\.0*")
"""GTD's exports write counts as decimals ("12.0"): whole numbers all the same."""


def count_cell(row: Mapping[str, str], column: str) -> str:
    """A count as our files write it: blank where the source does not know.

    Checked as the loader checks counts (digits only, 0 to ``MAX_COUNT``), with the
    source's column named in the reason.
    """
    text = cell(row, column)
    if text in UNKNOWN_SENTINELS:
        return ""
    decimal = _DECIMAL_WHOLE.fullmatch(text)
    if decimal:
        text = decimal.group(1)
    try:
        value = parse_count(column, text)
    except FieldError as error:
        raise RowRejected(f"{column}: {error.message}") from None
    return "" if value is None else str(value)


def clipped(text: str) -> str:
    """Source text within our field limit, marked where it was cut."""
    if len(text) <= MAX_TEXT_LENGTH:
        return text
    return text[: MAX_TEXT_LENGTH - 1] + "\u2026"


def facts(pairs: Iterable[tuple[str, str]]) -> str:
    """'label: value; ...' for the source fields our record has no column for."""
    return clipped("; ".join(f"{label}: {value}" for label, value in pairs if value))


NO_COORDINATES = "no coordinates given"


def unusable_point(lat: str, lon: str) -> str | None:
    """Why a pair of coordinate cells is not a point on the globe, or None if it is.

    Blank cells, numbers out of range, NaN, infinities and the 0, 0 placeholder
    are not points.
    """
    if not lat and not lon:
        return NO_COORDINATES
    values = []
    for name, text, limit in (("lat", lat, 90), ("lon", lon, 180)):
        shown = text if len(text) <= 30 else text[:30] + "..."
        try:
            value = float(text)
        except ValueError:
            return f"field '{name}': {shown!r} is not a number"
        if not math.isfinite(value):
            return f"field '{name}': {shown!r} is not a finite number"
        if abs(value) > limit:
            return f"field '{name}': {shown} is out of range (-{limit} to {limit})"
        values.append(value)
    if values == [0.0, 0.0]:
        return "fields 'lat', 'lon': 0, 0 is the placeholder for 'unknown'"
    return None


_PLACE_SUFFIX = re.compile(
    r"\s+(town|city|village|district|tehsil|province|division|agency)$", re.IGNORECASE
)


def _far_from_its_town(incident: Row, gazetteer: Gazetteer) -> str | None:
    """Where a row's own point is far from the town its place names, what is
    wrong (the row keeps its point, not the town's identity); the row's notes say
    so too, so its popup does."""
    try:
        lat, lon = float(incident["lat"]), float(incident["lon"])
    except ValueError:
        return None
    found = gazetteer.match(incident["place"], fuzzy=False)
    far = far_from_town(found, lat, lon)
    if far is None:
        return None
    note = f"{incident['place']}: {far}"
    notes = incident.get("notes", "")
    incident["notes"] = clipped(f"{notes}; {note}" if notes else note)
    return note


def _place_if_needed(
    incident: Row,
    names: Sequence[tuple[str, GeoPrecision | None]],
    gazetteer: Gazetteer,
) -> tuple[bool, str | None]:
    """Clear unusable coordinates and place the row by name.

    Returns whether the row was placed by name and, where it gave coordinates that
    could not be used, what was wrong with them and where it was placed instead;
    the row's notes say so too, so its popup does.
    """
    problem = unusable_point(incident["lat"], incident["lon"])
    if problem is None:
        return False, None
    given = problem != NO_COORDINATES
    tried = []
    for name, coarsest in names:
        name = _PLACE_SUFFIX.sub("", name.strip())
        if not name or name in tried:
            continue
        tried.append(name)
        place = gazetteer.get(name)
        if place is None:
            continue
        precision = max(place.precision, coarsest or place.precision)
        incident.update(place=name, lat="", lon="", geo_precision=str(int(precision)))
        if not given:
            return True, None
        note = f"{problem}; placed from the place name {name!r}"
        notes = incident.get("notes", "")
        incident["notes"] = clipped(f"{notes}; {note}" if notes else note)
        return True, note
    known = ", ".join(repr(name) for name in tried) or "none given"
    raise RowRejected(
        f"coordinates: {problem}, and no place name the gazetteer knows ({known})"
    )
