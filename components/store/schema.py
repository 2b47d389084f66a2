"""The database's tables, as SQLAlchemy 2 typed models.

Nothing is overwritten or deleted. An incident (or event) is an identity row that
points at its latest revision; every change is a new revision row, made by one
save, which records who made it, when and why. Undoing a save is a new save whose
revisions restore what was there before. Constraints do the integrity work: unique
ids, foreign keys from revisions to what they revise and to their event, checks
on counts, coordinates and codes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from components.domain.access import ROLES
from components.domain.fields import MAX_COUNT
from components.domain.model import CASUALTY_FIELDS

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ID_LENGTH = 200
SAVE_KINDS = ("seed", "add", "import", "edit", "undo")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Save(Base):
    """One unit of work: who saved, when, why, and what kind of change it was."""

    __tablename__ = "saves"
    __table_args__ = (CheckConstraint(f"kind IN {SAVE_KINDS}", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    author: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    """The report, file or command the change came from."""
    undoes: Mapped[int | None] = mapped_column(ForeignKey("saves.id"), nullable=True)


class EventRecord(Base):
    """An event's identity and its latest revision."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """The latest revision's number: a save that edits the event names the
    version it read and fails if another save came first."""
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_revisions.id", use_alter=True), nullable=True
    )


class EventRevision(Base):
    """One state of an event, as one save left it."""

    __tablename__ = "event_revisions"
    __table_args__ = (
        UniqueConstraint("event_id", "number"),
        CheckConstraint("date_precision BETWEEN 1 AND 3", name="date_precision"),
        CheckConstraint(
            f"places_hit_at_least IS NULL OR places_hit_at_least BETWEEN 0 AND "
            f"{MAX_COUNT}",
            name="places_hit",
        ),
        CheckConstraint(
            "period_hours IS NULL OR period_hours BETWEEN 0 AND 8784", name="period"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    save_id: Mapped[int] = mapped_column(ForeignKey("saves.id"), index=True)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)
    date_precision: Mapped[int] = mapped_column(SmallInteger)
    admin1: Mapped[str] = mapped_column(Text, default="")
    period_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    period_note: Mapped[str] = mapped_column(Text, default="")
    places_hit_at_least: Mapped[int | None] = mapped_column(Integer, nullable=True)
    claimed_by: Mapped[str] = mapped_column(Text, default="")
    source_title: Mapped[str] = mapped_column(Text)
    source_publisher: Mapped[str] = mapped_column(Text, default="")
    source_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    source_location: Mapped[str] = mapped_column(Text)
    source_excerpt: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class IncidentRecord(Base):
    """An incident's identity and its latest revision."""

    __tablename__ = "incidents"
    __table_args__ = (
        # The incidents revised since they were added (a few): any other's one
        # revision, number 1, is its head, so a part month's rows need no
        # lookup of their identity (components.store.current_rows).
        Index(
            "ix_incidents_revised",
            "id",
            postgresql_where=text("version > 1"),
            sqlite_where=text("version > 1"),
        ),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident_revisions.id", use_alter=True), nullable=True, index=True
    )


_COUNT_CHECK = "{0} IS NULL OR {0} BETWEEN 0 AND " + str(MAX_COUNT)

EDGE_COLUMNS = (
    "id",
    "incident_id",
    "number",
    "retracted",
    "revises",
    "event_id",
    "place",
    "lat",
    "lon",
    "geo_precision",
    "figure_scope",
    *CASUALTY_FIELDS,
    *(f"{field}_{end}" for field in CASUALTY_FIELDS for end in ("low", "high")),
)
"""What a part month's rows are asked besides their target type and day (the
index's key): whether they are counted (id, incident_id, number, retracted,
revises), their group and their figures. Carried in the index on (target_type,
date) on PostgreSQL (``INCLUDE``)."""


