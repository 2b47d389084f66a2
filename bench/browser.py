"""Time until the markers are drawn, in headless Chromium, for N synthetic incidents.

Usage: python -m bench.browser [SIZE]   (default 100000)

Starts the dashboard on a free localhost port with a synthetic data set, opens it in
Debian's Chromium (/usr/bin/chromium) through Playwright with every request off
localhost blocked, and prints the seconds from navigation to the first marker and
to all markers, then opens a popup to show that an incident's details are there.
The first visit loads and caches the data (as a running briefing app has); the
second visit is the one measured, and the cold figure is printed beside it.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.appserver import running_app
from bench.synthetic import write_synthetic

ROOT = Path(__file__).resolve().parent.parent
FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as scratch:
        data = write_synthetic(Path(scratch), size)
        with running_app(data, Path(scratch) / "server.log") as url:
            cold = measure(url, size)  # loads and caches the data
            result = measure(url, size)
            result["cold_first_marker_s"] = cold["first_marker_s"]
    print(f"{size:,} synthetic incidents in headless Chromium:")
    print(f"  first visit (data not cached yet): {result['cold_first_marker_s']:.2f} s")
    print(f"  page load event after {result['page_load_s']:.2f} s")
    print(
        f"  first marker drawn after {result['first_marker_s']:.2f} s "
        f"({result['first_marker_after_load_s']:.2f} s after the load event)"
    )
    print(
        f"  all {result['markers']:,} markers drawn "
        f"after {result['all_markers_s']:.2f} s"
    )
    print(f"  popup opened on click: {result['popup_text'][:70]!r}")
    print(json.dumps(result))


def measure(url: str, size: int) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.route(
            "**/*",
            lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort(),
        )
        started = time.perf_counter()
        page.goto(url)
        count = """([selector]) => {
            const doc = document.querySelector(selector)?.contentDocument;
            return doc ? doc.querySelectorAll('.incident-marker').length : 0;
        }"""
        page.wait_for_function(f"({count})(['{FRAME}']) > 0", timeout=120_000)
        first = time.perf_counter() - started
        previous, stable_since = -1, time.perf_counter()
        while time.perf_counter() - stable_since < 1.0:
            markers = page.evaluate(count, [FRAME])
            if markers != previous:
                previous, stable_since = markers, time.perf_counter()
            page.wait_for_timeout(50)
        settled = stable_since - started
        load = page.evaluate(
            "performance.timing.loadEventEnd - performance.timing.navigationStart"
        )
        frame = page.frame_locator(FRAME)
        frame.locator(".incident-marker").first.dispatch_event("click")
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        text = popup.inner_text()
        browser.close()
    return {
        "size": size,
        "page_load_s": round(load / 1000, 2),
        "first_marker_s": round(first, 2),
        "first_marker_after_load_s": round(first - load / 1000, 2),
        "all_markers_s": round(settled, 2),
        "markers": previous,
        "popup_text": text,
    }


if __name__ == "__main__":
    main()
