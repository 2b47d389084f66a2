"""Reading one file of a field format from disk, with a progress count on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from components.formats import (
    BATCH,
    ImportResult,
    Row,
    csv_batches,
    formats,
    import_csv,
)
from components.formats.geojson import MAX_BYTES as MAX_GEOJSON_BYTES
from components.formats.geojson import read_geojson
from components.support.files import open_regular, read_capped


def read_source(path: Path, source: str, encoding: str = "utf-8") -> ImportResult:
    """Import one file of a field format (acled, gtd, ucdp, geojson), keeping
    every imported row in the result.

    CSV files are streamed a line at a time; GeoJSON is read whole, so it is
    refused above a size cap before it is read.
    """
    if source == "geojson":
        data = read_capped(path, MAX_GEOJSON_BYTES, "GeoJSON file")
        return read_geojson(data, path.name, progress=_progress)
    with open_regular(path) as (handle, size):
        return import_csv(
            handle,
            formats()[source],
            path.name,
            encoding=encoding,
            progress=_progress,
            size=size,
        )


def streamed_result(path: Path, source: str) -> ImportResult:
    """A result for :func:`source_batches` of ``path`` in format ``source``."""
    return ImportResult.streamed(formats()[source].NAME, path.name)


def source_batches(
    path: Path, source: str, result: ImportResult, encoding: str = "utf-8"
) -> Iterator[list[Row]]:
    """The imported rows of one file of a field format, :data:`BATCH` at a
    time, read as they are needed: memory does not grow with the file (make
    ``result`` with :meth:`ImportResult.streamed` to keep rejects on disk)."""
    if source == "geojson":
        from components.formats.geojson import geojson_batches

        with open_regular(path) as (handle, size):
            yield from geojson_batches(
                handle, result, progress=_progress, size=size, batch=BATCH
            )
        return
    with open_regular(path) as (handle, size):
        yield from csv_batches(
            handle,
            formats()[source],
            result,
            encoding=encoding,
            progress=_progress,
            size=size,
            batch=BATCH,
        )


def _progress(rows: int, share: float) -> None:
    if sys.stderr.isatty():
        end = "\n" if share >= 1.0 else ""
        text = f"\r{share:4.0%} {rows:,} rows"
        print(text, end=end, file=sys.stderr, flush=True)