class IncidentRevision(Base):
    """One state of an incident, as one save left it.

    ``lat``/``lon`` are always set: the row's own (``pinned``) or its place's from
    the gazetteer when the save was made, so loading never geocodes.
    """

    __tablename__ = "incident_revisions"
    __table_args__ = (
        UniqueConstraint("incident_id", "number"),
        CheckConstraint("lat BETWEEN -90 AND 90", name="lat"),
        CheckConstraint("lon BETWEEN -180 AND 180", name="lon"),
        CheckConstraint("geo_precision BETWEEN 1 AND 3", name="geo_precision"),
        CheckConstraint("date_precision BETWEEN 1 AND 3", name="date_precision"),
        CheckConstraint("figure_scope IN ('incident', 'event')", name="figure_scope"),
        *(
            CheckConstraint(_COUNT_CHECK.format(column), name=column)
            for column in (
                "killed_civilians",
                "killed_security",
                "killed_attackers",
                "killed_unspecified",
                "injured",
            )
        ),
        Index("ix_incident_revisions_event_date", "event_id", "date"),
        Index("ix_incident_revisions_date_lat_lon", "date", "lat", "lon"),
        # The page asking the database: a popup's incidents at one point and
        # target type, and the newest incidents in (date, id) order.
        Index("ix_incident_revisions_point", "lat", "lon", "target_type"),
        Index("ix_incident_revisions_date_incident", "date", "incident_id"),
        # A date range's part months (the rest is read from incident_months)
        # of chosen target types, without reading the other types' rows; on
        # PostgreSQL with every column they ask (EDGE_COLUMNS), so they are read
        # from the index alone, not from rows scattered over the whole table.
        Index(
            "ix_incident_revisions_type_date_rows",
            "target_type",
            "date",
            postgresql_include=list(EDGE_COLUMNS),
        ),
        # The few records that revise another: "which are current" without a scan.
        Index(
            "ix_incident_revisions_revises",
            "revises",
            postgresql_where=text("revises IS NOT NULL"),
            sqlite_where=text("revises IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    save_id: Mapped[int] = mapped_column(ForeignKey("saves.id"), index=True)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"))
    revises: Mapped[str | None] = mapped_column(
        ForeignKey("incidents.id"), nullable=True
    )
    """A record of the same item that a later report's figures update."""
    date: Mapped[dt.date] = mapped_column(Date)
    date_precision: Mapped[int] = mapped_column(SmallInteger)
    place_reported: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    admin1: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    geo_precision: Mapped[int] = mapped_column(SmallInteger)
    target_type: Mapped[str] = mapped_column(String(40))
    attack_types: Mapped[str] = mapped_column(Text)
    killed_civilians: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_security: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_attackers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_unspecified: Mapped[int | None] = mapped_column(Integer, nullable=True)
    injured: Mapped[int | None] = mapped_column(Integer, nullable=True)
    figure_scope: Mapped[str] = mapped_column(String(16), default="incident")
    source_title: Mapped[str] = mapped_column(Text)
    source_publisher: Mapped[str] = mapped_column(Text, default="")
    source_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    source_location: Mapped[str] = mapped_column(Text)
    source_excerpt: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """How many reports the incident rests on (its rows in ``source_revisions``,
    or 1: its own source fields)."""
    # The lowest and highest figure the sources give, per side (None: fewer than
    # two sources give it); the casualty columns above hold the best figure.
    killed_civilians_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_civilians_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_security_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_security_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_attackers_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_attackers_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_unspecified_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_unspecified_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    injured_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    injured_high: Mapped[int | None] = mapped_column(Integer, nullable=True)


GROUP_KEYS = (
    "event_id",
    "target_type",
    "place",
    "lat",
    "lon",
    "geo_precision",
    "figure_scope",
)
"""What the incidents counted in one row of ``incident_groups`` share."""
MONTH_KEYS = ("month", "target_type", *(k for k in GROUP_KEYS if k != "target_type"))
"""What the incidents counted in one row of ``incident_months`` share: the
group's and the month of their day (its first day)."""
POINT_KEYS = tuple(k for k in GROUP_KEYS if k != "target_type")
"""What the incidents counted in one row of ``incident_points`` share, and
those of ``incident_point_months`` and ``incident_point_days`` besides their
month or day: the group's key but the target type (every type together)."""
WEEK_KEYS = ("week", *(k for k in MONTH_KEYS if k != "month"))
"""What the incidents counted in one row of ``incident_weeks`` share: the
group's and the week of the month of their day (its first day)."""
WEEK_SUMS = ("incidents", "deaths", "deaths_said")
"""What a row of ``incident_weeks`` adds up: what the map's groups need."""
POINT_MONTH_KEYS = ("month", *POINT_KEYS)
POINT_DAY_KEYS = ("date", *POINT_KEYS)
ATTACK_GROUP_KEYS = ("attack_types", *GROUP_KEYS)
"""What the incidents counted in one row of ``incident_attack_groups`` share:
the group's and their attack types as stored (the ";"-joined codes: an incident
of two codes is counted once, in the row of its combination)."""
ATTACK_MONTH_KEYS = ("attack_types", *MONTH_KEYS)
"""What the incidents counted in one row of ``incident_attack_months`` share:
the month's and their attack types as stored."""
GROUP_SUMS = (
    "incidents",
    *(
        f"{field}_{part}"
        for field in CASUALTY_FIELDS
        for part in ("sum", "rows", "low", "high")
    ),
    "deaths",
    "deaths_said",
)
"""What a row of ``incident_groups`` adds up over its incidents: how many; per
casualty field the reported figures added, the rows reporting one and the
lowest and highest figures added; the deaths added and the rows reporting any."""


class GroupSums:
    """The columns of :data:`GROUP_SUMS` and the bounds of the first and last
    day, shared by ``incident_groups`` and ``incident_months``.

    ``first_date`` and ``last_date`` are bounds: no incident counted in a row
    is dated before or after them (exact after a rebuild; a save that takes an
    incident out leaves them as they were)."""

    incidents: Mapped[int] = mapped_column(BigInteger)
    killed_civilians_sum: Mapped[int] = mapped_column(BigInteger)
    killed_civilians_rows: Mapped[int] = mapped_column(BigInteger)
    killed_civilians_low: Mapped[int] = mapped_column(BigInteger)
    killed_civilians_high: Mapped[int] = mapped_column(BigInteger)
    killed_security_sum: Mapped[int] = mapped_column(BigInteger)
    killed_security_rows: Mapped[int] = mapped_column(BigInteger)
    killed_security_low: Mapped[int] = mapped_column(BigInteger)
    killed_security_high: Mapped[int] = mapped_column(BigInteger)
    killed_attackers_sum: Mapped[int] = mapped_column(BigInteger)
    killed_attackers_rows: Mapped[int] = mapped_column(BigInteger)
    killed_attackers_low: Mapped[int] = mapped_column(BigInteger)
    killed_attackers_high: Mapped[int] = mapped_column(BigInteger)
    killed_unspecified_sum: Mapped[int] = mapped_column(BigInteger)
    killed_unspecified_rows: Mapped[int] = mapped_column(BigInteger)
    killed_unspecified_low: Mapped[int] = mapped_column(BigInteger)
    killed_unspecified_high: Mapped[int] = mapped_column(BigInteger)
    injured_sum: Mapped[int] = mapped_column(BigInteger)
    injured_rows: Mapped[int] = mapped_column(BigInteger)
    injured_low: Mapped[int] = mapped_column(BigInteger)
    injured_high: Mapped[int] = mapped_column(BigInteger)
    deaths: Mapped[int] = mapped_column(BigInteger)
    deaths_said: Mapped[int] = mapped_column(BigInteger)
    first_date: Mapped[dt.date] = mapped_column(Date)
    last_date: Mapped[dt.date] = mapped_column(Date)


class IncidentGroup(GroupSums, Base):
    """The current incidents that revise no other record, counted per event,
    target type, place, point, geo precision and figure scope, kept by every
    save (:mod:`components.store.group_counts`): the page asking the database
    reads these few thousand rows instead of every incident."""

    __tablename__ = "incident_groups"

    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentMonth(GroupSums, Base):
    """The same incidents as ``incident_groups``, counted per month as well
    (:data:`MONTH_KEYS`): a date range is read from the whole months inside it
    here, and from the incidents themselves only in the part months at its two
    ends. Keyed by month first, then target type, so a range of months, with
    or without chosen target types, is one range of the key's index."""

    __tablename__ = "incident_months"
    __table_args__ = (
        Index("ix_incident_months_type_month", "target_type", "month"),
        # The whole months of a range in a view, for the map's groups: read
        # from the index alone on PostgreSQL (migration 0014).
        Index(
            "ix_incident_months_month_point",
            "month",
            "lat",
            "lon",
            postgresql_include=[
                "target_type",
                "place",
                "geo_precision",
                "event_id",
                "incidents",
                "deaths",
                "deaths_said",
            ],
        ),
    )

    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    """The month's first day."""
    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentWeek(Base):
    """The same incidents as ``incident_months``, counted per week of the
    month (:data:`WEEK_KEYS`; ``components.store.months``), with only what
    the map's groups add up (:data:`WEEK_SUMS`): the part months at a date
    range's ends are read here as whole weeks, and from the incidents only
    for the days left over (at most six at either end). Keyed by week, then
    point, so the weeks of a range in a view are one range of the key's
    index."""

    __tablename__ = "incident_weeks"
    __table_args__ = (Index("ix_incident_weeks_type_week", "target_type", "week"),)

    week: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    """The week's first day (the 1st, 8th, 15th, 22nd or 29th)."""
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    incidents: Mapped[int] = mapped_column(BigInteger)
    deaths: Mapped[int] = mapped_column(BigInteger)
    deaths_said: Mapped[int] = mapped_column(BigInteger)


class IncidentPoint(GroupSums, Base):
    """The same incidents as ``incident_groups``, every target type together
    (:data:`POINT_KEYS`): with no target type and no date range chosen (the
    page's first view), the headline, cells, places, heat and bounds add up a
    row per place (3,353 at ten million incidents) instead of a row per target
    type and place (90,531)."""

    __tablename__ = "incident_points"

    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentPointMonth(GroupSums, Base):
    """The same incidents as ``incident_months``, every target type together
    (:data:`POINT_MONTH_KEYS`): with no target type chosen, the whole months of
    a date range are read here (a row per place and month) instead of a row
    per target type, place and month."""

    __tablename__ = "incident_point_months"

    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    """The month's first day."""
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentPointDay(GroupSums, Base):
    """The same incidents per day, every target type together
    (:data:`POINT_DAY_KEYS`): with no target type chosen, the part months at a
    date range's ends are read here (a row per place and day) instead of every
    incident of those days. ``first_date`` and ``last_date`` are its day."""

    __tablename__ = "incident_point_days"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentAttackGroup(GroupSums, Base):
    """The same incidents as ``incident_groups``, counted per combination of
    attack types as well (:data:`ATTACK_GROUP_KEYS`): with attack types chosen
    and no date range, the selection is the rows of the combinations that hold
    a chosen code, not every incident read one by one. Keyed by combination
    first, so the chosen combinations are ranges of the key's index."""

    __tablename__ = "incident_attack_groups"

    attack_types: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentAttackMonth(GroupSums, Base):
    """The same incidents as ``incident_months``, counted per combination of
    attack types as well (:data:`ATTACK_MONTH_KEYS`): with attack types chosen
    and a date range, its whole months are read here (the part months at its
    ends from the incidents). Keyed by combination, then month, so the chosen
    combinations over a range of months are ranges of the key's index."""

    __tablename__ = "incident_attack_months"

    attack_types: Mapped[str] = mapped_column(Text, primary_key=True)
    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    """The month's first day."""
    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    lat: Mapped[float] = mapped_column(Float, primary_key=True)
    lon: Mapped[float] = mapped_column(Float, primary_key=True)
    geo_precision: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    figure_scope: Mapped[str] = mapped_column(String(16), primary_key=True)


class IncidentKind(Base):
    """The same incidents as ``incident_groups``, counted per target type and
    attack types: the filters' options without reading every incident, and the
    combinations of attack types that hold a chosen code (the rows of
    ``incident_attack_groups`` and ``incident_attack_months`` to read)."""

    __tablename__ = "incident_kinds"

    target_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    attack_types: Mapped[str] = mapped_column(Text, primary_key=True)
    incidents: Mapped[int] = mapped_column(BigInteger)


class SourceRecord(Base):
    """A report an incident rests on: its identity and its latest revision.

    An incident with no source rows rests on its own source fields alone; once a
    second report joins it, both are rows here, each with its figures as said.
    Moving a source to another incident (a merge, a split) is a new revision.
    """

    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_revisions.id", use_alter=True), nullable=True, index=True
    )


