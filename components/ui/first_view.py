"""The page's first view, made ready before anyone asks.

A session's first run whose link chooses nothing draws the head of the page and
the map with the sidebar's defaults (:func:`default_choices`). Its work on the
loaded table (the briefing, the figures of the whole table, the map's groups
and layers) is remembered by table (``components.support.memo``), and its
slowest imports are the same for every session: the launcher does both as the
server starts (:func:`prepare`), so the first visit after a restart finds them
done, as every later visit does. Only the same calls, with the same arguments:
what is remembered is what the run would work out itself.
Pure: imports no Streamlit.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Mapping

import pandas as pd

from components.domain import share_link
from components.domain.filters import Filters, apply_filters
from components.domain.layers import hidden_layers
from components.domain.model import Event
from components.map.payload.remembered import prepare_map
from components.ui.remembered import (
    days_of,
    link_terms,
    page_briefing,
    target_type_options,
    whole_headline,
)

logger = logging.getLogger(__name__)

SLOW_IMPORTS = (
    "folium",
    "folium.plugins",
    "components.map.base_layers",
    "components.map.folium_map",
    "components.report.intake",
)
"""Modules the page imports that take a while (tenths of a second each) and
declare no Streamlit component. A component declared outside a page's run is not
served to the page: ``streamlit_folium``, and the map panel that imports it, are
left to the run."""


def default_choices(
    frame: pd.DataFrame, events: Mapping[str, Event]
) -> tuple[Filters, frozenset[str]]:
    """The filters and map layers of a page whose link chooses nothing: the
    latest event, every place and type, every layer but the heat map."""
    chosen = share_link.defaults(link_terms(frame, events))
    return (
        Filters(events=chosen[share_link.EVENT]),
        frozenset(chosen[share_link.LAYERS]),
    )


def prepare(frame: pd.DataFrame, events: Mapping[str, Event]) -> None:
    """Import the page's slow modules and work out the first view of the loaded
    ``frame`` and ``events`` as the page's run asks it: the map's parts first
    (the slowest, and the last the run asks for), then the head of the page. When
    that view is a part of the table (several events), the work on the part goes
    with it; the work on the whole table stays."""
    started = time.perf_counter()
    for name in SLOW_IMPORTS:
        importlib.import_module(name)
    filters, layers = default_choices(frame, events)
    filtered = apply_filters(frame, filters)
    prepare_map(filtered, frame, hidden_layers(target_type_options(frame), layers))
    page_briefing(filtered, events)
    days_of(filtered)
    whole_headline(frame, events)
    logger.info("the first view is ready in %.1f s", time.perf_counter() - started)
