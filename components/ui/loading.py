"""Cached loading of the dashboard's data."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from components.data import (
    DATA_DIR_VARIABLE,
    DEFAULT_DATA_DIR,
    CsvStore,
    IncidentStore,
    Problem,
    incidents_frame,
    unplaced_frame,
    unplaced_message,
    unplaced_places,
)
from components.model import Event


def data_store() -> IncidentStore:
    """The store the dashboard reads and adds to (``data/`` unless overridden)."""
    return CsvStore(Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR))


# A resource, not data: the frame is shared as it is, not copied out of a pickle on
# every rerun (filters make new frames; nothing writes to this one).
@st.cache_resource(show_spinner="Loading incidents…", max_entries=4)
def _load(
    _store: IncidentStore, version: tuple[object, ...]
) -> tuple[pd.DataFrame, dict[str, Event], tuple[Problem, ...]]:
    # ``version`` (which names the files and their mtimes) is the cache key.
    dataset = _store.load()
    return incidents_frame(dataset.incidents), dataset.events, dataset.problems


def load_data() -> tuple[pd.DataFrame, dict[str, Event]]:
    """The incident table and events; rows that failed to load are listed on screen."""
    store = data_store()
    frame, events, problems = _load(store, store.version())
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
            f"{len(others)} problem(s) kept rows of the data out of this view. "
            "Fix them in the files named below; the other rows are shown.",
            icon="⚠️",
        )
        st.code("\n".join(str(problem) for problem in others), language=None)
    return frame, events
