"""The page as it looks: the briefing layout's first screen, labels that never
collide, the projector's contrast, mobile, and print (one clean landscape page;
long tables across pages with their header)."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator

import numpy as np
import pytest
from pypdf import PdfReader

from components.domain.vocabularies import GeoPrecision
from tests.browser.conftest import AppServer, _serve
from tests.browser.test_dashboard import wait_for_markers
from tests.harness.synthetic_data import synthetic_frame, write_synthetic

pytestmark = pytest.mark.browser

FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SEED_MARKERS = 6
"""The seed event's markers: its named towns' incidents (province-wide items are
in the province's box, not markers)."""
DESKTOPS = [(1366, 768), (1440, 900), (1920, 1080)]
QUETTA = (30.18414, 67.00141)

LABEL_BOXES = """([selector]) => {
    const doc = document.querySelector(selector).contentDocument;
    return [...doc.querySelectorAll('.incident-label')]
        .filter((n) => n.dataset.hidden !== 'true'
                && getComputedStyle(n).visibility !== 'hidden')
        .map((n) => { const r = n.getBoundingClientRect();
                      return [n.textContent, r.left, r.top, r.right, r.bottom]; })
        .filter((b) => b[3] > b[1] && b[4] > b[2]);
}"""

TEXT_COLOURS = """() => {
    // Every visible text's colour and the colour under it (backgrounds composited
    // up the tree), in this document and the map's frame.
    function rgba(text) {
        const m = text.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1].split(',').map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    function over(top, under) {
        const a = top[3] + under[3] * (1 - top[3]);
        if (!a) return [0, 0, 0, 0];
        const mix = (i) => top[i] * top[3] + under[i] * under[3] * (1 - top[3]);
        return [0, 1, 2].map((i) => mix(i) / a).concat([a]);
    }
    function ground(node, win) {
        const layers = [];
        for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
            const colour = rgba(win.getComputedStyle(n).backgroundColor);
            if (colour[3] > 0) layers.push(colour);
            if (colour[3] >= 1) break;
        }
        let colour = [255, 255, 255, 1];
        for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
        return colour;
    }
    function texts(doc, win, where) {
        const found = [];
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const node = t.parentElement;
            if (!t.textContent.trim() || !node) continue;
            if (node.closest('[disabled], [aria-disabled="true"], svg, style, script,' +
                             ' .town-label-covered, [data-hidden="true"]')) continue;
            const style = win.getComputedStyle(node);
            const box = node.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' ||
                !box.width || !box.height || Number(style.opacity) === 0) continue;
            if (box.bottom < 0 || box.top > win.innerHeight || box.right < 0 ||
                box.left > win.innerWidth) continue;
            found.push({where: where, text: t.textContent.trim().slice(0, 40),
                        colour: rgba(style.color), ground: ground(node, win),
                        size: parseFloat(style.fontSize),
                        bold: Number(style.fontWeight) >= 700});
        }
        doc.querySelectorAll('input, textarea').forEach((field) => {
            const style = win.getComputedStyle(field);
            const box = field.getBoundingClientRect();
            const text = field.value || field.placeholder;
            if (!text || field.type === 'hidden' || !box.width || !box.height ||
                style.visibility === 'hidden' || field.disabled) return;
            const shown = field.value ? style
                : win.getComputedStyle(field, '::placeholder');
            found.push({where: where, text: 'field: ' + text.slice(0, 40),
                        colour: rgba(shown.color), ground: ground(field, win),
                        size: parseFloat(style.fontSize), bold: false});
        });
        return found;
    }
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    return texts(document, window, 'page').concat(
        texts(frame.contentDocument, frame.contentWindow, 'map'));
}"""


def _luminance(rgb) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour, ground) -> float:
    """WCAG 2's contrast ratio of a text colour (alpha blended) over its ground."""
    alpha = colour[3]
    text = [colour[i] * alpha + ground[i] * (1 - alpha) for i in range(3)]
    lighter, darker = sorted((_luminance(text), _luminance(ground)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_is_wcags():
    assert contrast([0, 0, 0, 1], [255, 255, 255, 1]) == pytest.approx(21)
    assert contrast([118, 118, 118, 1], [255, 255, 255, 1]) == pytest.approx(4.54, 0.01)
    assert contrast([255, 255, 255, 0.5], [0, 0, 0, 1]) < 6


def _open(visit, server: AppServer, query: str, size: tuple[int, int]):
    seen = visit(server, query)
    seen.page.set_viewport_size({"width": size[0], "height": size[1]})
    return seen


def _settle(seen, markers: int) -> None:
    wait_for_markers(seen, seen.map_frame(), markers)
    seen.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    seen.page.wait_for_timeout(1_500)  # the view fitted, labels placed


def _overlapping(boxes) -> list:
    return [
        (a[0], b[0])
        for a, b in itertools.combinations(boxes, 2)
        if a[1] < b[3] - 0.5
        and b[1] < a[3] - 0.5
        and a[2] < b[4] - 0.5
        and b[2] < a[4] - 0.5
    ]


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("size", DESKTOPS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_briefing_layout_puts_the_map_and_legend_on_the_first_screen(
    seed_app, visit, size, projector
):
    query = "?layout=briefing" + ("&projector=true" if projector else "")
    seen = _open(visit, seed_app, query, size)
    _settle(seen, SEED_MARKERS)
    page = seen.page
    frame_box = page.locator(FRAME).bounding_box()
    assert frame_box["y"] <= 120, frame_box
    legend = seen.map_frame().locator(".incident-legend")
    assert legend.get_attribute("open") is not None  # open, not a folded summary
    box = legend.bounding_box()
    assert box["y"] >= 0
    assert box["x"] >= 0
    assert box["y"] + box["height"] <= size[1], (box, size)
    assert box["x"] + box["width"] <= size[0]
    labels = page.evaluate(LABEL_BOXES, [FRAME])
    assert {"Quetta", "Mastung", "Nushki"} <= {b[0] for b in labels}
    assert _overlapping(labels) == []
    if projector:
        assert _low_contrast(page) == []


def test_one_label_per_place_and_none_for_a_province(seed_app, visit):
    seen = _open(visit, seed_app, "?layout=briefing", (1440, 900))
    _settle(seen, SEED_MARKERS)
    frame = seen.map_frame()
    texts = [b[0] for b in seen.page.evaluate(LABEL_BOXES, [FRAME])]
    assert len(texts) == len(set(texts))
    assert not [t for t in texts if "province" in t.lower()]
    shown_towns = frame.locator(".town-label:not(.town-label-covered)")
    assert "Quetta" not in shown_towns.all_inner_texts()  # the incident label only
    box = frame.locator(".province-box")
    assert "Balochistan" in box.inner_text()
    assert "31 · 17 · 145" in box.inner_text()  # by side, never 193
    assert "193" not in box.inner_text()


def _low_contrast(page) -> list:
    """The texts of the page and the map under WCAG AA (4.5:1; 3:1 large)."""
    return [
        (t["where"], t["text"], round(contrast(t["colour"], t["ground"]), 2))
        for t in page.evaluate(TEXT_COLOURS)
        if contrast(t["colour"], t["ground"])
        < (3.0 if t["size"] >= 24 or (t["bold"] and t["size"] >= 18.6) else 4.5)
    ]


@pytest.mark.parametrize("layout", ["analyst", "briefing"])
def test_each_layout_opens_on_every_marker(seed_app, visit, layout):
    # The map's frame has no height for a moment after it is made: a view fitted
    # then would zoom all the way in.
    seen = _open(visit, seed_app, f"?layout={layout}", (1440, 900))
    _settle(seen, SEED_MARKERS)
    frame_box = seen.page.locator(FRAME).bounding_box()
    markers = seen.map_frame().locator(".incident-marker").all()
    assert len(markers) == SEED_MARKERS
    for marker in markers:
        box = marker.bounding_box()
        assert frame_box["x"] <= box["x"] <= frame_box["x"] + frame_box["width"]
        assert frame_box["y"] <= box["y"] <= frame_box["y"] + frame_box["height"]


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("layout", ["mobile", "briefing"])
def test_at_390_the_map_comes_first_showing_every_marker(
    seed_app, visit, layout, projector
):
    query = f"?layout={layout}" + ("&projector=true" if projector else "")
    seen = _open(visit, seed_app, query, (390, 844))
    _settle(seen, SEED_MARKERS)
    frame_box = seen.page.locator(FRAME).bounding_box()
    assert frame_box["y"] <= 120
    assert frame_box["y"] + frame_box["height"] <= 844
    for marker in seen.map_frame().locator(".incident-marker").all():
        box = marker.bounding_box()
        assert frame_box["x"] <= box["x"] <= frame_box["x"] + frame_box["width"]
        assert frame_box["y"] <= box["y"] <= frame_box["y"] + frame_box["height"]
    # The legend (folded to its summary on a narrow map) wholly on the screen.
    legend = seen.map_frame().locator(".incident-legend").bounding_box()
    assert legend["x"] >= 0
    assert legend["y"] >= 0
    assert legend["x"] + legend["width"] <= 390
    assert legend["y"] + legend["height"] <= 844
    assert _overlapping(seen.page.evaluate(LABEL_BOXES, [FRAME])) == []
    if projector:
        assert _low_contrast(seen.page) == []


@pytest.fixture(scope="module")
def district_app(tmp_path_factory) -> Iterator[AppServer]:
    """300 synthetic incidents at 120 named points within 25 km of Quetta: one
    district's worth of crowded labels."""
    folder = tmp_path_factory.mktemp("district")
    write_synthetic(folder, 300)
    frame = synthetic_frame(300)
    rng = np.random.default_rng(1)
    frame["lat"] = (QUETTA[0] + rng.uniform(-0.22, 0.22, len(frame))).round(4)
    frame["lon"] = (QUETTA[1] + rng.uniform(-0.22, 0.22, len(frame))).round(4)
    frame["geo_precision"] = str(int(GeoPrecision.NEAR_TOWN))
    frame["place"] = [f"Hamlet {i % 120:03d}" for i in range(len(frame))]
    frame.to_csv(folder / "incidents" / "synthetic.csv", index=False)
    yield from _serve(folder, "district")


def test_labels_never_overlap_on_a_crowded_district(district_app, visit):
    seen = _open(visit, district_app, "?layout=briefing", (1440, 900))
    seen.map_frame().locator(".incident-marker").first.wait_for(timeout=30_000)
    seen.page.wait_for_timeout(2_500)
    labels = seen.page.evaluate(LABEL_BOXES, [FRAME])
    hidden = seen.map_frame().locator('.incident-label[data-hidden="true"]').count()
    assert labels
    assert hidden > 0  # where every side is taken, a label is left out
    assert _overlapping(labels) == []
    seen.map_frame().locator(".leaflet-control-zoom-in").click()
    seen.page.wait_for_timeout(1_500)
    assert _overlapping(seen.page.evaluate(LABEL_BOXES, [FRAME])) == []


def _pdf_pages(seen, **options) -> list[str]:
    seen.page.emulate_media(media="print")
    seen.page.wait_for_timeout(800)
    pdf = seen.page.pdf(print_background=True, **options)
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("layout", ["briefing", "analyst"])
def test_the_seed_event_prints_on_one_clean_landscape_page(seed_app, visit, layout):
    seen = _open(visit, seed_app, f"?layout={layout}", (1440, 900))
    _settle(seen, SEED_MARKERS)
    seen.page.emulate_media(media="print")
    hidden = seen.page.evaluate(
        """([selector]) => {
            const doc = document.querySelector(selector).contentDocument;
            const shown = (n) => n && getComputedStyle(n).display !== 'none';
            return {
              zoom: shown(doc.querySelector('.leaflet-control-zoom')),
              layers: shown(doc.querySelector('.leaflet-control-layers')),
              sidebar: shown(document.querySelector('[data-testid=stSidebar]')),
              buttons: [...document.querySelectorAll('button, input')]
                .filter((n) => n.getBoundingClientRect().height > 0).length,
            };
        }""",
        [FRAME],
    )
    assert hidden == {"zoom": False, "layers": False, "sidebar": False, "buttons": 0}
    seen.page.wait_for_timeout(800)  # the printed map fits the selection
    frame_box = seen.page.locator(FRAME).bounding_box()
    for marker in seen.map_frame().locator(".incident-marker").all():
        box = marker.bounding_box()
        assert frame_box["x"] <= box["x"] <= frame_box["x"] + frame_box["width"]
        assert frame_box["y"] <= box["y"] <= frame_box["y"] + frame_box["height"]
    for options in ({"prefer_css_page_size": True}, {"format": "Letter"}):
        pages = _pdf_pages(seen, landscape=True, **options)
        assert len(pages) == 1, options
        text = pages[0]
        assert "Civilians killed" in text
        assert "145" in text
        assert "Legend" in text or "Police, paramilitary and prisons" in text
        assert "Coordinated Carnage in Balochistan" in " ".join(text.split())


@pytest.fixture(scope="module")
def rows_app(tmp_path_factory) -> Iterator[AppServer]:
    yield from _serve(write_synthetic(tmp_path_factory.mktemp("rows"), 200), "rows")


def test_a_long_selection_prints_its_table_across_pages_with_headers(rows_app, visit):
    seen = _open(visit, rows_app, "?layout=briefing", (1440, 900))
    seen.map_frame().locator(".incident-marker").first.wait_for(timeout=30_000)
    seen.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    seen.page.emulate_media(media="print")
    cut = seen.page.evaluate(
        """() => [...document.querySelectorAll('.print-table')].map(
            (t) => t.scrollWidth - t.parentElement.clientWidth)"""
    )
    assert cut
    assert max(cut) <= 1, cut  # never wider than the page
    pages = _pdf_pages(seen, prefer_css_page_size=True)
    assert len(pages) >= 3
    assert all("Place" in text and "Injured" in text for text in pages[1:])
    rows = seen.page.evaluate(
        "() => document.querySelectorAll('.print-table tbody tr').length"
    )
    assert rows == 200
