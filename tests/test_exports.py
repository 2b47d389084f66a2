import csv
import io
import re

import pandas as pd
import pytest

from components.exports.files import count_labels, standalone_html, to_csv
from components.map.assets import inline_assets
from components.map.base_layers import MAP_CSS
from components.map.folium_map import CAPTION_CSS
from components.support.errors import AssetError


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_csv_keeps_unknown_counts_blank(seed_frame):
    exported = rows(to_csv(seed_frame))
    assert len(exported) == len(seed_frame)
    quetta = next(row for row in exported if row["place"] == "Quetta")
    assert quetta["killed_civilians"] == ""
    totals = next(row for row in exported if row["killed_civilians"])
    assert (totals["killed_civilians"], totals["killed_attackers"]) == ("31", "145")
    assert totals["date"] == "2026-02-01"


def test_csv_neutralises_formulas(hostile_frame):
    exported = rows(to_csv(hostile_frame))
    assert exported[1]["notes"] == '\'=HYPERLINK("http://x")'
    assert exported[0]["notes"].startswith("<img")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_every_formula_start(seed_frame, start):
    frame = seed_frame.head(1).assign(notes=f"{start}1+1")
    expected = f"'{start}1+1".replace("\r", "\n")  # and a lone CR is a line break
    assert rows(to_csv(frame))[0]["notes"] == expected


def test_count_labels_never_show_zero_for_unknown(seed_frame):
    labels = count_labels(seed_frame["killed_attackers"])
    assert set(labels) == {"not reported", "145"}
    assert count_labels(pd.Series([1234, 0], dtype="Int64")).tolist() == ["1,234", "0"]


def test_standalone_map_inlines_every_asset(seed_frame):
    page = standalone_html(seed_frame, "Briefing <map>", ["Places: Quetta"]).decode()
    assert "/app/static" not in page
    assert not re.findall(r'(?:src|href)="https?:', page)  # only the tiles are online
    for kind in ("text/javascript", "text/css", "application/json"):
        assert f"data:{kind};base64," in page
    assert "<title>Briefing &lt;map&gt;</title>" in page
    # One layer per target type, each drawing from the one payload.
    assert page.count('"kind":"type"') == seed_frame["target_type"].nunique()
    assert page.count("IncidentMap.payload(") == 1
    # The map's own styles and the caption's, in the file itself.
    assert f"<style>{MAP_CSS}</style>" in page
    assert f"<style>{CAPTION_CSS}</style>" in page
    assert 'L.DomUtil.create("div", "incident-caption")' in page


def test_standalone_map_needs_the_fetched_assets(seed_frame, monkeypatch, tmp_path):
    import components.exports.files

    def missing():
        return inline_assets(tmp_path)

    monkeypatch.setattr(components.exports.files, "inline_assets", missing)
    with pytest.raises(AssetError, match=r"python -m components\.map\.assets"):
        standalone_html(seed_frame, "x")


def test_a_map_file_carries_the_images_its_styles_name(seed_frame):
    """The layer control's icon (leaflet.css: url(images/layers.png)) is in the
    file: a map file opened from disk has no images folder beside it."""
    import base64
    import re

    page = standalone_html(seed_frame, "Brief").decode("utf-8")
    styles = [
        base64.b64decode(data).decode("utf-8")
        for data in re.findall(r"data:text/css;base64,([A-Za-z0-9+/=]+)", page)
    ]
    assert any(".leaflet-control-layers-toggle" in css for css in styles)
    for css in styles:
        assert "url(images/" not in css
    assert any("url(data:image/png;base64," in css for css in styles)
