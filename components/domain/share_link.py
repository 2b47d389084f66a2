"""The dashboard's view as a link: every parameter a URL may carry, how its values
are read and written, what each chooses when a link does not say, and what a link
asks for that the page ignores. Pure: no Streamlit.

============  ==============================================  ======================
parameter     values                                          when the link says none
============  ==============================================  ======================
``event``     an event's label, ``Name (1 Feb 2026)``         the latest event
``place``     a place's label (``Kalat (province-wide)``)     every place
``target``    a target type's label (``Prison``)              every target type
``attack``    an attack type's label (``Armed assault``)      every attack type
``dates``     two values: first and last day, ``YYYY-MM-DD``  the data's whole span
``layers``    a layer's label (``Deaths``, ``Heat map``)      all but the heat map
``projector`` ``true`` or ``false``                           ``false``
``layout``    ``briefing``, ``analyst`` or ``mobile``          ``briefing``
``map``       ``zoom/lat/lon`` (as OpenStreetMap writes it)   fitted to the selection
``q``         the incident list's search words                no search
============  ==============================================  ======================

A parameter of several values is repeated (``?place=Quetta&place=Mastung``). A
choice may also be named by its code (``target=prison``, an event's id), and links
written before the sidebar chose the layers say ``layers=key,key``
(``layers=prison,deaths``): the page reads both and writes them again as labels.

The sidebar's widgets are bound to the parameters of their own names (Streamlit
reads those, dropping any value that is not one of the widget's labels, and keeps
them up to date); the map writes ``map``; the incident list's search box is bound
to ``q``, which narrows the list (never the map or the figures) to the incidents
whose place, targets, notes or source text hold every word; a ``q`` the list will
not run (over 200 characters, over 12 words: ``components.domain.search``) is
dropped with a note. :func:`read_link` reads a link as the page
will, so a copied link reopens the same view and whatever it asks for that the page
cannot use gets a note saying which part and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components.domain import filters
from components.domain.layers import CELLS_KEY, HIDDEN_BY_DEFAULT, layer_labels
from components.domain.model import Event
from components.domain.search import parse_search
from components.domain.viewport import MapView, parse_map_view
from components.support.errors import SearchError

EVENT = "event"
PLACE = "place"
TARGET = "target"
ATTACK = "attack"
DATES = "dates"
MAP = "map"
LAYERS = "layers"
PROJECTOR = "projector"
LAYOUT = "layout"
SEARCH = "q"
PARAMETERS = (
    EVENT,
    PLACE,
    TARGET,
    ATTACK,
    DATES,
    MAP,
    LAYERS,
    PROJECTOR,
    LAYOUT,
    SEARCH,
)
SIDEBAR_PARAMETERS = tuple(name for name in PARAMETERS if name not in (MAP, SEARCH))
"""What the sidebar's widgets take from a link (the map keeps its own view, the
incident list its search)."""
CHOICES = (EVENT, PLACE, TARGET, ATTACK, LAYERS)
"""The parameters whose values name things by label, one per value."""

Params = Mapping[str, Sequence[str]]
"""A URL's query: each parameter's values in order (``?a=1&a=2`` -> ``{"a": ["1",
"2"]}``)."""

_TRUE, _FALSE = "true", "false"
BRIEFING, ANALYST, MOBILE = "briefing", "analyst", "mobile"
LAYOUTS = {
    BRIEFING: "Briefing: the map first",
    ANALYST: "Analyst: figures, map, tables",
    MOBILE: "Mobile: the map first, one column",
}
"""The page's layouts (the ``layout`` parameter's values) and their labels."""
DEFAULT_LAYOUT = BRIEFING
_UNKNOWN = {LAYERS: "layer '{}' is not on this map."}
"""What a note says of a value that names nothing (by parameter)."""


@dataclass(frozen=True)
class LinkTerms:
    """What a link can name on a page showing some data: each choice parameter's
    codes with their labels (events latest first, layers in the sidebar's order),
    and the data's first and last day."""

    labels: Mapping[str, Mapping[str, str]]
    span: tuple[dt.date, dt.date] | None = None

    def options(self, name: str) -> Mapping[str, str]:
        """A choice parameter's codes and labels (none for a parameter it lacks)."""
        return self.labels.get(name, {})


def link_terms(frame: pd.DataFrame, events: Mapping[str, Event]) -> LinkTerms:
    """What a link can name on the page showing ``frame`` and ``events``."""
    targets = filters.target_type_labels(frame)
    return LinkTerms(
        labels={
            EVENT: filters.event_labels(events),
            PLACE: filters.place_labels(frame),
            TARGET: targets,
            ATTACK: filters.attack_type_labels(frame),
            LAYERS: layer_labels(list(targets)),
        },
        span=filters.date_span(frame),
    )


def option_terms(
    options: filters.FilterOptions, events: Mapping[str, Event]
) -> LinkTerms:
    """What a link can name on a page whose filter options a database query gave
    (the same terms :func:`link_terms` gives for the table they describe)."""
    targets = options.target_type_labels()
    return LinkTerms(
        labels={
            EVENT: filters.event_labels(events),
            PLACE: options.place_labels(),
            TARGET: targets,
            ATTACK: options.attack_type_labels(),
            LAYERS: layer_labels(list(targets)),
        },
        span=options.span,
    )


def defaults(terms: LinkTerms) -> dict[str, tuple[str, ...]]:
    """What each choice parameter chooses when a link does not say: the latest
    event, every layer but the heat map, and no place or type (meaning all)."""
    return {
        EVENT: tuple(terms.options(EVENT))[:1],
        PLACE: (),
        TARGET: (),
        ATTACK: (),
        LAYERS: tuple(k for k in terms.options(LAYERS) if k not in HIDDEN_BY_DEFAULT),
    }


@dataclass(frozen=True)
class Link:
    """What a link asks for, as the page reads it."""

    chosen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Codes, for each choice parameter the link names something known in (or
    nothing at all, as ``layers=`` does)."""
    dates: tuple[dt.date, dt.date] | None = None
    view: MapView | None = None
    projector: bool | None = None
    layout: str | None = None
    """One of :data:`LAYOUTS`, or None where the link does not say."""
    search: str | None = None
    """The incident list's search text, when it is one the list will run."""
    rewrite: frozenset[str] = frozenset()
    """Parameters written in a form the widgets do not read (codes, the old
    ``layers=key,key``): the page writes them again, as :func:`write_link` does,
    before its widgets read them."""
    notes: tuple[str, ...] = ()
    """What the link asks for that the page ignores, one sentence each."""


def read_link(params: Params, terms: LinkTerms) -> Link:
    """Read a link's parameters as the page will, with a note on each part it
    cannot use (an unknown parameter or value, a malformed one)."""
    chosen: dict[str, tuple[str, ...]] = {}
    rewrite: set[str] = set()
    notes: list[str] = []
    # The parameters of one value each: their reader gives (value, notes).
    readers: dict[str, Callable[[Sequence[str]], tuple[Any, list[str]]]] = {
        DATES: lambda values: _read_dates(values, terms.span),
        MAP: _read_map,
        PROJECTOR: _read_projector,
        LAYOUT: read_layout,
        SEARCH: _read_search,
    }
    read: dict[str, Any] = {}
    for name, values in params.items():
        if name not in PARAMETERS:
            notes.append(f"'{_short(name)}' is not a setting of this page.")
        elif name in CHOICES:
            codes, rewritten, unknown = _read_choice(name, values, terms.options(name))
            if codes or not any(values):  # ``place=``: nothing chosen
                chosen[name] = codes
            if rewritten:
                rewrite.add(name)
            note = _UNKNOWN.get(name, name + " '{}' is not in the data.")
            notes.extend(note.format(_short(value)) for value in unknown)
        else:
            read[name], said = readers[name](values)
            notes.extend(said)
    return Link(
        chosen,
        read.get(DATES),
        read.get(MAP),
        read.get(PROJECTOR),
        read.get(LAYOUT),
        read.get(SEARCH),
        frozenset(rewrite),
        tuple(notes),
    )


def link_notes(params: Params, terms: LinkTerms) -> list[str]:
    """What a link asks for that the page ignores, one sentence each."""
    return list(read_link(params, terms).notes)


def chooses_sidebar(names: Iterable[str]) -> bool:
    """Whether a link with these parameters chooses what the sidebar shows
    (events, filters, layers, projector mode or the layout)."""
    return any(name in SIDEBAR_PARAMETERS for name in names)


def write_link(link: Link, terms: LinkTerms) -> dict[str, list[str]]:
    """The parameters that read back as ``link``: labels one per value, dates as
    ``YYYY-MM-DD``, ``true``/``false``, ``zoom/lat/lon``. Parts the link leaves
    to the defaults are left out."""
    params: dict[str, list[str]] = {}
    for name in CHOICES:
        if name in link.chosen:
            labels = terms.options(name)
            shown = [labels[code] for code in link.chosen[name] if code in labels]
            params[name] = shown or [""]  # ``layers=``: none
    if link.dates is not None:
        params[DATES] = [day.isoformat() for day in link.dates]
    if link.projector is not None:
        params[PROJECTOR] = [_TRUE if link.projector else _FALSE]
    if link.layout is not None:
        params[LAYOUT] = [link.layout]
    if link.view is not None:
        params[MAP] = [map_value(link.view)]
    if link.search:
        params[SEARCH] = [link.search]
    return params


def map_value(view: MapView) -> str:
    """The ``map`` parameter's value for ``view``."""
    return view.param()


def _read_choice(
    name: str, values: Sequence[str], options: Mapping[str, str]
) -> tuple[tuple[str, ...], bool, list[str]]:
    """(the codes chosen, whether any value was not a label, the unknown values).
    A value is a label, else a code; an old ``layers`` value is key,key."""
    by_label = {label: code for code, label in options.items()}
    codes: list[str] = []
    rewritten = False
    unknown: list[str] = []
    for value in values:
        if not value:
            continue
        if value in by_label:
            codes.append(by_label[value])
            continue
        rewritten = True
        parts = value.split(",") if name == LAYERS else [value]
        for part in parts:
            if part in options:
                codes.append(part)
            elif part in by_label:
                codes.append(by_label[part])
            elif part and not (name == LAYERS and part == CELLS_KEY):
                unknown.append(part)  # cells: the map adds them by itself
    return tuple(dict.fromkeys(codes)), rewritten, unknown


def _read_dates(
    values: Sequence[str], span: tuple[dt.date, dt.date] | None
) -> tuple[tuple[dt.date, dt.date] | None, list[str]]:
    if not any(values):  # ``dates=``: the whole span
        return None, []
    shown = ", ".join(_short(v) for v in values)
    if span is None or span[0] == span[1]:
        return None, [f"dates '{shown}': the data have one date, so there is no range."]
    try:
        first, last = (dt.date.fromisoformat(v) for v in values)
    except ValueError:
        message = "expected two dates, YYYY-MM-DD, first to last"
        return None, [f"dates '{shown}': {message}."]
    if not (span[0] <= first <= last <= span[1]):
        return None, [f"dates '{shown}': outside the data's {span[0]} to {span[1]}."]
    return (first, last), []


def _read_map(values: Sequence[str]) -> tuple[MapView | None, list[str]]:
    text = values[-1] if values else ""
    try:
        return parse_map_view(text), []
    except ValueError as error:
        return None, [f"map '{_short(text)}': {error}."]


def _read_projector(values: Sequence[str]) -> tuple[bool | None, list[str]]:
    text = values[-1] if values else ""
    if not text:
        return None, []
    if text.lower() in (_TRUE, _FALSE):
        return text.lower() == _TRUE, []
    return None, [f"projector '{_short(text)}': expected {_TRUE} or {_FALSE}."]


def read_layout(values: Sequence[str]) -> tuple[str | None, list[str]]:
    """The layout a ``layout`` parameter names (its last value; any case), and a
    note when it names none of :data:`LAYOUTS`."""
    text = values[-1] if values else ""
    if not text:
        return None, []
    if text.strip().lower() in LAYOUTS:
        return text.strip().lower(), []
    known = ", ".join(LAYOUTS)
    return None, [f"layout '{_short(text)}': expected one of {known}."]


def layout_of(values: Sequence[str]) -> str:
    """The layout a ``layout`` parameter chooses, the default where it names none."""
    return read_layout(values)[0] or DEFAULT_LAYOUT


def _read_search(values: Sequence[str]) -> tuple[str | None, list[str]]:
    text = values[-1] if values else ""
    if not text.strip():
        return None, []
    try:
        parse_search(text)
    except SearchError as error:
        return None, [f"q: {error}."]
    return text, []


def _short(text: str, limit: int = 40) -> str:
    """Untrusted text, cut short and with control characters shown as '?'."""
    clean = "".join(c if c.isprintable() else "?" for c in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "\u2026"
