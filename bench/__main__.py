"""The scale benchmark: synthetic incident sets of 1,000, 10,000 and 100,000.

Usage: python -m bench [SIZE ...]

Each size runs in a fresh process (so resident memory is its own) and measures:
load + validate; one filter change (filter, figures, map layers); building the
whole map as HTML; the map payload streamlit-folium sends to the browser; a full
AppTest run of the dashboard and its rerun after a filter change; peak resident
memory. Up to 10,000 incidents it also builds the naive folium map (a Marker with
a popup per incident in a MarkerCluster) and prints how many times slower it is.
The data are synthetic (bench/synthetic.py), labelled so, and never shown as real.
The last line is one JSON object with every figure, keyed by size.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys

SIZES = (1_000, 10_000, 100_000)


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or list(SIZES)
    machine = f"{platform.machine()}, {platform.python_version()}, {platform.system()}"
    print(f"incident-map scale benchmark ({machine})")
    results = {}
    for size in sizes:
        print(f"measuring {size:,} incidents ...", file=sys.stderr, flush=True)
        output = subprocess.run(
            [sys.executable, "-m", "bench.measure", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[size] = json.loads(output.strip().splitlines()[-1])
    rows = [
        ("load + validate", "load_validate_s", "{:.2f} s"),
        ("filter change (pure)", "filter_change_s", "{:.3f} s"),
        ("AppTest rerun after filter", "app_filter_rerun_s", "{:.2f} s"),
        ("AppTest first run", "app_first_run_s", "{:.2f} s"),
        ("map build (HTML)", "map_build_s", "{:.3f} s"),
        ("map HTML", "map_html_bytes", "{:,.0f} B"),
        ("map payload to browser", "map_payload_bytes", "{:,.0f} B"),
        ("  after the filter", "map_payload_filtered_bytes", "{:,.0f} B"),
        ("naive folium map build", "naive_map_build_s", "{:.2f} s"),
        ("naive folium map HTML", "naive_map_html_bytes", "{:,.0f} B"),
        ("naive / ours (map build)", "naive_over_ours", "{:.0f}x"),
        ("peak resident memory", "peak_rss_mb", "{:.0f} MB"),
    ]
    header = f"{'':<28}" + "".join(f"{size:>16,}" for size in sizes)
    print(header)
    for label, key, pattern in rows:
        cells = [
            pattern.format(results[size][key]) if key in results[size] else "-"
            for size in sizes
        ]
        print(f"{label:<28}" + "".join(f"{cell:>16}" for cell in cells))
    print(json.dumps({str(size): results[size] for size in sizes}))


if __name__ == "__main__":
    main()
