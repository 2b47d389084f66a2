"""The current incidents as columns, read once and kept up to date save by save.

Reading every incident through Python row objects costs about a second and
hundreds of MB at 100,000 incidents, so the table the page shows is kept as a
Parquet file beside the database, tagged with the last save it includes. Opening
the page reads that file; after new saves only the incidents they touched are read
from the database and put in place, and kept as a small delta file
(:mod:`components.store.frame_delta`); the base file is rewritten in the
background once the deltas hold many rows or are many files. With no file yet,
the whole table is read once (or written by ``store import`` as it ends,
:mod:`components.store.frame_build`):
from PostgreSQL as Arrow columns (ADBC, the Apache Arrow project's database
drivers, in PostgreSQL's binary COPY format), from SQLite in chunks through the
one SQLite library the process already uses (two SQLite libraries in one process
can break each other's locks).
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine, Select
from sqlalchemy.engine import URL

from components.domain.splice import MASKED, nothing, spliced_frame
from components.store.frame_delta import (
    Delta,
    delta_files,
    merged,
    read_chain,
    remove_deltas,
    write_delta,
)

logger = logging.getLogger(__name__)

# The page reads one large table now and then; the system allocator gives the
# memory of the previous one back, where Arrow's default pool keeps it (glibc's
# only when asked: give_back_memory).
pa.set_memory_pool(pa.system_memory_pool())

CACHE_DIR_VARIABLE = "INCIDENT_MAP_CACHE_DIR"
FORMAT = "3"
"""Changes when the cached columns change, so an old file is not read."""
CHUNK = 50_000
COMPACT_AT_LEAST = 1_000
COMPACT_AT_MOST = 50_000
DELTA_FILES_AT_MOST = 16
"""More delta files than this are folded into the base: each costs the page's
open a file read and a join (about 30 ms at 1,000,000 incidents)."""


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
    and small delta files of the saves since (:mod:`.frame_delta`), so opening
    the page only reads them and a save writes only its rows."""

    def __init__(self, directory: Path | None, url: str) -> None:
        key = hashlib.sha256(url.encode()).hexdigest()[:16]
        self.path = directory / f"incidents-{key}.parquet" if directory else None
        self._held: tuple[pd.DataFrame, int | None] | None = None
        """The last table this process made, so a save reads only its rows."""
        self._on_disk: tuple[int, int] | None = None
        """(the save the files reach, the rows their deltas hold): where a new
        delta starts, and when the base is due to be rewritten."""
        self._lock = threading.Lock()
        self._compacting = threading.Lock()

    def beside(self, name: str) -> Path | None:
        """A file of this database's in the cache's folder (None without one)."""
        return self.path.with_name(f"{self.path.stem}-{name}") if self.path else None

    def load(
        self,
        last_save: int | None,
        read_all: Callable[[], pd.DataFrame],
        read_changed: Callable[[int], tuple[pd.DataFrame, list[str]]],
    ) -> pd.DataFrame:
        """The table as of ``last_save``: from the files, brought up to date with
        ``read_changed(since)`` (current rows, touched ids), else read whole with
        ``read_all()``; the saves it was behind are kept as a delta file."""
        with self._lock:
            frame = self._load(last_save, read_all, read_changed)
        return frame.copy(deep=False)  # a caller's change stays its own

    def _load(
        self,
        last_save: int | None,
        read_all: Callable[[], pd.DataFrame],
        read_changed: Callable[[int], tuple[pd.DataFrame, list[str]]],
    ) -> pd.DataFrame:
        if self._held is not None and self._newer_on_disk(self._held[1], last_save):
            self._held = None  # another process (an import) wrote a later base
        cached, since = self._held or self._read()
        if cached is not None and since == last_save:
            self._held = (cached, since)
            return cached
        if cached is not None and None not in (since, last_save) and since < last_save:
            rows, touched = read_changed(since)
            with small_pages():
                frame = spliced_frame(cached, rows, touched)
            logger.info(
                "incident table: %d record(s) changed since save %d",
                len(touched),
                since,
            )
            self._held = (frame, last_save)
            self._keep_delta(Delta(since, last_save, rows, tuple(touched)), frame)
            return frame
        frame = read_all()
        logger.info("incident table: read %d incident(s) whole", len(frame))
        self._held = (frame, last_save)
        self._rewrite(frame, last_save)
        return frame

    def _newer_on_disk(self, since: int | None, last_save: int | None) -> bool:
        """Whether the base file on disk is later than the held table (which
        is behind ``last_save``): its tags only are read."""
        if self.path is None or since is None or since == last_save:
            return False
        try:
            meta = pq.read_schema(self.path).metadata or {}
        except (OSError, pa.ArrowException):
            return False
        if meta.get(b"incident_map_format") != FORMAT.encode():
            return False
        written = meta.get(b"incident_map_last_save", b"")
        return bool(written) and since < int(written) <= (last_save or 0)

    def forget(self) -> None:
        """Drop the table this process holds (its files were rewritten)."""
        with self._lock:
            self._held = None
            self._on_disk = None

    def compact(self) -> None:
        """Rewrite the base file from the table this process holds, so the
        deltas it includes are no longer read."""
        held = self._held
        if held is None or not self._compacting.acquire(blocking=False):
            return
        try:
            frame, last_save = held
            if self._write(frame, last_save):
                with self._lock:  # unless saves since went on as deltas
                    if self._on_disk is not None and self._on_disk[0] == last_save:
                        self._on_disk = (last_save, 0)
        finally:
            self._compacting.release()

    def _keep_delta(self, delta: Delta, frame: pd.DataFrame) -> None:
        if self.path is None or self._on_disk is None:
            self._rewrite(frame, delta.upto)
            return
        reached, rows = self._on_disk
        if reached != delta.since:  # the files are not where this table was
            self._rewrite(frame, delta.upto)
            return
        try:
            write_delta(self.path, delta)
        except (OSError, pa.ArrowException) as error:
            logger.warning("cannot keep the incident cache in %s: %s", self.path, error)
            return
        self._on_disk = (delta.upto, rows + len(delta.touched))
        many = len(delta_files(self.path)) > DELTA_FILES_AT_MOST
        if many or self._on_disk[1] > compaction_threshold(len(frame)):
            logger.info("incident cache: rewriting the base file in the background")
            threading.Thread(
                target=self.compact, name="incident-cache-compaction", daemon=True
            ).start()

    def _read(self) -> tuple[pd.DataFrame | None, int | None]:
        if self.path is None or not self.path.exists():
            return None, None
        try:
            with pq.ParquetFile(self.path, memory_map=True) as parquet:
                unread = columns_of_nothing(parquet)
                names = parquet.schema_arrow.names
            table = pq.read_table(
                self.path,
                columns=[n for i, n in enumerate(names) if i not in unread],
                use_threads=False,
                pre_buffer=False,
                memory_map=True,
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
        if not since:
            return None, None
        frame = with_nothing(sorted_categories(table.to_pandas()), unread)
        del table
        give_back_memory()
        position = int(since)
        chain = read_chain(self.path, position)
        rows = 0
        if chain:
            delta = merged(chain)
            with small_pages():
                frame = spliced_frame(frame, delta.rows, list(delta.touched))
            position, rows = delta.upto, len(delta.touched)
            logger.info(
                "incident table: %d delta file(s) read, up to save %d",
                len(chain),
                position,
            )
        self._on_disk = (position, rows)
        return frame, position

    def _rewrite(self, frame: pd.DataFrame, last_save: int | None) -> None:
        if self._write(frame, last_save) and last_save is not None:
            self._on_disk = (last_save, 0)

    def _write(self, frame: pd.DataFrame, last_save: int | None) -> bool:
        """Write the base file (whole) and drop the deltas it includes."""
        if self.path is None or last_save is None:
            return False
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
            # LZ4 reads about four times faster than the default Snappy here.
            pq.write_table(
                table.replace_schema_metadata(
                    {**(table.schema.metadata or {}), **base_metadata(last_save)}
                ),
                partial,
                compression="lz4",
            )
            partial.replace(self.path)
            remove_deltas(self.path, last_save)
        except (OSError, pa.ArrowException) as error:
            logger.warning("cannot keep the incident cache in %s: %s", self.path, error)
            return False
        return True


def columns_of_nothing(parquet: pq.ParquetFile) -> dict[int, tuple[str, object]]:
    """The file's nullable number columns that hold no value in any row, by
    their place among its columns: (name, an empty column of its type), as the
    file's statistics count its missing values (no column without them).

    They are made by :func:`with_nothing`, not read: a column of a million
    missing counts is 9 MB in the table and more while Arrow reads it and
    pandas converts it, and the ten low and high figures are such columns
    wherever no source gives a range (at 1,000,000 incidents, about 100 MB of
    the page's peak memory at a restart).
    """
    meta = parquet.metadata
    if not meta.num_rows:
        return {}
    types = parquet.schema_arrow.empty_table().to_pandas()
    found: dict[int, tuple[str, object]] = {}
    for index, name in enumerate(parquet.schema_arrow.names):
        like = types[name].array if name in types.columns else None
        if not isinstance(like, MASKED) or meta.schema.column(index).path != name:
            continue
        missing = 0
        for group in range(meta.num_row_groups):
            stats = meta.row_group(group).column(index).statistics
            if stats is None or not stats.has_null_count:
                break
            missing += stats.null_count
        else:
            if missing == meta.num_rows:
                found[index] = (name, like)
    return found


def with_nothing(
    frame: pd.DataFrame, unread: dict[int, tuple[str, object]]
) -> pd.DataFrame:
    """``frame`` with the columns :func:`columns_of_nothing` left unread, each
    in its place, every value missing, in memory that is not written."""
    for index in sorted(unread):
        name, like = unread[index]
        frame.insert(index, name, nothing(like, len(frame)))
    return frame


def base_metadata(last_save: int) -> dict[bytes, bytes]:
    """The tags of a base file: its format and the last save it includes."""
    return {
        b"incident_map_format": FORMAT.encode(),
        b"incident_map_last_save": str(last_save).encode(),
    }


def compaction_threshold(size: int) -> int:
    """Touched rows the deltas may hold before the base is rewritten: 5% of
    the table, at least a thousand, at most 50,000."""
    return min(COMPACT_AT_MOST, max(COMPACT_AT_LEAST, size // 20))


def sorted_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every categorical column's categories in sorted order
    (a file of several row groups gives them in order of first appearance)."""
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            categories = values.cat.categories
            if not categories.is_monotonic_increasing:
                frame[column] = values.cat.reorder_categories(categories.sort_values())
    return frame


_HUGE_PAGES = threading.RLock()


@contextmanager
def small_pages() -> Iterator[None]:
    """NumPy's new arrays without the advice to back them with huge pages.

    A splice writes a new table (about 130 MB at 1,000,000 incidents) into
    fresh memory. Where the kernel gives huge pages on advice and compacts
    memory to find them (transparent huge pages and their defrag both
    ``madvise``), that advice made the refresh after a 3-row save at
    1,000,000 incidents take 0.5 to 0.8 s of CPU instead of 0.17 s. NumPy's
    switch is process-wide: arrays other threads make meanwhile get small
    pages too, which changes nothing but their page size.
    """
    switch = getattr(np._core.multiarray, "_set_madvise_hugepage", None)
    if switch is None:
        yield
        return
    with _HUGE_PAGES:
        before = switch(False)
        try:
            yield
        finally:
            switch(before)


def give_back_memory() -> bool:
    """Have the C allocator return the free memory it holds to the system
    (glibc's ``malloc_trim``; False where there is none).

    Arrow's table read from the base file is freed once pandas has the
    columns, but glibc keeps that memory in its heaps (about 200 MB at
    1,000,000 incidents), and the page's first run went on to take new memory
    beside it: at a restart it added about 100 MB to the peak. Returning it
    takes about 15 ms there.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except (OSError, TypeError):  # no C library to ask (not a POSIX system)
        return None


def cache_directory(data_dir: Path | None) -> Path | None:
    """Where the cache file lives: ``INCIDENT_MAP_CACHE_DIR``, else the data
    directory's ``user/cache``."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    return data_dir / "user" / "cache" if data_dir else None
