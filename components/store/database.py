"""The incident store: one database for the whole team, every change a revision.

A save is one transaction. It checks each row as the CSV loader does (fields,
gazetteer, events, revisions), then writes a ``saves`` row and one revision per
record it adds or changes; it costs what it adds, not the size of the data. Two
saves never lose each other: adding an id that exists, or editing a record
another save changed since it was read, is refused with a
:class:`ConflictError` that says who changed what and when. Nothing is
overwritten or deleted; undoing a save is a new save.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Select, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from components.domain.model import CASUALTY_FIELDS, Event, Incident, Source
from components.domain.problems import Problem
from components.domain.records import (
    EVENT_COLUMNS,
    Dataset,
    parse_event_row,
    parse_incident_row,
)
from components.domain.table import STORED_COLUMNS, complete_frame
from components.domain.vocabularies import DatePrecision
from components.gazetteer import Gazetteer, default_gazetteer
from components.store.columnar import FrameCache, read_frame
from components.store.digests import file_digests
from components.store.engine import WRITE_OPTION, make_engine, shown_url
from components.store.schema import (
    ROLES,
    EventRecord,
    EventRevision,
    IncidentRecord,
    IncidentRevision,
    Save,
    SeedFile,
    User,
)
from components.support.errors import (
    ConflictError,
    DataFileError,
    IncidentMapError,
    RowError,
    StoreError,
)

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ROWS = "the rows to save"
"""Where problems with rows being saved are said to be."""


@dataclass(frozen=True)
class SaveResult:
    """What one save wrote."""

    save_id: int
    incidents: int
    events: int


@dataclass(frozen=True)
class HistoryEntry:
    """One revision of a record: who made it, when, why, and what it changed."""

    number: int
    save_id: int
    author: str
    saved_at: dt.datetime
    kind: str
    reason: str
    retracted: bool
    changes: tuple[str, ...]
    """'field: old -> new' for each field this revision changed."""


@dataclass(frozen=True)
class SaveSummary:
    """A save, for the page's list of who changed what."""

    id: int
    author: str
    saved_at: dt.datetime
    kind: str
    reason: str
    source: str
    incidents: int
    undoes: int | None


_INCIDENT_FIELDS = [
    c.name
    for c in IncidentRevision.__table__.columns
    if c.name not in ("id", "incident_id", "number", "save_id", "retracted", "geom")
]
_EVENT_FIELDS = [
    c.name
    for c in EventRevision.__table__.columns
    if c.name not in ("id", "event_id", "number", "save_id", "retracted")
]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


CHANGED_BATCH = 5_000
"""Ids per query when reading the incidents saves touched."""


