"""One size of the benchmark on one database, in a process of its own.

Usage: python -m bench.measure SIZE DATABASE_URL [LAYOUT]   (prints one JSON object)

Writes the synthetic set as a data directory, seeds an empty database from it as
a first start does, then measures: a cold open of the page in a fresh process
(the first, which reads the database whole, and a restart, which reads the
columnar cache), the filter change and the map, saving a 10-row report and the
page's refresh after it, and the naive folium map up to 10,000 incidents.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import folium
from folium.plugins import MarkerCluster

from components.domain.filters import Filters, apply_filters
from components.domain.summary import headline
from components.map.folium_map import build_map, incident_layers, map_payload
from components.store import open_store
from tests.harness.synthetic_data import EVENT_ID, write_synthetic

NAIVE_LIMIT = 10_000
"""The naive map is measured up to this size; beyond it, pages stop opening."""


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def map_build(frame) -> tuple[str, float]:
    """Our map file for ``frame`` and the median seconds of three builds, after
    one that warms the process (the naive map is timed once: it takes seconds
    per thousand markers, which no warming changes)."""

    def build() -> str:
        return build_map(frame).get_root().render()

    html = build()
    times = sorted(timed(build)[1] for _ in range(3))
    return html, times[1]


def naive_map(frame) -> str:
    """The usual folium dashboard: a Marker with a popup per incident in a cluster."""
    fmap = folium.Map(location=(28.4, 66.4), zoom_start=6)
    cluster = MarkerCluster().add_to(fmap)
    for row in frame.itertuples(index=False):
        folium.Marker(
            (row.lat, row.lon),
            popup=folium.Popup(f"{row.place}: {row.target_label}", max_width=300),
            tooltip=row.place,
        ).add_to(cluster)
    return fmap.get_root().render()


def cold_open(directory: Path, url: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.cold_open", str(directory), url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def report_rows(size: int) -> list[dict[str, str]]:
    """A 10-row report, as the review panel saves it."""
    return [
        {
            "id": f"bench-report-{size}-{n}",
            "event_id": EVENT_ID,
            "date": "2025-06-01",
            "date_precision": "1",
            "place": "Turbat",
            "target_type": "police_paramilitary",
            "attack_types": "armed_assault",
            "killed_security": str(n),
            "source_title": "Benchmark report",
            "source_location": "bench/measure.py",
        }
        for n in range(10)
    ]


def measure(size: int, url: str, layout: str = "towns") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        directory = write_synthetic(Path(scratch) / "data", size, layout=layout)
        (store, problems), seed_s = timed(open_store, directory, url)
        if problems:
            raise RuntimeError(str(problems[0]))
        first = cold_open(directory, url)
        restart = cold_open(directory, url)
        frame, load_s = timed(store.frame)
        events = store.events()

        def filter_change():
            # The whole table's own figures are counted once per loaded table
            # (components/ui/metrics.py), not on a filter change.
            chosen = apply_filters(frame, Filters(target_types=("market", "bank")))
            headline(chosen, events)
            return incident_layers(map_payload(chosen))

        _, filter_s = timed(filter_change)
        html, build = map_build(frame)
        _, save_s = timed(
            lambda: store.add(report_rows(size), author="bench", reason="benchmark")
        )
        _, refresh_s = timed(store.frame)
        result = {
            "size": size,
            "layout": layout,
            "seed_s": seed_s,
            "first_open_s": first["app_first_run_s"],
            "cold_open_s": restart["app_first_run_s"],
            "app_filter_rerun_s": restart["app_filter_rerun_s"],
            "map_payload_bytes": restart["map_payload_bytes"],
            "map_payload_filtered_bytes": restart["map_payload_filtered_bytes"],
            "first_popup_page_s": restart["first_popup_page_s"],
            "first_popup_incidents": restart["first_popup_incidents"],
            "first_popup_after": restart["first_popup_after"],
            "peak_rss_mb": restart["peak_rss_mb"],
            "first_open_peak_rss_mb": first["peak_rss_mb"],
            "load_s": load_s,
            "filter_change_s": filter_s,
            "map_build_s": build,
            "map_html_bytes": len(html.encode()),
            "save_report_s": save_s,
            "refresh_after_save_s": refresh_s,
        }
        if size <= NAIVE_LIMIT:
            naive, naive_s = timed(naive_map, frame)
            result.update(
                naive_map_build_s=naive_s,
                naive_map_html_bytes=len(naive.encode()),
                naive_over_ours=naive_s / build,
            )
    return result


if __name__ == "__main__":
    layout = sys.argv[3] if len(sys.argv) > 3 else "towns"
    print(json.dumps(measure(int(sys.argv[1]), sys.argv[2], layout)))
