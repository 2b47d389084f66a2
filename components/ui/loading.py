"""The store the page uses, and the incident table cached per saved version.

A database that cannot be opened or read is said on the page (which database, its
password hidden, what failed and what to check) and logged in full; the page stops
there, since without its data it has nothing to show.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import NoReturn

import pandas as pd
import streamlit as st

from components.domain.model import Event
from components.domain.problems import (
    Problem,
    unplaced_frame,
    unplaced_message,
    unplaced_places,
)
from components.store import DatabaseStore, data_directory, open_store
from components.store.engine import (
    DATABASE_URL_VARIABLE,
    SQLITE_FILE,
    is_sqlite,
    shown_url,
)
from components.store.sql_page import SQL_ABOVE_VARIABLE, PageMode, page_mode
from components.support.text import code_span
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)

_USER_PASSWORD = re.compile(r"^(.*?//)?([^:@/]*):(.*)@")
"""``[scheme://]user:password@``, in text that may not be a URL SQLAlchemy reads."""


@st.cache_resource(show_spinner="Opening the incident database…")
def _opened(data_dir: str, url: str) -> tuple[DatabaseStore, tuple[Problem, ...]]:
    store, problems = open_store(data_dir=Path(data_dir), url=url or None)
    return store, tuple(problems)


def data_store() -> DatabaseStore:
    """The store the page reads and saves to (opened once per process)."""
    return _open_or_stop()[0]


def _settings() -> tuple[str, str]:
    """(data directory, database URL): what the store is opened with."""
    return str(data_directory()), os.environ.get(DATABASE_URL_VARIABLE, "")


# A resource, not data: the frame is shared as it is, not copied out of a pickle on
# every rerun (filters make new frames; nothing writes to this one).
@st.cache_resource(show_spinner="Loading incidents…", max_entries=4)
def _load(
    _store: DatabaseStore, version: tuple[object, ...]
) -> tuple[pd.DataFrame, dict[str, Event]]:
    # ``version`` (the database and its last save) is the cache key.
    return _store.frame(), _store.events()


@st.cache_resource(max_entries=4)
def _mode(_store: DatabaseStore, version: tuple[object, ...], setting: str) -> PageMode:
    # ``version`` and the threshold's ``setting`` are the cache key.
    return page_mode(_store.engine)


def database_mode() -> PageMode:
    """Whether this page asks the database rather than reading the table (the
    count asked once per saved version)."""
    store = data_store()
    try:
        return _mode(store, store.version(), os.environ.get(SQL_ABOVE_VARIABLE, ""))
    except Exception as error:  # said on the page, logged in full
        _stop(error)


def warm() -> tuple[pd.DataFrame, dict[str, Event]] | None:
    """Open the store and load the page's table into this process's caches before
    anyone asks (the launcher calls it in a thread as the server starts): the
    first visit after a restart finds them ready, as every later visit does. The
    table and events loaded, the very objects the page's runs get; None for a
    page that asks the database. A failure is logged and left to the first
    visit, which says it on the page."""
    started = time.perf_counter()
    loaded = None
    try:
        store, _ = _opened(*_settings())
        version = store.version()
        mode = _mode(store, version, os.environ.get(SQL_ABOVE_VARIABLE, ""))
        if not mode.sql:
            loaded = _load(store, version)
    except Exception:
        logger.exception("the page's data could not be made ready at start")
        return None
    logger.info("page data ready in %.1f s", time.perf_counter() - started)
    return loaded


def load_data() -> tuple[pd.DataFrame, dict[str, Event]]:
    """The incident table and events; rows of the data files that could not be
    read are listed on screen."""
    store, problems = _open_or_stop()
    try:
        frame, events = _load(store, store.version())
    except Exception as error:  # said on the page, logged in full
        _stop(error)
    unplaced = unplaced_places(problems)
    if unplaced:
        st.warning(unplaced_message(unplaced), icon="📍")
        rows = unplaced_frame(unplaced)
        if len(rows):
            with st.expander(f"Rows not on the map ({len(rows)})"):
                st.dataframe(rows, hide_index=True, key="unplaced_rows")
    others = [problem for problem in problems if problem.unplaced is None]
    if others:
        st.error(
            f"{len(others)} problem(s) kept rows of the data files out of this view. "
            "Fix them in the files named below; the other rows are shown.",
            icon="⚠️",
        )
        st.code("\n".join(str(problem) for problem in others), language=None)
    return frame, events


def _open_or_stop() -> tuple[DatabaseStore, tuple[Problem, ...]]:
    """The opened store, or a message saying why it could not be opened (and the
    script stops there: without its data the page has nothing to show)."""
    try:
        return _opened(*_settings())
    except Exception as error:  # said on the page, logged in full
        _stop(error)


def _stop(error: Exception) -> NoReturn:
    data_dir, url = _settings()
    logger.exception("cannot open the incident database %s", _shown(url, data_dir))
    st.error(_failure_message(data_dir, url, error), icon="🛑")
    st.stop()


def _failure_message(data_dir: str, url: str, error: Exception) -> str:
    """What failed (the database, its password hidden) and what to check."""
    shown = _shown(url, data_dir)
    lines = [
        line.strip()
        for line in str(error).splitlines()
        if line.strip() and not line.startswith("(Background on this error")
    ]
    said = " ".join(lines) or type(error).__name__
    secret = _password(url)
    if secret:
        said = said.replace(secret, "***")
    if len(said) > 400:
        said = said[:399] + "\u2026"
    if not url:
        check = (
            "Check that this app may read and write that file and its folder, and "
            "that the file is an SQLite database (or set "
            f"{code_span(DATABASE_URL_VARIABLE)} to use another database)."
        )
    elif _sqlite_url(url):
        check = (
            "Check the URL in the environment variable "
            f"{code_span(DATABASE_URL_VARIABLE)}, and that this app may read and "
            "write the file it names and its folder."
        )
    else:
        check = (
            "Check that the database server is running and accepts connections "
            "from this machine, and the URL in the environment variable "
            f"{code_span(DATABASE_URL_VARIABLE)} (it reads like "
            "`postgresql+psycopg://user:password@host:5432/incidents`)."
        )
    return (
        f"**The incident database could not be opened:** {code_span(shown)}\n\n"
        f"{md(said)}\n\n{check}"
    )


def _shown(url: str, data_dir: str) -> str:
    """The database as the page and the log show it: its password hidden."""
    if not url:
        return str(Path(data_dir).resolve() / "user" / SQLITE_FILE)
    try:
        return shown_url(url)
    except Exception:  # not a URL SQLAlchemy can read
        return _USER_PASSWORD.sub(r"\1\2:***@", url)


def _password(url: str) -> str | None:
    """The password written in ``url``, if any (to keep it out of messages)."""
    found = _USER_PASSWORD.search(url)
    return found.group(3) if found else None


def _sqlite_url(url: str) -> bool:
    try:
        return is_sqlite(url)
    except Exception:  # not a URL SQLAlchemy can read
        return False
