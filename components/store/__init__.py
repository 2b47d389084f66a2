"""The incident store: one database behind one interface, and CSV for exchange.

``open_store()`` opens the configured database (``INCIDENT_MAP_DATABASE_URL``, or a
SQLite file in the data directory), creates or upgrades its tables, and reads the
data directory's CSV files into it when they are new or changed. Everything goes
through :class:`~components.store.database.DatabaseStore`, which hands each job
to a module of its own (seeding, reading, saving, history, users).

Command line: ``python -m components.store --help``.
"""

from __future__ import annotations

import os
from pathlib import Path

from components.domain.problems import Problem
from components.formats.ours import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR
from components.gazetteer import Gazetteer
from components.store.columnar import cache_directory
from components.store.database import DatabaseStore
from components.store.engine import DATABASE_URL_VARIABLE, database_url
from components.store.history import HistoryEntry, SaveSummary
from components.store.saving import SaveResult
from components.support.errors import ConflictError, StoreError


def data_directory() -> Path:
    """The data directory: ``INCIDENT_MAP_DATA_DIR``, else the shipped ``data/``."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR)


def open_store(
    data_dir: Path | None = None,
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[DatabaseStore, list[Problem]]:
    """The store, ready to use, and the problems of seed rows it could not read."""
    data_dir = data_dir or data_directory()
    store = DatabaseStore(
        database_url(data_dir, url), gazetteer, cache_directory(data_dir)
    )
    store.migrate()
    problems = store.seed(data_dir)
    return store, problems


__all__ = [
    "DATABASE_URL_VARIABLE",
    "DATA_DIR_VARIABLE",
    "ConflictError",
    "DatabaseStore",
    "HistoryEntry",
    "SaveResult",
    "SaveSummary",
    "StoreError",
    "data_directory",
    "open_store",
]