class DatabaseStore:
    """Incident data in a SQLAlchemy database (SQLite or PostgreSQL)."""

    def __init__(
        self,
        url: str,
        gazetteer: Gazetteer | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._gazetteer = gazetteer
        self._cache = FrameCache(cache_dir, url)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __repr__(self) -> str:
        return f"DatabaseStore({shown_url(self.url)!r})"

    # --- Setting up -----------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the tables (Alembic ``upgrade head``)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self._writing() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as error:
            raise StoreError(
                f"cannot open {shown_url(self.url)}: {error.orig}"
            ) from None

    def seed(self, data_dir: Path, author: str = "seed files") -> list[Problem]:
        """Read the data directory's CSV files that are new or changed since the
        last start into the database: new records are added, changed ones get a
        revision. Returns the problems of the rows that could not be read."""
        from components.formats.ours import CsvStore

        files = CsvStore(data_dir, self._gazetteer)
        paths = [p for p in files.seed_paths() if p.exists()]
        digests = file_digests(paths, self._cache.beside("seed-digests.json"))
        with self.engine.connect() as connection:
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
            self._write_seed(dataset, digests, author)
        return list(dataset.problems)

    def _write_seed(
        self, dataset: Dataset, digests: Mapping[str, str], author: str
    ) -> None:
        bad = {}
        for problem in dataset.problems:
            bad[problem.path] = bad.get(problem.path, 0) + 1
        with self._writing() as connection:
            save_id = _new_save(connection, author, "seed", source=", ".join(digests))
            kinds = (
                (EventRecord, EventRevision, dataset.events.values(), _event_values),
                (
                    IncidentRecord,
                    IncidentRevision,
                    dataset.incidents,
                    functools.partial(_seed_values, self.gazetteer),
                ),
            )
            for record, revision, items, values_of in kinds:
                stored = _current(connection, record, revision, [i.id for i in items])
                new = {}
                for item in items:
                    values = values_of(item)
                    known = stored.get(item.id)
                    if known is None:
                        new[item.id] = values
                    elif _comparable(known[1]) != _comparable(values):
                        _revise(
                            connection,
                            record,
                            revision,
                            item.id,
                            known[0],
                            values,
                            save_id,
                        )
                _insert_records(connection, record, revision, new, save_id)
            for path, digest in digests.items():
                connection.execute(
                    SeedFile.__table__.delete().where(SeedFile.path == path)
                )
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

    # --- Reading --------------------------------------------------------------------

    def version(self) -> tuple[object, ...]:
        """Changes whenever a save lands: the cache key of what the page shows."""
        return (shown_url(self.url), self._last_save())

    def events(self) -> dict[str, Event]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(
                    EventRecord.id, *[getattr(EventRevision, f) for f in _EVENT_FIELDS]
                )
                .join(EventRevision, EventRevision.id == EventRecord.head_id)
                .where(EventRevision.retracted.is_(False))
                .order_by(EventRevision.date, EventRecord.id)
            ).mappings()
            return {row["id"]: _event(row) for row in rows}

    def frame(self) -> pd.DataFrame:
        """The current incidents as the dashboard's table: from the columnar
        cache, brought up to date with the saves made since it was written."""
        return self._cache.load(self._last_save(), self._read_all, self._read_changed)

    def _last_save(self) -> int | None:
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(Save.id))).scalar()

    def _current_query(self) -> Select:
        columns = [
            IncidentRecord.id,
            *[
                getattr(IncidentRevision, c).label(c)
                for c in STORED_COLUMNS
                if c != "id"
            ],
        ]
        return (
            select(*columns)
            .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
            .where(IncidentRevision.retracted.is_(False))
        )

    def _read_all(self) -> pd.DataFrame:
        query = self._current_query().order_by(IncidentRevision.date, IncidentRecord.id)
        return complete_frame(read_frame(self.engine, query))

    def _read_changed(self, since: int) -> tuple[pd.DataFrame, list[str]]:
        """The current rows of the incidents saves after ``since`` touched, and
        the ids of all of them (retracted ones too)."""
        # Not DISTINCT in SQL: SQLite then walks the incident-id index, every row.
        touched = select(IncidentRevision.incident_id).where(
            IncidentRevision.save_id > since
        )
        with self.engine.connect() as connection:
            ids = list(dict.fromkeys(connection.execute(touched).scalars()))
            # By the ids themselves: a subquery lets SQLite scan every incident.
            chunks = [
                pd.read_sql_query(
                    self._current_query().where(IncidentRecord.id.in_(part)),
                    connection,
                )
                for part in (
                    ids[start : start + CHANGED_BATCH]
                    for start in range(0, len(ids), CHANGED_BATCH)
                )
            ]
        chunks = [chunk for chunk in chunks if len(chunk)]
        rows = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
        return (complete_frame(rows) if len(rows) else rows), ids

    def load(self) -> Dataset:
        """Events and current incidents as records (for exports and tests)."""
        frame = self.frame()
        events = self.events()
        incidents = tuple(_incident(row) for row in frame.to_dict("records"))
        return Dataset(events, incidents)

    def history(self, incident_id: str) -> list[HistoryEntry]:
        """Every revision of one incident, oldest first, with what each changed."""
        fields = [getattr(IncidentRevision, f) for f in _INCIDENT_FIELDS]
        query = (
            select(
                IncidentRevision.number,
                IncidentRevision.save_id,
                IncidentRevision.retracted,
                Save.author,
                Save.saved_at,
                Save.kind,
                Save.reason,
                *fields,
            )
            .join(Save, Save.id == IncidentRevision.save_id)
            .where(IncidentRevision.incident_id == incident_id)
            .order_by(IncidentRevision.number)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        entries, previous = [], None
        for row in rows:
            values = {f: row[f] for f in _INCIDENT_FIELDS}
            entries.append(
                HistoryEntry(
                    number=row["number"],
                    save_id=row["save_id"],
                    author=row["author"],
                    saved_at=row["saved_at"],
                    kind=row["kind"],
                    reason=row["reason"],
                    retracted=row["retracted"],
                    changes=_changes(previous, values),
                )
            )
            previous = values
        return entries

    def recent_saves(self, limit: int = 20) -> list[SaveSummary]:
        """The latest saves, newest first, with how many incidents each touched."""
        counts = (
            select(IncidentRevision.save_id, func.count().label("n"))
            .group_by(IncidentRevision.save_id)
            .subquery()
        )
        query = (
            select(
                Save.id,
                Save.author,
                Save.saved_at,
                Save.kind,
                Save.reason,
                Save.source,
                func.coalesce(counts.c.n, 0).label("incidents"),
                Save.undoes,
            )
            .outerjoin(counts, counts.c.save_id == Save.id)
            .order_by(Save.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [SaveSummary(**row) for row in rows]

    # --- Writing --------------------------------------------------------------------

    def add(
        self,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
        *,
        author: str,
        reason: str = "",
        source: str = "",
        kind: str = "add",
    ) -> SaveResult:
        """Add new events and incidents in one save.

        Raises :class:`~components.domain.problems.DataFileError` (every problem, by row
        and field) or :class:`ConflictError` (an id another save already used),
        and then nothing is written.
        """
        with self._writing() as connection:
            parsed_events, parsed = self._check(connection, incidents, events)
            save_id = _new_save(connection, author, kind, reason, source)
            try:
                _insert_records(
                    connection,
                    EventRecord,
                    EventRevision,
                    {event.id: _event_values(event) for event in parsed_events},
                    save_id,
                )
                _insert_records(
                    connection,
                    IncidentRecord,
                    IncidentRevision,
                    {i.id: _incident_values(i, pinned) for i, pinned in parsed},
                    save_id,
                )
            except IntegrityError as error:
                connection.rollback()
                raise self._taken(
                    [e.id for e in parsed_events], [i.id for i, _ in parsed], error
                ) from None
        logger.info(
            "save %d by %s: added %d incident(s), %d event(s)",
            save_id,
            author,
            len(parsed),
            len(parsed_events),
        )
        return SaveResult(save_id, len(parsed), len(parsed_events))

    def import_rows(
        self,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
        *,
        author: str,
        source: str,
        batch: int = 1_000,
        progress=None,
    ) -> tuple[int, int]:
        """Add rows that are not in the database yet, a batch per save, so an
        interrupted import keeps every batch saved before. Rows whose id exists
        are skipped (importing a file twice, or from two processes at once, adds
        each row once). Returns (added, skipped)."""
        if events:
            present = set(self.events())
            new_events = [e for e in events if e.get("id") not in present]
            if new_events:
                # Another process may add the event meanwhile: then it is there.
                with contextlib.suppress(ConflictError):
                    self.add(
                        [], new_events, author=author, source=source, kind="import"
                    )
        added = skipped = 0
        for start in range(0, len(incidents), batch):
            rows = incidents[start : start + batch]
            new, old = self._new_only(rows)
            skipped += old
            if new:
                try:
                    result = self.add(new, author=author, source=source, kind="import")
                    added += result.incidents
                except ConflictError:
                    again, more_old = self._new_only(new)
                    skipped += more_old
                    if again:
                        added += self.add(
                            again, author=author, source=source, kind="import"
                        ).incidents
            if progress is not None:
                progress(start + len(rows), len(incidents))
        return added, skipped

    def _new_only(
        self, rows: Sequence[Mapping[str, str]]
    ) -> tuple[list[Mapping[str, str]], int]:
        ids = [row.get("id", "") for row in rows]
        with self.engine.connect() as connection:
            present = set(
                connection.execute(
                    select(IncidentRecord.id).where(IncidentRecord.id.in_(ids))
                ).scalars()
            )
        new = [row for row in rows if row.get("id", "") not in present]
        return new, len(rows) - len(new)

    def edit(
        self,
        incident_id: str,
        changes: Mapping[str, str],
        *,
        expected_version: int,
        author: str,
        reason: str = "",
    ) -> SaveResult:
        """A new revision of one incident with ``changes`` (CSV cells) applied.

        ``expected_version`` is the version the editor read; if another save
        changed the incident since, nothing is saved and :class:`ConflictError`
        says who changed it.
        """
        with self._writing() as connection:
            version, values = self._head(connection, incident_id)
            if version != expected_version:
                raise self._changed_since(connection, incident_id, expected_version)
            row = {**_row_of(incident_id, values), **changes, "id": incident_id}
            (incident, pinned), *_ = self._check(connection, [row], (), editing=True)[1]
            save_id = _new_save(connection, author, "edit", reason)
            _revise(
                connection,
                IncidentRecord,
                IncidentRevision,
                incident_id,
                version,
                _incident_values(incident, pinned),
                save_id,
            )
        logger.info("save %d by %s: edited %s", save_id, author, incident_id)
        return SaveResult(save_id, 1, 0)

    def version_of(self, incident_id: str) -> int:
        with self.engine.connect() as connection:
            return self._head(connection, incident_id)[0]

    def undo(self, save_id: int, *, author: str, reason: str = "") -> SaveResult:
        """Undo a save with a new one: each record it changed goes back to what it
        was before (a record it added is retracted). Refused if a later save has
        changed those records since."""
        with self._writing() as connection:
            touched = connection.execute(
                select(IncidentRevision.incident_id, IncidentRevision.number).where(
                    IncidentRevision.save_id == save_id
                )
            ).all()
            events = connection.execute(
                select(EventRevision.event_id, EventRevision.number).where(
                    EventRevision.save_id == save_id
                )
            ).all()
            if not touched and not events:
                raise ConflictError(f"save {save_id} changed no records to undo")
            new_save = _new_save(
                connection,
                author,
                "undo",
                reason or f"undo of save {save_id}",
                undoes=save_id,
            )
            for record, revision, ids in (
                (IncidentRecord, IncidentRevision, touched),
                (EventRecord, EventRevision, events),
            ):
                for record_id, number in ids:
                    head = connection.execute(
                        select(record.version).where(record.id == record_id)
                    ).scalar_one()
                    if head != number:
                        raise self._changed_since(connection, record_id, number)
                    _restore(connection, record, revision, record_id, number, new_save)
        logger.info("save %d by %s: undid save %d", new_save, author, save_id)
        return SaveResult(new_save, len(touched), len(events))

    # --- Users ----------------------------------------------------------------------

    def role_of(self, email: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(User.role).where(User.email == email.casefold())
            ).scalar()

    def set_role(self, email: str, role: str, *, granted_by: str) -> None:
        if role not in ROLES:
            raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
        email = email.strip().casefold()
        if "@" not in email:
            raise StoreError(f"{email!r} is not an e-mail address")
        with self._writing() as connection:
            connection.execute(User.__table__.delete().where(User.email == email))
            connection.execute(
                insert(User).values(
                    email=email, role=role, granted_by=granted_by, granted_at=_now()
                )
            )
        logger.info("%s made %s %s", granted_by, email, role)

    def users(self) -> list[tuple[str, str]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(User.email, User.role).order_by(User.email)
            )
            return [(row.email, row.role) for row in rows]

    # --- Internals ------------------------------------------------------------------

    def _writing(self):
        """A connection in one write transaction, committed when the block ends."""
        return _WriteTransaction(self.engine)

    def _check(
        self,
        connection: Connection,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]],
        *,
        editing: bool = False,
    ) -> tuple[list[Event], list[tuple[Incident, bool]]]:
        """Parse and check every row; raise DataFileError with all problems."""
        problems: list[Problem] = []
        parsed_events: list[Event] = []
        for number, row in enumerate(events, start=1):
            try:
                parsed_events.append(
                    parse_event_row({c: str(row.get(c) or "") for c in EVENT_COLUMNS})
                )
            except RowError as errors:
                problems.extend(
                    Problem("the event to save", e.message, row=number, field=e.field)
                    for e in errors.errors
                )
        known = set(connection.execute(select(EventRecord.id)).scalars())
        event_ids = known | {e.id for e in parsed_events}
        parsed: list[tuple[Incident, bool]] = []
        seen: set[str] = set()
        for number, row in enumerate(incidents, start=1):
            cells = {k: "" if v is None else str(v) for k, v in row.items()}
            try:
                incident = parse_incident_row(cells, self.gazetteer, event_ids)
            except RowError as errors:
                problems.extend(
                    Problem(ROWS, e.message, row=number, field=e.field)
                    for e in errors.errors
                )
                continue
            if incident.id in seen:
                problems.append(
                    Problem(
                        ROWS,
                        f"id {incident.id!r} appears twice",
                        row=number,
                        field="id",
                    )
                )
            seen.add(incident.id)
            pinned = bool(cells.get("lat", "").strip())
            parsed.append((incident, pinned))
        problems.extend(self._revision_problems(connection, parsed, editing))
        if problems:
            logger.info(
                "save refused: %d problem(s), first: %s", len(problems), problems[0]
            )
            raise DataFileError(problems)
        return parsed_events, parsed

    def _revision_problems(
        self,
        connection: Connection,
        parsed: Sequence[tuple[Incident, bool]],
        editing: bool,
    ) -> list[Problem]:
        """Each ``revises`` names a record of the same event that no other current
        record revises yet."""
        wanted = {i.revises for i, _ in parsed if i.revises}
        if not wanted:
            return []
        batch = {i.id: i for i, _ in parsed}
        rows = connection.execute(
            select(IncidentRecord.id, IncidentRevision.event_id)
            .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
            .where(IncidentRecord.id.in_(wanted), IncidentRevision.retracted.is_(False))
        ).all()
        events = {row.id: row.event_id for row in rows}
        events.update({i.id: i.event_id for i in batch.values()})
        taken = set(
            connection.execute(
                select(IncidentRevision.revises, IncidentRecord.id)
                .join(IncidentRecord, IncidentRecord.head_id == IncidentRevision.id)
                .where(
                    IncidentRevision.revises.in_(wanted),
                    IncidentRevision.retracted.is_(False),
                )
            ).all()
        )
        problems = []
        revised: set[str] = set()
        for number, (incident, _) in enumerate(parsed, start=1):
            target = incident.revises
            if not target:
                continue
            message = None
            if target not in events:
                message = f"revises {target!r}, which is not a known id"
            elif events[target] != incident.event_id:
                message = f"revises {target!r}, a record of another event"
            elif target == incident.id:
                message = "revises itself"
            elif target in revised or any(
                old == target and by != incident.id for old, by in taken
            ):
                message = f"{target!r} is already revised by another record"
            revised.add(target)
            if message:
                problems.append(Problem(ROWS, message, row=number, field="revises"))
        return problems

    def _head(self, connection: Connection, incident_id: str) -> tuple[int, dict]:
        row = (
            connection.execute(
                select(IncidentRecord.version, *_columns(IncidentRevision))
                .join(IncidentRevision, IncidentRevision.id == IncidentRecord.head_id)
                .where(IncidentRecord.id == incident_id)
            )
            .mappings()
            .first()
        )
        if row is None:
            raise StoreError(f"no incident {incident_id!r}")
        return row["version"], {f: row[f] for f in _INCIDENT_FIELDS}

    def _changed_since(
        self, connection: Connection, record_id: str, version: int
    ) -> ConflictError:
        later = connection.execute(
            select(Save.author, Save.saved_at, Save.kind, IncidentRevision.number)
            .join(IncidentRevision, IncidentRevision.save_id == Save.id)
            .where(
                IncidentRevision.incident_id == record_id,
                IncidentRevision.number > version,
            )
            .order_by(IncidentRevision.number)
        ).all()
        if not later:
            later = connection.execute(
                select(Save.author, Save.saved_at, Save.kind, EventRevision.number)
                .join(EventRevision, EventRevision.save_id == Save.id)
                .where(
                    EventRevision.event_id == record_id, EventRevision.number > version
                )
                .order_by(EventRevision.number)
            ).all()
        changes = "; ".join(
            f"revision {row.number} by {row.author} at {row.saved_at:%Y-%m-%d %H:%M} "
            f"({row.kind})"
            for row in later
        )
        return ConflictError(
            f"{record_id!r} changed since you opened it: {changes or 'a later save'}. "
            "Nothing was saved; reload to see the change, then save again."
        )

    def _taken(
        self,
        event_ids: Sequence[str],
        incident_ids: Sequence[str],
        error: IntegrityError,
    ) -> IncidentMapError:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(IncidentRecord.id, Save.author, Save.saved_at)
                .join(
                    IncidentRevision, IncidentRevision.incident_id == IncidentRecord.id
                )
                .join(Save, Save.id == IncidentRevision.save_id)
                .where(
                    IncidentRecord.id.in_(incident_ids), IncidentRevision.number == 1
                )
            ).all()
            rows += connection.execute(
                select(EventRecord.id, Save.author, Save.saved_at)
                .join(EventRevision, EventRevision.event_id == EventRecord.id)
                .join(Save, Save.id == EventRevision.save_id)
                .where(EventRecord.id.in_(event_ids), EventRevision.number == 1)
            ).all()
        if not rows:
            return StoreError(f"the database refused the save: {error.orig}")
        listing = "; ".join(
            f"{row.id!r} by {row.author} at {row.saved_at:%Y-%m-%d %H:%M}"
            for row in rows[:5]
        )
        more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
        return ConflictError(
            f"these records were added by another save first: {listing}{more}. "
            "Nothing was saved."
        )


