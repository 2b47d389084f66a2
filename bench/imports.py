"""Imports of large files in bounded memory: peak resident memory and time.

Usage: python -m bench.imports [SIZE_MB] [--formats acled,geojson] [--keep DIR]

Writes a synthetic ACLED export CSV (and/or a GeoJSON FeatureCollection) of about
SIZE_MB megabytes (default 1024) in a temporary folder (tests/harness/big_files.py;
one ACLED row in five is a protest, rejected with its reason), then runs, each in
a process of its own under ``/usr/bin/time -v``:

- ``python -m components.convert FILE --from F --to ours -o DIR``
- ``python -m components.store --database sqlite:///... import FILE --from F``

and prints each command's wall time, peak resident memory (the kernel's maximum
resident set size of the process) and its summary line. The files are deleted
afterwards (the disk is limited); ``--keep DIR`` writes them there instead.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.harness.big_files import write_acled_csv, write_geojson

ROOT = Path(__file__).resolve().parent.parent


def timed_run(command: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, last lines of stderr) of ``command``."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    lines = [
        line
        for line in done.stderr.splitlines()
        if line and not line.startswith(("\t", " ")) and " INFO " not in line
    ]
    if done.returncode:
        print("\n".join(lines[-5:]), file=sys.stderr)
        raise SystemExit(f"{command[2:4]} failed with exit status {done.returncode}")
    return seconds, int(peak.group(1)) / 1024 if peak else -1.0, "\n".join(lines[-3:])


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.imports")
    parser.add_argument("size_mb", nargs="?", type=int, default=1024)
    parser.add_argument("--formats", default="acled")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.keep) as scratch:
        folder = Path(scratch)
        for source in args.formats.split(","):
            path = folder / ("big.csv" if source == "acled" else "big.geojson")
            write = write_acled_csv if source == "acled" else write_geojson
            started = time.perf_counter()
            rows = write(path, args.size_mb * 2**20)
            size = path.stat().st_size
            print(
                f"{source}: {size / 2**20:,.0f} MB, {rows:,} rows, written in "
                f"{time.perf_counter() - started:.0f} s",
                flush=True,
            )
            python = sys.executable
            for label, command in (
                (
                    "convert --to ours",
                    [python, "-m", "components.convert", str(path), "--from", source,
                     "--to", "ours", "-o", str(folder / f"ours-{source}")],
                ),
                (
                    "store import (SQLite)",
                    [python, "-m", "components.store", "--database",
                     f"sqlite:///{folder / f'{source}.sqlite'}", "import", str(path),
                     "--from", source],
                ),
            ):  # fmt: skip
                seconds, peak, tail = timed_run(command)
                print(
                    f"  {label}: {seconds:,.0f} s, peak RSS {peak:,.0f} MB",
                    flush=True,
                )
                print("    " + tail.replace("\n", "\n    "), flush=True)
            for leftover in folder.iterdir():  # room for the next format
                if leftover.is_file():
                    leftover.unlink()
                else:
                    subprocess.run(["rm", "-rf", str(leftover)], check=True)


if __name__ == "__main__":
    main()
