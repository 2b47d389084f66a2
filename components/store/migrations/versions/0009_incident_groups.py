"""The incidents counted per group and per kind, kept by the saves.

``incident_groups`` counts the current incidents that revise no other record
per event, target type, place, point, geo precision and figure scope, with the
casualty sums the headline and the map need; ``incident_kinds`` counts them per
target and attack types. The page asking the database reads them instead of
every incident (``components.store.group_rows``); every save keeps them in its
own transaction (``components.store.group_counts``). The upgrade counts the
incidents already there.

Two indexes for the page asking the database: ``(lat, lon, target_type)``, a
popup's incidents at one point (a scan of every incident without it: seconds at
ten million), and ``(date, incident_id)``, the newest incidents in the list's
order without sorting a whole day. Created only where missing: on a large
busy PostgreSQL table they can be made first with ``CREATE INDEX
CONCURRENTLY`` under these names.

Revision ID: 0009_incident_groups
Revises: 0008_revises_index
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts
from components.store.schema import IncidentGroup, IncidentKind

revision = "0009_incident_groups"
down_revision = "0008_revises_index"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incident_revisions_point": ["lat", "lon", "target_type"],
    "ix_incident_revisions_date_incident": ["date", "incident_id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incident_revisions", columns, if_not_exists=True)
    connection = op.get_bind()
    IncidentGroup.__table__.create(connection, checkfirst=True)
    IncidentKind.__table__.create(connection, checkfirst=True)
    group_counts.rebuild(connection)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incident_revisions", if_exists=True)
    op.drop_table("incident_kinds")
    op.drop_table("incident_groups")
