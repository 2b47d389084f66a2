"""Time until the incidents are drawn, in headless Chromium, for N synthetic incidents.

Usage: python -m bench.browser [SIZE] [--layout spread|towns]   (default 100000, spread)
       [--data DIR --database-url URL]   (a set written and seeded before)

Starts the dashboard on a free localhost port with a synthetic data set (``spread``:
a point per incident, as imported event data; ``towns``: incidents share their
town's point), opens it in Debian's Chromium (/usr/bin/chromium) through Playwright
with every request off localhost blocked, and prints:

- the seconds from navigation to the first drawing of the incidents (markers,
  points on the canvas, or counts per area when too many are in view);
- after zooming in four levels with the map's own control: the seconds until the
  points in view are drawn on the canvas (the page sends the incidents in view);
- that a click on a drawn point (a painted pixel of the canvas) opens its
  incident's popup.

The first visit loads and caches the data (as a running briefing app has); the
second visit is the one measured, and the cold figure is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.appserver import running_app
from bench.synthetic import write_synthetic

FRAME = 'iframe[title="streamlit_folium.st_folium"]'
ZOOM_STEPS = 4
"""Zoom levels in from the fitted view (about zoom 10: a district's surroundings)."""
DRAWN = """([selector]) => {
    const doc = document.querySelector(selector)?.contentDocument;
    if (!doc) return {markers: 0, points: 0, cells: 0};
    let points = 0;
    doc.querySelectorAll('canvas.incident-points').forEach(
        (c) => { points += Number(c.dataset.drawn || 0); });
    return {
        markers: doc.querySelectorAll('.incident-marker').length,
        points: points,
        cells: Number(doc.querySelector('.leaflet-container')?.dataset.cells || 0),
    };
}"""
PAINTED = """() => {
    // A painted pixel of a point canvas: the canvas's index and the pixel's place
    // on it, in CSS pixels.
    const canvases = Array.from(document.querySelectorAll('canvas.incident-points'));
    for (const [index, canvas] of canvases.entries()) {
        const ratio = canvas.width / canvas.clientWidth;
        const data = canvas.getContext('2d').getImageData(
            0, 0, canvas.width, canvas.height).data;
        for (let y = 60; y < canvas.height - 60; y += 3) {
            for (let x = 80; x < canvas.width - 80; x += 3) {
                if (data[(y * canvas.width + x) * 4 + 3] > 200) {
                    return {index: index, x: x / ratio, y: y / ratio};
                }
            }
        }
    }
    return null;
}"""


def _wait(page, test, timeout: float = 120.0) -> dict:
    """Poll what is drawn until ``test`` holds; the last counts."""
    deadline = time.perf_counter() + timeout
    while True:
        drawn = page.evaluate(DRAWN, [FRAME])
        if test(drawn) or time.perf_counter() > deadline:
            return drawn
        page.wait_for_timeout(25)


def measure(url: str, size: int, timeout: float = 120.0) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.route(
            "**/*",
            lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort(),
        )
        started = time.perf_counter()
        page.goto(url)
        first = _wait(page, lambda d: any(d.values()), timeout)
        first_s = time.perf_counter() - started
        load = page.evaluate(
            "performance.timing.loadEventEnd - performance.timing.navigationStart"
        )
        frame = page.frame_locator(FRAME)
        zoomed = time.perf_counter()
        # Zoom in with the map's own control, as a briefer would: the app then
        # sends the incidents in the new view.
        for _ in range(ZOOM_STEPS):
            frame.locator(".leaflet-control-zoom-in").click()
            page.wait_for_timeout(400)
        after = _wait(page, lambda d: d["points"] > 0 or d["markers"] > 0)
        points_s = time.perf_counter() - zoomed
        page.wait_for_timeout(500)
        spot = frame.locator("body").evaluate(PAINTED)
        popup_text = ""
        if spot:
            canvas = frame.locator("canvas.incident-points").nth(spot["index"])
            canvas.click(position={"x": spot["x"], "y": spot["y"]}, force=True)
            popup = frame.locator(".leaflet-popup-content")
            popup.wait_for(timeout=10_000)
            popup_text = popup.inner_text()
        elif after["markers"]:
            frame.locator(".incident-marker").first.dispatch_event("click")
            popup = frame.locator(".leaflet-popup-content")
            popup.wait_for(timeout=10_000)
            popup_text = popup.inner_text()
        browser.close()
    return {
        "size": size,
        "page_load_s": round(load / 1000, 2),
        "first_drawn_s": round(first_s, 2),
        "first_drawn": first,
        "zoomed_points_drawn_s": round(points_s, 2),
        "zoomed_drawn": after,
        "popup_text": popup_text,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.browser")
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--layout", choices=("spread", "towns"), default="spread")
    parser.add_argument(
        "--data", type=Path, help="a data directory written before (skips writing)"
    )
    parser.add_argument(
        "--database-url", help="a database seeded before from --data (skips seeding)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data = args.data or write_synthetic(
            Path(scratch) / "data", args.size, layout=args.layout
        )
        log = Path(scratch) / "server.log"
        with running_app(data, log, database_url=args.database_url) as url:
            cold = measure(url, args.size, timeout=900)  # seeds, caches the data
            result = measure(url, args.size)
    result["cold_first_drawn_s"] = cold["first_drawn_s"]
    print(f"{args.size:,} synthetic incidents ({args.layout}) in headless Chromium:")
    print(f"  first visit (database seeded): drawn after {cold['first_drawn_s']:.2f} s")
    print(f"  page load event after {result['page_load_s']:.2f} s")
    print(
        f"  first drawn after {result['first_drawn_s']:.2f} s: {result['first_drawn']}"
    )
    print(
        f"  zoomed in {ZOOM_STEPS} levels: points drawn after "
        f"{result['zoomed_points_drawn_s']:.2f} s: {result['zoomed_drawn']}"
    )
    print(f"  a click on a drawn point opened: {result['popup_text'][:80]!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
