"""The incidents counted per place, every target type together, whatever the day.

With nothing chosen (the page's first view, every event) or only events and
places, the headline, the cells, the place and heat tables, the bounds and the
number of incidents added up ``incident_groups``: a row per target type and
place, 90,531 rows at ten million incidents on 3,353 places, five times per
cold open. ``incident_points`` counts the same incidents (current, revising no
other record) per event, place, point, geo precision and figure scope, with the
same sums: those questions add up a row per place
(``components.store.group_rows.point_rows``). Every save keeps it in its own
transaction (``components.store.group_counts``); the upgrade counts the
incidents already there.

Revision ID: 0013_place_counts
Revises: 0012_point_counts
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts

revision = "0013_place_counts"
down_revision = "0012_point_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    group_counts.PLACES.table.create(connection, checkfirst=True)
    group_counts.rebuild(connection, [group_counts.PLACES])


def downgrade() -> None:
    op.drop_table(group_counts.PLACES.table.name)
