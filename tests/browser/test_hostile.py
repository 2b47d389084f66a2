"""The hostile corpus in a real browser: the page, the standalone map file, and an
import whose text holds template syntax, exported again from the page.

Payloads that would run script set ``window.__hostile`` or open a dialog; both
are watched in every frame.
"""

from __future__ import annotations

import re

from components.exports.files import standalone_html
from components.formats.ours import CsvStore
from components.support.text import newlines_as_lf
from tests.browser.conftest import ARTIFACTS, HOSTILE_TEXTS
from tests.conftest import ROOT, TEST_DATA
from tests.harness.hostile_inputs import (
    TEMPLATE_CHECK,
    hostile_loaded_frame,
    payload_strings,
)

SHOWN = [t for t in HOSTILE_TEXTS if not (t.refused or t.overlong)]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _popup_texts(frame_root, markers) -> str:
    """Click every marker; the text of every popup, exactly (textContent)."""
    texts = []
    for marker in markers.all():
        group = marker.get_attribute("data-group")
        marker.dispatch_event("click")  # markers under an open popup too
        # The popup opens once its incident has come from the app.
        popup = frame_root.locator(f'.leaflet-popup-content [data-groups="{group}"]')
        popup.locator(".incident-popup").wait_for(timeout=10_000)
        texts.append(popup.evaluate("node => node.textContent"))
    return "\n".join(texts)


def _nothing_ran(seen) -> None:
    for frame in seen.page.frames:
        assert frame.evaluate("() => window.__hostile") is None, frame.url
    assert seen.dialogs == []
    assert seen.outside_requests == []


def _expected(text: str) -> str:
    return newlines_as_lf(text).strip()


def test_every_hostile_text_shows_literally_on_the_page(hostile_corpus_app, visit):
    seen = visit(hostile_corpus_app)
    frame = seen.map_frame()
    markers = frame.locator(".incident-marker")
    seen.page.wait_for_function(
        """([selector, count]) => {
            const doc = document.querySelector(selector)?.contentDocument;
            return doc && doc.querySelectorAll(".incident-marker").length >= count;
        }""",
        arg=[MAP_IFRAME, len(SHOWN)],
        timeout=30_000,
    )
    shown = _popup_texts(frame, markers)
    for payload in SHOWN:
        assert _expected(payload.text) in shown, payload.name
    header = seen.page.locator('[data-testid="stMain"]').inner_text()
    assert "Wave <img src=x" in header
    _nothing_ran(seen)


def test_the_standalone_map_of_hostile_text_runs_nothing(
    hostile_corpus_data, visit, tmp_path
):
    frame = hostile_loaded_frame(hostile_corpus_data)
    path = tmp_path / "hostile-map.html"
    path.write_bytes(standalone_html(frame, SHOWN[0].text, [TEMPLATE_CHECK]))
    seen = visit(path.as_uri())
    markers = seen.page.locator(".incident-marker")
    markers.first.wait_for(timeout=20_000)
    shown = _popup_texts(seen.page, markers)
    for payload in SHOWN:
        assert _expected(payload.text) in shown, payload.name
    caption = seen.page.locator(".incident-caption").inner_text()
    assert TEMPLATE_CHECK in caption
    seen.page.screenshot(path=str(ARTIFACTS / "hostile-standalone-map.png"))
    _nothing_ran(seen)


def test_template_text_imported_in_the_page_exports_literally(writable_app, visit):
    seen = visit(writable_app)
    page = seen.page
    # Upload once the map has reported its view and its fragment has rerun (the
    # view is then in the link): a briefer works on a page that has settled.
    page.wait_for_function("() => location.search.includes('map=')", timeout=30_000)
    page.get_by_text("Import ACLED, GTD or UCDP GED files").click()
    upload = TEST_DATA / "hostile" / "files" / "acled-template-notes.csv"
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(upload)
    )
    before = len(CsvStore(ROOT / "data").load().incidents)
    page.get_by_role("button", name=re.compile(r"Add 1 incidents")).click()
    page.get_by_text("Added 1 incidents from acled-template-notes.csv").wait_for(
        timeout=30_000
    )
    label = re.compile(rf"Download these {before + 1} \(map, HTML\)")
    button = page.get_by_role("button", name=label)
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as download:
        button.click()
    html = download.value.path().read_text("utf-8")
    notes = "{{7*7}} {%raw%} {{ cycler.__init__.__globals__ }}"
    assert notes in payload_strings(html)
    _nothing_ran(seen)