class _WriteTransaction:
    """``with`` block: a write connection whose transaction commits at the end."""

    def __init__(self, engine) -> None:
        self.engine = engine

    def __enter__(self) -> Connection:
        self.connection = self.engine.connect().execution_options(
            **{WRITE_OPTION: True}
        )
        self.transaction = self.connection.begin()
        return self.connection

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if self.transaction.is_active:
                if kind is None:
                    self.transaction.commit()
                else:
                    self.transaction.rollback()
        finally:
            self.connection.close()


def _new_save(
    connection: Connection,
    author: str,
    kind: str,
    reason: str = "",
    source: str = "",
    undoes: int | None = None,
) -> int:
    return connection.execute(
        insert(Save)
        .values(
            author=author,
            saved_at=_now(),
            kind=kind,
            reason=reason,
            source=source,
            undoes=undoes,
        )
        .returning(Save.id)
    ).scalar_one()


def _insert_records(
    connection: Connection,
    record,
    revision,
    values: Mapping[str, dict],
    save_id: int,
) -> None:
    """New records, each with its first revision, in three statements whatever
    their number: identities, revisions, then the identities' head pointers."""
    if not values:
        return
    foreign = "incident_id" if record is IncidentRecord else "event_id"
    connection.execute(insert(record), [{"id": key, "version": 1} for key in values])
    connection.execute(
        insert(revision),
        [
            {foreign: key, "number": 1, "save_id": save_id, "retracted": False, **row}
            for key, row in values.items()
        ],
    )
    first = (  # by the unique (record, number) index: one lookup per record
        select(revision.id)
        .where(getattr(revision, foreign) == record.id, revision.number == 1)
        .scalar_subquery()
    )
    connection.execute(
        update(record).where(record.head_id.is_(None)).values(head_id=first)
    )


