"""The saves since the cache's base file, each kept as a small file beside it.

A save's page refresh writes one small Parquet file holding the rows of the
incidents the saves since the last refresh touched (as of the newest of them)
and, in its metadata, the ids they touched (retracted ones have no row). Its
name says which saves it covers: ``…-delta-SINCE-UPTO.parquet``. Opening the
page reads the base and the chain of deltas that starts at the base's save; the
base is rewritten (compacted) once the deltas hold many rows.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from functools import reduce
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from components.domain.table import joined_frame

logger = logging.getLogger(__name__)

DELTA_FORMAT = "1"
"""Changes when a delta file's layout changes, so an old one is not read."""
NAME = re.compile(r"-delta-(\d+)-(\d+)\.parquet$")


@dataclass(frozen=True)
class Delta:
    """The incidents saves ``since`` < save <= ``upto`` touched: their current
    rows (a complete table) and every touched id."""

    since: int
    upto: int
    rows: pd.DataFrame
    touched: tuple[str, ...]


def delta_path(base: Path, since: int, upto: int) -> Path:
    """The file of the delta from save ``since`` to ``upto`` beside ``base``."""
    return base.with_name(f"{base.stem}-delta-{since:012d}-{upto:012d}.parquet")


def delta_files(base: Path) -> dict[Path, tuple[int, int]]:
    """The delta files beside ``base`` and the saves each covers."""
    found = {}
    for path in base.parent.glob(f"{base.stem}-delta-*.parquet"):
        match = NAME.search(path.name)
        if match:
            found[path] = (int(match.group(1)), int(match.group(2)))
    return found


def write_delta(base: Path, delta: Delta) -> None:
    """Keep ``delta`` beside ``base`` (written whole, then renamed into place)."""
    table = pa.Table.from_pandas(delta.rows, preserve_index=False)
    table = table.replace_schema_metadata(
        {
            **(table.schema.metadata or {}),
            b"incident_map_delta_format": DELTA_FORMAT.encode(),
            b"incident_map_touched": json.dumps(list(delta.touched)).encode(),
        }
    )
    path = delta_path(base, delta.since, delta.upto)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    pq.write_table(table, partial, compression="lz4")
    partial.replace(path)


def read_chain(base: Path, since: int) -> list[Delta]:
    """The deltas that carry the base (as of save ``since``) forward, oldest
    first: from each save the one reaching furthest. The chain stops at a file
    that cannot be read (the saves after it are read from the database)."""
    files = delta_files(base)
    chain: list[Delta] = []
    position = since
    while True:
        following = [(upto, path) for path, (s, upto) in files.items() if s == position]
        if not following:
            return chain
        upto, path = max(following)
        delta = _read_delta(path, position, upto)
        if delta is None:
            return chain
        chain.append(delta)
        position = upto


def _read_delta(path: Path, since: int, upto: int) -> Delta | None:
    try:
        table = pq.read_table(path, use_threads=False)
        meta = table.schema.metadata or {}
        if meta.get(b"incident_map_delta_format") != DELTA_FORMAT.encode():
            raise ValueError("an older layout")
        touched = tuple(json.loads(meta[b"incident_map_touched"]))
    except (OSError, pa.ArrowException, ValueError, KeyError) as error:
        logger.warning(
            "the incident cache's delta %s is unreadable (%s); reading the "
            "saves from %d on from the database",
            path,
            error,
            since,
        )
        return None
    return Delta(since, upto, table.to_pandas(), touched)


def merged(chain: list[Delta]) -> Delta:
    """One delta doing what ``chain`` (oldest first, contiguous) does."""
    if len(chain) == 1:
        return chain[0]

    def later(earlier: Delta, delta: Delta) -> Delta:
        rows = delta.rows
        if len(earlier.rows):
            kept = earlier.rows[~earlier.rows["id"].isin(delta.touched)]
            rows = joined_frame(kept, delta.rows) if len(kept) else delta.rows
        touched = tuple(dict.fromkeys((*earlier.touched, *delta.touched)))
        return Delta(earlier.since, delta.upto, rows, touched)

    return reduce(later, chain)


def remove_deltas(base: Path, upto: int) -> None:
    """Delete the delta files ending at or before save ``upto`` (a base of that
    save holds them)."""
    for path, (_, end) in delta_files(base).items():
        if end <= upto:
            path.unlink(missing_ok=True)
