"""Extend the gazetteer with GeoNames' own country dump, for villages and the rest:
``python -m components.gazetteer import-geonames PK.zip``.

Reads GeoNames' export format (``PK.txt``: 19 tab-separated columns, UTF-8),
zipped as GeoNames serves it or not, one line at a time: the dump is never held in
memory. Keeps populated places (feature class P, but not historical, abandoned or
destroyed ones) as towns at geo precision 1, and administrative areas (ADM1 as
provinces at precision 3, ADM2 as districts and ADM3 as tehsils at precision 2).
Writes ``places.csv`` and ``alternatenames.csv`` into the user directory
(``data/gazetteer/user/`` unless told otherwise), which the default gazetteer loads
after the shipped table; a place the shipped table already has keeps its shipped
record. Malformed lines are reported with their line numbers and skipped.
"""

from __future__ import annotations

import csv
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from components.gazetteer.core import DEFAULT_DIRECTORY, name_key, user_directory
from components.support.commands import CommandParser, fail, path_argument
from components.support.errors import InputFileError
from components.support.files import bounded_lines, check_regular_file, open_regular
from components.support.progress import Progress

GEONAMES_COLUMNS = 19
PLACE_FIELDS = [
    "geonameid",
    "name",
    "kind",
    "lat",
    "lon",
    "country",
    "admin1",
    "district",
    "population",
    "precision",
    "coordinates_source",
    "headquarters",
]
"""``headquarters``: the GeoNames id of a district's or tehsil's headquarters town,
where the curated table gives it (blank for GeoNames' own records)."""
ALTERNATE_FIELDS = ["geonameid", "name", "key"]
"""``key`` is the lookup key of ``name`` (components.gazetteer.name_key)."""
SKIPPED_POPULATED = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
"""Historical, abandoned and destroyed places, and historical capitals."""
ADMIN_KINDS = {"ADM1": ("province", 3), "ADM2": ("district", 2), "ADM3": ("tehsil", 2)}
MAX_REPORTED_ERRORS = 20
_CODE = re.compile(r"^[A-Z]{2,4}$")


def alternate_names(name: str, alternates: Iterable[str]) -> list[tuple[str, str]]:
    """(name, lookup key) of a place's other names: one per key, none that looks
    the same as its own name, and no codes (airport, postal), numbers or URLs."""
    own = name_key(name)[0]
    keys: dict[str, str] = {own: name}
    for other in sorted(set(alternates)):
        if _CODE.match(other) or "http" in other or any(c.isdigit() for c in other):
            continue
        keys.setdefault(name_key(other)[0], other)
    return [(other, key) for key, other in keys.items() if key and key != own]


@dataclass
class ImportResult:
    """What an import kept, skipped and could not read."""

    places: int = 0
    alternates: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0

    def error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(f"line {line}: {message}")


