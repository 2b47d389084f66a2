"""The page's layouts, its print-only tables and the summary an import leaves,
as Streamlit runs the page (AppTest: no browser; tests/browser/test_look.py sees
them drawn)."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.ui.import_panel import ADDED, DISMISS_KEY
from components.ui.print_tables import incidents_for_print, table_html
from components.ui.style import page_css
from tests.conftest import ROOT


def _run(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    at.run()  # the whole page, as the map's first report brings it
    assert not at.exception, [e.message for e in at.exception]
    return at


def _order(at: AppTest) -> list[str]:
    """The page's parts in the order they are drawn: map, metric, table."""
    kinds = {
        "component_instance": "map",
        "metric": "metric",
        "arrow_data_frame": "table",
    }
    seen = []
    for node in at.main:
        kind = kinds.get(getattr(node, "type", ""))
        if kind and (not seen or seen[-1] != kind):
            seen.append(kind)
    return seen


@pytest.mark.parametrize(
    ("layout", "first"),
    [("analyst", "metric"), ("briefing", "map"), ("mobile", "map"), ("", "map")],
)
def test_each_layout_draws_its_parts_in_its_order(layout, first):
    at = _run({"layout": layout} if layout else None)
    order = _order(at)
    assert order[0] == first, order
    assert at.selectbox(key="layout").value == (layout or "briefing")


def test_a_bad_layout_gets_a_note_and_the_default():
    at = _run({"layout": "poster"})
    said = " ".join(i.value for i in at.info).replace("\\", "")
    assert "layout 'poster': expected one of briefing, analyst, mobile" in said
    assert _order(at)[0] == "map"


def test_the_import_summary_stays_until_dismissed(anonymous_writing):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[ADDED] = "Added 2 incidents from acled.csv: 3 rows read"
    at.run()
    at.run()
    for _ in range(2):  # reruns leave it on the page
        assert any("Added 2 incidents" in s.value for s in at.success)
        at.run()
    at.button(key=DISMISS_KEY).click().run()
    assert not any("Added 2 incidents" in s.value for s in at.success)


def test_the_projector_and_layout_styles():
    dark = page_css(projector=True, layout="briefing")
    assert '[data-baseweb="select"] > div' in dark  # every widget dark
    assert "streamlit_folium.st_folium" in dark  # the briefing's map height
    assert "@page { size: landscape" in page_css()
    assert "[data-baseweb" not in page_css(layout="analyst")


def test_a_printed_table_is_text_never_markup(seed_frame):
    hostile = seed_frame.head(2).assign(place=["<script>x</script>", "{{7*7}}"])
    printed = table_html(incidents_for_print(hostile), "Incidents <b>")
    assert "<script>" not in printed
    assert "&lt;script&gt;x&lt;/script&gt;" in printed
    assert "Incidents &lt;b&gt;" in printed
    assert printed.count("<tr>") == 3  # the header and two rows
    table = incidents_for_print(seed_frame)
    assert list(table.columns)[:3] == ["Place", "Target", "Attack"]
    assert "not reported" in set(table["Civilians killed"])
    assert pd.api.types.is_object_dtype(table["Where in the source"])