def _revise(
    connection: Connection,
    record,
    revision,
    record_id: str,
    version: int,
    values: dict,
    save_id: int,
    *,
    retracted: bool = False,
) -> None:
    """A new revision, if the record is still at ``version`` (else ConflictError)."""
    foreign = "incident_id" if record is IncidentRecord else "event_id"
    head = connection.execute(
        insert(revision)
        .values(
            **{foreign: record_id},
            number=version + 1,
            save_id=save_id,
            retracted=retracted,
            **values,
        )
        .returning(revision.id)
    ).scalar_one()
    moved = connection.execute(
        update(record)
        .where(record.id == record_id, record.version == version)
        .values(version=version + 1, head_id=head)
    )
    if moved.rowcount != 1:
        raise ConflictError(
            f"{record_id!r} changed since it was read; nothing was saved"
        )


def _restore(
    connection: Connection, record, revision, record_id: str, number: int, save_id: int
) -> None:
    """Put back revision ``number - 1`` (or retract the record if it was new)."""
    foreign = revision.incident_id if record is IncidentRecord else revision.event_id
    fields = _INCIDENT_FIELDS if record is IncidentRecord else _EVENT_FIELDS
    wanted = number - 1 if number > 1 else number
    old = (
        connection.execute(
            select(revision.retracted, *_columns(revision)).where(
                foreign == record_id, revision.number == wanted
            )
        )
        .mappings()
        .one()
    )
    values = {f: old[f] for f in fields}
    retracted = number == 1 or old["retracted"]
    _revise(
        connection,
        record,
        revision,
        record_id,
        number,
        values,
        save_id,
        retracted=retracted,
    )


