"""The report review as Streamlit runs it: the rows a report gives, a name the
gazetteer does not know placed by typed coordinates or a district into the team
gazetteer, later reports that find it, and what the page says when reading is
cut short. (A click on the review's map needs a browser: tests/browser.)"""

from __future__ import annotations

import json
import shutil
import time

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.domain.vocabularies import TARGET_TYPES
from components.report import extract
from components.store import DATA_DIR_VARIABLE, open_store
from tests.conftest import ROOT
from tests.harness.report_scoring import CORPUS
from tests.harness.slow_jobs import never_done
from tests.test_app import run_app

INVENTED = (
    "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat late on "
    "Monday, killing four policemen and injuring two, officials said. In a separate "
    "attack in Panjgur, a roadside bomb struck a Frontier Corps vehicle, killing two "
    "soldiers. Three attackers were killed in the exchange of fire in Turbat. Last "
    "year, 14 soldiers were killed in a similar attack in Kech."
)
ZARBASTI = (
    "QUETTA, 5 March 2026: Gunmen attacked a police post in the Zarbasti area of "
    "Kech district on Tuesday, killing three policemen, officials said."
)
ZARBASTI_AGAIN = (
    "TURBAT, 9 March 2026: A roadside bomb struck a Levies vehicle in Zarbasti on "
    "Sunday, killing two Levies personnel."
)


@pytest.fixture
def data(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(copy))
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")
    return copy


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="report_text").set_value(text).run()
    at.button(key="report_extract").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def proposed(at: AppTest) -> pd.DataFrame:
    (editor,) = [d for d in at.dataframe if "evidence" in d.value.columns]
    return editor.value


def said(at: AppTest) -> str:
    """The page's Markdown as a person reads it (its escapes removed)."""
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def test_the_invented_report_gives_turbat_and_panjgur(data):
    at = paste(run_app(), INVENTED)
    rows = proposed(at).set_index("place")
    assert sorted(rows.index) == ["Panjgur", "Turbat"]  # Kech is background only
    turbat, panjgur = rows.loc["Turbat"], rows.loc["Panjgur"]
    assert turbat["killed_security"] == 4
    assert turbat["injured"] == 2
    assert turbat["killed_attackers"] == 3
    assert turbat["target_type"] == TARGET_TYPES["police_paramilitary"].label
    assert str(turbat["date"]) == "2026-03-02"
    assert panjgur["killed_security"] == 2
    assert panjgur["target_type"] == TARGET_TYPES["frontier_corps_hq"].label
    assert at.date_input(key="report_event_date").value.isoformat() == "2026-03-02"
    assert "1 sentence(s) about earlier events" in said(at)
    assert "14 soldiers" in at.checkbox[0].label


def test_the_places_the_scene_model_takes_away_are_said_and_can_be_put_back(data):
    """Report 368 (a CRPF party ambushed near Burkapal in Sukma), pasted: of the
    district of Bastar and the capitals where officials spoke, those the shipped
    weights take away are said to be read as the news's setting, with no row; a
    tick proposes one again, and taking the tick away takes it back."""
    case = json.loads(
        (CORPUS / "368-sukma-burkapal-crpf-road-opening-party-ambush.json").read_text()
    )
    read = extract(case["text"])
    kept = {i.place.name for i in read.incidents}
    setting = sorted({"Bastar", "Delhi", "Raipur"} - kept)
    assert setting, "the shipped scene model takes none of the setting away"
    at = paste(run_app(), case["text"])
    assert not set(setting) & set(proposed(at)["place"])
    count = len(setting)
    assert f"{count} place(s) named in the news but not proposed" in said(at)
    boxes = {box.label: box for box in at.checkbox}
    for name in setting:
        assert f"{name} was attacked: propose it" in boxes
    back = setting[-1]
    boxes[f"{back} was attacked: propose it"].check().run()
    assert back in set(proposed(at)["place"])
    assert f"{count - 1} place(s) named in the news but not proposed" in said(at)
    boxes = {box.label: box for box in at.checkbox}
    boxes[f"{back} was attacked: propose it"].uncheck().run()
    assert not set(setting) & set(proposed(at)["place"])
    assert f"{count} place(s) named in the news but not proposed" in said(at)


