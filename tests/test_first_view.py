"""The page's first view made ready before anyone asks (components.ui.first_view):
what the launcher works out is what the page's first run asks, remembered."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from components.domain.filters import apply_filters
from components.domain.layers import HEAT_KEY, hidden_layers
from components.map.payload import remembered as map_remembered
from components.map.payload.groups import TableGroups
from components.ui import first_view
from components.ui.remembered import (
    page_briefing,
    target_type_options,
    whole_headline,
)
from tests.conftest import ROOT
from tests.test_briefing import _second_event


@pytest.fixture
def table(seed, seed_frame) -> tuple[pd.DataFrame, dict]:
    """A table of its own (the memo is keyed by the table's identity)."""
    return seed_frame.copy(), dict(seed.events)


def test_the_first_view_shows_the_latest_event_and_every_layer_but_the_heat_map(
    seed, seed_frame
):
    frame, events = _second_event(seed, seed_frame)
    filters, layers = first_view.default_choices(frame, events)
    assert filters.events == ("turbat-2026-03-03",)
    assert not filters.active
    assert hidden_layers(target_type_options(frame), layers) == {HEAT_KEY}


def test_the_page_finds_the_first_views_work_done(table, monkeypatch):
    frame, events = table
    first_view.prepare(frame, events)
    # Whatever the page's run asks next is remembered, not worked out again.
    monkeypatch.setattr(
        map_remembered, "TableGroups", lambda _: pytest.fail("grouped again")
    )
    monkeypatch.setattr(
        map_remembered, "viewless_layers", lambda *_, **__: pytest.fail("again")
    )
    filters, layers = first_view.default_choices(frame, events)
    filtered = apply_filters(frame, filters)
    assert filtered is frame  # one event: the first view is the whole table
    brief = page_briefing(filtered, events)
    assert brief is page_briefing(frame, events)
    assert whole_headline(frame, events) is brief.headline
    latest = map_remembered.latest_of(filtered)[0]
    groups = map_remembered.table_groups(frame)
    assert isinstance(groups, TableGroups)
    hidden = hidden_layers(target_type_options(frame), layers)
    map_remembered.viewless_of(latest, hidden & {"deaths", "names", HEAT_KEY}, groups)
    assert map_remembered.frame_groups(latest, groups).groups is not None


def test_the_slow_imports_declare_no_component():
    """A component declared outside a page's run is not served to the page: the
    launcher's thread imports nothing that declares one (streamlit_folium)."""
    script = textwrap.dedent(
        """
        import sys
        from components.ui import first_view
        for name in first_view.SLOW_IMPORTS:
            __import__(name)
        print("streamlit_folium" in sys.modules, "streamlit" in sys.modules)
        """
    )
    said = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert said == ["False", "False"]
