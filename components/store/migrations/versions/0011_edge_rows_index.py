"""A date range's part months read from an index alone.

The part months at a range's ends are read from the incidents
(``components.store.current_rows.counted_rows``), along the index on
``(target_type, date)``. On PostgreSQL each of those rows was then fetched
from the table: scattered over all of it when the incidents were not saved in
date order (8,500 pages for 8,500 rows at a million; at ten million seconds
per question). The index now carries every column those rows are asked
(``schema.EDGE_COLUMNS``, PostgreSQL's ``INCLUDE``), so they are read from it
alone once the table is vacuumed (PostgreSQL's visibility map; autovacuum sets
it). On SQLite, which has no ``INCLUDE``, it is the same index as before under
the new name.

And a partial index on the incidents revised since they were added
(``version > 1``): a part month's row is its incident's head when it is the
incident's first revision and the incident is not among these (a few), so it
needs no lookup of its identity (85,000 lookups, most of the time left, at ten
million).

Replaces ``ix_incident_revisions_type_date`` (the same key). Created only
where missing: on a large busy PostgreSQL table it can be made first with
``CREATE INDEX CONCURRENTLY`` under this name.

Revision ID: 0011_edge_rows_index
Revises: 0010_incident_months
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from components.store.schema import EDGE_COLUMNS

revision = "0011_edge_rows_index"
down_revision = "0010_incident_months"
branch_labels = None
depends_on = None

INDEX = "ix_incident_revisions_type_date_rows"
BEFORE = "ix_incident_revisions_type_date"
KEY = ["target_type", "date"]
REVISED = "ix_incidents_revised"
_REVISED_ONLY = sa.text("version > 1")


def upgrade() -> None:
    op.create_index(
        INDEX,
        "incident_revisions",
        KEY,
        postgresql_include=list(EDGE_COLUMNS),
        if_not_exists=True,
    )
    op.drop_index(BEFORE, table_name="incident_revisions", if_exists=True)
    op.create_index(
        REVISED,
        "incidents",
        ["id"],
        postgresql_where=_REVISED_ONLY,
        sqlite_where=_REVISED_ONLY,
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index(REVISED, table_name="incidents", if_exists=True)
    op.create_index(BEFORE, "incident_revisions", KEY, if_not_exists=True)
    op.drop_index(INDEX, table_name="incident_revisions", if_exists=True)
