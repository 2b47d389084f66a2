"""The incidents counted per combination of attack types.

With attack types chosen, no table of counts held the selection: the map's
groups and the headline read every current incident of it one by one (at a
million incidents, 0.52 to 0.66 s each, over issue 27's 0.5 s).
``incident_attack_groups`` and ``incident_attack_months`` count the same
incidents as ``incident_groups`` and ``incident_months`` (current, revising no
other record) per attack types as well, as stored: the ";"-joined codes, so an
incident of two codes is counted once, in its combination's row, and a choice
of codes reads the rows of the combinations holding one of them
(``components.store.group_rows``). Keyed by the combination first. Every save
keeps them in its own transaction (``components.store.group_counts``); the
upgrade counts the incidents already there.

Revision ID: 0015_attack_counts
Revises: 0014_week_counts
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts

revision = "0015_attack_counts"
down_revision = "0014_week_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for kept in group_counts.ATTACKS:
        kept.table.create(connection, checkfirst=True)
    group_counts.rebuild(connection, list(group_counts.ATTACKS))


def downgrade() -> None:
    for kept in reversed(group_counts.ATTACKS):
        op.drop_table(kept.table.name)