def admin1_names(directory: Path = DEFAULT_DIRECTORY) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name, from the shipped ``admin1.csv``."""
    with (directory / "admin1.csv").open(newline="", encoding="utf-8") as handle:
        return {(r["country"], r["code"]): r["name"] for r in csv.DictReader(handle)}


@contextmanager
def open_dump(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """The dump's text as a binary stream, and its size in bytes; for a zip, the
    member named like the archive (``PK.txt``) or its one .txt that is not a readme."""
    check_regular_file(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            texts = [
                info
                for info in archive.infolist()
                if info.filename.lower().endswith(".txt")
                and "readme" not in info.filename.lower()
            ]
            wanted = [i for i in texts if Path(i.filename).stem == path.stem]
            chosen = wanted or texts
            if len(chosen) != 1:
                names = ", ".join(i.filename for i in texts) or "none"
                raise ValueError(
                    f"expected one GeoNames .txt in the zip; found {names}"
                )
            with archive.open(chosen[0]) as member:
                yield member, chosen[0].file_size
    else:
        with open_regular(path) as (handle, size):
            yield handle, size


def _place(fields: list[str], admin1: dict[tuple[str, str], str]) -> dict | None:
    """The places.csv row of one dump line, or None if it is not kept."""
    feature_class, code = fields[6], fields[7]
    if feature_class == "P" and code not in SKIPPED_POPULATED:
        kind, precision = "town", 1
    elif feature_class == "A" and code in ADMIN_KINDS:
        kind, precision = ADMIN_KINDS[code]
    else:
        return None
    geonameid = int(fields[0])
    lat, lon = float(fields[4]), float(fields[5])
    if geonameid <= 0 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("id or coordinates out of range")
    name = fields[1].strip()
    if not name:
        raise ValueError("the name is empty")
    country = fields[8]
    population = int(fields[14] or 0)
    return {
        "geonameid": geonameid,
        "name": name,
        "kind": kind,
        "lat": lat,
        "lon": lon,
        "country": country,
        "admin1": name if code == "ADM1" else admin1.get((country, fields[10]), ""),
        "district": name if code == "ADM2" else "",
        "population": population or "",
        "precision": precision,
        "coordinates_source": f"GeoNames {country} dump {geonameid}",
    }


def import_geonames(
    path: Path, out_dir: Path, progress: Progress | None = None
) -> ImportResult:
    """Add the places of GeoNames dump ``path`` to the user table in ``out_dir``."""
    admin1 = admin1_names()
    places: dict[int, dict] = {}
    alternates: dict[int, list[tuple[str, str]]] = {}
    if (out_dir / "places.csv").exists():
        places, alternates = _read_user_table(out_dir)
    result = ImportResult()
    with open_dump(path) as (stream, _size_bytes):
        done = number = 0
        for number, raw in bounded_lines(stream, path.name):
            done += len(raw)
            if progress is not None:
                progress.update(done, number)
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
                fields = line.split("\t")
                if len(fields) != GEONAMES_COLUMNS:
                    raise ValueError(
                        f"{len(fields)} columns; GeoNames lines have {GEONAMES_COLUMNS}"
                    )
                place = _place(fields, admin1)
            except (UnicodeDecodeError, ValueError) as error:
                result.error(number, str(error))
                continue
            if place is None:
                result.skipped += 1
                continue
            places[place["geonameid"]] = place
            others = fields[3].split(",") if fields[3] else []
            alternates[place["geonameid"]] = alternate_names(place["name"], others)
        if progress is not None:
            progress.close(done, number)
    _write(out_dir / "places.csv", PLACE_FIELDS, places.values())
    _write(
        out_dir / "alternatenames.csv",
        ALTERNATE_FIELDS,
        (
            {"geonameid": geonameid, "name": name, "key": key}
            for geonameid, names in alternates.items()
            for name, key in names
        ),
    )
    result.places = len(places)
    result.alternates = sum(len(names) for names in alternates.values())
    return result


def _read_user_table(
    directory: Path,
) -> tuple[dict[int, dict], dict[int, list[tuple[str, str]]]]:
    with (directory / "places.csv").open(newline="", encoding="utf-8") as handle:
        places = {int(row["geonameid"]): row for row in csv.DictReader(handle)}
    alternates: dict[int, list[tuple[str, str]]] = {}
    path = directory / "alternatenames.csv"
    if path.exists():
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                alternates.setdefault(int(row["geonameid"]), []).append(
                    (row["name"], row["key"])
                )
    return places, alternates


def _write(path: Path, fields: list[str], rows: Iterable[dict]) -> None:
    """Replace ``path`` atomically: an interrupted import leaves the old table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str]) -> int:
    """``import-geonames FILE [--out DIR]``; exit 1 if any line was malformed."""
    parser = CommandParser(
        prog="python -m components.gazetteer import-geonames",
        description="Add the places of a GeoNames country dump (PK.zip or PK.txt "
        "from https://download.geonames.org/export/dump/) to the gazetteer.",
    )
    parser.add_argument("file", type=path_argument, help="GeoNames dump, .zip or .txt")
    parser.add_argument(
        "--out",
        type=path_argument,
        default=None,
        help="directory of the user table (default: data/gazetteer/user)",
    )
    parser.add_argument(
        "--progress", action="store_true", help="show progress even when not a terminal"
    )
    args = parser.parse_args(argv)
    out_dir = args.out or user_directory()
    try:
        size = _size(args.file)
        progress = Progress(
            f"importing {args.file.name}", size, enabled=args.progress or None
        )
        result = import_geonames(args.file, out_dir, progress)
    except InputFileError as error:
        return fail(error)
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        return fail(f"{args.file}: {error}")
    for message in result.errors:
        print(f"{args.file}: {message}", file=sys.stderr)
    if result.error_count > len(result.errors):
        more = result.error_count - len(result.errors)
        print(f"{args.file}: ... and {more} more malformed line(s)", file=sys.stderr)
    print(
        f"{out_dir}: {result.places:,} places, {result.alternates:,} other names; "
        f"{result.skipped:,} lines of other features skipped, "
        f"{result.error_count:,} malformed",
        file=sys.stderr,
    )
    return 1 if result.error_count else 0


def _size(path: Path) -> int:
    with open_dump(path) as (_, size):
        return size
