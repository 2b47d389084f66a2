"""One size of the benchmark, measured in a process of its own (see bench/__main__).

Usage: python -m bench.measure SIZE   (prints one JSON object)
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import folium
from folium.plugins import MarkerCluster

from bench.synthetic import write_synthetic
from components.filters import Filters, apply_filters
from components.frame import incidents_frame
from components.mapview import build_map, incident_layers
from components.store.csv_files import DATA_DIR_VARIABLE, CsvStore
from components.summary import headline

ROOT = Path(__file__).resolve().parent.parent
NAIVE_LIMIT = 10_000
"""The naive map is measured up to this size; beyond it, pages stop opening."""


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


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


def app_rerun(directory: Path) -> dict[str, float]:
    """A full AppTest run of the dashboard, then a rerun after a filter change."""
    from streamlit.testing.v1 import AppTest

    from components.ui.sidebar import TARGET_TYPES_KEY

    os.environ[DATA_DIR_VARIABLE] = str(directory)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    _, first = timed(at.run)
    (element,) = [e for e in at.main if e.type == "component_instance"]
    payload_all = len(element.proto.json_args.encode())
    select = at.multiselect(key=TARGET_TYPES_KEY).set_value(["market", "bank"])
    _, rerun = timed(select.run)
    (element,) = [e for e in at.main if e.type == "component_instance"]
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return {
        "app_first_run_s": first,
        "app_filter_rerun_s": rerun,
        "map_payload_bytes": payload_all,
        "map_payload_filtered_bytes": len(element.proto.json_args.encode()),
    }


def measure(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        directory = write_synthetic(Path(scratch), size)
        store = CsvStore(directory)
        dataset, load = timed(store.load)
        frame, to_frame = timed(incidents_frame, dataset.incidents)
        if dataset.problems:
            raise RuntimeError(str(dataset.problems[0]))

        def filter_change():
            chosen = apply_filters(frame, Filters(target_types=("market", "bank")))
            headline(chosen, dataset.events)
            headline(frame, dataset.events)
            return incident_layers(chosen)

        _, filter_s = timed(filter_change)
        html, build = timed(lambda: build_map(frame).get_root().render())
        result = {
            "size": size,
            "load_validate_s": load + to_frame,
            "filter_change_s": filter_s,
            "map_build_s": build,
            "map_html_bytes": len(html.encode()),
            **app_rerun(directory),
        }
        if size <= NAIVE_LIMIT:
            naive, naive_s = timed(naive_map, frame)
            result.update(
                naive_map_build_s=naive_s,
                naive_map_html_bytes=len(naive.encode()),
                naive_over_ours=naive_s / build,
            )
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
