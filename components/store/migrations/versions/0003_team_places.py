"""The team gazetteer: places analysts placed, each placing a revision.

Revision ID: 0003_team_places
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_team_places"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_places")),
        sa.UniqueConstraint("key", name=op.f("uq_team_places_key")),
    )
    op.create_table(
        "team_place_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("variants", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("precision", sa.SmallInteger(), nullable=False),
        sa.Column("admin1", sa.Text(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90", name=op.f("ck_team_place_revisions_lat")
        ),
        sa.CheckConstraint(
            "lon BETWEEN -180 AND 180", name=op.f("ck_team_place_revisions_lon")
        ),
        sa.CheckConstraint(
            "precision BETWEEN 1 AND 3",
            name=op.f("ck_team_place_revisions_precision"),
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["team_places.id"],
            name=op.f("fk_team_place_revisions_place_id_team_places"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_place_revisions")),
        sa.UniqueConstraint(
            "place_id", "number", name=op.f("uq_team_place_revisions_place_id")
        ),
    )
    with op.batch_alter_table("team_place_revisions") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_place_revisions_place_id"), ["place_id"], unique=False
        )
    with op.batch_alter_table("team_places") as batch_op:
        batch_op.create_foreign_key(
            op.f("fk_team_places_head_id_team_place_revisions"),
            "team_place_revisions",
            ["head_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("team_places") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_team_places_head_id_team_place_revisions"), type_="foreignkey"
        )
    with op.batch_alter_table("team_place_revisions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_place_revisions_place_id"))
    op.drop_table("team_place_revisions")
    op.drop_table("team_places")
