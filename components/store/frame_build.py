"""The incident cache's base file written from the database in bounded memory.

A large import ends by writing the table the page will read, so the page's
first open after it reads a file instead of a million rows through Python. The
table is never whole in memory: the database's rows are read in (date, id) order
a chunk at a time, typed and written to a scratch Parquet file while the values
of each repeated-text column and the revised ids are gathered; a second pass over
that file gives each chunk its sorted categories and ``current`` flags and writes
it as a row group of the base file. The result reads back as the very table
:func:`~components.domain.table.complete_frame` makes of the whole.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine, Select, func, select

from components.domain.table import (
    CATEGORY_COLUMNS,
    TABLE_COLUMNS,
    kept_as_categories,
    typed_frame,
)
from components.store.columnar import base_metadata
from components.store.frame_delta import remove_deltas

logger = logging.getLogger(__name__)

READ_CHUNK = 10_000
"""Rows read from the database at a time: each is a Python object per cell
until typed (50,000 rows took 140 MB)."""
WRITE_CHUNK = 50_000
"""Rows given categories and written as one row group at a time (as columns)."""


class _Values:
    """The distinct values of the repeated-text columns (a column is given up
    once it holds too many to be categories) and the ids records revise."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.distinct: dict[str, set[str] | None] = {c: set() for c in CATEGORY_COLUMNS}
        self.revised: set[str] = set()

    def add(self, chunk: pd.DataFrame) -> None:
        for column, seen in self.distinct.items():
            if seen is not None:
                seen.update(chunk[column].unique().tolist())
                if not kept_as_categories(len(seen), self.size):
                    self.distinct[column] = None
        self.revised.update(r for r in chunk["revises"].unique().tolist() if r)

    def categories(self) -> dict[str, pd.CategoricalDtype]:
        """Each repeated column's type: its sorted values, as ``as_categories``."""
        return {
            column: pd.CategoricalDtype(
                pd.Index(np.asarray(sorted(seen), dtype=object), dtype=str)
            )
            for column, seen in self.distinct.items()
            if seen is not None
        }


def write_base(engine: Engine, query: Select, path: Path, last_save: int) -> int:
    """Write the base file at ``path`` (tagged with ``last_save``) from the
    rows of ``query`` (the current incidents in (date, id) order), a chunk at a
    time. Returns the number of incidents written."""
    with engine.connect() as connection:
        size = connection.execute(
            select(func.count()).select_from(query.subquery())
        ).scalar_one()
    if not size:
        return 0
    values = _Values(size)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".build-") as scratch:
        typed = Path(scratch) / "typed.parquet"
        _write_typed(engine, query, typed, values)
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        _write_complete(typed, partial, values, last_save)
        partial.replace(path)
    remove_deltas(path, last_save)
    logger.info("incident cache: wrote %d incident(s) to %s", size, path)
    return size


def _write_typed(engine: Engine, query: Select, path: Path, values: _Values) -> None:
    writer: pq.ParquetWriter | None = None
    with engine.connect().execution_options(stream_results=True) as connection:
        for chunk in pd.read_sql_query(query, connection, chunksize=READ_CHUNK):
            frame = typed_frame(chunk)
            values.add(frame)
            table = pa.Table.from_pandas(
                frame, preserve_index=False, schema=writer and writer.schema
            )
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="lz4")
            writer.write_table(table)
    if writer is not None:
        writer.close()


def _write_complete(typed: Path, path: Path, values: _Values, last_save: int) -> None:
    categories = values.categories()
    revised = list(values.revised)
    writer: pq.ParquetWriter | None = None
    source = pq.ParquetFile(typed, pre_buffer=False)
    try:
        for batch in source.iter_batches(batch_size=WRITE_CHUNK, use_threads=False):
            frame = pa.Table.from_batches([batch]).to_pandas()
            frame["current"] = ~frame["id"].isin(revised)
            for column, dtype in categories.items():
                frame[column] = frame[column].astype(dtype)
            table = pa.Table.from_pandas(
                frame[TABLE_COLUMNS],
                preserve_index=False,
                schema=writer and writer.schema,
            )
            if writer is None:
                schema = table.schema.with_metadata(
                    {**(table.schema.metadata or {}), **base_metadata(last_save)}
                )
                writer = pq.ParquetWriter(path, schema, compression="lz4")
            writer.write_table(table)
    finally:
        source.close()
    if writer is not None:
        writer.close()