def test_a_proposed_place_the_scene_model_doubts_is_named_to_check_first(data):
    """Report 062 (Gharibabad in Noshki, Malangzai in Kalat): the rules also
    propose Balochistan, which the scene model doubts; the review says so."""
    case = json.loads(
        (CORPUS / "062-noshki-gharibabad-kalat-malangzai-attacks.json").read_text()
    )
    at = paste(run_app(), case["text"])
    assert "Balochistan" in set(proposed(at)["place"])
    assert "Check first: the scene model doubts 1 proposed place(s)" in said(at)
    assert "Balochistan (0.0" in said(at)


def test_a_sentence_the_background_model_reads_as_earlier_says_so(data):
    """Report 234: 'Earlier, a police official ... was martyred' in Lachi is
    background by the model's reading alone, and its box says so."""
    case = json.loads(
        (
            CORPUS / "234-kohat-shehzadi-banda-lachi-shakardara-police-attacks.json"
        ).read_text()
    )
    at = paste(run_app(), case["text"])
    (box,) = [b for b in at.checkbox if "Earlier, a police official" in b.label]
    assert box.label.endswith("(the background model's reading)")


def test_an_unknown_village_is_placed_by_coordinates_and_used_again(data):
    at = paste(run_app(), ZARBASTI)
    assert "1 name(s) the gazetteer does not know" in said(at)
    assert "proposed at **Kech** (district precision) meanwhile" in said(at)
    (row,) = proposed(at).to_dict("records")
    assert row["place"] == "Zarbasti"
    assert row["geo_precision"] == "2"
    at.number_input(key="place_lat_zarbasti").set_value(26.12345).run()
    at.number_input(key="place_lon_zarbasti").set_value(63.21).run()
    at.button(key="place_at_point_zarbasti").click().run()
    assert not at.exception, [e.message for e in at.exception]
    store, _ = open_store(data)
    (placed,) = store.team_places()
    assert (placed.name, placed.draft.lat, placed.draft.lon) == (
        "Zarbasti",
        26.12345,
        63.21,
    )
    assert (placed.draft.admin1, placed.draft.district) == ("Balochistan", "Kech")
    assert placed.draft.country == "PK"
    assert "(no sign-in)" in placed.author
    assert "pasted text" in placed.source
    assert any("Placed Zarbasti at 26.12345, 63.21000" in s.value for s in at.success)
    # Read again: the name is known, at town precision, and says who added it.
    assert "the gazetteer does not know" not in said(at)
    assert f"**Zarbasti** is from the team gazetteer: added by {placed.author}" in (
        said(at)
    )
    (row,) = proposed(at).to_dict("records")
    assert (row["place"], row["geo_precision"]) == ("Zarbasti", "1")
    at.button(key="report_add").click().run()
    assert not at.exception, [e.message for e in at.exception]
    saved = open_store(data)[0].frame()
    (incident,) = saved[saved["place"] == "Zarbasti"].to_dict("records")
    assert (incident["lat"], incident["lon"]) == (26.12345, 63.21)
    assert incident["geo_precision"] == 1
    assert incident["killed_security"] == 3
    # A later report names it: placed without asking, with who added it.
    at = paste(at, ZARBASTI_AGAIN)
    assert "the gazetteer does not know" not in said(at)
    assert f"added by {placed.author}" in said(at)
    (row,) = proposed(at).to_dict("records")
    assert (row["place"], row["geo_precision"]) == ("Zarbasti", "1")


@pytest.mark.slow
def test_a_village_placed_in_its_district_only_keeps_district_precision(data):
    at = paste(run_app(), ZARBASTI_AGAIN)
    assert "proposed at **Balochistan** (province precision) meanwhile" in said(at)
    district = at.selectbox(key="place_district_zarbasti")
    assert district.value is None  # the text names no district
    assert {"Kech", "Quetta", "Panjgur"} <= set(district.options)
    district.set_value("Kech").run()
    at.button(key="place_in_district_zarbasti").click().run()
    assert not at.exception, [e.message for e in at.exception]
    store, _ = open_store(data)
    (placed,) = store.team_places()
    kech = store.gazetteer.get("Kech District")
    assert (placed.draft.lat, placed.draft.lon) == kech.point
    assert int(placed.draft.precision) == 2
    assert (placed.draft.district, placed.draft.admin1) == ("Kech", "Balochistan")
    (row,) = proposed(at).to_dict("records")
    assert (row["place"], row["geo_precision"]) == ("Zarbasti", "2")


