"""One incident, many sources; the inbox's queue; candidates by date and place.

- ``sources`` and ``source_revisions``: each report an incident rests on, with
  its figures as said, revised like incidents (a merge or a split moves one);
- on ``incident_revisions``: how many sources, and the lowest and highest figure
  they give per side beside the best (the casualty columns), and an index on
  ``(date, lat, lon)`` for the matcher's candidate query (docs/matching.md);
- ``inbox_items``: reports the inbox worker took in, queued for review, each
  once by the hash of its address and of its text.

Revision ID: 0004_sources
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sources"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None

SIDES = (
    "killed_civilians",
    "killed_security",
    "killed_attackers",
    "killed_unspecified",
    "injured",
)


def _count_checks(table: str) -> list[sa.CheckConstraint]:
    return [
        sa.CheckConstraint(
            f"{side} IS NULL OR {side} BETWEEN 0 AND 1000000",
            name=op.f(f"ck_{table}_{side}"),
        )
        for side in SIDES
    ]


def upgrade() -> None:
    with op.batch_alter_table("incident_revisions") as batch_op:
        batch_op.add_column(
            sa.Column("sources", sa.Integer(), nullable=False, server_default="1")
        )
        for side in SIDES:
            for end in ("low", "high"):
                batch_op.add_column(sa.Column(f"{side}_{end}", sa.Integer()))
        batch_op.create_index(
            "ix_incident_revisions_date_lat_lon", ["date", "lat", "lon"]
        )

    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_index(op.f("ix_sources_head_id"), "sources", ["head_id"])
    op.create_table(
        "source_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("save_id", sa.Integer(), nullable=False),
        sa.Column("retracted", sa.Boolean(), nullable=False),
        sa.Column("incident_id", sa.String(length=200), nullable=False),
        sa.Column("place_reported", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("attack_types", sa.Text(), nullable=False),
        *(sa.Column(side, sa.Integer(), nullable=True) for side in SIDES),
        sa.Column("source_title", sa.Text(), nullable=False),
        sa.Column("source_publisher", sa.Text(), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_excerpt", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_count_checks("source_revisions"),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_revisions_source_id_sources"),
        ),
        sa.ForeignKeyConstraint(
            ["save_id"], ["saves.id"], name=op.f("fk_source_revisions_save_id_saves")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_source_revisions_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_revisions")),
        sa.UniqueConstraint(
            "source_id", "number", name=op.f("uq_source_revisions_source_id")
        ),
    )
    for column in ("source_id", "save_id", "incident_id"):
        op.create_index(
            op.f(f"ix_source_revisions_{column}"), "source_revisions", [column]
        )
    with op.batch_alter_table("sources") as batch_op:
        batch_op.create_foreign_key(
            op.f("fk_sources_head_id_source_revisions"),
            "source_revisions",
            ["head_id"],
            ["id"],
        )

    op.create_table(
        "inbox_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("url_key", sa.String(length=64), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("worker", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("save_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'working', 'proposed', 'accepted', 'rejected', "
            "'failed')",
            name=op.f("ck_inbox_items_status"),
        ),
        sa.ForeignKeyConstraint(
            ["save_id"], ["saves.id"], name=op.f("fk_inbox_items_save_id_saves")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_items")),
        sa.UniqueConstraint("url_key", name=op.f("uq_inbox_items_url_key")),
        sa.UniqueConstraint("text_hash", name=op.f("uq_inbox_items_text_hash")),
    )
    op.create_index("ix_inbox_items_status_id", "inbox_items", ["status", "id"])


def downgrade() -> None:
    op.drop_index("ix_inbox_items_status_id", table_name="inbox_items")
    op.drop_table("inbox_items")
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_sources_head_id_source_revisions"), type_="foreignkey"
        )
    for column in ("source_id", "save_id", "incident_id"):
        op.drop_index(
            op.f(f"ix_source_revisions_{column}"), table_name="source_revisions"
        )
    op.drop_table("source_revisions")
    op.drop_index(op.f("ix_sources_head_id"), table_name="sources")
    op.drop_table("sources")
    with op.batch_alter_table("incident_revisions") as batch_op:
        batch_op.drop_index("ix_incident_revisions_date_lat_lon")
        for side in SIDES:
            for end in ("low", "high"):
                batch_op.drop_column(f"{side}_{end}")
        batch_op.drop_column("sources")
