"""Incidents as GeoJSON (RFC 7946), both ways.

One Point feature per incident, in longitude, latitude order, whose properties carry
every field of the incident table (the coordinates are the geometry). The events
the incidents belong to ride along as a foreign member ``events`` (RFC 7946, 6.1),
so reading the file back restores the data set: ours -> GeoJSON -> ours loses
nothing.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import BinaryIO

import ijson
import pandas as pd

from components.domain.model import TABLE_COLUMNS, Event
from components.domain.records import INCIDENT_COLUMNS, event_row
from components.formats import (
    BATCH,
    ImportResult,
    Mapped,
    Progress,
    Row,
    SourceRow,
    import_batches,
)
from components.gazetteer import Gazetteer
from components.support.errors import ImportFormatError, RowRejected

NAME = "GeoJSON"
REQUIRED_COLUMNS: tuple[str, ...] = ()
"""Not a CSV format: detected by its file name, not a header."""

PROPERTY_COLUMNS = [c for c in TABLE_COLUMNS if c not in ("lat", "lon")]
MAX_BYTES = 500 * 1024 * 1024


def to_geojson(frame: pd.DataFrame, events: Mapping[str, Event]) -> dict:
    """A FeatureCollection of ``frame``'s incidents and the events they belong to."""
    columns = [_json_values(frame[column]) for column in PROPERTY_COLUMNS]
    rows = zip(*columns, strict=True)
    records = (dict(zip(PROPERTY_COLUMNS, row, strict=True)) for row in rows)
    points = zip(frame["lon"].tolist(), frame["lat"].tolist(), strict=True)
    features = [
        {
            "type": "Feature",
            "id": properties["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties,
        }
        for properties, (lon, lat) in zip(records, points, strict=True)
    ]
    used = set(frame["event_id"])
    return {
        "type": "FeatureCollection",
        "features": features,
        "events": [event_row(e) for key, e in events.items() if key in used],
    }


def dumps(collection: dict) -> bytes:
    return json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _json_values(column: pd.Series) -> list[object]:
    """A column as JSON values: dates as ISO text, unknown counts as null."""
    if pd.api.types.is_datetime64_any_dtype(column):
        text = column.dt.strftime("%Y-%m-%d")
        return [None if pd.isna(v) else v for v in text.tolist()]
    return [None if _missing(v) else v for v in column.astype(object).tolist()]


def _missing(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or (isinstance(value, float) and math.isnan(value))
    )


def convert(feature: Mapping[str, object], source_name: str) -> Mapped:
    """One feature -> one incident row."""
    properties = feature.get("properties")
    geometry = feature.get("geometry")
    if not isinstance(properties, Mapping):
        raise RowRejected("properties: missing; every feature must carry its fields")
    if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
        raise RowRejected("geometry: not a Point; incidents are points")
    coordinates = geometry.get("coordinates")
    if not (isinstance(coordinates, list) and len(coordinates) in (2, 3)):
        raise RowRejected("geometry: coordinates must be [longitude, latitude]")
    row = {column: _cell(properties.get(column)) for column in INCIDENT_COLUMNS}
    row["place"] = _cell(properties.get("place_reported") or properties.get("place"))
    row["lon"], row["lat"] = (_cell(value) for value in coordinates[:2])
    return Mapped(row, place_names=[(row["place"], None)])


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise RowRejected(f"a field holds {value!r}, which is not text or a number")
    if isinstance(value, (str, int, float)):
        return str(value)
    raise RowRejected(f"a field holds a {type(value).__name__}, not text or a number")


MAX_DEPTH = 64
"""Nesting a feature or an ``events`` entry may have (a Point feature needs 4)."""


def read_geojson(
    data: bytes,
    source_name: str,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a FeatureCollection written by :func:`to_geojson` (or like it),
    keeping every imported row in the result."""
    if len(data) > MAX_BYTES:
        raise ImportFormatError(f"{source_name} is over {MAX_BYTES // 2**20} MB")
    result = ImportResult(NAME, source_name)
    for batch in geojson_batches(
        io.BytesIO(data), result, gazetteer, progress, size=len(data)
    ):
        result.incidents.extend(batch)
    return result


def geojson_batches(
    stream: BinaryIO,
    result: ImportResult,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
    size: int | None = None,
    batch: int = BATCH,
) -> Iterator[list[Row]]:
    """The imported rows of a FeatureCollection, ``batch`` at a time, parsed as
    a stream (ijson): one feature is held at a time, whatever the file's size.
    The ``events`` member, wherever it is in the file, is added to
    ``result.events`` (those the imported rows name) once the rows are through."""
    source_name = result.source_name
    reader = _Collection(stream, source_name)

    def rows() -> Iterable[SourceRow]:
        for number, feature in enumerate(reader.features(), start=1):
            if not isinstance(feature, dict):
                yield number, number, {}, "is not a GeoJSON feature"
            else:
                yield number, number, feature, None

    def done() -> float:
        return min(stream.tell() / size, 1.0) if size else 0.0

    this = sys.modules[__name__]
    yield from import_batches(rows(), this, result, gazetteer, done, progress, batch)
    reader.finish()
    result.events.extend(
        {k: _cell(v) for k, v in event.items()}
        for event in reader.events
        if isinstance(event, dict) and event.get("id") in result.event_ids
    )


class _TooDeepError(Exception):
    pass


class _Collection:
    """The parts of a FeatureCollection as its parser's events come."""

    def __init__(self, stream: BinaryIO, source_name: str) -> None:
        self.source_name = source_name
        self._events = self._parse(stream)
        self.kind: object = None
        self.events: list[object] = []
        self._features = False

    def _refuse(self, why: str) -> ImportFormatError:
        return ImportFormatError(f"{self.source_name} {why}")

    def _parse(self, stream: BinaryIO) -> Iterator[tuple[str, object]]:
        head = stream.read(3)
        source = stream if head == codecs.BOM_UTF8 else _Prefixed(head, stream)
        try:
            # Numbers as Python's json reads them: whole numbers of any size as
            # int, the rest as float (1e400 is inf, which a check then refuses).
            for event, value in ijson.basic_parse(source):
                yield event, float(value) if isinstance(value, Decimal) else value
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise self._refuse(f"is not GeoJSON: {first or 'not valid JSON'}") from None

    def features(self) -> Iterator[object]:
        """Each member of ``features``; the other members read as they come."""
        first = next(self._events, None)
        if first is None or first[0] != "start_map":
            if first is not None:
                self._skip(first)  # too deep to read says so first
            raise self._refuse("is not a GeoJSON FeatureCollection")
        for event, key in self._events:
            if event == "end_map":
                break
            start = next(self._events)
            if key == "features":
                if start[0] != "start_array":
                    raise self._refuse(": 'features' is not a list")
                if self.kind is not None:
                    self._check_kind()
                self._features = True
                for item in self._events:
                    if item[0] == "end_array":
                        break
                    yield self._value(item, 3)
            elif key == "events":
                events = self._value(start, 2)
                self.events = events if isinstance(events, list) else []
            elif key == "type":
                self.kind = self._value(start, 2)
                self._check_kind()
            else:
                self._value(start, 2)
        for _ in self._events:  # trailing text is refused by the parser
            pass
        self._check_kind()
        if not self._features:
            raise self._refuse(": 'features' is not a list")

    def finish(self) -> None:
        """Every member read (:meth:`features` ran to its end)."""
        self._check_kind()

    def _check_kind(self) -> None:
        if self.kind != "FeatureCollection":
            raise self._refuse("is not a GeoJSON FeatureCollection")

    def _value(self, first: tuple[str, object], depth: int) -> object:
        try:
            return self._build(first, depth)
        except _TooDeepError:
            raise self._refuse("is not GeoJSON: nested too deeply to read") from None

    def _skip(self, first: tuple[str, object]) -> None:
        """Read past a value without keeping it; refused if nested too deeply."""
        depth = 0
        event = first[0]
        while True:
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > MAX_DEPTH:
                    raise self._refuse("is not GeoJSON: nested too deeply to read")
            elif event in ("end_map", "end_array"):
                depth -= 1
            if depth == 0:
                return
            event = next(self._events)[0]

    def _build(self, first: tuple[str, object], depth: int) -> object:
        event, value = first
        if event not in ("start_map", "start_array"):
            return value
        if depth > MAX_DEPTH:
            raise _TooDeepError
        if event == "start_array":
            items: list[object] = []
            for item in self._events:
                if item[0] == "end_array":
                    return items
                items.append(self._build(item, depth + 1))
            return items
        members: dict[str, object] = {}
        for item in self._events:
            if item[0] == "end_map":
                return members
            members[str(item[1])] = self._build(next(self._events), depth + 1)
        return members


class _Prefixed:
    """A binary stream with a few bytes already read put back in front."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head and size != 0:
            head, self._head = self._head, b""
            if size < 0:
                return head + self._stream.read()
            return head + self._stream.read(max(size - len(head), 0))
        return self._stream.read(size)