def test_the_place_box_of_the_map_finds_a_team_place(data):
    from components.domain.team_places import make_draft
    from components.ui.map_panel import PLACE_KEY, TARGET

    store, _ = open_store(data)
    store.place(
        make_draft("Zarbasti", 26.5, 63.5, 1, country="PK"),
        author="a@example.org",
        source="r",
    )
    at = run_app()
    at.text_input(key=PLACE_KEY).set_value("Zarbasti").run()
    assert not at.exception, [e.message for e in at.exception]
    view = at.session_state[TARGET]
    assert (view.lat, view.lon, view.zoom) == (26.5, 63.5, 11)


@pytest.mark.slow
def test_a_reading_past_its_time_says_so_and_proposes_nothing(data, monkeypatch):
    from components.ui import report_reading

    monkeypatch.setattr(report_reading, "read_for_review", never_done)
    monkeypatch.setattr(report_reading, "READ_LIMIT_S", 1.0)
    started = time.perf_counter()
    at = paste(run_app(), INVENTED)
    (error,) = at.error
    assert "took longer than 1 seconds, so it was stopped" in error.value
    assert time.perf_counter() - started < 60
    assert not [d for d in at.dataframe if "evidence" in d.value.columns]


@pytest.mark.slow
def test_a_text_longer_than_the_window_says_what_was_read(data):
    filler = "Officials met in Quetta to discuss the budget. " * 300
    at = paste(run_app(), INVENTED + "\n" + filler)
    assert any("the rest was not read" in w.value for w in at.warning)


def test_an_attack_on_a_named_site_is_summed_up_at_its_town(data):
    at = paste(
        run_app(),
        "CHARSADDA, 20 January 2016: Terrorists stormed Bacha Khan University in "
        "Charsadda on Wednesday morning, killing 20 people, officials said.",
    )
    assert "**1 place(s)** attacked: Bacha Khan University (Charsadda)" in said(at)
    assert "Charsadda" in set(proposed(at)["place"])


KASHAP = (
    "QUETTA, 5 March 2026: Gunmen rounded up Kashap's villagers on Tuesday and shot "
    "dead six of them in Kech district, officials said."
)


def test_a_place_the_reader_missed_is_named_then_placed(data):
    at = paste(run_app(), KASHAP)
    assert "Kashap" not in said(at)  # neither proposed nor listed
    assert (
        "**0 place(s)** attacked: —; no finer place named for the figures at Kech "
        "(district): 6 civilians killed" in said(at)
    )
    at.text_input(key="missed_place_name").set_value("Atlantis")
    at.button(key="missed_place_list").click().run()
    warned = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "'Atlantis' is not in the report's text" in warned
    at.text_input(key="missed_place_name").set_value("kashap")
    at.button(key="missed_place_list").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "**Kashap**: named by you as a place the reader missed" in said(at)
    at.number_input(key="place_lat_kashap").set_value(26.3).run()
    at.number_input(key="place_lon_kashap").set_value(62.9).run()
    at.button(key="place_at_point_kashap").click().run()
    assert not at.exception, [e.message for e in at.exception]
    (placed,) = open_store(data)[0].team_places()
    assert (placed.name, placed.draft.lat, placed.draft.lon) == ("Kashap", 26.3, 62.9)
    assert placed.draft.admin1 == "Balochistan"
    assert any("Placed Kashap at 26.30000, 62.90000" in s.value for s in at.success)
    # read again, the name is known: no longer to place, and proposed
    assert "named by you" not in said(at)
    (row,) = proposed(at).to_dict("records")
    assert (row["place"], row["geo_precision"]) == ("Kashap", "1")
