"""The incident and event records: what one place and target cost, and what a
source says of a wave as a whole. Frozen values; the parsers are in ``fields``.

:data:`INCIDENT_FIELDS` is the one list of an incident's columns: the data files'
columns, the dashboard's table, the database's revision columns and what a person
may edit all derive from it, and a test holds the record class and the schema to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from components.domain.vocabularies import DatePrecision, FigureScope, GeoPrecision

CASUALTY_FIELDS: dict[str, str] = {
    "killed_civilians": "Civilians killed",
    "killed_security": "Security forces killed",
    "killed_attackers": "Attackers killed",
    "killed_unspecified": "Killed, group not reported",
    "injured": "Injured",
}
"""Casualty columns and their labels. Each holds an integer or None (not reported)."""

DEATH_FIELDS = (
    "killed_civilians",
    "killed_security",
    "killed_attackers",
    "killed_unspecified",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record comes from: enough for a reader to find the words again."""

    title: str
    location: str
    """URL, or file path and line, of the text."""
    publisher: str | None = None
    """None where the source does not name one."""
    date: dt.date | None = None
    excerpt: str = ""
    """The words of the source that the record rests on."""


@dataclass(frozen=True, slots=True)
class Casualties:
    """Deaths by group, and injuries. None means not reported, never zero."""

    killed_civilians: int | None = None
    killed_security: int | None = None
    killed_attackers: int | None = None
    killed_unspecified: int | None = None
    """Deaths the source does not assign to a group: never guessed into one."""
    injured: int | None = None

    @property
    def killed_total(self) -> int | None:
        """Sum of the reported deaths, or None where no group is reported."""
        known = [
            getattr(self, name)
            for name in DEATH_FIELDS
            if getattr(self, name) is not None
        ]
        return sum(known) if known else None


@dataclass(frozen=True, slots=True)
class FigureRange:
    """What an incident's sources say of its figures, beside its best figure.

    ``low`` and ``high`` hold, side by side, the lowest and highest figure any of
    its sources reports (None where fewer than two sources report that side: one
    source is its own range). UCDP GED keeps low, best and high the same way; how
    the best is chosen is :mod:`components.domain.sources`.
    """

    sources: int = 1
    """How many reports the incident rests on."""
    low: Casualties = Casualties()
    high: Casualties = Casualties()

    def disagree(self) -> tuple[str, ...]:
        """The casualty fields on which the sources give different figures."""
        return tuple(
            name
            for name in CASUALTY_FIELDS
            if getattr(self.low, name) is not None
            and getattr(self.low, name) != getattr(self.high, name)
        )


@dataclass(frozen=True, slots=True)
class Incident:
    """One place and target that a source ties together."""

    id: str
    event_id: str
    date: dt.date
    date_precision: DatePrecision
    place_reported: str
    """The place as the source spells it."""
    place: str
    """The gazetteer's name for it."""
    geonameid: int | None
    admin1: str
    lat: float
    lon: float
    geo_precision: GeoPrecision
    target_type: str
    attack_types: tuple[str, ...]
    casualties: Casualties
    source: Source
    notes: str = ""
    revises: str = ""
    """The id of an earlier record of the same item that this one's figures update."""
    figure_scope: str = FigureScope.INCIDENT
    """:class:`FigureScope`: whether the figures are this place's or the event's
    totals."""
    spread: FigureRange = FigureRange()
    """How many sources the incident has, and the range of their figures; its
    ``casualties`` are the best figures."""


@dataclass(frozen=True, slots=True)
class Event:
    """A coordinated wave: facts the source gives for the wave as a whole."""

    id: str
    name: str
    date: dt.date
    date_precision: DatePrecision
    admin1: str
    source: Source
    period_hours: float | None = None
    period_note: str = ""
    places_hit_at_least: int | None = None
    claimed_by: str = ""
    notes: str = ""


ColumnKind = Literal["text", "date", "code", "coordinate", "count", "id"]


@dataclass(frozen=True, slots=True)
class IncidentField:
    """One column of an incident, as the files, the table and the database hold it."""

    name: str
    kind: ColumnKind
    in_file: bool = True
    """A column of ``incidents.csv`` (and of every import)."""
    derived: bool = False
    """Worked out in the table from other columns; never stored."""
    editable: bool = False
    """A person may set it when reviewing a report or editing a saved incident."""


INCIDENT_FIELDS: tuple[IncidentField, ...] = (
    IncidentField("id", "text"),
    IncidentField("event_id", "text"),
    IncidentField("revises", "text"),
    IncidentField("date", "date", editable=True),
    IncidentField("date_precision", "code"),
    IncidentField("place_reported", "text", in_file=False),
    IncidentField("place", "text", editable=True),
    IncidentField("geonameid", "id", in_file=False),
    IncidentField("admin1", "text", in_file=False),
    IncidentField("lat", "coordinate", editable=True),
    IncidentField("lon", "coordinate", editable=True),
    IncidentField("geo_precision", "code", editable=True),
    IncidentField("target_type", "text", editable=True),
    IncidentField("target_label", "text", in_file=False, derived=True),
    IncidentField("attack_types", "text", editable=True),
    IncidentField("attack_labels", "text", in_file=False, derived=True),
    *(IncidentField(name, "count", editable=True) for name in CASUALTY_FIELDS),
    IncidentField("figure_scope", "text", editable=True),
    IncidentField("source_title", "text"),
    IncidentField("source_publisher", "text"),
    IncidentField("source_date", "date"),
    IncidentField("source_location", "text"),
    IncidentField("source_excerpt", "text", editable=True),
    IncidentField("notes", "text", editable=True),
    IncidentField("sources", "count", in_file=False),
    *(
        IncidentField(f"{name}_{end}", "count", in_file=False)
        for name in CASUALTY_FIELDS
        for end in ("low", "high")
    ),
    IncidentField("current", "code", in_file=False, derived=True),
)
"""Every column of an incident, in the table's order. In the files, ``place`` is
the name as the source spells it; the table keeps that as ``place_reported`` and
the gazetteer's name as ``place``."""

FILE_COLUMNS = [f.name for f in INCIDENT_FIELDS if f.in_file]
"""The columns of ``incidents.csv``, in order."""
TABLE_COLUMNS = [f.name for f in INCIDENT_FIELDS]
"""The dashboard table's columns, in order."""
STORED_COLUMNS = [f.name for f in INCIDENT_FIELDS if not f.derived]
"""What a store gives for each incident; the table derives the rest."""
EDITABLE_COLUMNS = [f.name for f in INCIDENT_FIELDS if f.editable]
"""What a person may set or change."""
RANGE_COLUMNS = {name: (f"{name}_low", f"{name}_high") for name in CASUALTY_FIELDS}
"""Each casualty field's low and high columns (the field itself is the best)."""
SPREAD_COLUMNS = ["sources", *(c for pair in RANGE_COLUMNS.values() for c in pair)]
"""The columns of :class:`FigureRange`: set by the store from the sources, never
read from a file."""
