"""Which database, and how to talk to it.

One setting chooses it: ``INCIDENT_MAP_DATABASE_URL`` (a SQLAlchemy URL such as
``postgresql+psycopg://user:password@host/incidents``). Without it, the database
is one SQLite file in the data directory's ``user/`` folder, created on first
start: ``streamlit run app.py`` needs no server.

SQLite runs in WAL mode with foreign keys on; a write transaction takes the write
lock when it begins (``BEGIN IMMEDIATE``, for connections marked with
:data:`WRITE_OPTION`), so two processes saving at once queue for up to 30 seconds
instead of failing half-way; readers never wait for writers.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from components.support.errors import StoreError

logger = logging.getLogger(__name__)

DATABASE_URL_VARIABLE = "INCIDENT_MAP_DATABASE_URL"
SQLITE_FILE = "incidents.sqlite"
BUSY_TIMEOUT_S = 30
WRITE_OPTION = "incident_map_write"
"""Execution option that marks a connection's transactions as writes."""


def database_url(data_dir: Path, url: str | None = None) -> str:
    """The URL to use: ``url``, the environment's, or the data directory's file."""
    chosen = url or os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if chosen:
        return chosen
    path = (data_dir / "user" / SQLITE_FILE).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def shown_url(url: str) -> str:
    """The URL without its password, for logs and the page."""
    return make_url(url).render_as_string(hide_password=True)


def reason(error: SQLAlchemyError) -> str:
    """One line saying why the database refused: the driver's message, without
    the statement and parameters SQLAlchemy adds."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings this project relies on; a URL
    that names no database SQLAlchemy can use is a StoreError."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # Not echoed: a mistyped URL may still hold a password.
        raise StoreError(
            "the database URL cannot be read; it looks like sqlite:///FILE or "
            "postgresql+psycopg://USER@HOST/DATABASE"
        ) from None
    try:
        return _engine(url)
    except (ArgumentError, ImportError) as error:
        shown = parsed.render_as_string(hide_password=True)
        raise StoreError(
            f"cannot use the database {shown}: {str(error).splitlines()[0]} "
            "(SQLite and PostgreSQL are supported)"
        ) from None


def _engine(url: str) -> Engine:
    if is_sqlite(url):
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        )
        _sqlite_settings(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    logger.info("database: %s", shown_url(url))
    return engine


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, say when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in one write transaction: committed when the block ends,
    rolled back if it raises. The database's own refusals of the write (disk
    full, a lock held too long, a lost connection) become a StoreError."""
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection:
        transaction = connection.begin()
        try:
            yield connection
            if transaction.is_active:
                transaction.commit()
        except BaseException as error:
            if transaction.is_active:
                transaction.rollback()
            if isinstance(error, OperationalError):
                # Disk full, a lock held too long, the server gone: nothing saved.
                logger.info("write refused by the database: %s", reason(error))
                raise StoreError(
                    f"the database refused the save, nothing was saved: {reason(error)}"
                ) from None
            raise
