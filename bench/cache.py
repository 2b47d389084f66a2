"""The incident table's cache at scale: a large import, the first open after it,
and the page's refresh after a small save.

Usage: python -m bench.cache SIZE DATABASE_URL [--data DIR] [--skip-import]

Writes ``SIZE`` synthetic incidents (``towns`` layout) as a data directory of our
own CSV files (or takes ``--data DIR``), then, each in a process of its own:

- ``python -m components.store --database URL import DIR --from ours`` under
  ``/usr/bin/time -v``: wall time and peak resident memory;
- the first open after it: the page's whole first drawing
  (``bench/cold_open.py``);
- in a fresh process, ``store.frame()`` (the table the page asks for first),
  then a 3-row save and the page's refresh after it (``store.frame()``), twice.

The cache lives in a temporary folder (``INCIDENT_MAP_CACHE_DIR``); the page's
data directory holds the set's events.csv only, so the page shows the imported
incidents and nothing else is seeded. Prints one JSON object per step.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.imports import timed_run

ROOT = Path(__file__).resolve().parent.parent


def rows(tag: str) -> list[dict[str, str]]:
    """A 3-row report, dated inside the synthetic year (so the rows go in the
    middle of the table, not at its end)."""
    from tests.harness.synthetic_data import EVENT_ID

    return [
        {
            "id": f"bench-cache-{tag}-{n}",
            "event_id": EVENT_ID,
            "date": "2025-06-01",
            "date_precision": "1",
            "place": "Turbat",
            "target_type": "police_paramilitary",
            "attack_types": "armed_assault",
            "killed_security": str(n),
            "source_title": "Benchmark report",
            "source_location": "bench/cache.py",
        }
        for n in range(3)
    ]


def open_and_save(url: str) -> dict[str, float]:
    """In this process: the first ``store.frame()``, then two 3-row saves and
    the refresh after each."""
    from components.store import DatabaseStore
    from components.store.columnar import cache_directory

    store = DatabaseStore(url, cache_dir=cache_directory(None))
    started = time.perf_counter()
    frame = store.frame()
    result: dict[str, float] = {
        "first_frame_s": time.perf_counter() - started,
        "incidents": len(frame),
    }
    tag = str(time.time_ns())
    for n in (1, 2):
        started = time.perf_counter()
        store.add(rows(f"{tag}-{n}"), author="bench", reason="benchmark")
        result[f"save_{n}_s"] = time.perf_counter() - started
        started = time.perf_counter()
        refreshed = store.frame()
        result[f"refresh_after_save_{n}_s"] = time.perf_counter() - started
        assert len(refreshed) == len(frame) + 3 * n
    return result


def in_process(step: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.cache", step, *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--open-and-save"]:
        print(json.dumps(open_and_save(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(prog="python -m bench.cache")
    parser.add_argument("size", type=int)
    parser.add_argument("url")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["INCIDENT_MAP_CACHE_DIR"] = str(Path(scratch) / "cache")
        data = args.data
        if data is None:
            from tests.harness.synthetic_data import write_synthetic

            data = write_synthetic(Path(scratch) / "data", args.size, layout="towns")
        # The page's data directory holds the set's event only: the page shows
        # its incidents (the latest event), and nothing else is seeded.
        page = Path(scratch) / "page"
        page.mkdir()
        shutil.copy(data / "events.csv", page / "events.csv")
        if not args.skip_import:
            store = [sys.executable, "-m", "components.store", "--data", str(page)]
            seconds, peak, tail = timed_run(
                [*store, "--database", args.url, "import", str(data), "--from=ours"]
            )
            print(
                json.dumps({"import_s": round(seconds, 1), "import_peak_rss_mb": peak}),
                flush=True,
            )
            print("  " + tail.replace("\n", "\n  "), file=sys.stderr, flush=True)
        cold = subprocess.run(
            [sys.executable, "-m", "bench.cold_open", str(page), args.url],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(cold.strip().splitlines()[-1], flush=True)
        print(json.dumps(in_process("--open-and-save", args.url)), flush=True)


if __name__ == "__main__":
    main()
