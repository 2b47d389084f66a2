"""The team gazetteer's places as values: what an analyst placed, and who.

A name the shipped gazetteer does not know is placed by a person (a click on the
map, typed coordinates, or a district) and kept in the database with its author,
the report it came from and the time; every later report, the map's place box and
the gazetteer's command consult it. :class:`PlaceDraft` is what a person gives;
:class:`TeamPlace` is what the database holds (its current revision). No
coordinate is ever guessed: a draft has both coordinates and a precision, or it
is refused.

The CSV exchange file has :data:`CSV_COLUMNS`; :func:`parse_place_row` checks one
of its rows, each problem naming its field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components.domain.fields import (
    parse_coordinate,
    parse_precision,
    parse_text,
)
from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.support.errors import FieldError, RowError

MAX_NAME = 80
"""No place name is longer (the gazetteer's own limit)."""
MAX_VARIANTS = 20
VARIANT_SEPARATOR = ";"
TEAM_ID_OFFSET = 1_000_000_000
"""A team place's gazetteer id is ``-(TEAM_ID_OFFSET + its database id)``: negative
like the curated table's places (which GeoNames does not carry), and apart from
them."""
CSV_COLUMNS = [
    "name",
    "variants",
    "lat",
    "lon",
    "precision",
    "admin1",
    "district",
    "country",
    "author",
    "added_by",
    "source",
    "saved_at",
]
"""The exchange file's columns; an import reads ``name`` to ``country`` and keeps
``author``, ``added_by`` and ``source`` in the new revision's source."""


@dataclass(frozen=True, slots=True)
class PlaceDraft:
    """A place as a person gives it, checked: a name, a point and its precision."""

    name: str
    lat: float
    lon: float
    precision: GeoPrecision
    admin1: str = ""
    district: str = ""
    country: str = ""
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamPlace:
    """One place of the team gazetteer, as its current revision leaves it."""

    id: int
    draft: PlaceDraft
    version: int
    author: str
    """Who placed it where it is now (the current revision's author)."""
    added_by: str
    """Who first added it."""
    source: str
    """The report (or file) it came from."""
    saved_at: dt.datetime

    @property
    def name(self) -> str:
        return self.draft.name

    @property
    def gazetteer_id(self) -> int:
        return -(TEAM_ID_OFFSET + self.id)

    def place(self) -> Place:
        """The gazetteer entry: a town (a village, a neighbourhood) at its point,
        at the precision it was placed with."""
        draft = self.draft
        return Place(
            geonameid=self.gazetteer_id,
            name=draft.name,
            kind="town",
            lat=draft.lat,
            lon=draft.lon,
            admin1=draft.admin1,
            precision=draft.precision,
            district=draft.district,
            country=draft.country,
            coordinates_source=f"team gazetteer: {self.credit()}",
        )

    def credit(self) -> str:
        """Who added it, when and from what: 'added by a@b.org on 5 Mar 2026
        from "Turbat report"' (and who placed it since, where that differs)."""
        when = f"{self.saved_at.day} {self.saved_at:%b %Y}"
        text = f"added by {self.added_by}"
        if self.author != self.added_by or self.version > 1:
            text += f", placed by {self.author} on {when}"
        else:
            text += f" on {when}"
        if self.source:
            text += f" from {self.source}"
        return text

    def row(self) -> dict[str, str]:
        """The exchange file's row."""
        draft = self.draft
        return {
            "name": draft.name,
            "variants": f"{VARIANT_SEPARATOR} ".join(draft.variants),
            "lat": f"{draft.lat:.6f}",
            "lon": f"{draft.lon:.6f}",
            "precision": str(int(draft.precision)),
            "admin1": draft.admin1,
            "district": draft.district,
            "country": draft.country,
            "author": self.author,
            "added_by": self.added_by,
            "source": self.source,
            "saved_at": self.saved_at.isoformat(timespec="seconds"),
        }

    def as_json(self) -> dict[str, object]:
        """What the gazetteer's command prints of the team place behind an answer."""
        return {
            "added_by": self.added_by,
            "placed_by": self.author,
            "source": self.source,
            "saved_at": self.saved_at.isoformat(timespec="seconds"),
            "version": self.version,
        }


def team_id(place: Place) -> int | None:
    """The database id of a team place's gazetteer entry, else None."""
    number = -place.geonameid - TEAM_ID_OFFSET
    return number if number > 0 and place.geonameid < 0 else None


def check_name(name: str, field: str = "name") -> str:
    text = " ".join(parse_text(field, name, required=True).split())
    if len(text) > MAX_NAME:
        raise FieldError(field, f"is {len(text)} characters; at most {MAX_NAME}")
    if VARIANT_SEPARATOR in text:
        raise FieldError(field, f"cannot hold '{VARIANT_SEPARATOR}'")
    if not any(c.isalpha() for c in text):
        raise FieldError(field, f"{text!r} has no letter; it is no place name")
    return text


def make_draft(
    name: str,
    lat: float | None,
    lon: float | None,
    precision: int | GeoPrecision | None,
    *,
    admin1: str = "",
    district: str = "",
    country: str = "",
    variants: Sequence[str] = (),
) -> PlaceDraft:
    """A checked draft; raises :class:`RowError` with every field's problem."""
    row = {
        "name": name,
        "variants": f"{VARIANT_SEPARATOR} ".join(variants),
        "lat": "" if lat is None else repr(float(lat)),
        "lon": "" if lon is None else repr(float(lon)),
        "precision": "" if precision is None else str(int(precision)),
        "admin1": admin1,
        "district": district,
        "country": country,
    }
    return parse_place_row(row)


def parse_place_row(row: Mapping[str, str | None]) -> PlaceDraft:
    """One row of the exchange file (or a person's entry), checked; raises
    :class:`RowError` with every problem. Both coordinates and the precision are
    required: a place is never put anywhere the row does not say."""
    errors: list[FieldError] = []

    def read(parse, column: str, *args, **kwargs):
        try:
            return parse(column, row.get(column), *args, **kwargs)
        except FieldError as error:
            errors.append(error)
            return None

    name = read(lambda f, v: check_name(v or "", f), "name")
    lat = read(parse_coordinate, "lat", 90)
    lon = read(parse_coordinate, "lon", 180)
    precision = read(parse_precision, "precision", GeoPrecision)
    for column, value in (("lat", lat), ("lon", lon)):
        if value is None and not any(e.field == column for e in errors):
            errors.append(FieldError(column, "is empty; a place needs its point"))
    admin1 = read(parse_text, "admin1") or ""
    district = read(parse_text, "district") or ""
    country = (read(parse_text, "country") or "").upper()
    if country and not (len(country) == 2 and country.isalpha()):
        errors.append(FieldError("country", f"{country!r} is not a two-letter code"))
    variants = _variants(row.get("variants"), name, errors)
    if errors:
        raise RowError(errors)
    return PlaceDraft(
        name=name,
        lat=round(lat, 6),
        lon=round(lon, 6),
        precision=precision,
        admin1=admin1,
        district=district,
        country=country,
        variants=variants,
    )


def _variants(
    raw: str | None, name: str | None, errors: list[FieldError]
) -> tuple[str, ...]:
    found: list[str] = []
    for part in (raw or "").split(VARIANT_SEPARATOR):
        if not part.strip():
            continue
        try:
            variant = check_name(part, "variants")
        except FieldError as error:
            errors.append(error)
            continue
        if variant.casefold() != (name or "").casefold() and variant not in found:
            found.append(variant)
    if len(found) > MAX_VARIANTS:
        errors.append(
            FieldError("variants", f"has {len(found)} names; at most {MAX_VARIANTS}")
        )
    return tuple(found)
