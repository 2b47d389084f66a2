"""Geocode a column of a CSV file for analysts: ``python -m components.gazetteer
--csv FILE --column NAME > out.csv``.

Rows are streamed: the file is never held in memory. Each row comes out with its
cells unchanged (line breaks inside a cell written as LF) and six columns added:
lat, lon, geo_precision, match (exact / alias / fuzzy / online / miss),
matched_name and geonameid. A row whose place is
not found is kept, with ``match`` = miss and the other added cells blank. A
progress bar shows on stderr when it is a terminal; a summary follows it.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from components.domain.places import Match
from components.gazetteer.resolve import resolver
from components.support.commands import (
    CommandParser,
    fail,
    path_argument,
    text_argument,
)
from components.support.errors import BatchError, InputFileError
from components.support.files import bounded_lines, open_regular
from components.support.progress import Progress
from components.support.text import newlines_as_lf, spreadsheet_cell

ADDED_COLUMNS = ["lat", "lon", "geo_precision", "match", "matched_name", "geonameid"]
MEMO_SIZE = 100_000
"""Answers remembered per run: analysts' files name the same places again and again."""


def added_cells(found: Match) -> list[object]:
    """The six added cells for one answer; blank but ``match`` for a miss."""
    place = found.place
    if place is None:
        return ["", "", "", "miss", "", ""]
    precision = found.precision or place.precision
    return [
        place.lat,
        place.lon,
        int(precision),
        found.kind,
        spreadsheet_cell(place.name),
        place.geonames_id or "",
    ]


def _lines(source: BinaryIO) -> Iterator[str]:
    """The file's lines as text; a line that is not UTF-8 or is endless stops with
    its number."""
    for number, raw in bounded_lines(source, "the file"):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BatchError(
                f"line {number} is not UTF-8 text (byte {error.start + 1} of the line)"
            ) from error
        yield line.removeprefix("\ufeff") if number == 1 else line


@dataclass(frozen=True)
class BatchResult:
    """How many rows matched each way, and the online geocoder's warnings."""

    counts: Counter[str]
    warnings: list[str]


def geocode_csv(
    source: BinaryIO,
    out: TextIO,
    column: str,
    resolve: Callable[[str], Match],
    progress: Progress | None = None,
) -> BatchResult:
    """Copy CSV ``source`` to ``out`` with the added columns."""
    reader = csv.reader(_lines(source))
    try:
        header = next(reader)
    except StopIteration:
        raise BatchError("the file is empty; expected a header row") from None
    except (csv.Error, InputFileError) as error:
        raise BatchError(f"the header row cannot be read: {error}") from error
    if column not in header:
        raise BatchError(f"no column {column!r}; the columns are: {', '.join(header)}")
    clash = [name for name in ADDED_COLUMNS if name in header]
    if clash:
        raise BatchError(
            f"the file already has column(s) {', '.join(clash)}; rename them first"
        )
    at = header.index(column)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([newlines_as_lf(name) for name in [*header, *ADDED_COLUMNS]])
    memo: dict[str, Match] = {}
    counts: Counter[str] = Counter()
    warnings: list[str] = []
    rows = 0
    try:
        for row in reader:
            rows += 1
            name = row[at] if at < len(row) else ""
            found = memo.get(name)
            if found is None:
                found = resolve(name)
                if len(memo) < MEMO_SIZE:
                    memo[name] = found
            counts[(found.place and found.kind) or "miss"] += 1
            if found.warning and found.warning not in warnings:
                warnings.append(found.warning)
            # A lone CR would end the row for the next reader: line breaks as LF.
            padded = [newlines_as_lf(cell) for cell in row]
            padded += [""] * (len(header) - len(row))
            writer.writerow([*padded, *added_cells(found)])
            if progress is not None:
                progress.update(source.tell(), rows)
    except (csv.Error, InputFileError) as error:
        raise BatchError(f"row {rows + 1} cannot be read: {error}") from error
    finally:
        if progress is not None:
            progress.close(source.tell(), rows)
    return BatchResult(counts, warnings)


def main(argv: Sequence[str]) -> int:
    """``--csv FILE --column NAME``: geocoded CSV on stdout, summary on stderr."""
    parser = CommandParser(
        prog="python -m components.gazetteer --csv",
        description="Geocode one column of a CSV file; the result goes to stdout.",
    )
    parser.add_argument("--csv", type=path_argument, required=True, metavar="FILE")
    parser.add_argument("--column", type=text_argument, required=True, metavar="NAME")
    parser.add_argument(
        "--exact", action="store_true", help="exact and alias matches only, no fuzzy"
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never ask the online geocoder, even where it is configured",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show the progress bar even when stderr is not a terminal",
    )
    args = parser.parse_args(argv)

    resolve = resolver(fuzzy=not args.exact, offline=args.offline)
    try:
        with open_regular(args.csv) as (source, total):
            progress = Progress(
                f"geocoding {args.csv.name}", total, enabled=args.progress or None
            )
            result = geocode_csv(source, sys.stdout, args.column, resolve, progress)
    except InputFileError as error:
        return fail(error)
    except (OSError, BatchError) as error:
        return fail(f"{args.csv}: {error}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    counts = result.counts
    summary = ", ".join(f"{counts[kind]:,} {kind}" for kind in sorted(counts))
    print(f"{sum(counts.values()):,} rows: {summary or 'none'}", file=sys.stderr)
    return 0
