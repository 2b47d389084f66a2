"""The incidents counted per place and month, and per place and day, every
target type together.

With no target type chosen, a date range was answered from
``incident_months`` (a row per target type, place and month: 437,000 rows for
five months at ten million incidents) and the part months at its ends from the
incidents themselves (1.15 million for 42 days there), then grouped: seconds
per question. ``incident_point_months`` and ``incident_point_days`` count the
same incidents as ``incident_groups`` (current, revising no other record) per
month and per day, per event, place, point, geo precision and figure scope,
with the same sums: such a range is read from a row per place and whole month
and a row per place and part-month day (``components.store.group_rows``).
Every save keeps them in its own transaction
(``components.store.group_counts``); the upgrade counts the incidents already
there.

Revision ID: 0012_point_counts
Revises: 0011_edge_rows_index
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts

revision = "0012_point_counts"
down_revision = "0011_edge_rows_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for kept in group_counts.POINTS:
        kept.table.create(connection, checkfirst=True)
    group_counts.rebuild(connection, group_counts.POINTS)


def downgrade() -> None:
    for kept in reversed(group_counts.POINTS):
        op.drop_table(kept.table.name)
