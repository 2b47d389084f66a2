"""Time until the incidents are drawn, in headless Chromium, for N synthetic incidents.

Usage: python -m bench.browser [SIZE] [--layout spread|towns|uniform|province]
       (default 100000, spread)
       [--data DIR --database-url URL]   (a set written and seeded before)
       [--after-warm-up]   (the first visit once the server has made the page ready)

Starts the dashboard on a free localhost port with a synthetic data set (``spread``:
a point per incident, as imported event data; ``towns``: incidents share their
town's point), opens it in Debian's Chromium (/usr/bin/chromium) through Playwright
with every request off localhost refused, and prints:

- the seconds from navigation to the first drawing of the incidents (markers,
  points on the canvas, or counts per area when too many are in view);
- the seconds until the rest of the page (the incident table) is drawn: a
  session's first run draws the map first, and the rest once the map has drawn;
- then, after zooming in four levels with the map's own control: the seconds
  until the points in view are drawn on the canvas (the page sends the
  incidents in view);
- that a click on a drawn point (a painted pixel of the canvas) opens its
  incident's popup;
- the seconds until the map alone on a page (``bench/map_alone.py``: the same
  data and map, nothing else) draws: how much of the dashboard's time is the
  page around the map, and what Streamlit and the map's frame take by themselves.

The first visit loads and caches the data (as a running briefing app has); the
second visit is the one measured, and the cold figure is printed beside it. The
first visit comes as soon as the server answers, while the launcher is still
making the page's data and first view ready; with ``--after-warm-up`` it comes
once the server's log says the first view is ready (a visitor a few seconds
after a restart).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.harness.app_server import ROOT, free_port, running_app
from tests.harness.synthetic_data import LAYOUTS, write_synthetic

MAP_ALONE = ROOT / "bench" / "map_alone.py"
WARMED = ("the first view is ready", "could not be made ready")
"""What the launcher's log says once its warm-up is over (done, or given up)."""
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TABLE = '[data-testid="stDataFrame"]'
"""The incident table: drawn with the rest of the page, once the map has drawn."""
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


@contextmanager
def _local_page() -> Iterator[Page]:
    """A page in headless Chromium that reaches nothing but localhost.

    Chromium sends every request off localhost to a proxy on a closed local port,
    so it fails at once; localhost bypasses proxies. (Playwright's request routing
    would block as well, but passes every request of the page through this
    process first, which adds half a second to a page of a hundred files.)
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                f"--proxy-server=127.0.0.1:{free_port()}",
            ],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        try:
            yield page
        finally:
            browser.close()


def _open(page: Page, url: str, timeout: float) -> tuple[dict, float]:
    """Go to ``url``; what the map first draws and the seconds until it does."""
    started = time.perf_counter()
    page.goto(url)
    drawn = _wait(page, lambda d: any(d.values()), timeout)
    return drawn, time.perf_counter() - started


def first_drawn(url: str, timeout: float = 120.0) -> float:
    """Seconds from navigation until the page's map draws its incidents."""
    with _local_page() as page:
        return _open(page, url, timeout)[1]


def measure(url: str, size: int, timeout: float = 120.0) -> dict:
    with _local_page() as page:
        started = time.perf_counter()
        first, first_s = _open(page, url, timeout)
        load = page.evaluate(
            "performance.timing.loadEventEnd - performance.timing.navigationStart"
        )
        page.locator(TABLE).first.wait_for(timeout=timeout * 1000)
        complete_s = time.perf_counter() - started
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
    return {
        "size": size,
        "page_load_s": round(load / 1000, 2),
        "first_drawn_s": round(first_s, 2),
        "first_drawn": first,
        "page_complete_s": round(complete_s, 2),
        "zoomed_points_drawn_s": round(points_s, 2),
        "zoomed_drawn": after,
        "popup_text": popup_text,
    }


def _wait_for_warm_up(log: Path, timeout: float = 900.0) -> None:
    """Until the server's log says its warm-up is over."""
    deadline = time.perf_counter() + timeout
    while not any(said in log.read_text(errors="replace") for said in WARMED):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no end of the warm-up in {log}")
        time.sleep(0.1)


def _map_alone_script(folder: Path) -> Path:
    """The map-alone page in ``folder``, beside a copy of the app's static files
    (Streamlit serves ``static/`` from the script's folder)."""
    shutil.copytree(ROOT / "static", folder / "static")
    return Path(shutil.copy(MAP_ALONE, folder / MAP_ALONE.name))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.browser")
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--layout", choices=LAYOUTS, default="spread")
    parser.add_argument(
        "--data", type=Path, help="a data directory written before (skips writing)"
    )
    parser.add_argument(
        "--database-url", help="a database seeded before from --data (skips seeding)"
    )
    parser.add_argument(
        "--after-warm-up",
        action="store_true",
        help="visit first once the server has made the page's first view ready",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data = args.data or write_synthetic(
            Path(scratch) / "data", args.size, layout=args.layout
        )
        log = Path(scratch) / "server.log"
        database_url = args.database_url or f"sqlite:///{scratch}/incidents.sqlite"
        with running_app(data, log, database_url=database_url) as url:
            if args.after_warm_up:
                _wait_for_warm_up(log)
            cold = measure(url, args.size, timeout=900)  # seeds, caches the data
            result = measure(url, args.size)
        with running_app(
            data,
            log,
            database_url=database_url,
            script=_map_alone_script(Path(scratch) / "alone"),
            env={"PYTHONPATH": str(ROOT)},
        ) as url:
            first_drawn(url, timeout=900)  # loads the data into this process
            alone = first_drawn(url)
    result["cold_first_drawn_s"] = cold["first_drawn_s"]
    result["map_alone_first_drawn_s"] = round(alone, 2)
    print(f"{args.size:,} synthetic incidents ({args.layout}) in headless Chromium:")
    when = "after the warm-up" if args.after_warm_up else "(database seeded)"
    print(f"  first visit {when}: drawn after {cold['first_drawn_s']:.2f} s")
    print(f"  page load event after {result['page_load_s']:.2f} s")
    print(
        f"  first drawn after {result['first_drawn_s']:.2f} s: {result['first_drawn']}"
    )
    complete = result["page_complete_s"]
    print(f"  the rest of the page (the table) drawn after {complete:.2f} s")
    print(
        f"  then zoomed in {ZOOM_STEPS} levels: points drawn after "
        f"{result['zoomed_points_drawn_s']:.2f} s: {result['zoomed_drawn']}"
    )
    print(f"  a click on a drawn point opened: {result['popup_text'][:80]!r}")
    print(
        f"  the map alone on a page (bench/map_alone.py), the same data: drawn "
        f"after {alone:.2f} s"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
