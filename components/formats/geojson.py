"""Incidents as GeoJSON (RFC 7946), both ways.

One Point feature per incident, in longitude, latitude order, whose properties carry
every field of the incident table (the coordinates are the geometry). The events
the incidents belong to ride along as a foreign member ``events`` (RFC 7946, 6.1),
so reading the file back restores the data set: ours -> GeoJSON -> ours loses
nothing.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping

import pandas as pd

from components.domain.model import TABLE_COLUMNS, Event
from components.domain.records import INCIDENT_COLUMNS, event_row
from components.formats import ImportResult, Mapped, Progress, SourceRow, import_rows
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


def read_geojson(
    data: bytes,
    source_name: str,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a FeatureCollection written by :func:`to_geojson` (or like it)."""
    if len(data) > MAX_BYTES:
        raise ImportFormatError(f"{source_name} is over {MAX_BYTES // 2**20} MB")
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFormatError(f"{source_name} is not GeoJSON: {error}") from None
    except RecursionError:
        raise ImportFormatError(
            f"{source_name} is not GeoJSON: nested too deeply to read"
        ) from None
    kind = collection.get("type") if isinstance(collection, dict) else None
    if kind != "FeatureCollection":
        raise ImportFormatError(f"{source_name} is not a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list):
        raise ImportFormatError(f"{source_name}: 'features' is not a list")

    position = 0

    def rows() -> Iterable[SourceRow]:
        nonlocal position
        for number, feature in enumerate(features, start=1):
            position = number
            if not isinstance(feature, dict):
                yield number, number, {}, "is not a GeoJSON feature"
            else:
                yield number, number, feature, None

    this = sys.modules[__name__]

    def done() -> float:
        return position / len(features) if features else 1.0

    result = import_rows(rows(), this, source_name, gazetteer, done, progress)
    events = collection.get("events") or []
    used = {row["event_id"] for row in result.incidents}
    result.events.extend(
        {k: _cell(v) for k, v in event.items()}
        for event in events
        if isinstance(event, dict) and event.get("id") in used
    )
    return result
