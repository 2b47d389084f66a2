"""The store the page uses, and the incident table cached per saved version."""

from __future__ import annotations

import os
from pathlib import Path

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
from components.store.engine import DATABASE_URL_VARIABLE


@st.cache_resource(show_spinner="Opening the incident database…")
def _opened(data_dir: str, url: str) -> tuple[DatabaseStore, tuple[Problem, ...]]:
    store, problems = open_store(data_dir=Path(data_dir), url=url or None)
    return store, tuple(problems)


def data_store() -> DatabaseStore:
    """The store the page reads and saves to (opened once per process)."""
    return _opened(*_settings())[0]


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


def load_data() -> tuple[pd.DataFrame, dict[str, Event]]:
    """The incident table and events; rows of the data files that could not be
    read are listed on screen."""
    store, problems = _opened(*_settings())
    frame, events = _load(store, store.version())
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
