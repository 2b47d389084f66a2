"""The page asked of the database: when it is, and what it asks besides the map's
groups (:mod:`~components.store.map_groups`) and the headline
(:mod:`~components.store.headline_sums`).

Above a number of incidents the page does not read the incident table into its
process: the filters' options, the headline, the map and the first page of the
incident list are queries, and the process holds only what the view shows. The
number is the setting ``INCIDENT_MAP_SQL_ABOVE`` (an integer; ``never`` keeps
the table in the process whatever the size). Without it, a PostgreSQL database
above :data:`POSTGRES_SQL_ABOVE` incidents is asked; SQLite (the embedded
default) never is, since its file is on the page's own machine and the
in-memory path answers a filter change in a fraction of the time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, case, func, select, text, union

from components.domain.filters import FilterOptions, Filters
from components.domain.model import DEATH_FIELDS, STORED_COLUMNS, Event
from components.domain.summary import Headline
from components.domain.table import complete_frame
from components.domain.vocabularies import GeoPrecision
from components.store.current_rows import latest_rows, reading, revised_ids
from components.store.group_rows import exact_span
from components.store.headline_sums import HeadlineSums
from components.store.rows import stored_day
from components.store.schema import (
    IncidentKind,
    IncidentPoint,
    IncidentRecord,
    IncidentRevision,
)

logger = logging.getLogger(__name__)

SQL_ABOVE_VARIABLE = "INCIDENT_MAP_SQL_ABOVE"
POSTGRES_SQL_ABOVE = 2_000_000
"""Incidents above which a PostgreSQL database is asked rather than read: a
page reading the table holds about 620 MB a million incidents, the page asking
stays under 300 MB at any size; but asking takes seconds a filter change at a
million where the table takes a fraction of that (docs/performance.md)."""
NEVER = "never"
LIST_ROWS = 200
"""Incidents the list shows in the page asked of the database (newest first)."""

_REGION = int(GeoPrecision.REGION)


@dataclass(frozen=True)
class PageMode:
    """Whether the page asks the database, and why."""

    sql: bool
    incidents: int
    """Incidents in the database (on PostgreSQL, its statistics' estimate)."""
    threshold: int | None
    """Above this many the database is asked; None: never."""


def sql_threshold(dialect: str, environ: Mapping[str, str] = os.environ) -> int | None:
    """Incidents above which the page asks a database of ``dialect`` (None:
    never), from :data:`SQL_ABOVE_VARIABLE` or the default."""
    value = environ.get(SQL_ABOVE_VARIABLE, "").strip()
    if value.lower() == NEVER:
        return None
    if value:
        try:
            number = int(value.replace(",", "").replace("_", ""))
        except ValueError:
            number = -1
        if number >= 0:
            return number
        logger.warning(
            "%s=%r is not a number of incidents (or %r): using the default",
            SQL_ABOVE_VARIABLE,
            value,
            NEVER,
        )
    return POSTGRES_SQL_ABOVE if dialect == "postgresql" else None


def incident_count(engine: Engine) -> int:
    """Incidents in the database, cheaply: on PostgreSQL the planner's estimate
    (``pg_class.reltuples``, kept by autovacuum and ``ANALYZE``) unless the table
    was never analysed; elsewhere a count (an index scan on SQLite)."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            estimate = connection.execute(
                text(
                    "SELECT reltuples::bigint FROM pg_class "
                    "WHERE oid = to_regclass('incidents')"
                )
            ).scalar()
            if estimate is not None and estimate >= 0:
                return int(estimate)
        return int(
            connection.execute(select(func.count(IncidentRecord.id))).scalar() or 0
        )


def page_mode(engine: Engine, environ: Mapping[str, str] = os.environ) -> PageMode:
    """Whether the page showing ``engine``'s incidents asks the database."""
    threshold = sql_threshold(engine.dialect.name, environ)
    if threshold is None:
        return PageMode(False, 0, None)
    count = incident_count(engine)
    mode = PageMode(count > threshold, count, threshold)
    logger.info(
        "the page %s: %d incidents, threshold %d",
        "asks the database" if mode.sql else "reads the incident table",
        count,
        threshold,
    )
    return mode


def filter_options(engine: Engine) -> FilterOptions:
    """The filters' options over every current incident (revised ones too, as
    the table holds them): the places (with their first and last day, from
    the counts per place) and the target and attack types of the kept counts,
    and those of the few records that revise another or are revised, read
    from their rows."""
    groups, kinds = IncidentPoint.__table__, IncidentKind.__table__
    wide = func.max(case((groups.c.geo_precision == _REGION, 1), else_=0))
    revision = IncidentRevision.__table__
    heads = IncidentRecord.__table__.join(
        revision, revision.c.id == IncidentRecord.head_id
    )
    columns = [
        revision.c[c]
        for c in ("place", "geo_precision", "date", "target_type", "attack_types")
    ]
    present = revision.c.retracted.is_(False)
    uncounted = union(  # each by its own index: revises, and the incidents' ids
        select(IncidentRecord.id, *columns)
        .select_from(heads)
        .where(present, revision.c.revises.is_not(None)),
        select(IncidentRecord.id, *columns)
        .select_from(heads)
        .where(present, IncidentRecord.id.in_(revised_ids())),
    )
    with reading(engine) as connection:
        places = connection.execute(
            select(
                groups.c.place,
                wide,
                func.min(groups.c.first_date),
                func.max(groups.c.last_date),
            ).group_by(groups.c.place)
        ).all()
        others = connection.execute(uncounted).mappings().all()
        places += [
            (row["place"], row["geo_precision"] == _REGION, row["date"], row["date"])
            for row in others
        ]
        kinds_found = connection.execute(
            select(kinds.c.target_type, kinds.c.attack_types)
        ).all()
        kinds_found += [(row["target_type"], row["attack_types"]) for row in others]
        firsts = [stored_day(first) for _, _, first, _ in places if first is not None]
        lasts = [stored_day(last) for _, _, _, last in places if last is not None]
        span = None
        if firsts:
            first, last = exact_span(connection, Filters(), min(firsts), max(lasts))
            span = (stored_day(first), stored_day(last))
    regions: dict[str, bool] = {}
    for place, region, _, _ in places:
        regions[str(place)] = regions.get(str(place), False) or bool(region)
    return FilterOptions(
        places=regions,
        target_types=frozenset(str(target) for target, _ in kinds_found),
        attack_types=frozenset(
            code for _, codes in kinds_found for code in str(codes).split(";")
        ),
        span=span,
    )


def sums_headline(sums: HeadlineSums, events: Mapping[str, Event]) -> Headline:
    """The headline of :func:`~components.store.headline_sums.headline_sums`'
    figures, with what the selection's events say (as ``summary.headline``;
    revised records' earlier figures are not given)."""
    chosen = [events[e] for e in sums.events if e in events]
    at_least = [
        e.places_hit_at_least for e in chosen if e.places_hit_at_least is not None
    ]
    single = chosen[0] if len(chosen) == 1 else None
    return Headline(
        deaths={column: sums.figures[column] for column in DEATH_FIELDS},
        places_named=sums.places_named,
        places_hit_at_least=sum(at_least) if at_least else None,
        first_date=pd.Timestamp(sums.first_date) if sums.first_date else None,
        last_date=pd.Timestamp(sums.last_date) if sums.last_date else None,
        period_hours=single.period_hours if single else None,
        period_note=single.period_note if single else "",
    )


def newest_rows(
    engine: Engine, filters: Filters, limit: int = LIST_ROWS
) -> pd.DataFrame:
    """The newest ``limit`` current incidents of the selection (date, then id,
    descending) as the table's rows, for the incident list."""
    rows = latest_rows(filters).subquery("latest")
    with reading(engine) as connection:
        found = pd.DataFrame(
            connection.execute(
                select(rows).order_by(rows.c.date.desc(), rows.c.id.desc()).limit(limit)
            )
            .mappings()
            .all(),
            columns=STORED_COLUMNS,
        )
    return complete_frame(found)
