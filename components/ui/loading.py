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
    Problem,
    incidents_frame,
)
from components.model import Event


def data_directory() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR)


# A resource, not data: the frame is shared as it is, not copied out of a pickle on
# every rerun (filters make new frames; nothing writes to this one).
@st.cache_resource(show_spinner="Loading incidents…", max_entries=4)
def _load(
    directory: str, version: tuple[object, ...]
) -> tuple[pd.DataFrame, dict[str, Event], tuple[Problem, ...]]:
    dataset = CsvStore(Path(directory)).load()
    return incidents_frame(dataset.incidents), dataset.events, dataset.problems


def load_data() -> tuple[pd.DataFrame, dict[str, Event]]:
    """The incident table and events; rows that failed to load are listed on screen."""
    store = CsvStore(data_directory())
    frame, events, problems = _load(str(store.directory), store.version())
    if problems:
        st.error(
            f"{len(problems)} problem(s) kept rows of the data out of this view. "
            "Fix them in the files named below; the other rows are shown.",
            icon="⚠️",
        )
        st.code("\n".join(str(problem) for problem in problems), language=None)
    return frame, events
