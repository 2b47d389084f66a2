"""The map's work on a table that does not depend on the view, remembered for that
table (``components.support.memo``): the latest record of each incident, the
groups of the loaded table and of the selection, and the layers drawn whatever
the view. Every rerun, every pan and every session that shows the same rows
reuse it; the launcher works it out for the page's first view as the server
starts (``components.ui.first_view``).
Pure: imports no Streamlit.
"""

from __future__ import annotations

from collections.abc import Set

import pandas as pd

from components.domain.layers import DEATHS_KEY, NAMES_KEY, VIEWLESS_KEYS
from components.domain.table import latest_records
from components.map.payload.build import FrameGroups
from components.map.payload.groups import TableGroups
from components.map.payload.popups import earlier_figures
from components.map.payload.viewless import (
    ViewlessLayers,
    place_table,
    viewless_layers,
)
from components.support.memo import by_table


@by_table()
def latest_of(filtered: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """The latest record of each incident in ``filtered``, and the figures of the
    earlier ones (``components.domain.table.latest_records``)."""
    return latest_records(filtered), earlier_figures(filtered)


@by_table(size=1)
def table_groups(frame: pd.DataFrame) -> TableGroups:
    """The groups of the loaded table, numbered once: a filter change counts
    its rows' groups rather than grouping them again."""
    return TableGroups(frame)


@by_table()
def frame_groups(latest: pd.DataFrame, table: TableGroups) -> FrameGroups:
    """The groups of the selection's latest records, counted from ``table``."""
    return FrameGroups(latest, table)


@by_table()
def viewless_of(
    latest: pd.DataFrame, hidden: frozenset[str], table: TableGroups
) -> ViewlessLayers:
    """The layers that do not depend on the view, but the ``hidden`` ones."""
    places = None
    if {DEATHS_KEY, NAMES_KEY} - hidden:
        places = place_table(latest, frame_groups(latest, table).groups, table)
    return viewless_layers(latest, skipped=hidden, places=places)


def prepare_map(filtered: pd.DataFrame, frame: pd.DataFrame, hidden: Set[str]) -> None:
    """Work out what the map of ``filtered`` (taken from the loaded ``frame``)
    with the ``hidden`` layers needs whatever the view, as the page asks it."""
    latest = latest_of(filtered)[0]
    groups = table_groups(frame)
    frame_groups(latest, groups).groups  # noqa: B018 (counted once, here)
    viewless_of(latest, frozenset(hidden) & VIEWLESS_KEYS, groups)
