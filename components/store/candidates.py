"""The matcher's candidates from the store: the current incidents near a
reviewed row in time and place, by one indexed query, and the proposal for it.

The query is the one docs/matching.md names: the date window and the box around
the point (or the province) of :func:`components.domain.matching.candidate_window`,
served by the ``(date, lat, lon)`` index of ``incident_revisions``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from sqlalchemy import Engine, and_, or_, select

from components.domain.matching import IncidentFacts, Proposal, candidate_window
from components.domain.matching import propose as propose_match
from components.domain.matching.facts import KIND_BY_PRECISION
from components.domain.model import CASUALTY_FIELDS, Casualties
from components.domain.vocabularies import (
    NOT_REPORTED,
    DatePrecision,
    FigureScope,
    GeoPrecision,
)
from components.gazetteer import Gazetteer
from components.store.schema import IncidentRecord, IncidentRevision

logger = logging.getLogger(__name__)

MAX_CANDIDATES = 500
"""Candidates read for one proposal: a window around one town on a few days holds
tens; more means the data sit on one point, and the nearest by date are kept."""


def candidates(engine: Engine, facts: IncidentFacts) -> list[IncidentFacts]:
    """The current incidents :func:`propose` could match ``facts`` with: one
    query over the date window and the box around the point (or the province),
    by the ``(date, lat, lon)`` index (docs/matching.md)."""
    window = candidate_window(facts)
    revision = IncidentRevision
    where = [
        revision.date.between(window.first, window.last),
        revision.retracted.is_(False),
        revision.figure_scope == FigureScope.INCIDENT,
    ]
    if window.south is not None:
        if window.west <= window.east:  # type: ignore[operator]
            across = revision.lon.between(window.west, window.east)
        else:  # the box crosses the 180th meridian
            across = or_(revision.lon >= window.west, revision.lon <= window.east)
        box = and_(revision.lat.between(window.south, window.north), across)
        province = and_(
            revision.geo_precision == int(GeoPrecision.REGION),
            revision.admin1 == window.admin1,
        )
        where.append(or_(box, province) if window.admin1 else box)
    elif window.admin1:
        where.append(revision.admin1 == window.admin1)
    query = (
        select(IncidentRecord.id.label("record_id"), *_FACT_COLUMNS)
        .join(revision, revision.id == IncidentRecord.head_id)
        .where(*where)
        .order_by(revision.date, IncidentRecord.id)
        .limit(MAX_CANDIDATES)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [_facts_of(row) for row in rows]


_FACT_COLUMNS = [
    getattr(IncidentRevision, name)
    for name in (
        "place_reported",
        "date",
        "date_precision",
        "place",
        "geonameid",
        "lat",
        "lon",
        "geo_precision",
        "admin1",
        "target_type",
        "attack_types",
        *CASUALTY_FIELDS,
    )
]


def _facts_of(row: Mapping) -> IncidentFacts:
    precision = GeoPrecision(row["geo_precision"])
    return IncidentFacts(
        row["place_reported"],
        row["date"],
        id=row["record_id"],
        date_precision=DatePrecision(row["date_precision"]),
        place=row["place"],
        place_id=row["geonameid"],
        lat=row["lat"],
        lon=row["lon"],
        precision=precision,
        kind=KIND_BY_PRECISION.get(precision, ""),
        admin1=row["admin1"],
        target_types=frozenset({row["target_type"]} - {NOT_REPORTED}),
        attack_types=frozenset(row["attack_types"].split(";")) - {NOT_REPORTED, ""},
        casualties=Casualties(**{column: row[column] for column in CASUALTY_FIELDS}),
    )


def facts_of_row(
    row: Mapping[str, object], gazetteer: Gazetteer, date: dt.date | None = None
) -> IncidentFacts | None:
    """What the matcher compares of a reviewed row (CSV cells, codes): None for
    a row of a report's totals, or one with no place or date."""
    if str(row.get("figure_scope") or FigureScope.INCIDENT) != FigureScope.INCIDENT:
        return None
    place = str(row.get("place") or "").strip()
    when = _date(row.get("date")) or date
    if not place or when is None:
        return None
    found = gazetteer.match(place, fuzzy=False)
    target = str(row.get("target_type") or "")
    attacks = {a for a in str(row.get("attack_types") or "").split(";") if a}

    def count(column: str) -> int | None:
        text = str(row.get(column) or "").strip()
        return int(text) if text.isdigit() else None

    try:
        return IncidentFacts.at_place(
            found.place,
            place,
            when,
            precision=found.precision if found.place else None,
            target_types=frozenset({target} - {NOT_REPORTED, ""}),
            attack_types=frozenset(attacks - {NOT_REPORTED}),
            casualties=Casualties(**{c: count(c) for c in CASUALTY_FIELDS}),
        )
    except (ValueError, KeyError) as error:  # unknown codes: no match proposed
        logger.info("no match proposed for %r: %s", place, error)
        return None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def proposal(
    engine: Engine, gazetteer: Gazetteer, row: Mapping[str, object]
) -> Proposal | None:
    """The matcher's answer for one reviewed row (None: nothing to match)."""
    facts = facts_of_row(row, gazetteer)
    if facts is None:
        return None
    return propose_match(facts, candidates(engine, facts))
