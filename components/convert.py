"""Convert incident files between the field's formats and ours.

Command line::

    python -m components.convert IN --from acled|gtd|ucdp|geojson|ours \\
        --to ours|geojson|csv|html [-o OUT] [--rejects FILE] [--encoding cp1252]

``--from ours`` reads a data directory (like ``data/``); ``--to ours`` writes one,
which ``INCIDENT_MAP_DATA_DIR=OUT streamlit run app.py`` shows. The import summary
and a progress count go to stderr; rejected rows, with their reasons, to a CSV file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from components.data import CsvStore, Dataset, incidents_frame, write_dataset
from components.export import geojson_bytes, standalone_html, to_csv
from components.formats import ImportFormatError, ImportResult, formats, import_csv
from components.formats.geojson import read_geojson
from components.model import Event

SOURCES = ("acled", "gtd", "ucdp", "geojson", "ours")
TARGETS = ("ours", "geojson", "csv", "html")


def read_source(path: Path, source: str, encoding: str = "utf-8") -> ImportResult:
    """Import one file of a field format, with a progress count on stderr."""
    data = path.read_bytes()
    if source == "geojson":
        return read_geojson(data, path.name, progress=_progress)
    return import_csv(
        data, formats()[source], path.name, encoding=encoding, progress=_progress
    )


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done >= total else ""
        print(f"\r{done:,} of {total:,} rows", end=end, file=sys.stderr, flush=True)


def load_result(result: ImportResult) -> Dataset:
    """The imported rows, loaded as the dashboard loads them."""
    with tempfile.TemporaryDirectory() as directory:
        write_dataset(Path(directory), result.events, result.incidents, "import")
        return CsvStore(Path(directory)).load()


def write_output(
    frame: pd.DataFrame, events: dict[str, Event], target: str, title: str
) -> bytes:
    if target == "csv":
        return to_csv(frame)
    if target == "geojson":
        return geojson_bytes(frame, events)
    return standalone_html(frame, title)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.convert",
        description="Convert incident files: ACLED, GTD, UCDP GED, GeoJSON, ours.",
    )
    parser.add_argument("input", type=Path, help="a file, or a data directory")
    parser.add_argument("--from", dest="source", choices=SOURCES, required=True)
    parser.add_argument("--to", dest="target", choices=TARGETS, required=True)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file (default: stdout) or, --to ours, a new directory",
    )
    parser.add_argument("--rejects", type=Path, help="CSV of rejected rows")
    parser.add_argument(
        "--encoding",
        default="utf-8",
        help="of a CSV input, e.g. cp1252 (default utf-8)",
    )
    args = parser.parse_args(argv)
    if args.target == "ours" and args.output is None:
        parser.error("--to ours writes a data directory: give it with -o DIR")

    try:
        if args.source == "ours":
            result = None
            dataset = CsvStore(args.input).load()
        else:
            result = read_source(args.input, args.source, args.encoding)
            dataset = load_result(result)
    except (ImportFormatError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in dataset.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if result is not None:
        _report(result, args)

    if args.target == "ours":
        if result is None:
            parser.error("--from ours --to ours: copy the directory instead")
        try:
            write_dataset(args.output, result.events, result.incidents, args.input.stem)
        except FileExistsError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"wrote {args.output}", file=sys.stderr)
        return 0

    frame = incidents_frame(dataset.incidents)
    title = f"Incidents from {args.input.name}"
    data = write_output(frame, dataset.events, args.target, title)
    if args.output:
        args.output.write_bytes(data)
        print(f"wrote {len(frame):,} incidents to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _report(result: ImportResult, args: argparse.Namespace) -> None:
    print(result.summary(), file=sys.stderr)
    for count, example in result.reject_reasons():
        print(f"  {count:,} rejected, e.g. {example}", file=sys.stderr)
    if result.rejects:
        beside = args.output.parent if args.output else Path()
        path = args.rejects or beside / f"{args.input.stem}.rejects.csv"
        path.write_bytes(result.rejects_csv())
        print(f"rejected rows and reasons: {path}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
