"""The scale benchmark: synthetic incident sets on SQLite and on PostgreSQL.

Usage: python -m bench [SIZE ...] [--databases sqlite,postgresql]
                       [--layouts towns,spread,uniform,province]

Each size on each database runs in a fresh process (so resident memory is its
own): seeding an empty database from the CSV files (a first start); a cold open
of the page in a fresh process, first when the database is read whole and again
as after a restart (the columnar cache); a filter change; the map; saving a
10-row report and the page's refresh after it; the naive folium map (a Marker
with a popup per incident in a MarkerCluster) up to 10,000 incidents. PostgreSQL
is a server started for the run in a temporary directory. The data are synthetic
(tests/harness/synthetic_data.py), labelled so, and never shown as real:
``province`` puts every incident on one of Balochistan's 52 towns, ``towns`` on one
of the region's 3,352 towns (the shape ACLED, GTD and UCDP have: a million incidents
on a few thousand points), ``spread`` gives each its own point (as imported event
data are) and ``uniform`` scatters them evenly. The last line is one JSON object
with every figure, by database and size.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.harness.postgres_server import (
    PostgresUnavailableError,
    create_database,
    running_postgres,
)

SIZES = (1_000, 10_000, 100_000)
ROWS = [
    ("seed from CSV (first start)", "seed_s", "{:.2f} s"),
    ("page, first open", "first_open_s", "{:.2f} s"),
    ("page, cold open (restart)", "cold_open_s", "{:.2f} s"),
    ("page, rerun after filter", "app_filter_rerun_s", "{:.2f} s"),
    ("filter change (pure)", "filter_change_s", "{:.3f} s"),
    ("save a 10-row report", "save_report_s", "{:.3f} s"),
    ("page data after the save", "refresh_after_save_s", "{:.3f} s"),
    ("map build (HTML)", "map_build_s", "{:.3f} s"),
    ("map payload to browser", "map_payload_bytes", "{:,.0f} B"),
    ("  after the filter", "map_payload_filtered_bytes", "{:,.0f} B"),
    ("popup's first page (largest)", "first_popup_page_s", "{:.3f} s"),
    ("  of a group of", "first_popup_incidents", "{:,.0f} incidents"),
    ("naive folium map build", "naive_map_build_s", "{:.2f} s"),
    ("naive / ours (map build)", "naive_over_ours", "{:.0f}x"),
    ("peak memory, page process", "peak_rss_mb", "{:.0f} MB"),
]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--layouts", default="towns,spread")
    args = parser.parse_args()
    machine = f"{platform.machine()}, {platform.python_version()}, {platform.system()}"
    print(f"incident-map scale benchmark ({machine})")
    results: dict[str, dict[int, dict]] = {}
    layouts = args.layouts.split(",")
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = None
        for database in args.databases.split(","):
            if database == "postgresql" and server is None:
                try:
                    server = stack.enter_context(running_postgres())
                except PostgresUnavailableError as error:
                    print(f"skipping PostgreSQL: {error}", file=sys.stderr)
                    continue
            for layout in layouts:
                for size in args.sizes:
                    name = f"{layout}_{size}"
                    url = (
                        f"sqlite:///{scratch / f'bench-{name}.sqlite'}"
                        if database == "sqlite"
                        else create_database(*server, f"bench_{name}")
                    )
                    print(
                        f"measuring {size:,} ({layout}) on {database} ...",
                        file=sys.stderr,
                        flush=True,
                    )
                    done = subprocess.run(
                        [sys.executable, "-m", "bench.measure", str(size), url, layout],
                        capture_output=True,
                        text=True,
                    )
                    if done.returncode:  # say why, and go on with the others
                        print(done.stderr[-2000:], file=sys.stderr)
                        print(f"{size:,} ({layout}) on {database} failed", flush=True)
                        continue
                    results.setdefault(f"{database}, {layout}", {})[size] = json.loads(
                        done.stdout.strip().splitlines()[-1]
                    )
    for database, by_size in results.items():
        sizes = list(by_size)
        print(f"\n{database}")
        print(f"{'':<30}" + "".join(f"{size:>14,}" for size in sizes))
        for label, key, pattern in ROWS:
            cells = [
                pattern.format(by_size[s][key]) if key in by_size[s] else "-"
                for s in sizes
            ]
            print(f"{label:<30}" + "".join(f"{cell:>14}" for cell in cells))
    print(
        json.dumps(
            {db: {str(s): r for s, r in by.items()} for db, by in results.items()}
        )
    )


if __name__ == "__main__":
    main()
