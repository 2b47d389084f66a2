"""The team gazetteer in the database: placing a name, reading the places, and
their CSV exchange file.

Placing a name is a new revision of its place (one place per name's lookup key),
with its author, source and time; nothing is overwritten, and placing a name
where it already is changes nothing. The current places are read by
:func:`components.gazetteer.team.read_team_places` (the gazetteer's one reader of
these tables, which the gazetteer's command uses without the store).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, update

from components.domain.problems import Problem
from components.domain.team_places import (
    CSV_COLUMNS,
    VARIANT_SEPARATOR,
    PlaceDraft,
    TeamPlace,
    parse_place_row,
)
from components.gazetteer import normalize_name
from components.gazetteer.team import read_team_places
from components.store.engine import writing
from components.store.revisions import dialect_insert, now
from components.store.schema import TeamPlaceRecord, TeamPlaceRevision
from components.support.errors import DataFileError, RowError, StoreError
from components.support.files import read_capped

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20_000_000
"""A team places file is a few hundred rows; anything past this is not one."""


@dataclass(frozen=True)
class PlacesImport:
    """What an import did: places added, revised (a new point) and unchanged."""

    added: int
    revised: int
    unchanged: int


def team_places(engine: Engine) -> list[TeamPlace]:
    """The current team places, by id."""
    with engine.connect() as connection:
        return read_team_places(connection)


def places_version(engine: Engine) -> int:
    """Changes whenever a place is placed: the latest revision's id (0: none)."""
    with engine.connect() as connection:
        return connection.execute(select(func.max(TeamPlaceRevision.id))).scalar() or 0


def place(
    engine: Engine, draft: PlaceDraft, *, author: str, source: str
) -> tuple[TeamPlace, bool]:
    """Place a name: a new revision of its place unless it is already there.
    Returns the place as now saved and whether this changed it."""
    if not author.strip():
        raise StoreError("a place needs its author")
    with writing(engine) as connection:
        place_id, changed = _place(connection, draft, author, source)
    saved = next(p for p in team_places(engine) if p.id == place_id)
    if changed:
        logger.info("%s placed %r (version %d)", author, draft.name, saved.version)
    return saved, changed


def _place(
    connection: Connection, draft: PlaceDraft, author: str, source: str
) -> tuple[int, bool]:
    key = normalize_name(draft.name)
    connection.execute(
        dialect_insert(connection, TeamPlaceRecord)
        .values(key=key, version=0)
        .on_conflict_do_nothing(index_elements=[TeamPlaceRecord.key])
    )
    record = connection.execute(
        select(TeamPlaceRecord.id, TeamPlaceRecord.version, TeamPlaceRecord.head_id)
        .where(TeamPlaceRecord.key == key)
        .with_for_update()  # PostgreSQL: two placings of one name queue here
    ).one()
    if record.head_id is not None and _current(connection, record.head_id) == draft:
        return record.id, False
    number = record.version + 1
    revision_id = connection.execute(
        insert(TeamPlaceRevision)
        .values(
            place_id=record.id,
            number=number,
            name=draft.name,
            variants=f"{VARIANT_SEPARATOR} ".join(draft.variants),
            lat=draft.lat,
            lon=draft.lon,
            precision=int(draft.precision),
            admin1=draft.admin1,
            district=draft.district,
            country=draft.country,
            author=author,
            source=source,
            saved_at=now(),
        )
        .returning(TeamPlaceRevision.id)
    ).scalar_one()
    connection.execute(
        update(TeamPlaceRecord)
        .where(TeamPlaceRecord.id == record.id)
        .values(version=number, head_id=revision_id)
    )
    return record.id, True


def _current(connection: Connection, revision_id: int) -> PlaceDraft:
    row = connection.execute(
        select(TeamPlaceRevision.__table__).where(TeamPlaceRevision.id == revision_id)
    ).one()
    variants = (v.strip() for v in row.variants.split(VARIANT_SEPARATOR))
    return parse_place_row(
        {
            "name": row.name,
            "variants": f"{VARIANT_SEPARATOR}".join(v for v in variants if v),
            "lat": repr(row.lat),
            "lon": repr(row.lon),
            "precision": str(row.precision),
            "admin1": row.admin1,
            "district": row.district,
            "country": row.country,
        }
    )


# --- The exchange file --------------------------------------------------------------


def places_csv(places: Iterable[TeamPlace]) -> bytes:
    """The exchange file of ``places`` (UTF-8, a header and a row per place)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(place.row() for place in places)
    return out.getvalue().encode("utf-8")


def read_places_file(path: Path) -> list[tuple[PlaceDraft, str]]:
    """(draft, provenance) per row of an exchange file; every problem of the file
    (by row and field) in one :class:`DataFileError`, and nothing read."""
    data = read_capped(path, MAX_FILE_BYTES, "places file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError([Problem(str(path), "is not UTF-8 text")]) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [
        c
        for c in ("name", "lat", "lon", "precision")
        if c not in (reader.fieldnames or ())
    ]
    if missing:
        raise DataFileError(
            [Problem(str(path), f"has no column {', '.join(missing)}", line=1)]
        )
    drafts: list[tuple[PlaceDraft, str]] = []
    problems: list[Problem] = []
    for number, row in enumerate(reader, start=1):
        try:
            drafts.append((parse_place_row(row), _provenance(row)))
        except RowError as error:
            problems.extend(
                Problem(
                    str(path),
                    e.message,
                    row=number,
                    line=reader.line_num,
                    field=e.field,
                )
                for e in error.errors
            )
    if problems:
        raise DataFileError(problems)
    return drafts


def _provenance(row: dict) -> str:
    """Where an imported row says it came from, kept in the new revision's source."""
    said = [
        f"added by {row['added_by']}" if row.get("added_by") else "",
        f"placed by {row['author']}"
        if row.get("author") and row.get("author") != row.get("added_by")
        else "",
        f"from {row['source']}" if row.get("source") else "",
    ]
    return ", ".join(part.strip() for part in said if part)


def import_places(
    engine: Engine,
    rows: Sequence[tuple[PlaceDraft, str]],
    *,
    author: str,
    source: str,
) -> PlacesImport:
    """Place every row in one save: all or nothing."""
    known = {normalize_name(p.name) for p in team_places(engine)}
    added = revised = unchanged = 0
    with writing(engine) as connection:
        for draft, provenance in rows:
            _, changed = _place(
                connection,
                draft,
                author,
                f"{source} ({provenance})" if provenance else source,
            )
            key = normalize_name(draft.name)
            if not changed:
                unchanged += 1
            elif key in known:
                revised += 1
            else:
                added += 1
            known.add(key)
    logger.info(
        "%s imported places from %s: %d added, %d revised",
        author,
        source,
        added,
        revised,
    )
    return PlacesImport(added, revised, unchanged)
