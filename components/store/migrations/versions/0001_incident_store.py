"""The incident store: saves, events and incidents with their revisions, users.

Identity rows point at their latest revision; the pointers' foreign keys are added
once both tables exist. Where PostgreSQL has PostGIS, incident revisions get a
point geometry (computed from lat and lon) with a spatial index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

logger = logging.getLogger(__name__)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incidents_head_id"), ["head_id"], unique=False
        )

    op.create_table(
        "saves",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('seed', 'add', 'import', 'edit', 'undo')",
            name=op.f("ck_saves_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["undoes"], ["saves.id"], name=op.f("fk_saves_undoes_saves")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saves")),
    )
    op.create_table(
        "users",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("granted_by", sa.Text(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('viewer', 'editor', 'admin')", name=op.f("ck_users_role")
        ),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_users")),
    )
    op.create_table(
        "event_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("save_id", sa.Integer(), nullable=False),
        sa.Column("retracted", sa.Boolean(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.SmallInteger(), nullable=False),
        sa.Column("admin1", sa.Text(), nullable=False),
        sa.Column("period_hours", sa.Float(), nullable=True),
        sa.Column("period_note", sa.Text(), nullable=False),
        sa.Column("places_hit_at_least", sa.Integer(), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("source_title", sa.Text(), nullable=False),
        sa.Column("source_publisher", sa.Text(), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_excerpt", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "date_precision BETWEEN 1 AND 3",
            name=op.f("ck_event_revisions_date_precision"),
        ),
        sa.CheckConstraint(
            "period_hours IS NULL OR period_hours BETWEEN 0 AND 8784",
            name=op.f("ck_event_revisions_period"),
        ),
        sa.CheckConstraint(
            "places_hit_at_least IS NULL OR places_hit_at_least BETWEEN 0 AND 1000000",
            name=op.f("ck_event_revisions_places_hit"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_revisions_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["save_id"], ["saves.id"], name=op.f("fk_event_revisions_save_id_saves")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_revisions")),
        sa.UniqueConstraint(
            "event_id", "number", name=op.f("uq_event_revisions_event_id")
        ),
    )
    with op.batch_alter_table("event_revisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_revisions_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_revisions_save_id"), ["save_id"], unique=False
        )

    op.create_table(
        "incident_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("save_id", sa.Integer(), nullable=False),
        sa.Column("retracted", sa.Boolean(), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("revises", sa.String(length=200), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.SmallInteger(), nullable=False),
        sa.Column("place_reported", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.BigInteger(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("geo_precision", sa.SmallInteger(), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("attack_types", sa.Text(), nullable=False),
        sa.Column("killed_civilians", sa.Integer(), nullable=True),
        sa.Column("killed_security", sa.Integer(), nullable=True),
        sa.Column("killed_attackers", sa.Integer(), nullable=True),
        sa.Column("killed_unspecified", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("figure_scope", sa.String(length=16), nullable=False),
        sa.Column("source_title", sa.Text(), nullable=False),
        sa.Column("source_publisher", sa.Text(), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_excerpt", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "figure_scope IN ('incident', 'event')",
            name=op.f("ck_incident_revisions_figure_scope"),
        ),
        sa.CheckConstraint(
            "date_precision BETWEEN 1 AND 3",
            name=op.f("ck_incident_revisions_date_precision"),
        ),
        sa.CheckConstraint(
            "geo_precision BETWEEN 1 AND 3",
            name=op.f("ck_incident_revisions_geo_precision"),
        ),
        sa.CheckConstraint(
            "injured IS NULL OR injured BETWEEN 0 AND 1000000",
            name=op.f("ck_incident_revisions_injured"),
        ),
        sa.CheckConstraint(
            "killed_attackers IS NULL OR killed_attackers BETWEEN 0 AND 1000000",
            name=op.f("ck_incident_revisions_killed_attackers"),
        ),
        sa.CheckConstraint(
            "killed_civilians IS NULL OR killed_civilians BETWEEN 0 AND 1000000",
            name=op.f("ck_incident_revisions_killed_civilians"),
        ),
        sa.CheckConstraint(
            "killed_security IS NULL OR killed_security BETWEEN 0 AND 1000000",
            name=op.f("ck_incident_revisions_killed_security"),
        ),
        sa.CheckConstraint(
            "killed_unspecified IS NULL OR killed_unspecified BETWEEN 0 AND 1000000",
            name=op.f("ck_incident_revisions_killed_unspecified"),
        ),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90", name=op.f("ck_incident_revisions_lat")
        ),
        sa.CheckConstraint(
            "lon BETWEEN -180 AND 180", name=op.f("ck_incident_revisions_lon")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_incident_revisions_event_id_events"),
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_revisions_incident_id_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["revises"],
            ["incidents.id"],
            name=op.f("fk_incident_revisions_revises_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["save_id"], ["saves.id"], name=op.f("fk_incident_revisions_save_id_saves")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_revisions")),
        sa.UniqueConstraint(
            "incident_id", "number", name=op.f("uq_incident_revisions_incident_id")
        ),
    )
    with op.batch_alter_table("incident_revisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_revisions_event_date", ["event_id", "date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_incident_revisions_incident_id"),
            ["incident_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_incident_revisions_save_id"), ["save_id"], unique=False
        )

    op.create_table(
        "seed_files",
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("save_id", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["save_id"], ["saves.id"], name=op.f("fk_seed_files_save_id_saves")
        ),
        sa.PrimaryKeyConstraint("path", name=op.f("pk_seed_files")),
    )
    for table, target in (
        ("events", "event_revisions"),
        ("incidents", "incident_revisions"),
    ):
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_head_id_{target}"), target, ["head_id"], ["id"]
            )
    _postgis()


def _postgis() -> None:
    """A point geometry and a spatial index, where PostgreSQL has PostGIS."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
    ).scalar()
    if not available:
        return
    installed = bind.exec_driver_sql(
        "SELECT 1 FROM pg_extension WHERE extname = 'postgis'"
    ).scalar()
    if not installed:
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION postgis")
        except sa.exc.DBAPIError as error:  # e.g. not allowed for this database user
            logger.warning(
                "PostGIS is installed but cannot be enabled here (%s); incidents "
                "keep lat and lon without a spatial index. A superuser can run "
                "CREATE EXTENSION postgis, then downgrade and upgrade again.",
                error.orig,
            )
            return
    op.execute(
        "ALTER TABLE incident_revisions ADD COLUMN geom geometry(Point, 4326) "
        "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"
    )
    op.execute(
        "CREATE INDEX ix_incident_revisions_geom "
        "ON incident_revisions USING GIST (geom)"
    )


def downgrade() -> None:
    for table, target in (
        ("events", "event_revisions"),
        ("incidents", "incident_revisions"),
    ):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(
                op.f(f"fk_{table}_head_id_{target}"), type_="foreignkey"
            )
    op.drop_table("seed_files")
    with op.batch_alter_table("incident_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_revisions_save_id"))
        batch_op.drop_index(batch_op.f("ix_incident_revisions_incident_id"))
        batch_op.drop_index("ix_incident_revisions_event_date")

    op.drop_table("incident_revisions")
    with op.batch_alter_table("event_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_revisions_save_id"))
        batch_op.drop_index(batch_op.f("ix_event_revisions_event_id"))

    op.drop_table("event_revisions")
    op.drop_table("users")
    op.drop_table("saves")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_head_id"))

    op.drop_table("incidents")
    op.drop_table("events")
