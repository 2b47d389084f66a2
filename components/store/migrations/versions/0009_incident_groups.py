"""The incidents counted per group and per kind, kept by the saves.

``incident_groups`` counts the current incidents that revise no other record
per event, target type, place, point, geo precision and figure scope, with the
casualty sums the headline and the map need; ``incident_kinds`` counts them per
target and attack types. The page asking the database reads them instead of
every incident (``components.store.group_rows``); every save keeps them in its
own transaction (``components.store.group_counts``). The upgrade counts the
incidents already there.

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


def upgrade() -> None:
    connection = op.get_bind()
    IncidentGroup.__table__.create(connection, checkfirst=True)
    IncidentKind.__table__.create(connection, checkfirst=True)
    group_counts.rebuild(connection)


def downgrade() -> None:
    op.drop_table("incident_kinds")
    op.drop_table("incident_groups")
