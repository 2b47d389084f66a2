"""The incidents counted per month, kept by the saves.

``incident_months`` counts the same incidents as ``incident_groups`` (current,
revising no other record) per month as well as per event, target type, place,
point, geo precision and figure scope, with the same sums: the page asking the
database answers a date range from the whole months inside it here and reads
only the part months at its two ends from the incidents
(``components.store.group_rows``). Every save keeps it in its own transaction
(``components.store.group_counts``); the upgrade counts the incidents already
there.

An index on ``(target_type, date)``: the part months of a range of chosen
target types read those types' rows only (the date index alone reads every
type's rows of those days). Created only where missing: on a large busy
PostgreSQL table it can be made first with ``CREATE INDEX CONCURRENTLY`` under
this name.

Revision ID: 0010_incident_months
Revises: 0009_incident_groups
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts
from components.store.schema import IncidentMonth

revision = "0010_incident_months"
down_revision = "0009_incident_groups"
branch_labels = None
depends_on = None

INDEX = "ix_incident_revisions_type_date"


def upgrade() -> None:
    op.create_index(
        INDEX, "incident_revisions", ["target_type", "date"], if_not_exists=True
    )
    connection = op.get_bind()
    IncidentMonth.__table__.create(connection, checkfirst=True)
    group_counts.rebuild(connection, [group_counts.MONTHS])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="incident_revisions", if_exists=True)
    op.drop_table("incident_months")
