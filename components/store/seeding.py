"""Seeding: the data directory's CSV files into the database, once per change.

At every start the data files are compared with what the database was seeded
from, by SHA-256 digest (:mod:`components.store.digests`). Files that are new or
changed are read whole, in one save: records not in the database are added, and
records whose stored values differ get a new revision. Unchanged files cost a
digest each and are not read.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Engine, insert, select

from components.domain.model import Incident
from components.domain.problems import Problem
from components.domain.records import Dataset
from components.gazetteer import Gazetteer
from components.store.columnar import FrameCache
from components.store.digests import file_digests
from components.store.engine import writing
from components.store.revisions import current, insert_records, new_save, revise
from components.store.rows import comparable, event_values, incident_values
from components.store.schema import (
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    SeedFile,
)
from components.support.errors import ConflictError

logger = logging.getLogger(__name__)

SEED_AUTHOR = "seed files"


def seed(
    engine: Engine,
    cache: FrameCache,
    data_dir: Path,
    gazetteer: Gazetteer | None = None,
    author: str = SEED_AUTHOR,
) -> list[Problem]:
    """Read the data directory's CSV files that are new or changed since the
    last start into the database. Returns the problems of the rows that could
    not be read (listed again at every start while the files have them)."""
    from components.formats.ours import CsvStore

    files = CsvStore(data_dir, gazetteer)
    paths = [p for p in files.seed_paths() if p.exists()]
    digests = file_digests(paths, cache.beside("seed-digests.json"))
    with engine.connect() as connection:
        known = {
            row.path: (row.sha256, row.problems)
            for row in connection.execute(
                select(SeedFile.path, SeedFile.sha256, SeedFile.problems)
            )
        }
    unchanged = all(known.get(p, ("",))[0] == d for p, d in digests.items())
    if unchanged and not any(known[p][1] for p in digests):
        return []
    dataset = files.load()
    if not unchanged:
        _write_seed(engine, files.gazetteer, dataset, digests, author)
    return list(dataset.problems)


def seed_values(gazetteer: Gazetteer, incident: Incident) -> dict[str, object]:
    """A seed file's row as stored; it pinned its coordinates when they are not
    its place's in the gazetteer."""
    place = gazetteer.get(incident.place_reported)
    pinned = place is None or (round(place.lat, 5), round(place.lon, 5)) != (
        round(incident.lat, 5),
        round(incident.lon, 5),
    )
    return incident_values(incident, pinned)


def _write_seed(
    engine: Engine,
    gazetteer: Gazetteer,
    dataset: Dataset,
    digests: Mapping[str, str],
    author: str,
) -> None:
    bad: dict[str, int] = {}
    for problem in dataset.problems:
        bad[problem.path] = bad.get(problem.path, 0) + 1
    with writing(engine) as connection:
        save_id = new_save(connection, author, "seed", source=", ".join(digests))
        kinds = (
            (EventRecord, EventRevision, dataset.events.values(), event_values),
            (
                IncidentRecord,
                IncidentRevision,
                dataset.incidents,
                functools.partial(seed_values, gazetteer),
            ),
        )
        for record, revision, items, values_of in kinds:
            stored = current(connection, record, revision, [i.id for i in items])
            new = {}
            for item in items:
                values = values_of(item)
                known = stored.get(item.id)
                if known is None:
                    new[item.id] = values
                elif comparable(known[1]) != comparable(values):
                    revise(
                        connection,
                        record,
                        revision,
                        item.id,
                        known[0],
                        values,
                        save_id,
                    )
            taken = insert_records(connection, record, revision, new, save_id)
            if taken:
                raise ConflictError(
                    f"another process added {len(taken)} record(s) of the seed "
                    f"files while this one read them (e.g. {min(taken)!r}); "
                    "nothing was saved: start again"
                )
        for path, digest in digests.items():
            connection.execute(SeedFile.__table__.delete().where(SeedFile.path == path))
            problems = sum(n for name, n in bad.items() if path.endswith(name))
            connection.execute(
                insert(SeedFile).values(
                    path=path, sha256=digest, save_id=save_id, problems=problems
                )
            )
    logger.info(
        "seeded %d incident(s) from %d file(s)",
        len(dataset.incidents),
        len(digests),
    )
