"""Reading one file of a field format from disk, with a progress count on stderr."""

from __future__ import annotations

import sys
from pathlib import Path

from components.formats import ImportResult, formats, import_csv
from components.formats.geojson import MAX_BYTES as MAX_GEOJSON_BYTES
from components.formats.geojson import read_geojson
from components.support.files import open_regular, read_capped


def read_source(path: Path, source: str, encoding: str = "utf-8") -> ImportResult:
    """Import one file of a field format (acled, gtd, ucdp, geojson).

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


def _progress(rows: int, share: float) -> None:
    if sys.stderr.isatty():
        end = "\n" if share >= 1.0 else ""
        text = f"\r{share:4.0%} {rows:,} rows"
        print(text, end=end, file=sys.stderr, flush=True)
