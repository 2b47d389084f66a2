"""What is being matched: one incident's place, date, targets, attacks and figures.

:class:`IncidentFacts` holds a report's incident before it is saved, or one of the
record's (with its id): the same shape on both sides of a comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from components.domain.model import Casualties, Incident
from components.domain.places import Place
from components.domain.vocabularies import (
    ATTACK_TYPES,
    NOT_REPORTED,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)
from components.support.errors import FieldError

KIND_BY_PRECISION = {GeoPrecision.TOWN: "town", GeoPrecision.REGION: "province"}
"""The kind of place a record's precision implies, where it implies one (a record
placed 'near town / part of region' may be a tehsil, a district or a suburb)."""


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """What matching compares of one incident. Unknown is empty or None, never a
    guess: an empty ``target_types`` is 'not reported', not 'no target'."""

    place_reported: str
    """The place as the source spells it."""
    date: dt.date | None
    id: str = ""
    """The record's id; empty for a report's incident not yet saved."""
    date_precision: DatePrecision = DatePrecision.DAY
    place: str = ""
    """The gazetteer's name for the place; empty when the gazetteer does not know
    it (then only names can be compared)."""
    place_id: int | None = None
    """The gazetteer's id of the place."""
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None
    kind: str = ""
    """'town', 'tehsil', 'district' or 'province', where known."""
    admin1: str = ""
    district: str = ""
    """The district the place lies in (a district's own name for a district)."""
    other_names: tuple[str, ...] = ()
    """Other names the source gives for the same place: a locality, a road, the
    district ('Khaddi Market', 'Sher Bandi', 'Nushki-Dalbandin highway')."""
    target_types: frozenset[str] = frozenset()
    """Codes of ``vocabularies.TARGET_TYPES``; empty when not reported."""
    attack_types: frozenset[str] = frozenset()
    """Codes of ``vocabularies.ATTACK_TYPES``; empty when not reported."""
    casualties: Casualties = field(default_factory=Casualties)

    def __post_init__(self) -> None:
        if not (self.place_reported.strip() or self.place.strip()):
            raise FieldError("place_reported", "an incident needs a place name")
        if (self.lat is None) != (self.lon is None):
            raise FieldError("lat/lon", "give both coordinates or neither")
        if self.lat is not None:
            if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):  # type: ignore[operator]
                raise FieldError("lat/lon", f"({self.lat}, {self.lon}) is not on Earth")
            if self.precision is None:
                raise FieldError("precision", "a placed incident needs its precision")
        for name, codes, vocabulary in (
            ("target_types", self.target_types, TARGET_TYPES),
            ("attack_types", self.attack_types, ATTACK_TYPES),
        ):
            unknown = sorted(set(codes) - set(vocabulary))
            if unknown:
                raise FieldError(name, f"unknown code(s): {', '.join(unknown)}")

    @property
    def placed(self) -> bool:
        """Whether the incident has a point (the gazetteer knows its place)."""
        return self.lat is not None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place, the reported one first, each once."""
        found = (self.place_reported, self.place, *self.other_names)
        return tuple(dict.fromkeys(n for n in found if n and n.strip()))

    @classmethod
    def at_place(
        cls,
        place: Place | None,
        place_reported: str,
        date: dt.date | None,
        *,
        precision: GeoPrecision | None = None,
        **fields: object,
    ) -> IncidentFacts:
        """Facts placed at a gazetteer entry, or unplaced for ``None``.
        ``precision`` is the match's ('Khar Tehsil' is coarser than the town
        Khar) and defaults to the place's own."""
        if place is None:
            return cls(place_reported, date, **fields)  # type: ignore[arg-type]
        district = place.district or (place.name if place.kind == "district" else "")
        return cls(
            place_reported,
            date,
            place=place.name,
            place_id=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            precision=precision or place.precision,
            kind=place.kind,
            admin1=place.admin1,
            district=district,
            **fields,  # type: ignore[arg-type]
        )

    @classmethod
    def from_incident(cls, incident: Incident) -> IncidentFacts:
        """The facts of a record's incident ('not reported' codes left out)."""
        return cls(
            incident.place_reported,
            incident.date,
            id=incident.id,
            date_precision=incident.date_precision,
            place=incident.place,
            place_id=incident.geonameid,
            lat=incident.lat,
            lon=incident.lon,
            precision=incident.geo_precision,
            kind=KIND_BY_PRECISION.get(incident.geo_precision, ""),
            admin1=incident.admin1,
            target_types=frozenset({incident.target_type} - {NOT_REPORTED}),
            attack_types=frozenset(incident.attack_types) - {NOT_REPORTED},
            casualties=incident.casualties,
        )
