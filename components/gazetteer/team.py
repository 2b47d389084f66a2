"""The team gazetteer: places analysts placed, consulted before the shipped ones.

The store keeps them (``components/store/places.py``: every placing a revision with
its author and source); this module reads their current state from a database
connection and layers them over a gazetteer, so the report reader, the map's place
box and the command line find them without importing the store. The tables are
the store's (``team_places``, ``team_place_revisions``, created by its migration
``0003_team_places``); this is their one reader.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Sequence

from components.domain.places import Place
from components.domain.team_places import PlaceDraft, TeamPlace, team_id
from components.domain.vocabularies import GeoPrecision
from components.gazetteer.core import Gazetteer
from components.support.errors import GazetteerError

logger = logging.getLogger(__name__)

DATABASE_URL_VARIABLE = "INCIDENT_MAP_DATABASE_URL"
"""The store's setting (``components.store.engine``), read here by the command."""

CURRENT_PLACES = """
SELECT p.id AS id, p.version AS version, r.name AS name, r.variants AS variants,
       r.lat AS lat, r.lon AS lon, r.precision AS precision, r.admin1 AS admin1,
       r.district AS district, r.country AS country, r.author AS author,
       r.source AS source, r.saved_at AS saved_at, f.author AS added_by
FROM team_places p
JOIN team_place_revisions r ON r.id = p.head_id
JOIN team_place_revisions f ON f.place_id = p.id AND f.number = 1
ORDER BY p.id
"""
"""Each team place as its latest revision leaves it, with who first added it."""


def read_team_places(connection) -> list[TeamPlace]:
    """The current team places, read over a SQLAlchemy connection."""
    from sqlalchemy import DateTime, text

    statement = text(CURRENT_PLACES).columns(saved_at=DateTime(timezone=True))
    places = []
    for row in connection.execute(statement):
        variants = tuple(v.strip() for v in (row.variants or "").split(";"))
        draft = PlaceDraft(
            name=row.name,
            lat=float(row.lat),
            lon=float(row.lon),
            precision=GeoPrecision(int(row.precision)),
            admin1=row.admin1,
            district=row.district,
            country=row.country,
            variants=tuple(v for v in variants if v),
        )
        places.append(
            TeamPlace(
                id=int(row.id),
                draft=draft,
                version=int(row.version),
                author=row.author,
                added_by=row.added_by,
                source=row.source,
                saved_at=row.saved_at,
            )
        )
    return places


def with_team_places(gazetteer: Gazetteer, team: Iterable[TeamPlace]) -> Gazetteer:
    """``gazetteer`` with the team places consulted first, by name and variants."""
    team = list(team)
    if not team:
        return gazetteer
    names = [(v, t.gazetteer_id) for t in team for v in t.draft.variants]
    return gazetteer.layered([t.place() for t in team], names)


@functools.lru_cache(maxsize=4)
def layered_gazetteer(base: Gazetteer, team: tuple[TeamPlace, ...]) -> Gazetteer:
    """:func:`with_team_places`, remembered for the last few sets of places."""
    return with_team_places(base, team)


def team_place_of(place: Place | None, team: Sequence[TeamPlace]) -> TeamPlace | None:
    """The team place behind a gazetteer entry, if it is one."""
    number = team_id(place) if place is not None else None
    return next((t for t in team if t.id == number), None) if number else None


def database_team_places(url: str | None) -> list[TeamPlace]:
    """The team places of the database at ``url`` (the command line's
    ``--database``), else of ``INCIDENT_MAP_DATABASE_URL``; none without either,
    or where that SQLite file does not exist yet. Raises :class:`GazetteerError`
    with one line when the database cannot be read."""
    chosen = (url or os.environ.get(DATABASE_URL_VARIABLE, "")).strip()
    if not chosen:
        return []
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    try:
        parsed = make_url(chosen)
    except ArgumentError:
        raise GazetteerError(
            "the database URL cannot be read; it looks like sqlite:///FILE or "
            "postgresql+psycopg://USER@HOST/DATABASE"
        ) from None
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if not path or path == ":memory:" or not os.path.exists(path):
            if url:  # named on purpose: say it is not there
                raise GazetteerError(f"no database file {path or shown!r}")
            return []
    try:
        engine = create_engine(chosen)
    except (ArgumentError, ImportError) as error:
        raise GazetteerError(f"cannot use the database {shown}: {error}") from None
    try:
        with engine.connect() as connection:
            return read_team_places(connection)
    except SQLAlchemyError as error:
        first = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise GazetteerError(
            f"cannot read the team places in {shown}: "
            f"{first[0] if first else type(error).__name__} (run python -m "
            "components.store init to create or upgrade its tables)"
        ) from None
    finally:
        engine.dispose()
