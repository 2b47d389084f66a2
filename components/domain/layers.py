"""The map's layers: the key each goes by (in the map's payload, the sidebar and a
link), what a person calls it, and which are shown by default. Pure: no Streamlit.

There is a layer per target type (keyed by its code), then deaths, place names and
a heat map; with too many incidents to draw one by one the map adds counts per
area (``cells``), which it draws by itself and nobody chooses.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from components.domain.vocabularies import TARGET_TYPES

CELLS_KEY = "cells"
DEATHS_KEY = "deaths"
NAMES_KEY = "names"
HEAT_KEY = "heat"
HIDDEN_BY_DEFAULT = frozenset({HEAT_KEY})
VIEWLESS_KEYS = frozenset({DEATHS_KEY, NAMES_KEY, HEAT_KEY})
"""The layers that do not depend on the view; hiding a target type leaves them."""

_OTHER_LABELS = {DEATHS_KEY: "Deaths", NAMES_KEY: "Place names", HEAT_KEY: "Heat map"}


def layer_keys(target_types: Sequence[str]) -> list[str]:
    """Every layer's key, in the map's layer control's order."""
    return [CELLS_KEY, *target_types, DEATHS_KEY, NAMES_KEY, HEAT_KEY]


def layer_labels(target_types: Sequence[str]) -> dict[str, str]:
    """The layers a person chooses, each key with what the sidebar (and a link)
    calls it: the target types' own labels, then deaths, place names, heat map."""
    return {
        **{code: TARGET_TYPES[code].label for code in target_types},
        **_OTHER_LABELS,
    }


def default_layers(target_types: Sequence[str]) -> list[str]:
    """The layers shown until someone chooses: all but the heat map."""
    return [key for key in layer_labels(target_types) if key not in HIDDEN_BY_DEFAULT]


def hidden_layers(
    target_types: Sequence[str], shown: Collection[str]
) -> frozenset[str]:
    """The layers a person can choose that ``shown`` leaves out."""
    return frozenset(key for key in layer_labels(target_types) if key not in shown)