def _current(connection: Connection, record, revision, ids: Iterable[str]) -> dict:
    """{id: (version, values)} of the records among ``ids`` that exist."""
    ids = list(ids)
    fields = _INCIDENT_FIELDS if record is IncidentRecord else _EVENT_FIELDS
    found = {}
    for start in range(0, len(ids), 500):
        rows = connection.execute(
            select(record.id.label("record_id"), record.version, *_columns(revision))
            .join(revision, revision.id == record.head_id)
            .where(record.id.in_(ids[start : start + 500]))
        ).mappings()
        for row in rows:
            found[row["record_id"]] = (row["version"], {f: row[f] for f in fields})
    return found


def _columns(revision) -> list:
    """The stored fields of a revision table, as columns to select."""
    fields = _INCIDENT_FIELDS if revision is IncidentRevision else _EVENT_FIELDS
    return [getattr(revision, f) for f in fields]


def _comparable(values: Mapping[str, object]) -> dict[str, object]:
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in values.items()}


def _incident_values(incident: Incident, pinned: bool) -> dict[str, object]:
    casualties = incident.casualties
    return {
        "event_id": incident.event_id,
        "revises": incident.revises or None,
        "date": incident.date,
        "date_precision": int(incident.date_precision),
        "place_reported": incident.place_reported,
        "place": incident.place,
        "geonameid": incident.geonameid,
        "admin1": incident.admin1,
        "lat": incident.lat,
        "lon": incident.lon,
        "pinned": pinned,
        "geo_precision": int(incident.geo_precision),
        "target_type": incident.target_type,
        "attack_types": ";".join(incident.attack_types),
        **{column: getattr(casualties, column) for column in CASUALTY_FIELDS},
        "figure_scope": incident.figure_scope,
        "source_title": incident.source.title,
        "source_publisher": incident.source.publisher or "",
        "source_date": incident.source.date,
        "source_location": incident.source.location,
        "source_excerpt": incident.source.excerpt,
        "notes": incident.notes,
    }


