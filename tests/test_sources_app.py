"""The page: a pasted report of an incident already held is proposed as 'the
same incident as #N' and, confirmed, becomes a source of it; the headline and
the map's popup show the best figure and the range."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components.formats.ours import DATA_DIR_VARIABLE
from components.map.payload.pages import MAX_GROUPS, PAGE_SIZE, POPUPS
from components.store import open_store
from tests.conftest import ROOT

NOSHKI_HQ = "balochistan-2026-02-01-noshki-hq"
REPORT = (
    "QUETTA - 1 February 2026\nMilitants stormed the Frontier Corps headquarters "
    "in Nushki on 1 February 2026, killing {n} soldiers."
)


def run_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.run()  # the whole page, as after the map's first report in a browser
    assert not at.exception, [e.message for e in at.exception]
    return at


def paste(at: AppTest, text: str) -> None:
    at.text_area(key="report_text").set_value(text).run()
    at.button(key="report_extract").click().run()
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.slow
def test_a_report_of_an_incident_held_is_added_as_its_source(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")
    at = run_app()
    rows_before = len(open_store(data)[0].frame())
    for n, title in ((5, "First"), (9, "Second")):
        paste(at, REPORT.format(n=n))
        same = at.radio(key="report_same_0")
        assert same.value == f"Same incident as #{NOSHKI_HQ}"
        assert any("same town" in c.value for c in at.caption)
        at.text_input(key="report_source_title").set_value(f"{title} wire").run()
        at.button(key="report_add").click().run()
        assert not at.exception, [e.message for e in at.exception]
        assert any("as a new source" in s.value for s in at.success)
    store = open_store(data)[0]
    frame = store.frame().set_index("id")
    assert len(frame) == rows_before  # no new row: one incident, three reports
    row = frame.loc[NOSHKI_HQ]
    assert row["sources"] == 3
    assert (row["killed_security_low"], row["killed_security_high"]) == (5, 9)
    assert row["killed_security"] == 5  # same day: the most conservative
    titles = [s.title for s in store.sources(NOSHKI_HQ)]
    assert titles[1:] == ["First wire", "Second wire"]
    script = at.get("component_instance")[0].proto.json_args
    reports = [
        text for label, text in popup_lines(script) if label == "Reports"
    ]  # the popups' pages, as the app serves them to a click
    assert len(reports) == 1
    assert "3 reports; best of security forces killed 5 (5 to 9)" in reports[0]
    assert "the reports disagree on security forces killed" in reports[0]


def popup_lines(script: str) -> list[tuple[str, str]]:
    """Every line of every incident's popup on the map ``script`` draws."""
    token = re.search(r"source=([0-9a-f]{32})", script).group(1)
    groups = len(POPUPS.groups(token))
    lines = []
    for first in range(0, groups, MAX_GROUPS):
        numbers = list(range(first, min(first + MAX_GROUPS, groups)))
        start, total = 0, 1
        while start < total:
            page = POPUPS.page(token, numbers, start)
            lines += [tuple(line) for i in page["incidents"] for line in i["lines"]]
            start, total = start + PAGE_SIZE, page["total"]
    return lines


def test_a_report_kept_new_is_a_new_row(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")
    at = run_app()
    rows_before = len(open_store(data)[0].frame())
    paste(at, REPORT.format(n=5))
    at.radio(key="report_same_0").set_value("A new incident").run()
    at.button(key="report_add").click().run()
    assert not at.exception, [e.message for e in at.exception]
    frame = open_store(data)[0].frame()
    assert len(frame) == rows_before + 1
    assert frame.set_index("id").loc[NOSHKI_HQ, "sources"] == 1


@pytest.mark.slow
def test_the_analyst_merges_and_splits_on_the_page(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")
    at = run_app()
    at.selectbox(key="sources_incident").set_value(NOSHKI_HQ).run()
    # A form sends its fields with its button: set them, then press it.
    at.selectbox(key="sources_merge_other").set_value(
        "balochistan-2026-02-01-dalbandin"
    )
    at.text_input(key="sources_merge_why").set_value("one attack, two names")
    merge = next(b for b in at.button if "Merge into" in b.label)
    merge.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("is now part of" in s.value for s in at.success)
    store = open_store(data)[0]
    assert "balochistan-2026-02-01-dalbandin" not in set(store.frame()["id"])
    assert len(store.sources(NOSHKI_HQ)) == 2
    assert store.recent_saves(1)[0].reason == "one attack, two names"

    at.selectbox(key="sources_incident").set_value(NOSHKI_HQ).run()
    (dalbandin,) = [
        s.id for s in store.sources(NOSHKI_HQ) if "Dalbandin" in s.place_reported
    ]
    at.selectbox(key="sources_split_choice").set_value(dalbandin)
    at.text_input(key="sources_split_why").set_value("two attacks after all")
    split = next(b for b in at.button if "Split" in b.label)
    split.click().run()
    assert not at.exception, [e.message for e in at.exception]
    frame = open_store(data)[0].frame()
    (new,) = frame.loc[frame["id"].str.contains("-split-"), "place"]
    assert new == "Dalbandin"
    assert open_store(data)[0].recent_saves(1)[0].reason == "two attacks after all"
