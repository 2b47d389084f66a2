"""Editing a saved incident: which fields, what an edit changes, and whether the
result is a valid record. Pure.

An edit starts from the record's cells as the store gives them
(``DatabaseStore.editable``) and ends with the cells a person set; the change is
the cells that differ, said in words before anything is saved, and checked by
:func:`~components.domain.records.parse_incident_row`, the one validator every
way in uses (files, imports, the review, the store's own save).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from components.domain.model import CASUALTY_FIELDS, INCIDENT_FIELDS
from components.domain.places import PlaceFinder
from components.domain.records import parse_incident_row
from components.domain.vocabularies import (
    ATTACK_TYPES,
    FIGURE_SCOPES,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)
from components.support.errors import FieldError, RowError

FIXED_FIELDS = ("id", "event_id", "revises")
"""What an edit never changes: the record's identity, its event, what it revises."""
EDIT_FIELDS = tuple(
    f.name for f in INCIDENT_FIELDS if f.in_file and f.name not in FIXED_FIELDS
)
"""The cells a person may change on a saved incident."""

LABELS: dict[str, str] = {
    "date": "Date",
    "date_precision": "Date precision",
    "place": "Place",
    "lat": "Latitude",
    "lon": "Longitude",
    "geo_precision": "Geo precision",
    "target_type": "Target type",
    "attack_types": "Attack types",
    **CASUALTY_FIELDS,
    "figure_scope": "What the figures count",
    "source_title": "Source title",
    "source_publisher": "Source publisher",
    "source_date": "Source date",
    "source_location": "Where in the source",
    "source_excerpt": "Source text",
    "notes": "Notes",
}
"""Each editable cell's name on the page."""

POINT_FIELDS = ("lat", "lon")
"""Cells said together, as one point."""
SHORTEST = 60
"""Text longer than this is shown cut short in the list of changes."""


@dataclass(frozen=True)
class FieldChange:
    """One cell an edit changes, as the page says it."""

    field: str
    label: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.label}: {self.before} → {self.after}"


def changed_cells(
    before: Mapping[str, str], after: Mapping[str, str]
) -> dict[str, str]:
    """The editable cells of ``after`` that differ from ``before`` (text stripped
    of surrounding spaces, as the validator reads it)."""
    return {
        field: after[field]
        for field in EDIT_FIELDS
        if field in after and _same(before.get(field)) != _same(after[field])
    }


def describe_changes(
    before: Mapping[str, str], after: Mapping[str, str]
) -> list[FieldChange]:
    """What an edit changes, field by field, in the page's words (codes as their
    labels, a blank count as 'not reported', long text cut short)."""
    changed = changed_cells(before, after)
    listed = [
        FieldChange(
            field,
            LABELS[field],
            shown(field, before.get(field, "")),
            shown(field, value),
        )
        for field, value in changed.items()
        if field not in POINT_FIELDS
    ]
    if any(field in changed for field in POINT_FIELDS):
        listed.append(
            FieldChange("point", "Point", _point(before), _point({**before, **after}))
        )
    return listed


def _point(cells: Mapping[str, str]) -> str:
    lat, lon = _same(cells.get("lat")), _same(cells.get("lon"))
    if not (lat or lon):
        return "the gazetteer's point for the place"
    return f"{lat or '?'}, {lon or '?'}"


def check_edit(
    before: Mapping[str, str], after: Mapping[str, str], places: PlaceFinder
) -> list[FieldError]:
    """The problems of the record an edit would leave (none: it may be saved),
    found by the same validator as every other way in."""
    row = {**before, **changed_cells(before, after)}
    try:
        parse_incident_row(row, places)
    except RowError as error:
        return list(error.errors)
    return []


def shown(field: str, value: str | None) -> str:
    """One cell's value as the list of changes shows it."""
    text = (value or "").strip()
    if field in CASUALTY_FIELDS:
        return text or "not reported"
    if field == "geo_precision" and not text:
        return "the gazetteer's for the place"
    if not text:
        return "(blank)"
    if field == "target_type" and text in TARGET_TYPES:
        return TARGET_TYPES[text].label
    if field == "attack_types":
        codes = [code.strip() for code in text.split(";")]
        return ", ".join(
            ATTACK_TYPES[code].label if code in ATTACK_TYPES else code for code in codes
        )
    if field == "figure_scope" and text in FIGURE_SCOPES:
        return FIGURE_SCOPES[text]
    if field in ("geo_precision", "date_precision"):
        kind = GeoPrecision if field == "geo_precision" else DatePrecision
        return f"{text} ({kind(int(text)).label})" if _code_of(kind, text) else text
    one_line = " ".join(text.split())
    if len(one_line) > SHORTEST:
        return one_line[: SHORTEST - 1] + "…"
    return one_line


def _code_of(kind: type[GeoPrecision] | type[DatePrecision], text: str) -> bool:
    return text.isdigit() and int(text) in {member.value for member in kind}


def _same(value: str | None) -> str:
    return (value or "").strip()
