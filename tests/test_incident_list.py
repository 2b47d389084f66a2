"""The incident list and the edit form as Streamlit runs them (AppTest runs no
JavaScript: a click on a row and on the map are the browser tests')."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.domain.search import MAX_SEARCH_CHARS
from components.store import DatabaseStore, data_directory
from components.store.engine import database_url
from components.ui.incident_list import SEARCH_KEY, SORT_KEY
from components.ui.map_focus import FOCUS, PICKED
from tests.conftest import ROOT

PRISON = "balochistan-2026-02-01-mastung-prison"
TOTALS = "balochistan-2026-02-01-province-totals"
QUETTA = "balochistan-2026-02-01-quetta"
EDIT = f"edit_{QUETTA}_1"
"""The keys of the form that edits Quetta's record, version 1."""


@pytest.fixture(autouse=True)
def _may_write(monkeypatch) -> None:
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")


def page(**params: str) -> AppTest:
    """The whole page (a session's second run), opened with a link's ``params``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def listed(at: AppTest) -> pd.DataFrame:
    (table,) = [d.value for d in at.dataframe if "figures" in d.value.columns]
    return table


def search(at: AppTest, text: str) -> AppTest:
    at.text_input(key=SEARCH_KEY).set_value(text).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def store() -> DatabaseStore:
    return DatabaseStore(database_url(data_directory()))


# --- The list ----------------------------------------------------------------------


def test_the_list_shows_every_selected_incident_with_its_figures_and_source():
    rows = listed(page())
    assert len(rows) == 16
    assert list(rows.columns)[:4] == ["id", "date", "place", "target"]
    totals = rows.set_index("id").loc[TOTALS]
    assert totals["deaths"] == f"{31 + 17 + 145}"
    assert totals["figures"].endswith("(the event's totals)")
    quetta = rows.set_index("id").loc[QUETTA]
    assert quetta["deaths"] == "not reported"
    assert quetta["figures"] == "none reported"
    assert "shared/seed/balochistan-2026-02-01.txt#L8" in quetta["source"]


def test_sorting_by_deaths_puts_the_most_first():
    at = page()
    at.selectbox(key=SORT_KEY).set_value("deaths").run()
    assert listed(at)["id"].iloc[0] == TOTALS


def test_a_search_narrows_the_list_to_the_incidents_holding_every_word():
    at = search(page(), "inmates Mastung")
    assert listed(at)["id"].tolist() == [PRISON]
    captions = " ".join(c.value for c in at.caption)
    assert "1 of the 16 selected incidents hold every word" in captions
    assert listed(search(at, "inmates quetta")).empty
    assert len(listed(search(at, ""))) == 16


def test_a_link_with_q_opens_with_its_search():
    assert listed(page(q="inmates"))["id"].tolist() == [PRISON]


def test_a_link_with_an_overlong_q_is_noted_and_not_searched():
    at = page(q="x" * 10_000)
    notes = " ".join(i.value for i in at.info).replace("\\", "")
    assert "q: the search is 10,000 characters long" in notes
    assert len(listed(at)) == 16
    assert not at.warning  # dropped from the link, so never searched
    assert at.text_input(key=SEARCH_KEY).value == ""


HOSTILE = [
    '"',
    "*",
    "prison*",
    "NOT prison",
    "'; DROP TABLE incidents; --",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "\x00prison",
    "prison\u202e",
    "x" * MAX_SEARCH_CHARS,
]


@pytest.mark.slow
def test_hostile_searches_are_words_or_refused_never_an_error():
    at = page()
    every = set(listed(at)["id"])
    for typed in HOSTILE:
        rows = listed(search(at, typed))
        assert set(rows["id"]) <= every, typed
        if "prison" in typed:  # an operator's word is a word, not syntax
            assert rows["id"].tolist() == [PRISON], typed


def test_too_many_words_are_refused_with_a_reason():
    at = search(page(), " ".join(f"w{n}" for n in range(13)))
    assert "Not searched: the search has 13 words" in at.warning[0].value
    assert len(listed(at)) == 16


def test_a_row_clicked_adds_the_maps_focus_call():
    at = page()
    at.session_state[FOCUS] = (PRISON, "click-1")  # what a click on its row sets
    at.run()
    (element,) = [e for e in at.main if e.type == "component_instance"]
    script = json.loads(element.proto.json_args)["feature_group"]
    (call,) = re.findall(r"IncidentMap\.focus\(\w+, (.*)\);$", script, re.M)
    focus = json.loads(call)
    assert (focus["nonce"], round(focus["lat"], 5)) == ("click-1", 29.79966)
    (data,) = re.findall(r"IncidentMap\.payload\((.*)\);$", script, re.M)
    payload = json.loads(data)
    (marker,) = [m for m in payload["markers"] if m["group"] == focus["group"]]
    assert payload["strings"][marker["place"]] == "Mastung"
    assert 0 <= focus["index"] < focus["count"] == marker["count"]


# --- The edit form -----------------------------------------------------------------


def open_form(at: AppTest, incident_id: str = QUETTA) -> AppTest:
    at.selectbox(key="history_incident").set_value(incident_id).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def save_button(at: AppTest):
    return at.button(key=f"{EDIT}_save")


def said(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")


@pytest.mark.slow
def test_the_form_says_what_will_change_and_saves_a_revision_with_the_reason():
    at = open_form(page())
    assert "Nothing is changed yet" in " ".join(c.value for c in at.caption)
    at.selectbox(key=f"{EDIT}_target_type").set_value("bank").run()
    assert "Target type: Target not reported → Banks" in said(at)
    assert save_button(at).disabled  # no reason yet
    at.text_input(key=f"{EDIT}_why").set_value("a second report").run()
    assert not save_button(at).disabled
    save_button(at).click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Saved as save" in s.value for s in at.success)
    last = store().history(QUETTA)[-1]
    assert (last.kind, last.reason) == ("edit", "a second report")
    assert last.changes == ("target_type: 'not_reported' -> 'bank'",)


WIDGET_EDITS = [
    ("text_input", "place", "Mastung", "place", "Mastung"),
    ("selectbox", "geo_precision", "2", "geo_precision", 2),
    ("selectbox", "target_type", "prison", "target_type", "prison"),
    ("multiselect", "attack_types", ["bombing"], "attack_types", "bombing"),
    ("date_input", "date", dt.date(2026, 2, 2), "date", pd.Timestamp("2026-02-02")),
    ("selectbox", "date_precision", "1", "date_precision", 1),
    ("text_input", "killed_civilians", "3", "killed_civilians", 3),
    ("text_input", "killed_security", "0", "killed_security", 0),
    ("text_input", "killed_attackers", "7", "killed_attackers", 7),
    ("text_input", "killed_unspecified", "2", "killed_unspecified", 2),
    ("text_input", "injured", "11", "injured", 11),
    ("selectbox", "figure_scope", "event", "figure_scope", "event"),
    ("text_input", "source_title", "A later wire", "source_title", "A later wire"),
    ("text_input", "source_publisher", "Dawn", "source_publisher", "Dawn"),
    (
        "date_input",
        "source_date",
        dt.date(2026, 2, 3),
        "source_date",
        pd.Timestamp("2026-02-03"),
    ),
    ("text_input", "source_location", "https://x.test/1", "source_location", None),
    ("text_area", "source_excerpt", "Four died.", "source_excerpt", "Four died."),
    ("text_area", "notes", "<b>{{7*7}}</b>", "notes", "<b>{{7*7}}</b>"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "field", "value", "column", "stored"), WIDGET_EDITS)
def test_each_field_is_saved_from_the_form(kind, field, value, column, stored):
    at = open_form(page())
    getattr(at, kind)(key=f"{EDIT}_{field}").set_value(value).run()
    at.text_input(key=f"{EDIT}_why").set_value("checked").run()
    assert "What will change" in said(at)
    save_button(at).click().run()
    assert not at.exception, [e.message for e in at.exception]
    row = store().frame().set_index("id").loc[QUETTA]
    assert row[column] == (value if stored is None else stored)


INVALID_WIDGET_EDITS = [
    ("text_input", "place", "Atlantis", "is not in the gazetteer"),
    ("text_input", "place", "", "is empty; it is required"),
    ("multiselect", "attack_types", [], "is empty"),
    ("text_input", "killed_civilians", "-3", "is negative"),
    ("text_input", "killed_security", "three", "not a whole number"),
    ("text_input", "injured", "2000000", "more than 1,000,000"),
    ("text_input", "source_title", " ", "missing source"),
    ("text_input", "source_location", "", "missing source"),
    ("text_input", "source_publisher", "a\x1bb", "control character"),
    ("text_area", "source_excerpt", "x" * 10_001, "at most 10000"),
    ("text_area", "notes", "bell \x07", "control character"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "field", "value", "message"), INVALID_WIDGET_EDITS)
def test_an_invalid_field_is_named_and_cannot_be_saved(kind, field, value, message):
    at = open_form(page())
    getattr(at, kind)(key=f"{EDIT}_{field}").set_value(value).run()
    at.text_input(key=f"{EDIT}_why").set_value("checked").run()
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "This cannot be saved yet" in errors
    assert message in errors
    assert save_button(at).disabled
    assert len(store().history(QUETTA)) == 1


def test_an_invalid_count_is_named_before_saving():
    at = open_form(page())
    at.text_input(key=f"{EDIT}_injured").set_value("3.5").run()
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "Injured: '3.5' is not a whole number" in errors
    assert save_button(at).disabled


@pytest.mark.slow
def test_a_point_picked_on_the_map_is_the_records_own(monkeypatch):
    at = open_form(page())
    at.button(key=f"{EDIT}_pick").click().run()
    assert at.session_state["map_picking"][0] == EDIT
    assert "Click the map where it happened" in at.info[-1].value
    # What the map panel records when the browser reports the click:
    at.session_state[PICKED] = {EDIT: (29.9, 66.9)}
    at.run()
    assert "Point: the gazetteer's point for the place → 29.90000, 66.90000" in said(at)
    at.text_input(key=f"{EDIT}_why").set_value("seen on the map").run()
    save_button(at).click().run()
    assert not at.exception, [e.message for e in at.exception]
    row = store().frame().set_index("id").loc[QUETTA]
    assert (row["lat"], row["lon"], row["place"]) == (29.9, 66.9, "Quetta")
    assert (
        store().history(QUETTA)[-1].changes[-1].endswith("29.90000, 66.90000 (pinned)")
    )
