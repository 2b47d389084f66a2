"""Alembic's entry point: run the migrations on the connection the store gives.

``components.store.database.migrate`` calls ``alembic upgrade head`` with an open
connection in ``config.attributes["connection"]``; run from the ``alembic``
command line, the URL comes from ``INCIDENT_MAP_DATABASE_URL``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from components.store.schema import Base, in_the_models

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=in_the_models,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(os.environ["INCIDENT_MAP_DATABASE_URL"])
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=in_the_models,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