class SourceRevision(Base):
    """One state of a source: which incident it belongs to, and what it said."""

    __tablename__ = "source_revisions"
    __table_args__ = (
        UniqueConstraint("source_id", "number"),
        *(
            CheckConstraint(_COUNT_CHECK.format(column), name=column)
            for column in (
                "killed_civilians",
                "killed_security",
                "killed_attackers",
                "killed_unspecified",
                "injured",
            )
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    save_id: Mapped[int] = mapped_column(ForeignKey("saves.id"), index=True)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    """The incident this report describes (changes when a merge is split)."""
    place_reported: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)
    target_type: Mapped[str] = mapped_column(String(40))
    attack_types: Mapped[str] = mapped_column(Text)
    killed_civilians: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_security: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_attackers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    killed_unspecified: Mapped[int | None] = mapped_column(Integer, nullable=True)
    injured: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_title: Mapped[str] = mapped_column(Text)
    source_publisher: Mapped[str] = mapped_column(Text, default="")
    source_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    source_location: Mapped[str] = mapped_column(Text)
    source_excerpt: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


INBOX_STATES = ("queued", "working", "proposed", "accepted", "rejected", "failed")


class InboxItem(Base):
    """A report the inbox worker took in: queued, read and matched, then reviewed.

    The same item is never queued twice: ``url_key`` (a hash of the page's
    address) and ``text_hash`` (a hash of its text) are unique. Nothing here is
    on the map: an accepted item's incidents are a save like any other.
    """

    __tablename__ = "inbox_items"
    __table_args__ = (
        CheckConstraint(f"status IN {INBOX_STATES}", name="status"),
        Index("ix_inbox_items_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str] = mapped_column(String(16))
    """'folder' or 'feed'."""
    location: Mapped[str] = mapped_column(Text)
    """The file's name or the page's address, as shown."""
    url_key: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    text_hash: Mapped[str | None] = mapped_column(
        String(64), nullable=True, unique=True
    )
    title: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    """What the worker or the reviewer said: attachments ignored, why it failed,
    why it was rejected."""
    proposal: Mapped[str] = mapped_column(Text, default="")
    """The rows the report reader proposes and the matcher's answer for each, as
    JSON."""
    worker: Mapped[str] = mapped_column(Text, default="")
    claimed_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    decided_by: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    save_id: Mapped[int | None] = mapped_column(ForeignKey("saves.id"), nullable=True)


class User(Base):
    """A role (viewer, editor or admin) an administrator gave an e-mail address,
    and the sign-in account it is bound to.

    The first sign-in whose provider verified the address binds the provider's
    account (issuer and subject) to the row; from then on the role is that
    account's, and another account presenting the same address gets nothing.
    """

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN {ROLES}", name="role"),
        CheckConstraint(
            "(issuer IS NULL AND subject IS NULL AND bound_at IS NULL) OR "
            "(issuer IS NOT NULL AND subject IS NOT NULL AND bound_at IS NOT NULL)",
            name="account",
        ),
        UniqueConstraint("issuer", "subject"),
    )

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    granted_by: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    issuer: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    """The provider that vouched for the address (the ID token's ``iss``)."""
    subject: Mapped[str | None] = mapped_column(String(255), nullable=True)
    """The account at that provider (``sub``)."""
    bound_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )


class SeedFile(Base):
    """A shipped CSV file the database has read, by its content hash."""

    __tablename__ = "seed_files"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    save_id: Mapped[int] = mapped_column(ForeignKey("saves.id"))
    problems: Mapped[int] = mapped_column(Integer, default=0)
    """Rows of the file that could not be read: listed again at every start."""


class TeamPlaceRecord(Base):
    """A place of the team gazetteer: its identity (the name's lookup key) and its
    latest revision. Placing a name again is a new revision, never an overwrite."""

    __tablename__ = "team_places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(ID_LENGTH), unique=True)
    """The name's lookup key (``gazetteer.normalize_name``): one place per name."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("team_place_revisions.id", use_alter=True), nullable=True
    )


class TeamPlaceRevision(Base):
    """One placing of a team place: where, how precisely, by whom, from what."""

    __tablename__ = "team_place_revisions"
    __table_args__ = (
        UniqueConstraint("place_id", "number"),
        CheckConstraint("lat BETWEEN -90 AND 90", name="lat"),
        CheckConstraint("lon BETWEEN -180 AND 180", name="lon"),
        CheckConstraint("precision BETWEEN 1 AND 3", name="precision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("team_places.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    variants: Mapped[str] = mapped_column(Text, default="")
    """Other spellings, separated by ';'."""
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    precision: Mapped[int] = mapped_column(SmallInteger)
    admin1: Mapped[str] = mapped_column(Text, default="")
    district: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    author: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    """The report (or file) the place came from."""
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


SEARCH_INDEX_TABLES = ("incident_search", "search_words")
"""The search index's tables (migration ``0006_search``) are made in SQL, not by
these models; SQLite's FTS5 makes its own ``incident_search_*`` shadow tables."""


def in_the_models(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name``: compare everything but the search index."""
    return not (type_ == "table" and name and name.startswith(SEARCH_INDEX_TABLES))
