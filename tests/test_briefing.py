"""The briefing: event lines that leave out the unknown, per-event figures that
are never merged, and the one-page sheet as PDF and PNG."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pandas as pd
import pytest
from pypdf import PdfReader

from components.convert import main as convert
from components.domain.briefing import (
    briefing,
    briefing_title,
    event_lines,
    event_table,
    headline_line,
)
from components.domain.filters import days_between, days_of, up_to
from components.domain.model import Source
from components.domain.summary import headline
from components.exports.briefing_sheet import (
    briefing_sheet,
    failure_sheet,
    sheet_bounds,
    sheet_or_failure,
)
from components.ui.remembered import page_briefing, whole_headline
from tests.conftest import ROOT

SEED_TITLE = "Coordinated Carnage in Balochistan"


def _second_event(seed, seed_frame) -> tuple[pd.DataFrame, dict]:
    """The seed plus a second event: 4 police killed in Turbat on 3 March."""
    (event,) = seed.events.values()
    second = dataclasses.replace(
        event,
        id="turbat-2026-03-03",
        name="Turbat police station attack",
        date=dt.date(2026, 3, 3),
        admin1="",
        source=Source(title="A wire report", location="pasted text"),
        period_hours=None,
        period_note="",
        places_hit_at_least=None,
    )
    row = seed_frame[seed_frame["place"] == "Mastung"].iloc[[0]].copy()
    row = row.assign(
        id="turbat-police",
        event_id=second.id,
        place="Turbat",
        lat=26.0,
        lon=63.05,
        date=pd.Timestamp("2026-03-03"),
        killed_civilians=pd.NA,
        killed_security=4,
        killed_attackers=pd.NA,
        figure_scope="incident",
    )
    frame = pd.concat([seed_frame, row], ignore_index=True)
    return frame, {**seed.events, second.id: second}


def test_an_event_line_says_only_what_is_known(seed, seed_frame):
    frame, events = _second_event(seed, seed_frame)
    lines = {line.id: line for line in event_lines(frame, events)}
    turbat = lines["turbat-2026-03-03"].description
    assert turbat == (
        "Turbat police station attack · reported 3 March 2026 · source: A wire report"
    )
    assert "·  ·" not in turbat
    assert not turbat.endswith("· ")
    assert SEED_TITLE in lines["balochistan-2026-02-01"].description


def test_two_events_are_broken_down_not_merged(seed, seed_frame):
    frame, events = _second_event(seed, seed_frame)
    brief = briefing(frame, events)
    assert brief.mixed
    assert [line.id for line in brief.events] == [
        "turbat-2026-03-03",
        "balochistan-2026-02-01",
    ]
    table = event_table(brief.events)
    assert table["Security forces killed"].tolist() == ["4", "17"]
    assert table["Civilians killed"].tolist() == ["not reported", "31"]
    assert brief.headline.deaths["killed_security"].value == 21
    assert any("add 2 events" in note for note in brief.notes)
    assert briefing_title(brief).startswith("2 events")


def test_one_event_names_the_briefing_and_its_province_totals(seed, seed_frame):
    brief = briefing(seed_frame, seed.events)
    assert not brief.mixed
    assert briefing_title(brief) == "Coordinated attacks across Balochistan"
    assert "Civilians killed: 31" in headline_line(brief)
    assert any("whole province" in note for note in brief.notes)


@pytest.mark.parametrize("fmt", ["pdf", pytest.param("png", marks=pytest.mark.slow)])
def test_the_sheet_is_one_page_with_figures_and_sources(seed, seed_frame, fmt):
    data = briefing_sheet(
        seed_frame,
        seed.events,
        title="Morning brief",
        scope=["Every incident"],
        fmt=fmt,
    )
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
        return
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("Morning brief", "31", "17", "145", SEED_TITLE, "Mastung"):
        assert expected in text, expected
    assert "province" in text


def test_the_sheet_fits_one_town_with_its_surroundings(seed_frame):
    one = seed_frame[seed_frame["place"] == "Mastung"]
    south, west, north, east = sheet_bounds(one)
    assert north - south >= 1.19
    assert east - west >= 1.19
    assert south < 29.8 < north
    assert west < 66.85 < east


@pytest.mark.slow
def test_convert_writes_the_sheet_from_a_data_directory(tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    code = convert(
        [str(ROOT / "data"), "--from", "ours", "--to", "pdf", "-o", str(out)]
    )
    assert code == 0
    text = PdfReader(out).pages[0].extract_text()
    for expected in ("31", "17", "145", SEED_TITLE):
        assert expected in text


def test_playback_steps_are_the_days_with_incidents(seed_frame):
    frame = seed_frame.assign(
        date=pd.to_datetime(["2026-02-01"] * 8 + ["2026-03-02"] * (len(seed_frame) - 8))
    )
    days = days_of(frame)
    assert days == [dt.date(2026, 2, 1), dt.date(2026, 3, 2)]  # not 30 empty days
    assert days_between(days) == 28
    assert len(up_to(frame, days[0])) == 8
    assert len(up_to(frame, days[1])) == len(frame)
    assert days_of(frame.iloc[:0]) == []


FAST_SAMPLE = ("math power", "math unbalanced", "jinja expression", "bidi override")
"""The texts the fast lane draws (each takes a PDF and a PNG); the rest are slow.
The math ones are what the slow whole-sheet test of math and invisible characters
checks, through the same drawing settings."""


def _hostile_texts() -> list:
    corpus = json.loads((ROOT / "tests/data/hostile/payloads.json").read_text())
    return [
        pytest.param(
            p["name"],
            p["text"],
            marks=() if p["name"] in FAST_SAMPLE else pytest.mark.slow,
            id=p["name"],
        )
        for p in corpus["payloads"]
        if not p.get("refused") and not p.get("overlong")
    ]


@pytest.mark.parametrize(("name", "text"), _hostile_texts())
def test_hostile_text_is_printed_as_typed(name, text):
    """Every text on a sheet goes through the same drawing as the failure page:
    mathtext off, so ``$x^2$`` prints as typed and ``$\\frac{1}{$`` cannot break
    the drawing, in the PDF and the PNG."""
    pdf = failure_sheet(text[:300], "pdf")
    page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    if text.isascii() and text.isprintable():
        assert "".join(text[:300].split()) in "".join(page.split()), name
    assert failure_sheet(text[:300], "png").startswith(b"\x89PNG")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_the_sheet_prints_math_and_invisible_characters_as_text(seed, seed_frame, fmt):
    title = "Attack on $x^2$ and $\\alpha$ end \ufeff $\\frac{1}{$"
    data = briefing_sheet(seed_frame, seed.events, title=title, scope=[title], fmt=fmt)
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
        return
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Attack on $x^2$ and $\\alpha$ end" in text
    assert "$\\frac{1}{$" in text


def test_a_sheet_that_fails_to_draw_says_why(monkeypatch):
    def broken() -> bytes:
        raise ValueError("the basemap file is unreadable")

    data = sheet_or_failure(broken, "pdf")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "could not be drawn" in text
    assert "the basemap file is unreadable" in text
    assert sheet_or_failure(broken, "png").startswith(b"\x89PNG")
    assert sheet_or_failure(lambda: b"%PDF-sheet", "pdf") == b"%PDF-sheet"


@pytest.mark.slow
def test_the_sheet_keeps_the_figures_honest(seed, seed_frame):
    """The province's deaths by side in the province's box (never one summed
    number), the towns as named of at least as many as the source says, and a
    legend with the province-wide and deaths entries."""
    data = briefing_sheet(seed_frame, seed.events, title="Brief", fmt="pdf")
    (page,) = PdfReader(io.BytesIO(data)).pages
    text = page.extract_text()
    assert "Balochistan: whole province" in text
    assert "31 · 17 · 145" in text
    assert "193" not in text
    assert "5 named of at least 12" in text
    assert "Whole province (place not given)" in text
    assert "Deaths (area grows with deaths)" in text
    for name in ("Quetta", "Mastung", "Nushki", "Dalbandin", "Gwadar"):
        assert text.count(name) >= 1, name


def test_sheet_labels_never_overlap(seed, seed_frame):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation

    from components.exports.sheet_map import draw_map

    fig = Figure(figsize=(7, 7))
    ax = fig.add_axes((0, 0, 1, 1))
    crowded = seed_frame.copy()
    crowded.loc[crowded["place"] == "Gwadar", ["lat", "lon"]] = (29.85, 66.9)
    draw_map(ax, crowded, None, None)
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [
        a.get_window_extent(renderer) for a in ax.texts if isinstance(a, Annotation)
    ]
    assert len(boxes) >= 3
    for i, a in enumerate(boxes):
        assert a.x0 >= 0
        assert a.x1 <= fig.bbox.x1  # not clipped at the map's edge
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_sheet_draws_every_class_at_a_shared_point_apart(seed_frame):
    """Quetta holds a government item and one of no reported target: both are
    drawn, side by side, not one under the other."""
    from matplotlib.figure import Figure

    from components.domain.table import latest_records
    from components.exports.sheet_map import draw_map

    fig = Figure(figsize=(7, 7))
    ax = fig.add_axes((0, 0, 1, 1))
    quetta = latest_records(seed_frame)
    quetta = quetta[quetta["place"] == "Quetta"]
    assert quetta["target_type"].nunique() >= 2
    draw_map(ax, seed_frame, None, None)
    drawn = [
        tuple(ax.transData.transform(xy).round(1))
        for collection in ax.collections
        if collection.get_zorder() == 4
        for xy in collection.get_offsets()
    ]
    assert len(drawn) == len(set(drawn))  # no marker under another
    assert len(drawn) >= 6  # five towns, two classes at Quetta


def test_the_briefing_of_every_row_counts_the_headline_once(seed, seed_frame):
    frame, events = seed_frame.copy(), dict(seed.events)  # a table of its own
    brief = page_briefing(frame, events)
    assert brief.headline is whole_headline(frame, events)
    assert brief == briefing(frame, events)
    assert brief.headline == headline(frame, events)


def test_a_briefing_given_its_headline_takes_it(seed, seed_frame):
    frame, events = _second_event(seed, seed_frame)
    head = headline(frame, events)
    assert briefing(frame, events, head).headline is head
    assert briefing(frame, events) == briefing(frame, events, head)
