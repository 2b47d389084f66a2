"""A real PostgreSQL server in a temporary directory, for tests and benchmarks.

Uses the machine's PostgreSQL binaries (Debian's ``postgresql``; ``initdb`` refuses
to run as root, so as root they run as the ``postgres`` user), listens on a free
localhost port, and is stopped and removed afterwards. Each caller gets databases
of its own with :func:`create_database`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.harness.app_server import free_port


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL binaries here, or the server would not start; says why."""


def binaries() -> Path | None:
    """The newest installed PostgreSQL's ``bin`` directory, if any."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: (
            int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else command


@contextmanager
def running_postgres() -> Iterator[tuple[str, int]]:
    """Start a server; yield (host, port); stop it and remove its files."""
    bindir = binaries()
    if bindir is None:
        raise PostgresUnavailableError(
            "PostgreSQL is not installed (Debian: postgresql)"
        )
    owner = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="incident-map-pg-"))
    if owner:
        shutil.chown(root, owner, owner)
    data, log = root / "data", root / "server.log"
    port = free_port()
    run = {"check": True, "capture_output": True, "text": True}
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-locale",
                ],
                owner,
            ),
            **run,
        )
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(log),
                    "-o",
                    options,
                    "-w",
                    "start",
                ],
                owner,
            ),
            **run,
        )
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailableError(
            f"PostgreSQL did not start: {detail.strip()}"
        ) from None
    try:
        yield "127.0.0.1", port
    finally:
        subprocess.run(
            _as_owner(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                owner,
            ),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def create_database(host: str, port: int, name: str) -> str:
    """A new empty database on the server; its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@{host}:{port}/{name}"


def postgis_available() -> bool:
    bindir = binaries()
    if bindir is None:
        return False
    share = bindir.parent.parent.parent.parent / "share" / "postgresql"
    return any(share.glob("*/extension/postgis.control"))


__all__ = [
    "PostgresUnavailableError",
    "create_database",
    "postgis_available",
    "running_postgres",
]
