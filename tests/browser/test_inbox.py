"""The inbox in a real browser: three reports of one attack dropped into the
watched folder, read by the worker process, shown in the page's queue and
accepted as one incident with three sources; the headline counts it once, the
map's popup gives the best figure and the range, and the incident list finds it
and opens that popup."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from components.store import open_store
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_incident_list import FIRST_ROW
from tests.conftest import ROOT
from tests.harness.app_server import running_app
from tests.test_inbox import TURBAT


def test_three_dropped_reports_become_one_incident_with_three_sources(tmp_path, visit):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    url = f"sqlite:///{tmp_path / 'incidents.sqlite'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for number, text in enumerate(TURBAT):
        (inbox / f"wire-{number}.txt").write_text(text, encoding="utf-8")
    old = time.time() - 10
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    worker = subprocess.run(
        [
            sys.executable,
            "-m",
            "components.inbox",
            "--database",
            url,
            "--data",
            str(data),
            "run",
            "--folder",
            str(inbox),
            "--once",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr
    assert worker.stderr.count("queued #") == 3
    with running_app(
        data,
        ARTIFACTS / "inbox-server.log",
        database_url=url,
        env={"INCIDENT_MAP_ANONYMOUS_WRITE": "1"},
    ) as app:
        seen = visit(app)
        page = seen.page
        page.get_by_text("Inbox: 3 report(s) to review").wait_for(timeout=60_000)
        accept = page.get_by_role("button", name="Accept 1 row(s)")
        accept.nth(2).wait_for(timeout=60_000)  # every item drawn, #1 first
        accept.first.click()
        page.get_by_text("Item #1 accepted: 1 new incident(s)").wait_for(timeout=30_000)
        for item in (2, 3):
            page.get_by_text("Same incident as #").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="Accept 1 row(s)").first.click()
            page.get_by_text(
                f"Item #{item} accepted: 0 new incident(s), 1 as a new source"
            ).wait_for(timeout=30_000)
        page.get_by_text("Inbox: 0 report(s) to review").wait_for(timeout=30_000)

        again = visit(app)  # a new visit opens on the latest event: Turbat's
        main = again.page.locator('[data-testid="stMain"]')
        again.page.get_by_text("Turbat").first.wait_for(timeout=30_000)
        metric = again.page.locator('[data-testid="stMetric"]').filter(
            has_text="Security forces killed"
        )
        assert metric.locator('[data-testid="stMetricValue"]').inner_text() == "4"
        main.get_by_text("security forces killed 4 (4 to 6)").wait_for(timeout=30_000)
        frame = again.map_frame()
        frame.locator(".incident-marker").first.click()
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        # The popup's incidents come from the app a page at a time, after it opens.
        popup.get_by_text("3 reports;").wait_for(timeout=10_000)
        text = popup.inner_text()
        assert "Turbat" in text
        assert "3 reports; best of security forces killed 4 (4 to 6)" in text
        assert "the reports disagree on security forces killed" in text
        frame.locator(".leaflet-popup-close-button").click()

        # The incident list finds it by words of its record, and a click on its
        # row opens its popup again.
        box = again.page.get_by_role("searchbox", name="Search the incidents")
        box.fill("turbat police")
        box.press("Enter")
        found = again.page.get_by_text("1 of the 1 selected incidents hold every word")
        found.wait_for(timeout=20_000)
        again.page.locator('[data-testid="stDataFrame"]').first.click(
            position=FIRST_ROW
        )
        popup.get_by_text("3 reports;").wait_for(timeout=20_000)
        assert "Turbat" in popup.inner_text()
        assert again.outside_requests == []
    frame = open_store(data, url)[0].frame()
    turbat = frame[frame["place"] == "Turbat"]
    assert len(turbat) == 1
    assert turbat.iloc[0]["sources"] == 3
