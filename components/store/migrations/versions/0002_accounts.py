"""Roles bound to sign-in accounts: the provider's issuer and subject beside each
granted e-mail address.

A role is granted to an address; the first sign-in whose provider verified that
address binds the account to it (``issuer``, ``subject``, ``bound_at``), and from
then on the account has the role, not whoever presents the address. Existing
grants start unbound: each is bound at its person's next verified sign-in.

Revision ID: 0002_accounts
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_accounts"
down_revision = "0003_team_places"
branch_labels = None
depends_on = None

ACCOUNT_CHECK = (
    "(issuer IS NULL AND subject IS NULL AND bound_at IS NULL) OR "
    "(issuer IS NOT NULL AND subject IS NOT NULL AND bound_at IS NOT NULL)"
)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issuer", sa.String(length=2048), nullable=True))
        batch_op.add_column(sa.Column("subject", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("bound_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_check_constraint(op.f("ck_users_account"), ACCOUNT_CHECK)
        batch_op.create_unique_constraint(
            op.f("uq_users_issuer"), ["issuer", "subject"]
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_users_issuer"), type_="unique")
        batch_op.drop_constraint(op.f("ck_users_account"), type_="check")
        batch_op.drop_column("bound_at")
        batch_op.drop_column("subject")
        batch_op.drop_column("issuer")
