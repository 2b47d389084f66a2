"""Which records revise another, indexed.

A record is current when no current-state record revises it. The queries that
answer the map, the headline and the incident list from the database
(``components.store.current_rows``) ask that as ``NOT IN`` the few ids that
some record revises; without an index on ``revises`` that list is a scan of
every revision. The index is partial (``WHERE revises IS NOT NULL``): a
handful of rows, whatever the size of the table.

A database where the index was created by hand (as the operations guide once
said) keeps it: the index is created only where it is missing.

Revision ID: 0008_revises_index
Revises: 0007_search_sources
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_revises_index"
down_revision = "0007_search_sources"
branch_labels = None
depends_on = None

INDEX = "ix_incident_revisions_revises"
_PARTIAL = sa.text("revises IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        INDEX,
        "incident_revisions",
        ["revises"],
        postgresql_where=_PARTIAL,
        sqlite_where=_PARTIAL,
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="incident_revisions", if_exists=True)
