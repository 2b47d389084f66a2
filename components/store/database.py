"""The incident store: one database for the whole team, every change a revision.

:class:`DatabaseStore` is the one interface the rest of the project uses. It holds
the connection (engine), the gazetteer saves are checked with, and the columnar
cache of the incident table, and hands each job to the module that does it:

- :mod:`~components.store.seeding`: the data directory's CSV files into the
  database, once per change;
- :mod:`~components.store.reading`: events, the incident table, versions;
- :mod:`~components.store.saving`: add, import, edit, undo (checked by
  :mod:`~components.store.checks`, refused with who-and-when by
  :mod:`~components.store.conflicts`, written by
  :mod:`~components.store.revisions`);
- :mod:`~components.store.sources`: one incident, many reports (adding a
  report to an incident), :mod:`~components.store.merging` (merging and
  splitting incidents) and :mod:`~components.store.candidates` (the matcher's
  candidates);
- :mod:`~components.store.queue`: the inbox's queue of reports to review;
- :mod:`~components.store.history`: who changed what;
- :mod:`~components.store.search`: full-text search of the current incidents;
- :mod:`~components.store.places`: the team gazetteer (names analysts placed);
- :mod:`~components.store.users`: who may do what (roles bound to accounts);
- :mod:`~components.store.rows`: records to rows and back.

Nothing is overwritten or deleted; undoing a save is a new save.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy.exc import OperationalError

from components.domain.access import Identity
from components.domain.matching import IncidentFacts, Proposal
from components.domain.model import Event
from components.domain.problems import Problem
from components.domain.records import Dataset
from components.domain.search import SearchQuery
from components.domain.team_places import PlaceDraft, TeamPlace
from components.gazetteer import Gazetteer, default_gazetteer
from components.gazetteer.team import layered_gazetteer
from components.store import candidates as nearby
from components.store import (
    group_counts,
    history,
    merging,
    places,
    reading,
    saving,
    seeding,
    users,
)
from components.store import search as full_text
from components.store import sources as many_sources
from components.store.columnar import FrameCache
from components.store.engine import make_engine, shown_url, writing
from components.store.history import HistoryEntry, SaveSummary
from components.store.queue import Queue
from components.store.saving import EditableIncident, Progress, SaveResult
from components.store.search import SearchHits
from components.store.sources import SourceEntry
from components.store.users import Grant
from components.support.errors import StoreError

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
        self._team: tuple[int, tuple[TeamPlace, ...]] = (-1, ())
        self._saves: tuple[tuple[int, int, int], list[SaveSummary]] | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer saves are checked with and the page looks names up in:
        the shipped one (loaded when first needed) with the team's places first."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return layered_gazetteer(self._gazetteer, self.team_places())

    def __repr__(self) -> str:
        return f"DatabaseStore({shown_url(self.url)!r})"

    # --- Setting up -----------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the tables (Alembic ``upgrade head``)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with writing(self.engine) as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                full_text.refresh_words(connection)
        except OperationalError as error:
            raise StoreError(
                f"cannot open {shown_url(self.url)}: {error.orig}"
            ) from None

    def seed(self, data_dir: Path, author: str = seeding.SEED_AUTHOR) -> list[Problem]:
        """Read the data directory's CSV files that are new or changed since the
        last start into the database: new records are added, changed ones get a
        revision. Returns the problems of the rows that could not be read."""
        return seeding.seed(self.engine, self._cache, data_dir, self._gazetteer, author)

    # --- Reading --------------------------------------------------------------------

    def version(self) -> tuple[object, ...]:
        """Changes whenever a save lands: the cache key of what the page shows."""
        return (shown_url(self.url), reading.last_save(self.engine))

    def events(self) -> dict[str, Event]:
        """The current events, by date."""
        return reading.events(self.engine)

    def frame(self) -> pd.DataFrame:
        """The current incidents as the dashboard's table: from the columnar
        cache, brought up to date with the saves made since it was written."""
        logger.info("the incident table of %s is read into this process", self)
        return reading.frame(self.engine, self._cache)

    def load(self) -> Dataset:
        """Events and current incidents as records (for exports and tests)."""
        return reading.load(self.engine, self._cache)

    def version_of(self, incident_id: str) -> int:
        """An incident's current version: an edit names the one it read."""
        return reading.version_of(self.engine, incident_id)

    def search(self, query: SearchQuery, limit: int = full_text.MAX_HITS) -> SearchHits:
        """The current incidents whose place, targets, notes or source text hold
        every word of ``query`` (at most ``limit`` ids; ``more`` says if there
        were more), found by the database's full-text index."""
        return full_text.search(self.engine, query, limit)

    def editable(self, incident_id: str) -> EditableIncident:
        """An incident's current version and its fields as the cells an edit
        changes (its place as reported; lat and lon only where pinned)."""
        return saving.editable(self.engine, incident_id)

    def history(self, incident_id: str) -> list[HistoryEntry]:
        """Every revision of one incident, oldest first, with what each changed."""
        return history.history(self.engine, incident_id)

    def recent_saves(self, limit: int = 20) -> list[SaveSummary]:
        """The latest saves, newest first, with how many incidents each touched.

        Kept until another save commits (:func:`history.saves_state`): the
        incidents a save touched never change once it is committed, and
        counting them reads every revision (0.05 s of each rerun of the page
        at a million incidents)."""
        key = (*history.saves_state(self.engine), limit)
        known = self._saves
        if known is None or known[0] != key:
            known = self._saves = (key, history.recent_saves(self.engine, limit))
        return list(known[1])

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

        Raises :class:`~components.support.errors.DataFileError` (every problem,
        by row and field) or :class:`~components.support.errors.ConflictError`
        (an id another save already used), and then nothing is written.
        """
        return saving.add(
            self.engine,
            self.gazetteer,
            incidents,
            events,
            author=author,
            reason=reason,
            source=source,
            kind=kind,
        )

    def import_rows(
        self,
        incidents: Iterable[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
        *,
        author: str,
        source: str,
        batch: int = 1_000,
        progress: Progress | None = None,
        total: int | None = None,
    ) -> tuple[int, int]:
        """Add rows that are not in the database yet, a batch per save, so an
        interrupted import keeps every batch saved before. Rows whose id exists
        are skipped (importing a file twice, or from two processes at once, adds
        each row once). ``incidents`` is read a batch at a time (a stream of
        ``total`` rows will do). Returns (added, skipped)."""
        return saving.import_rows(
            self.engine,
            self.gazetteer,
            incidents,
            events,
            author=author,
            source=source,
            batch=batch,
            progress=progress,
            total=total,
        )

    def write_cache(self, added: int) -> bool:
        """After an import of ``added`` incidents: write the page's table file
        from the database in bounded memory if the page would otherwise read
        many rows, so its next open only reads the file. Whether it did."""
        return reading.write_cache(self.engine, self._cache, added)

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
        changed the incident since, nothing is saved and
        :class:`~components.support.errors.ConflictError` says who changed it
        and when.
        """
        return saving.edit(
            self.engine,
            self.gazetteer,
            incident_id,
            changes,
            expected_version=expected_version,
            author=author,
            reason=reason,
        )

    def undo(self, save_id: int, *, author: str, reason: str = "") -> SaveResult:
        """Undo a save with a new one: each record it changed goes back to what it
        was before (a record it added is retracted). Refused if a later save has
        changed those records since."""
        return saving.undo(self.engine, save_id, author=author, reason=reason)

    def recount(self) -> dict[str, int]:
        """Count the incidents per group, per month and per kind again (every
        save keeps the counts; this is for data loaded without the store: a
        restore, SQL of one's own). Returns the rows made, per table name."""
        with writing(self.engine) as connection:
            return group_counts.rebuild(connection)

    def count_differences(self) -> list[str]:
        """How the kept group counts differ from a fresh count (empty: none)."""
        with self.engine.connect() as connection:
            return group_counts.differences(connection)

    # --- The team gazetteer ---------------------------------------------------------

    def team_places(self) -> tuple[TeamPlace, ...]:
        """The places analysts placed, as now saved (read again after a change)."""
        version = places.places_version(self.engine)
        if version != self._team[0]:
            self._team = (version, tuple(places.team_places(self.engine)))
        return self._team[1]

    def place(
        self, draft: PlaceDraft, *, author: str, source: str
    ) -> tuple[TeamPlace, bool]:
        """Save where a name is (a new revision unless it is already there), by
        ``author``, from ``source`` (the report); the place and whether it
        changed."""
        return places.place(self.engine, draft, author=author, source=source)

    def export_places(self) -> bytes:
        """The team places as a CSV exchange file."""
        return places.places_csv(self.team_places())

    def import_places(self, path: Path, *, author: str) -> places.PlacesImport:
        """Place every row of an exchange file in one save (all or nothing; a
        file with problems raises DataFileError and places nothing)."""
        rows = places.read_places_file(path)
        return places.import_places(self.engine, rows, author=author, source=str(path))

    @property
    def queue(self) -> Queue:
        """The inbox's queue of reports taken in and waiting for review."""
        return Queue(self.engine, lambda: self.gazetteer)

    # --- One incident, many sources ---------------------------------------------------

    def candidates(self, facts: IncidentFacts) -> list[IncidentFacts]:
        """The current incidents near ``facts`` in time and place: what the
        matcher compares it with (one indexed query)."""
        return nearby.candidates(self.engine, facts)

    def propose_match(self, row: Mapping[str, object]) -> Proposal | None:
        """'The same incident as #N', with reasons, or a new one, for a reviewed
        row (CSV cells with codes); None for a row there is nothing to match."""
        return nearby.proposal(self.engine, self.gazetteer, row)

    def sources(self, incident_id: str) -> list[SourceEntry]:
        """The reports an incident rests on, each with its figures as said."""
        return many_sources.sources_of(self.engine, incident_id)

    def add_reviewed(
        self,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]] = (),
        attached: Mapping[str, Sequence[Mapping[str, str]]] | None = None,
        *,
        author: str,
        reason: str = "",
        source: str = "",
    ) -> SaveResult:
        """One save of a reviewed report: new incidents (and events), and rows
        added as new sources of incidents already held (``attached``: {incident
        id: rows}), whose best figures and ranges are worked out again."""
        return many_sources.add_reviewed(
            self.engine,
            self.gazetteer,
            incidents,
            events,
            attached or {},
            author=author,
            reason=reason,
            source=source,
        )

    def merge(self, keep: str, other: str, *, author: str, reason: str) -> SaveResult:
        """Make ``other`` part of ``keep`` (its sources move, it is retracted)."""
        return merging.merge(self.engine, keep, other, author=author, reason=reason)

    def split(
        self, incident_id: str, source_id: str, *, author: str, reason: str
    ) -> tuple[SaveResult, str]:
        """Move one source of an incident to a new incident of its own; returns
        the save and the new incident's id."""
        return merging.split(
            self.engine,
            self.gazetteer,
            incident_id,
            source_id,
            author=author,
            reason=reason,
        )

    # --- Users ----------------------------------------------------------------------

    def role_for(self, identity: Identity) -> str | None:
        """The role of a signed-in account (None for none). Only an address the
        provider verified counts; its first such sign-in binds the account to the
        address's grant, and another account presenting the address gets none."""
        return users.role_for(self.engine, identity)

    def set_role(self, email: str, role: str, *, granted_by: str) -> None:
        """Give an e-mail address a role (viewer, editor or admin)."""
        users.set_role(self.engine, email, role, granted_by=granted_by)

    def release(self, email: str, *, released_by: str) -> bool:
        """Unbind the account bound to an address's grant (the next verified
        sign-in binds again); whether one was bound."""
        return users.release(self.engine, email, released_by=released_by)

    def grants(self) -> list[Grant]:
        """Every grant: address, role, who gave it, and the account bound to it."""
        return users.grants(self.engine)

    def users(self) -> list[tuple[str, str]]:
        """(e-mail address, role) of everyone with a role."""
        return users.users(self.engine)
