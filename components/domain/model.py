"""The incident and event records: what one place and target cost, and what a
source says of a wave as a whole. Frozen values; the parsers are in ``fields``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
