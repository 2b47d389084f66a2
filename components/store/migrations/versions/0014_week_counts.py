"""The incidents counted per week of the month, per target type and place.

A date range cutting months with no target type chosen: the map's groups in
view added up every incident of the part months one row each (at ten million
incidents, 1.15 million index entries for 42 days, and the grouping of 349,056
rows: 1.15 to 1.60 s the payload). ``incident_weeks`` counts the same incidents
as ``incident_months`` per week of the month (days 1 to 7, 8 to 14, 15 to 21,
22 to 28, 29 to the end; ``components.store.months``), with only what the
groups add up (incidents, deaths, rows reporting deaths): a part month is its
whole weeks read there and at most six days at either end read from the
incidents (``components.store.group_rows``). Every save keeps it in its own
transaction (``components.store.group_counts``); the upgrade counts the
incidents already there.

And an index on ``incident_months (month, lat, lon)`` carrying the columns the
groups ask (PostgreSQL's ``INCLUDE``): the whole months of a range in a view
are read from it alone (a parallel scan of the whole table before, 0.10 s of
the view's groups at ten million). Created only where missing: on a large
busy PostgreSQL table it can be made first with ``CREATE INDEX
CONCURRENTLY`` under this name.

Revision ID: 0014_week_counts
Revises: 0013_place_counts
"""

from __future__ import annotations

from alembic import op

from components.store import group_counts

revision = "0014_week_counts"
down_revision = "0013_place_counts"
branch_labels = None
depends_on = None


MONTHS_INDEX = "ix_incident_months_month_point"


def upgrade() -> None:
    op.create_index(
        MONTHS_INDEX,
        "incident_months",
        ["month", "lat", "lon"],
        postgresql_include=[
            "target_type",
            "place",
            "geo_precision",
            "event_id",
            "incidents",
            "deaths",
            "deaths_said",
        ],
        if_not_exists=True,
    )
    connection = op.get_bind()
    group_counts.WEEKS.table.create(connection, checkfirst=True)
    group_counts.rebuild(connection, [group_counts.WEEKS])


def downgrade() -> None:
    op.drop_table(group_counts.WEEKS.table.name)
    op.drop_index(MONTHS_INDEX, table_name="incident_months", if_exists=True)
