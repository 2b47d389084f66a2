"""The incident table's cache files: a save writes only its rows (a delta file),
which a restart reads; the base is rewritten only when compacted; a large import
writes the base in bounded memory. Every way gives the table read whole."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from components.store import DatabaseStore, frame_build
from components.store.columnar import small_pages
from components.store.frame_delta import delta_files
from tests.conftest import GOOD_INCIDENT

EDITOR = "editor@example.org"
EVENT = "balochistan-2026-02-01"


def new_rows(*ids: str, date: str = "2026-02-01") -> list[dict[str, str]]:
    return [{**GOOD_INCIDENT, "id": i, "date": date, "event_id": EVENT} for i in ids]


def whole(url: str) -> pd.DataFrame:
    return DatabaseStore(url, cache_dir=None).frame()


def reopened(store: DatabaseStore, url: str) -> pd.DataFrame:
    return DatabaseStore(url, cache_dir=store._cache.path.parent).frame()


def save_three_times(store: DatabaseStore) -> None:
    store.add(new_rows("delta-1", "delta-2", date="2026-01-15"), author=EDITOR)
    store.frame()
    store.edit(
        "delta-1",
        {"place": "Turbat", "date": "2026-02-03"},
        expected_version=store.version_of("delta-1"),
        author=EDITOR,
    )
    store.frame()
    added = store.add(new_rows("delta-3"), author=EDITOR)
    store.frame()
    store.undo(added.save_id, author=EDITOR)  # delta-3 is retracted


def test_saves_write_deltas_and_leave_the_base_alone(db_store, database_url):
    base = db_store._cache.path
    db_store.frame()
    written = base.stat().st_mtime_ns, base.stat().st_ino
    save_three_times(db_store)
    cached = db_store.frame()
    assert (base.stat().st_mtime_ns, base.stat().st_ino) == written
    assert len(delta_files(base)) == 4
    pd.testing.assert_frame_equal(cached, whole(database_url))
    assert "delta-3" not in set(cached["id"])
    assert cached.set_index("id").loc["delta-1", "place"] == "Turbat"


def test_a_restart_reads_the_base_and_its_deltas(db_store, database_url):
    db_store.frame()
    save_three_times(db_store)
    db_store.frame()
    pd.testing.assert_frame_equal(reopened(db_store, database_url), whole(database_url))


def test_compaction_rewrites_the_base_and_drops_the_deltas(db_store, database_url):
    db_store.frame()
    save_three_times(db_store)
    before = db_store.frame()
    db_store._cache.compact()
    assert delta_files(db_store._cache.path) == {}
    pd.testing.assert_frame_equal(reopened(db_store, database_url), before)
    pd.testing.assert_frame_equal(before, whole(database_url))


def test_an_unreadable_delta_is_read_from_the_database_with_a_warning(
    db_store, database_url, caplog
):
    db_store.frame()
    save_three_times(db_store)
    db_store.frame()
    first = min(delta_files(db_store._cache.path))
    first.write_bytes(b"not a parquet file")
    with caplog.at_level(logging.WARNING, logger="components.store.frame_delta"):
        again = reopened(db_store, database_url)
    assert "unreadable" in caplog.text
    pd.testing.assert_frame_equal(again, whole(database_url))


def test_a_delta_of_an_older_layout_is_not_read(db_store, database_url, caplog):
    db_store.frame()
    db_store.add(new_rows("delta-1"), author=EDITOR)
    db_store.frame()
    (path,) = delta_files(db_store._cache.path)
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({}), path)
    with caplog.at_level(logging.WARNING, logger="components.store.frame_delta"):
        again = reopened(db_store, database_url)
    assert "older layout" in caplog.text
    pd.testing.assert_frame_equal(again, whole(database_url))


def test_many_touched_rows_compact_the_base_in_the_background(
    db_store, database_url, monkeypatch
):
    from components.store import columnar

    monkeypatch.setattr(columnar, "COMPACT_AT_LEAST", 1)
    monkeypatch.setattr(columnar, "COMPACT_AT_MOST", 1)
    db_store.frame()
    db_store.add(new_rows("delta-1", "delta-2"), author=EDITOR)
    cached = db_store.frame()
    for thread in threading.enumerate():
        if thread.name == "incident-cache-compaction":
            thread.join(timeout=30)
    assert delta_files(db_store._cache.path) == {}
    pd.testing.assert_frame_equal(reopened(db_store, database_url), cached)


def test_many_delta_files_compact_the_base(db_store, database_url, monkeypatch):
    from components.store import columnar

    monkeypatch.setattr(columnar, "DELTA_FILES_AT_MOST", 2)
    db_store.frame()
    for n in range(3):
        db_store.add(new_rows(f"delta-{n}"), author=EDITOR)
        cached = db_store.frame()
    for thread in threading.enumerate():
        if thread.name == "incident-cache-compaction":
            thread.join(timeout=30)
    assert delta_files(db_store._cache.path) == {}
    pd.testing.assert_frame_equal(reopened(db_store, database_url), cached)
    pd.testing.assert_frame_equal(cached, whole(database_url))


def test_a_page_process_reads_the_base_an_import_wrote(
    db_store, database_url, monkeypatch
):
    from components.store import columnar

    db_store.frame()  # the page's process holds the table
    importer = DatabaseStore(database_url, cache_dir=db_store._cache.path.parent)
    importer.add(new_rows("import-1", "import-2"), author=EDITOR)
    monkeypatch.setattr(columnar, "COMPACT_AT_MOST", 1)
    assert importer.write_cache(added=2)
    refreshed = db_store.frame()
    assert delta_files(db_store._cache.path) == {}  # read, not caught up by a delta
    pd.testing.assert_frame_equal(refreshed, whole(database_url))


@pytest.mark.parametrize("chunk", [3, 50_000])
def test_an_import_writes_the_base_the_page_reads(
    db_store, database_url, monkeypatch, chunk
):
    monkeypatch.setattr(frame_build, "READ_CHUNK", chunk)
    monkeypatch.setattr(frame_build, "WRITE_CHUNK", chunk + 2)
    db_store.add(
        [
            *new_rows("import-1", "import-2", "import-3"),
            *new_rows("import-4"),
        ],
        author=EDITOR,
    )
    path: Path = db_store._cache.path
    assert not path.exists()
    db_store.edit(
        "import-4",
        {"revises": "import-1"},
        expected_version=db_store.version_of("import-4"),
        author=EDITOR,
    )
    assert db_store.write_cache(added=4)
    assert pq.ParquetFile(path).metadata.num_row_groups >= (2 if chunk == 3 else 1)
    cached = reopened(db_store, database_url)
    read = whole(database_url)
    pd.testing.assert_frame_equal(cached, read)
    assert not cached.set_index("id").loc["import-1", "current"]
    for column in ("place", "target_label"):
        assert list(cached[column].cat.categories) == sorted(set(cached[column]))


def test_a_splice_asks_numpy_for_small_pages_and_restores_its_advice():
    switch = np._core.multiarray._set_madvise_hugepage
    before = switch(True)
    try:
        with small_pages():
            assert np._core.multiarray._get_madvise_hugepage() is False
        assert np._core.multiarray._get_madvise_hugepage() is True
    finally:
        switch(before)


def read_table_spy(monkeypatch) -> dict[str, list[str] | None]:
    """{file's name: the columns its ``pq.read_table`` asked for}."""
    from components.store import columnar

    asked: dict[str, list[str] | None] = {}
    real = columnar.pq.read_table

    def spy(source, *args, **kwargs):
        asked[Path(source).name] = kwargs.get("columns")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(columnar.pq, "read_table", spy)
    return asked


def test_a_restart_makes_the_columns_that_hold_nothing_instead_of_reading_them(
    db_store, database_url, monkeypatch
):
    db_store.frame()  # the base: no source gives a low or high figure
    save_three_times(db_store)
    asked = read_table_spy(monkeypatch)
    cached = reopened(db_store, database_url)
    columns = asked[db_store._cache.path.name]  # the base (its deltas are small)
    assert columns is not None
    assert "killed_civilians" in columns
    for unread in ("killed_security_low", "injured_high"):
        assert unread not in columns
        assert cached[unread].isna().all()
    pd.testing.assert_frame_equal(cached, whole(database_url))


def test_a_column_of_nothing_is_known_by_every_row_groups_count_of_missing(
    tmp_path,
):
    from components.store.columnar import columns_of_nothing, with_nothing

    frame = pd.DataFrame(
        {
            "id": [f"r{n}" for n in range(6)],
            "none": pd.array([None] * 6, dtype="Int64"),
            "last": pd.array([None] * 5 + [7], dtype="Int64"),
            "nan": [float("nan")] * 6,
            "flags": pd.array([None] * 6, dtype="boolean"),
        }
    )
    path = tmp_path / "base.parquet"
    pq.write_table(
        pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=4
    )
    with pq.ParquetFile(path) as parquet:
        assert parquet.metadata.num_row_groups == 2
        unread = columns_of_nothing(parquet)
    # "last" has a value in its second row group; "nan" is not a nullable column
    assert {index: name for index, (name, _) in unread.items()} == {
        1: "none",
        4: "flags",
    }
    read = pq.read_table(path, columns=["id", "last", "nan"]).to_pandas()
    pd.testing.assert_frame_equal(with_nothing(read, unread), frame)

    unstated = tmp_path / "no-statistics.parquet"
    pq.write_table(pa.Table.from_pandas(frame), unstated, write_statistics=False)
    with pq.ParquetFile(unstated) as parquet:
        assert columns_of_nothing(parquet) == {}


def test_a_restart_gives_the_memory_of_the_read_back(
    db_store, database_url, monkeypatch
):
    from components.store import columnar

    db_store.frame()
    calls: list[bool] = []
    monkeypatch.setattr(columnar, "give_back_memory", lambda: calls.append(True))
    reopened(db_store, database_url)
    assert calls == [True]
    db_store.frame()  # the table held: nothing read, nothing to give back
    assert calls == [True]