def _seed_values(gazetteer: Gazetteer, incident: Incident) -> dict[str, object]:
    """A seed file's row as stored; it pinned its coordinates when they are not its
    place's in the gazetteer."""
    place = gazetteer.get(incident.place_reported)
    pinned = place is None or (round(place.lat, 5), round(place.lon, 5)) != (
        round(incident.lat, 5),
        round(incident.lon, 5),
    )
    return _incident_values(incident, pinned)


def _event_values(event: Event) -> dict[str, object]:
    return {
        "name": event.name,
        "date": event.date,
        "date_precision": int(event.date_precision),
        "admin1": event.admin1,
        "period_hours": event.period_hours,
        "period_note": event.period_note,
        "places_hit_at_least": event.places_hit_at_least,
        "claimed_by": event.claimed_by,
        "source_title": event.source.title,
        "source_publisher": event.source.publisher or "",
        "source_date": event.source.date,
        "source_location": event.source.location,
        "source_excerpt": event.source.excerpt,
        "notes": event.notes,
    }


def _row_of(incident_id: str, values: Mapping[str, object]) -> dict[str, str]:
    """A stored revision as the CSV cells a row parser reads."""

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    row = {k: text(v) for k, v in values.items() if k not in ("pinned",)}
    row["id"] = incident_id
    row["place"] = text(values["place_reported"])
    if not values.get("pinned"):
        row["lat"] = row["lon"] = ""
    return row


