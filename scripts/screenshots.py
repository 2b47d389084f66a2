"""The README's screenshots, made from the seed data so they stay true.

Usage: python -m scripts.screenshots [--out docs] [--only NAME ...]

Starts the dashboard on a free localhost port over the shipped data (a database of
its own, seeded from ``data/``), opens it in headless Chromium with every request off
localhost refused, and writes:

- ``briefing.png``: the briefing layout at 1440x900, the first screen;
- ``analyst.png``: the analyst layout at 1440x900, the whole page;
- ``mobile.png``: the mobile layout at 390x844 (the first screen);
- ``projector.png``: the briefing layout in projector mode at 1440x900;
- ``print.png``: the page as printed (print media, landscape A4 at 96 dpi);
- ``briefing-sheet.png``: the one-page briefing sheet of the seed event.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, Route, sync_playwright

from tests.harness.app_server import ROOT, running_app

FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CHROMIUM = Path("/usr/bin/chromium")
WHOLE_HEIGHT = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return Math.ceil(main ? main.scrollHeight : document.body.scrollHeight);
}"""
LOCAL = {"localhost", "127.0.0.1", "::1", "[::1]"}
SHOTS: dict[str, tuple[str, int, int, bool]] = {
    # name: (query, width, height, whole page)
    "briefing": ("?layout=briefing", 1440, 900, False),
    "analyst": ("?layout=analyst", 1440, 900, True),
    "mobile": ("?layout=mobile", 390, 844, False),
    "projector": ("?layout=briefing&projector=true", 1440, 900, False),
    "print": ("?layout=briefing", 1123, 794, False),
}


def _local_only(route: Route) -> None:
    host = urlparse(route.request.url).hostname or ""
    if host in LOCAL or route.request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


def wait_for_map(page: Page) -> None:
    """Until the map has drawn its incidents and the rest of the page has come."""
    frame = page.frame_locator(FRAME)
    frame.locator(".incident-marker").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    page.wait_for_timeout(2_500)  # the basemap's files and the fitted view


def shoot(page: Page, url: str, name: str, out: Path) -> Path:
    query, width, height, whole = SHOTS[name]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url + query)
    wait_for_map(page)
    path = out / f"{name}.png"
    if whole:  # Streamlit scrolls inside its main block: the window grows to it
        tall = page.evaluate(WHOLE_HEIGHT)
        page.set_viewport_size({"width": width, "height": min(max(tall, height), 4000)})
        page.wait_for_timeout(2_000)
    if name == "print":
        page.emulate_media(media="print")
        page.wait_for_timeout(1_500)
    page.screenshot(path=str(path))
    if name == "print":
        page.emulate_media(media="screen")
    return path


def briefing_sheet(out: Path) -> Path:
    from components.domain.briefing import briefing, briefing_title
    from components.exports.briefing_sheet import briefing_sheet as sheet
    from components.store import DatabaseStore

    with tempfile.TemporaryDirectory() as folder:
        store = DatabaseStore(f"sqlite:///{folder}/incidents.sqlite", None, None)
        store.migrate()
        store.seed(ROOT / "data")
        frame, events = store.frame(), store.events()
        latest = max(events.values(), key=lambda event: event.date)
        frame = frame[frame["event_id"] == latest.id]
        title = briefing_title(briefing(frame, events))
        path = out / "briefing-sheet.png"
        path.write_bytes(sheet(frame, events, title=title, fmt="png"))
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = args.only or [*SHOTS, "briefing-sheet"]
    made: list[Path] = []
    page_shots: list[Callable[[Page, str], Path]] = []
    for name in wanted:
        if name in SHOTS:
            page_shots.append(lambda page, url, n=name: shoot(page, url, n, args.out))
    if page_shots:
        log = Path(tempfile.gettempdir()) / "screenshots-server.log"
        with running_app(ROOT / "data", log) as url, sync_playwright() as play:
            executable = str(CHROMIUM) if CHROMIUM.exists() else None
            browser = play.chromium.launch(
                executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
            )
            for take in page_shots:
                context = browser.new_context()
                context.route("**/*", _local_only)
                made.append(take(context.new_page(), url))
                context.close()
            browser.close()
    if "briefing-sheet" in wanted:
        made.append(briefing_sheet(args.out))
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
