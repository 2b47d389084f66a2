"""The dashboard's view as a link: which parameters a URL may carry, and what is
wrong with those it does. Pure: no Streamlit.

The filters are bound to parameters of their own name (``place``, ``target``,
``attack``, ``dates``); the map writes ``map=zoom/lat/lon`` and, when not the
default, ``layers=key,key`` (see ``static/incident-map.js``). A copied link reopens
the same view. A parameter that is unknown or malformed is ignored, and
:func:`link_notes` says which and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from components.domain.layers import HIDDEN_BY_DEFAULT
from components.domain.viewport import MapView, parse_map_view

EVENT = "event"
PLACE = "place"
TARGET = "target"
ATTACK = "attack"
DATES = "dates"
MAP = "map"
LAYERS = "layers"
PROJECTOR = "projector"
PARAMETERS = (EVENT, PLACE, TARGET, ATTACK, DATES, MAP, LAYERS, PROJECTOR)
SIDEBAR_PARAMETERS = tuple(name for name in PARAMETERS if name != MAP)
"""What the sidebar's widgets take from a link (the map keeps its own view)."""


def map_view(params: Mapping[str, Sequence[str]]) -> MapView | None:
    """The map view a link asks for, if it asks for a valid one."""
    values = params.get(MAP) or []
    try:
        return parse_map_view(values[-1]) if values else None
    except ValueError:
        return None


def hidden_layers(
    params: Mapping[str, Sequence[str]], keys: Sequence[str]
) -> frozenset[str]:
    """The layers a link turns off (default: the heat map only)."""
    values = params.get(LAYERS) or []
    if not values:
        return HIDDEN_BY_DEFAULT & set(keys)
    active = set(values[-1].split(","))
    return frozenset(key for key in keys if key not in active)


def link_notes(
    params: Mapping[str, Sequence[str]],
    options: Mapping[str, Collection[str]],
    span: tuple[dt.date, dt.date] | None,
    layers: Collection[str],
) -> list[str]:
    """What a link asks for that this page ignores, one sentence each.

    ``options`` holds the valid values of ``place``, ``target`` and ``attack``.
    """
    notes = []
    for name, values in params.items():
        if name not in PARAMETERS:
            notes.append(f"'{_short(name)}' is not a setting of this page.")
        elif name in options:
            unknown = [v for v in values if v and v not in options[name]]
            notes.extend(f"{name} '{_short(v)}' is not in the data." for v in unknown)
        elif name == DATES:
            notes.extend(_date_notes(values, span))
        elif name == MAP:
            try:
                parse_map_view(values[-1] if values else "")
            except ValueError as error:
                notes.append(f"map '{_short(values[-1] if values else '')}': {error}.")
        elif name == LAYERS and values:
            unknown = [k for k in values[-1].split(",") if k and k not in layers]
            notes.extend(f"layer '{_short(k)}' is not on this map." for k in unknown)
    return notes


def _date_notes(
    values: Sequence[str], span: tuple[dt.date, dt.date] | None
) -> list[str]:
    shown = ", ".join(_short(v) for v in values)
    if span is None or span[0] == span[1]:
        return [f"dates '{shown}': the data have one date, so there is no range."]
    try:
        first, last = (dt.date.fromisoformat(v) for v in values)
    except ValueError:
        return [f"dates '{shown}': expected two dates, YYYY-MM-DD, first to last."]
    if not (span[0] <= first <= last <= span[1]):
        return [f"dates '{shown}': outside the data's {span[0]} to {span[1]}."]
    return []


def _short(text: str, limit: int = 40) -> str:
    """Untrusted text, cut short and with control characters shown as '?'."""
    clean = "".join(c if c.isprintable() else "?" for c in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "\u2026"