def _changes(
    previous: Mapping[str, object] | None, values: Mapping[str, object]
) -> tuple[str, ...]:
    if previous is None:
        return ("added",)
    return tuple(
        f"{field}: {previous[field]!r} -> {values[field]!r}"
        for field in _INCIDENT_FIELDS
        if field not in ("place", "geonameid", "admin1", "lat", "lon", "pinned")
        and previous[field] != values[field]
    )


def _event(row: Mapping[str, object]) -> Event:
    return Event(
        id=row["id"],
        name=row["name"],
        date=row["date"],
        date_precision=DatePrecision(row["date_precision"]),
        admin1=row["admin1"],
        source=Source(
            title=row["source_title"],
            location=row["source_location"],
            publisher=row["source_publisher"] or None,
            date=row["source_date"],
            excerpt=row["source_excerpt"],
        ),
        period_hours=row["period_hours"],
        period_note=row["period_note"],
        places_hit_at_least=row["places_hit_at_least"],
        claimed_by=row["claimed_by"],
        notes=row["notes"],
    )


def _incident(row: Mapping[str, object]) -> Incident:
    from components.domain.model import Casualties
    from components.domain.vocabularies import GeoPrecision

    def count(value: object) -> int | None:
        return None if pd.isna(value) else int(value)

    source_date = row["source_date"]
    return Incident(
        id=row["id"],
        event_id=row["event_id"],
        date=row["date"].date(),
        date_precision=DatePrecision(int(row["date_precision"])),
        place_reported=row["place_reported"],
        place=row["place"],
        geonameid=None if pd.isna(row["geonameid"]) else int(row["geonameid"]),
        admin1=row["admin1"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        geo_precision=GeoPrecision(int(row["geo_precision"])),
        target_type=row["target_type"],
        attack_types=tuple(row["attack_types"].split(";")),
        casualties=Casualties(**{c: count(row[c]) for c in CASUALTY_FIELDS}),
        source=Source(
            title=row["source_title"],
            location=row["source_location"],
            publisher=row["source_publisher"] or None,
            date=None if pd.isna(source_date) else source_date.date(),
            excerpt=row["source_excerpt"],
        ),
        notes=row["notes"],
        revises=row["revises"],
        figure_scope=row["figure_scope"],
    )
