"""A cold open of the dashboard, in a process of its own: python -m bench.cold_open

Usage: python -m bench.cold_open DATA_DIR DATABASE_URL   (prints one JSON object)

Imports the app's modules first (a running server has them), then times the whole
page's first drawing (AppTest's first two runs of app.py: a session's first run
draws the sidebar, figures and map, the second the rest, as the map's first report
brings it), a rerun after a two-type filter change, and the map payload sent to the
browser before and after; the first page of the popup of the map's largest group
(what the popup route answers for a click on the busiest town; taken from the map
after the filter when the first map counts per area and so has no popups); and the
process's peak resident memory.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRELOADED = (
    "components.map.folium_map",
    "components.ui.map_panel",
    "components.ui.report_panel",
    "components.ui.history_panel",
    "components.ui.import_panel",
)


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``getrusage``'s maximum would do, but
    Linux carries it over from the parent through fork and exec (the benchmark's
    parent holds a whole table); /proc's high-water mark is this program's own."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_popup_page(payload: str) -> tuple[float, int]:
    """Seconds the app takes to answer a popup's first page for the map's
    largest group (what a click on the busiest town asks), and that group's
    incidents; (-1, 0) for a map without popups served from the app."""
    from components.map.payload.pages import POPUPS

    found = re.search(r"source=([0-9a-f]{32})", payload)
    if found is None:
        return -1.0, 0
    token = found.group(1)
    groups = POPUPS.groups(token)
    largest = int(groups["count"].to_numpy().argmax())
    started = time.perf_counter()
    page = POPUPS.page(token, [largest], 0)
    return time.perf_counter() - started, page["total"]


def main() -> None:
    data_dir, url = sys.argv[1], sys.argv[2]
    os.environ["INCIDENT_MAP_DATA_DIR"] = data_dir
    os.environ["INCIDENT_MAP_DATABASE_URL"] = url
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    from components.ui.sidebar import TARGET_TYPES_KEY

    for module in PRELOADED:  # a running server has imported them already
        importlib.import_module(module)

    set_log_level("error")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    started = time.perf_counter()
    at.run()  # the sidebar, the figures and the map
    at.run()  # the rest of the page
    first = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    (element,) = [e for e in at.main if e.type == "component_instance"]
    payload = len(element.proto.json_args.encode())
    popup_s, popup_total = first_popup_page(element.proto.json_args)
    select = at.multiselect(key=TARGET_TYPES_KEY).set_value(["market", "bank"])
    started = time.perf_counter()
    select.run()
    rerun = time.perf_counter() - started
    (element,) = [e for e in at.main if e.type == "component_instance"]
    popup_after = "open"
    if popup_s < 0:  # counted per area: no popups until the view narrows
        popup_s, popup_total = first_popup_page(element.proto.json_args)
        popup_after = "filter"
    print(
        json.dumps(
            {
                "app_first_run_s": first,
                "app_filter_rerun_s": rerun,
                "map_payload_bytes": payload,
                "map_payload_filtered_bytes": len(element.proto.json_args.encode()),
                "first_popup_page_s": popup_s,
                "first_popup_incidents": popup_total,
                "first_popup_after": popup_after,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


if __name__ == "__main__":
    main()
