"""Convert incident files between the field's formats and ours.

Command line::

    python -m components.convert IN --from acled|gtd|ucdp|geojson|ours \\
        --to ours|geojson|csv|html [-o OUT] [--rejects FILE] [--encoding cp1252]

``--from ours`` reads a data directory (like ``data/``); ``--to ours`` writes one,
which ``INCIDENT_MAP_DATA_DIR=OUT streamlit run app.py`` shows. The import summary
and a progress count go to stderr; rejected rows, with their reasons, to a CSV file:
``--rejects FILE``, else ``IN.rejects.csv`` beside the output file, or beside the
input when the output is stdout (never the folder the command runs in). Errors are
one line, ``error: ...``, and exit status 2.

``--to ours`` streams: the file is read, checked and written a batch of rows at a
time, rejects spooled to disk, so memory stays flat however large the file (the
way in for a whole ACLED or GTD export). The other targets build the table whole.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from components.domain.briefing import briefing, briefing_title
from components.domain.model import Event
from components.domain.records import Dataset
from components.domain.table import incidents_frame
from components.exports.briefing_sheet import briefing_sheet
from components.exports.files import geojson_bytes, standalone_html, to_csv
from components.formats import ImportResult
from components.formats.ours import CsvStore, check_new_data_directory, write_dataset
from components.formats.reading import read_source, source_batches, streamed_result
from components.formats.writing import DatasetWriter
from components.support.commands import (
    CommandParser,
    error_line,
    fail,
    path_argument,
    text_argument,
)
from components.support.errors import IncidentMapError, InputFileError
from components.support.files import (
    check_output_path,
    write_file,
)
from components.support.logs import configure_logging

SOURCES = ("acled", "gtd", "ucdp", "geojson", "ours")
TARGETS = ("ours", "geojson", "csv", "html", "pdf", "png")


def read_data_directory(path: Path) -> Dataset:
    """A data directory as the dashboard loads it; refused if it is not one."""
    if not path.is_dir():
        raise InputFileError(f"{path}: is not a data directory (like data/)")
    if not (path / "events.csv").is_file():
        raise InputFileError(f"{path}: has no events.csv; is it a data directory?")
    return CsvStore(path).load()


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
    if target in ("pdf", "png"):
        brief = briefing(frame, events)
        return briefing_sheet(
            frame,
            events,
            title=briefing_title(brief, title),
            scope=[title],
            fmt=target,
        )
    return standalone_html(frame, title, events=events)


def main(argv: Sequence[str] | None = None) -> int:
    parser = CommandParser(
        prog="python -m components.convert",
        description="Convert incident files: ACLED, GTD, UCDP GED, GeoJSON, ours.",
    )
    parser.add_argument("input", type=path_argument, help="a file, or a data directory")
    parser.add_argument("--from", dest="source", choices=SOURCES, required=True)
    parser.add_argument("--to", dest="target", choices=TARGETS, required=True)
    parser.add_argument(
        "-o",
        "--output",
        type=path_argument,
        help="file (default: stdout) or, --to ours, a new directory",
    )
    parser.add_argument(
        "--rejects",
        type=path_argument,
        help="CSV of rejected rows (default: IN.rejects.csv beside the output, "
        "or beside the input when the output is stdout)",
    )
    parser.add_argument(
        "--encoding",
        type=text_argument,
        default="utf-8",
        help="of a CSV input, e.g. cp1252 (default utf-8)",
    )
    try:
        args = parser.parse_args(argv)
        if args.target == "ours" and args.output is None:
            parser.error("--to ours writes a data directory: give it with -o DIR")
        if args.source == "ours" and args.target == "ours":
            parser.error("--from ours --to ours: copy the directory instead")
    except SystemExit as done:  # --help, or an argument error already printed
        return int(done.code or 0)
    configure_logging()
    try:
        return _convert(args)
    except (IncidentMapError, OSError) as error:
        return fail(error)


def _convert(args: argparse.Namespace) -> int:
    if args.target == "ours":
        check_new_data_directory(args.output)
        if args.source != "ours":
            return _stream_to_ours(args)
    elif args.output is not None:
        check_output_path(args.output)
    if args.source == "ours":
        result = None
        dataset = read_data_directory(args.input)
    else:
        result = read_source(args.input, args.source, args.encoding)
        dataset = load_result(result)
    for problem in dataset.problems:
        print(f"problem: {error_line(problem)}", file=sys.stderr)
    if result is not None:
        _report(result, args)

    if args.target == "ours":
        assert result is not None
        write_dataset(args.output, result.events, result.incidents, args.input.stem)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0

    frame = incidents_frame(dataset.incidents)
    title = f"Incidents from {args.input.name}"
    data = write_output(frame, dataset.events, args.target, title)
    if args.output:
        write_file(args.output, data)
        print(f"wrote {len(frame):,} incidents to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _stream_to_ours(args: argparse.Namespace) -> int:
    """A field format into a new data directory, a batch at a time: memory does
    not grow with the file (every row is checked as the loader checks it)."""
    result = streamed_result(args.input, args.source)
    try:
        with DatasetWriter(args.output, args.input.stem) as writer:
            for batch in source_batches(args.input, args.source, result, args.encoding):
                writer.add(batch)
            writer.finish(result.events)
        _report(result, args)
    finally:
        result.close()
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _report(result: ImportResult, args: argparse.Namespace) -> None:
    print(result.summary(), file=sys.stderr)
    for count, example in result.reject_reasons():
        print(f"  {count:,} rejected, e.g. {example}", file=sys.stderr)
    for warning in result.warnings[:20]:
        print(f"  warning: {warning}", file=sys.stderr)
    if result.warned > 20:
        print(f"  and {result.warned - 20:,} more warnings", file=sys.stderr)
    if result.rejected:
        beside = args.output.parent if args.output else args.input.parent
        path = args.rejects or beside / f"{args.input.stem}.rejects.csv"
        write_file(path, result.rejects_csv_chunks())
        print(f"rejected rows and reasons: {path}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
