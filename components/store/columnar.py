"""The current incidents as columns, read once and kept up to date save by save.

Reading every incident through Python row objects costs about a second and
hundreds of MB at 100,000 incidents, so the table the page shows is kept as a
Parquet file beside the database, tagged with the last save it includes. Opening
the page reads that file; after new saves only the incidents they touched are read
from the database and put in place. With no file yet, the whole table is read once:
from PostgreSQL as Arrow columns (ADBC, the Apache Arrow project's database
drivers, in PostgreSQL's binary COPY format), from SQLite in chunks through the
one SQLite library the process already uses (two SQLite libraries in one process
can break each other's locks).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine, Select
from sqlalchemy.engine import URL

from components.domain.table import joined_frame

logger = logging.getLogger(__name__)

# The page reads one large table now and then; the system allocator gives the
# memory of the previous one back, where Arrow's default pool keeps it.
pa.set_memory_pool(pa.system_memory_pool())

CACHE_DIR_VARIABLE = "INCIDENT_MAP_CACHE_DIR"
FORMAT = "3"
"""Changes when the cached columns change, so an old file is not read."""
CHUNK = 50_000


def read_frame(engine: Engine, query: Select) -> pd.DataFrame:
    """The whole result of ``query`` as a DataFrame, without a Python object per
    row where the database allows."""
    url = engine.url
    if url.get_backend_name() == "postgresql":
        return _postgres_arrow(engine, url, query).to_pandas()
    with engine.connect() as connection:
        chunks = [
            pa.Table.from_pandas(chunk, preserve_index=False)
            for chunk in pd.read_sql_query(query, connection, chunksize=CHUNK)
        ]
    if not chunks:
        return pd.DataFrame(columns=[c.name for c in query.selected_columns])
    return pa.concat_tables(chunks, promote_options="permissive").to_pandas()


def _postgres_arrow(engine: Engine, url: URL, query: Select) -> pa.Table:
    import adbc_driver_postgresql.dbapi as postgresql

    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    sql = str(
        query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
    )
    with postgresql.connect(libpq) as connection, connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetch_arrow_table()


class FrameCache:
    """A Parquet file of the dashboard's incident table (complete: labels, which
    records are current, repeated text as categories), tagged with its last save,
    so opening the page only reads it."""

    def __init__(self, directory: Path | None, url: str) -> None:
        key = hashlib.sha256(url.encode()).hexdigest()[:16]
        self.path = directory / f"incidents-{key}.parquet" if directory else None
        self._held: tuple[pd.DataFrame, int | None] | None = None
        """The last table this process made, so a save reads only its rows."""

    def beside(self, name: str) -> Path | None:
        """A file of this database's in the cache's folder (None without one)."""
        return self.path.with_name(f"{self.path.stem}-{name}") if self.path else None

    def load(
        self,
        last_save: int | None,
        read_all: Callable[[], pd.DataFrame],
        read_changed: Callable[[int], tuple[pd.DataFrame, list[str]]],
    ) -> pd.DataFrame:
        """The table as of ``last_save``: from the file, brought up to date with
        ``read_changed(since)`` (current rows, touched ids), else read whole with
        ``read_all()``; the file is rewritten when it was behind."""
        cached, since = self._held or self._read()
        if cached is not None and since == last_save:
            self._held = (cached, since)
            return cached.copy(deep=False)  # a caller's change stays its own
        if cached is not None and since is not None and last_save is not None:
            rows, touched = read_changed(since)
            kept = cached[~cached["id"].isin(touched)]
            frame = joined_frame(kept, rows)
            logger.info(
                "incident table: %d record(s) changed since save %d",
                len(touched),
                since,
            )
        else:
            frame = read_all()
            logger.info("incident table: read %d incident(s) whole", len(frame))
        self._write(frame, last_save)
        self._held = (frame, last_save)
        return frame.copy(deep=False)

    def _read(self) -> tuple[pd.DataFrame | None, int | None]:
        if self.path is None or not self.path.exists():
            return None, None
        try:
            table = pq.read_table(
                self.path, use_threads=False, pre_buffer=False, memory_map=True
            )
        except (OSError, pa.ArrowException) as error:
            logger.warning(
                "the incident cache %s is unreadable (%s); reading the database",
                self.path,
                error,
            )
            return None, None
        meta = table.schema.metadata or {}
        if meta.get(b"incident_map_format") != FORMAT.encode():
            return None, None
        since = meta.get(b"incident_map_last_save", b"")
        return table.to_pandas(), int(since) if since else None

    def _write(self, frame: pd.DataFrame, last_save: int | None) -> None:
        if self.path is None or last_save is None:
            return
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            table = table.replace_schema_metadata(
                {
                    **(table.schema.metadata or {}),
                    b"incident_map_format": FORMAT.encode(),
                    b"incident_map_last_save": str(last_save).encode(),
                }
            )
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
            # LZ4 reads about four times faster than the default Snappy here.
            pq.write_table(table, partial, compression="lz4")
            partial.replace(self.path)
        except (OSError, pa.ArrowException) as error:
            logger.warning("cannot keep the incident cache in %s: %s", self.path, error)


def cache_directory(data_dir: Path | None) -> Path | None:
    """Where the cache file lives: ``INCIDENT_MAP_CACHE_DIR``, else the data
    directory's ``user/cache``."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    return data_dir / "user" / "cache" if data_dir else None
