"""The page asked of PostgreSQL, as a page process: python -m bench.sql_page SIZE
[DATABASE_URL [--seeded]] [--memory]

Starts a PostgreSQL server of its own in a temporary directory (without a URL),
generates SIZE synthetic incidents in it as ``bench.sql_groups`` does (one
event, on the gazetteer's towns; ``--seeded``: the database at the URL holds
them already), then twice runs ``bench.cold_open`` (a fresh process that runs
the whole page, ``app.py``, through Streamlit's AppTest: the cold open of both
of a session's first runs, a two-type filter change, the payload's bytes, the
first popup page of the largest group, the process's peak resident memory) with
``INCIDENT_MAP_SQL_ABOVE=0``: the page asks the database. With ``--memory``, once
more with ``INCIDENT_MAP_SQL_ABOVE=never``: the page reads the table, to compare.

The page's data directory holds no incidents of its own (the events file's
header only), so the page shows the generated event.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_directory(folder: Path) -> Path:
    """A data directory with no incidents: the page seeds nothing of its own."""
    from components.domain.records import EVENT_COLUMNS

    (folder / "events.csv").write_text(",".join(EVENT_COLUMNS) + "\n")
    for name in ("gazetteer", "basemap"):
        if (ROOT / "data" / name).exists():
            (folder / name).symlink_to(ROOT / "data" / name)
    return folder


def page(data_dir: Path, url: str, threshold: str, cache: Path) -> dict:
    """``bench.cold_open``'s figures for the page with ``threshold``."""
    environment = {
        **os.environ,
        "INCIDENT_MAP_SQL_ABOVE": threshold,
        "INCIDENT_MAP_CACHE_DIR": str(cache),
        "INCIDENT_MAP_LOG_LEVEL": "WARNING",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench.cold_open", str(data_dir), url],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-4000:])
    return {"INCIDENT_MAP_SQL_ABOVE": threshold, **json.loads(done.stdout)}


def main() -> None:
    from bench.sql_groups import seed

    size = int(sys.argv[1])
    arguments = [a for a in sys.argv[2:] if not a.startswith("--")]
    with contextlib.ExitStack() as stack:
        if arguments:
            url = arguments[0]
        else:
            from tests.harness.postgres_server import (
                create_database,
                running_postgres,
            )

            host, port = stack.enter_context(running_postgres())
            url = create_database(host, port, "sql_page")
        if "--seeded" not in sys.argv:
            print(json.dumps({"size": size, **seed(url, size)}), flush=True)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        data_dir = data_directory(folder)
        runs = ["0", "0"] + (["never"] if "--memory" in sys.argv else [])
        for number, threshold in enumerate(runs):
            figures = page(data_dir, url, threshold, folder / f"cache-{number}")
            print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
