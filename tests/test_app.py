"""The dashboard as Streamlit runs it (AppTest runs no JavaScript: the map is
checked through the script streamlit-folium would send to the browser)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
import tomllib

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.gazetteer import default_gazetteer
from components.store import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE, open_store
from components.ui.sidebar import (
    ATTACK_TYPES_KEY,
    DATES_KEY,
    LAYERS_KEY,
    PLACES_KEY,
    TARGET_TYPES_KEY,
)
from tests.conftest import GOOD_INCIDENT, ROOT, TEST_DATA
from tests.harness.synthetic_data import write_synthetic

MASTUNG = (29.79966, 66.84553)
QUETTA = (30.18414, 67.00141)


def whole_page(at: AppTest) -> AppTest:
    """Run again, as the map's first report of its view does in a browser: a
    session's first run draws the page down to the map only."""
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def run_app() -> AppTest:
    return whole_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run())


def map_args(at: AppTest) -> dict:
    (element,) = [e for e in at.main if e.type == "component_instance"]
    return json.loads(element.proto.json_args)


def payload(at: AppTest) -> dict:
    """The payload the map script draws (see components.map.contract)."""
    script = map_args(at)["feature_group"]
    (call,) = re.findall(r"IncidentMap\.payload\((.*)\);$", script, re.M)
    return json.loads(call)


def incident_groups(at: AppTest) -> list[dict]:
    """Every marker the map script draws."""
    return payload(at)["markers"]


def marker_points(at: AppTest) -> set[tuple[float, float]]:
    return {(m["lat"], m["lon"]) for m in incident_groups(at)}


def rows_at(at: AppTest, point: tuple[float, float]) -> int:
    return sum(m["count"] for m in incident_groups(at) if (m["lat"], m["lon"]) == point)


def incident_table(at: AppTest) -> pd.DataFrame:
    """The incident table (with several events, a table of events comes first;
    the incident list, with its own columns, before it)."""
    return next(d for d in at.dataframe if "target_label" in d.value.columns).value


def table_places(at: AppTest) -> list[str]:
    """The places of the incident table."""
    return incident_table(at)["place"].tolist()


@pytest.fixture(scope="module")
def app() -> AppTest:
    return run_app()


def test_app_runs_and_shows_the_report_totals(app):
    values = {metric.label: metric.value for metric in app.metric}
    assert values["Civilians killed"] == "31"
    assert values["Security forces killed"] == "17"
    assert values["Attackers killed"] == "145"
    assert values["Cities and towns hit"] == "5 named of at least 12"
    assert values["Period"] == "40 hours"
    period = next(m for m in app.metric if m.label == "Period")
    assert period.help.replace("\\", "").startswith(
        "The source gives the period as 40 hours of counter-operations (line 23)."
    )
    assert "Province-wide total" in app.metric[0].help


def test_a_sessions_first_run_draws_the_map_and_figures_before_the_rest():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    assert {m.label: m.value for m in at.metric}["Civilians killed"] == "31"
    assert len([e for e in at.main if e.type == "component_instance"]) == 1
    assert not [d for d in at.dataframe if "place" in d.value.columns]
    assert not at.expander
    whole_page(at)
    assert set(table_places(at))
    assert at.expander


@pytest.mark.parametrize("data", ["seed", "many days", "two events"])
def test_the_first_run_draws_the_filters_and_playback_later(
    data, tmp_path, monkeypatch
):
    if data != "seed":
        write_synthetic(tmp_path, 300)  # one event over many days
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    if data == "two events":  # and the seed's later one: shown by default
        seed_events = pd.read_csv(ROOT / "data" / "events.csv", dtype=str)
        events = pd.read_csv(tmp_path / "events.csv", dtype=str)
        pd.concat([events, seed_events]).to_csv(tmp_path / "events.csv", index=False)
        for file in (ROOT / "data" / "incidents").glob("*.csv"):
            shutil.copy(file, tmp_path / "incidents" / file.name)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    widgets = (at.multiselect, at.select_slider, at.toggle, at.text_input)
    assert [len(found) for found in widgets] == [0, 0, 0, 0]
    assert "The filters come once the map is drawn." in [c.value for c in at.caption]
    first = payload(at)
    whole_page(at)
    assert at.multiselect(key=PLACES_KEY).value == []
    assert at.text_input(key="go_to_place")  # the map's place box
    assert len(at.select_slider) == (data == "many days")  # the playback
    # The widgets' defaults are what the first run chose: the same map.
    assert payload(at)["id"] == first["id"]
    assert payload(at)["markers"] == first["markers"]


def test_go_to_a_place_moves_the_map_and_names_what_it_cannot_find():
    at = run_app()
    kalat = default_gazetteer().match("Kalat").place
    at.text_input(key="go_to_place").set_value("Kalat").run()
    args = map_args(at)
    assert (args["zoom"], args["center"]) == (11, [kalat.lat, kalat.lon])
    at.text_input(key="go_to_place").set_value("Nowhereville").run()
    assert "'Nowhereville' is not in the gazetteer." in [t.value for t in at.toast]
    assert map_args(at)["center"] == [kalat.lat, kalat.lon]


def test_a_link_that_chooses_a_view_gets_the_filters_in_the_first_run():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["place"] = "Mastung"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.multiselect(key=PLACES_KEY).value == ["Mastung"]
    assert marker_points(at) == {MASTUNG}
    assert not [d for d in at.dataframe if "place" in d.value.columns]


def test_about_shows_the_source_path_as_written(app):
    markdown = " ".join(m.value for m in app.markdown)
    assert "`shared/seed/balochistan-2026-02-01.txt#L8`" in markdown
    assert "balochistan\\-2026" not in markdown


def test_map_shows_every_row_and_lists_every_layer(app):
    args = map_args(app)
    assert args["returned_objects"] == ["zoom", "center", "bounds", "last_clicked"]
    assert len(table_places(app)) == 16
    assert MASTUNG in marker_points(app)
    codes = [t["code"] for t in payload(app)["types"]]
    assert "frontier_corps_hq" in codes
    assert "Frontier Corps headquarters" in app.multiselect(key=LAYERS_KEY).options


def test_choosing_mastung_leaves_only_mastung():
    at = run_app()
    at.multiselect(key=PLACES_KEY).set_value(["Mastung"]).run()
    assert table_places(at) == ["Mastung"]
    assert marker_points(at) == {MASTUNG}
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Civilians killed"] == "Not reported"
    assert "31 for the province as a whole" in at.metric[0].help
    assert values["Cities and towns hit"] == "1 named of at least 12"


def test_choosing_prison_leaves_only_the_prison():
    at = run_app()
    at.multiselect(key=TARGET_TYPES_KEY).set_value(["prison"]).run()
    frame = incident_table(at)
    assert frame["target_label"].tolist() == ["Prison"]
    assert marker_points(at) == {MASTUNG}


def test_attack_filter_and_clearing_filters():
    at = run_app()
    at.multiselect(key=ATTACK_TYPES_KEY).set_value(["bombing"]).run()
    assert table_places(at) == ["Balochistan"]
    at.button(key="clear_filters").click().run()
    assert len(table_places(at)) == 16
    assert QUETTA in marker_points(at)


def test_no_match_says_so():
    at = run_app()
    at.multiselect(key=PLACES_KEY).set_value(["Gwadar"]).run()
    at.multiselect(key=TARGET_TYPES_KEY).set_value(["prison"]).run()
    assert any("No incidents match" in info.value for info in at.info)
    assert marker_points(at) == set()


def test_hostile_data_is_shown_as_text(monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(TEST_DATA / "hostile"))
    at = run_app()
    script = map_args(at)["feature_group"]
    assert "<img src=x" not in script
    assert "\\u003cimg src=x onerror=alert(1)\\u003e `${alert(1)}`" in script
    markdown = " ".join(m.value for m in at.markdown)
    assert "<img" not in markdown.replace("\\<img", "")


def test_bad_rows_are_listed_on_screen(monkeypatch, write_data):
    directory = write_data({**GOOD_INCIDENT, "target_type": "mosque"})
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(directory))
    at = run_app()
    assert "1 problem(s) kept rows" in at.error[0].value
    assert "field 'target_type': unknown target type 'mosque'" in at.code[0].value


@pytest.mark.slow
def test_a_pasted_report_is_reviewed_and_added(
    tmp_path, monkeypatch, anonymous_writing
):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    at = run_app()
    gwadar = (25.12163, 62.32541)
    before = rows_at(at, gwadar)
    at.text_area(key="report_text").set_value(
        "QUETTA - 2 February 2026\nA grenade hit a market in Gwadar, killing 4 "
        "civilians <img src=x onerror=alert(1)>."
    ).run()
    at.button(key="report_extract").click().run()
    assert not at.exception
    at.radio(key="report_event_choice").set_value("A new event").run()
    at.text_input(key="report_event_name").set_value("Gwadar market grenade").run()
    at.button(key="report_add").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Added 1 row(s)" in s.value for s in at.success)
    places = table_places(at)
    assert places.count("Gwadar") == 2  # the seed's row, and the market with figures
    saved = open_store(data)[0].frame()
    assert len(saved[(saved["place"] == "Gwadar") & (saved["target_type"] == "market")])
    assert rows_at(at, gwadar) == before + 1
    assert "Civilians killed: 4" in map_args(at)["feature_group"]


@pytest.mark.slow
def test_a_two_place_report_is_added_as_proposed_into_a_new_event(
    tmp_path, monkeypatch, anonymous_writing
):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    at = run_app()
    at.text_area(key="report_text").set_value(
        "Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 "
        "policemen; a bomb near a bank in Panjgur injured 7 civilians."
    ).run()
    at.button(key="report_extract").click().run()
    assert at.radio(key="report_event_choice").value == "A new event"
    at.button(key="report_add").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Added 2 row(s)" in s.value for s in at.success)
    dataset = open_store(data)[0].load()
    new = [i for i in dataset.incidents if i.event_id != "balochistan-2026-02-01"]
    by_place = {i.place: i for i in new}
    assert by_place["Turbat"].target_type == "police_paramilitary"
    assert by_place["Turbat"].attack_types == ("armed_assault",)
    assert by_place["Turbat"].casualties.killed_security == 4
    assert by_place["Panjgur"].target_type == "bank"
    assert by_place["Panjgur"].attack_types == ("bombing",)
    assert by_place["Panjgur"].casualties.injured == 7
    (event,) = [e for e in dataset.events.values() if e.id == new[0].event_id]
    assert event.date.isoformat() == "2026-03-03"
    assert {i.date.isoformat() for i in new} == {"2026-03-03"}


def test_binary_upload_text_is_refused_with_a_message(
    monkeypatch, tmp_path, anonymous_writing
):
    at = run_app()
    at.text_area(key="report_text").set_value("\x00\x01 garbage").run()
    at.button(key="report_extract").click().run()
    assert any("is not text" in e.value for e in at.error)


def test_revised_figures_show_the_latest_and_the_earlier(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    later = {
        **GOOD_INCIDENT,
        "id": "later-totals",
        "event_id": "balochistan-2026-02-01",
        "revises": "balochistan-2026-02-01-province-totals",
        "place": "Balochistan",
        "target_type": "not_reported",
        "attack_types": "not_reported",
        "killed_civilians": "33",
        "killed_attackers": "",
        "source_title": "A later report",
        "source_date": "2026-02-02",
    }
    open_store(data)[0].add([later], author="test@example.org")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    at = run_app()
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Civilians killed"] == "33"
    assert values["Attackers killed"] == "145"
    assert "Earlier report: 31" in at.metric[0].help
    captions = " ".join(caption.value for caption in at.caption)
    assert "civilians killed now 33, earlier 31" in captions


def test_date_slider_narrows_table_map_and_figures(tmp_path, monkeypatch):
    write_synthetic(tmp_path, 300)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    at = run_app()
    assert len(incident_table(at)) == 300
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    at.slider(key=DATES_KEY).set_value(
        (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    ).run()
    march = incident_table(at)
    assert 0 < len(march) < 300
    assert march["date"].between("2025-03-01", "2025-03-31").all()
    assert sum(m["count"] for m in incident_groups(at)) == len(march)
    assert "SYNTHETIC" in " ".join(m.value for m in at.markdown)


def run_link(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return whole_page(at.run())


def test_a_link_opens_the_filtered_view():
    # Links carry the labels the filters show.
    at = run_link(place="Mastung", target=["Prison", "Police and paramilitary posts"])
    assert at.multiselect(key=PLACES_KEY).value == ["Mastung"]
    targets = at.multiselect(key=TARGET_TYPES_KEY).value
    assert sorted(targets) == ["police_paramilitary", "prison"]
    assert set(table_places(at)) == {"Mastung"}
    assert marker_points(at) == {MASTUNG}
    assert not [i for i in at.info if "link" in i.value]


def test_a_link_sets_the_map_view_and_layers():
    at = run_link(map="8/29.8/66.85", layers="prison,deaths")
    args = map_args(at)
    assert '"zoom": 8' in args["script"] or "zoom: 8" in args["script"]
    hidden = payload(at)["hidden"]
    assert "names" in hidden
    assert "heat" in hidden
    assert "prison" not in hidden
    assert at.multiselect(key=LAYERS_KEY).value == ["prison", "deaths"]


def test_a_malformed_link_is_ignored_with_a_note():
    at = run_link(place=["Atlantis", "Quetta"], map="nowhere", colour="red")
    (note,) = [i.value for i in at.info if "link were ignored" in i.value]
    assert "Atlantis" in note
    assert "map" in note
    assert "colour" in note
    assert at.multiselect(key=PLACES_KEY).value == ["Quetta"]
    assert set(table_places(at)) == {"Quetta"}


def test_the_view_downloads_as_csv_geojson_and_a_map_file(app):
    labels = [button.label for button in app.get("download_button")]
    for kind in ("CSV", "GeoJSON", "map, HTML"):
        assert f"Download these 16 ({kind})" in labels


def test_places_the_gazetteer_cannot_place_are_listed_in_one_warning(
    monkeypatch, write_data
):
    directory = write_data(
        GOOD_INCIDENT,
        {**GOOD_INCIDENT, "id": "unknown-1", "place": "Mastng"},
        {**GOOD_INCIDENT, "id": "unknown-2", "place": "Mastng"},
    )
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(directory))
    at = run_app()
    (warning,) = [w for w in at.warning if "could not be placed" in w.value]
    assert "1 place name(s) in the data could not be placed" in warning.value
    assert "Mastng" in warning.value
    assert "Closest known: Mastung" in warning.value
    assert r"row 2 \(line 3\)" in warning.value  # Markdown-escaped
    assert r"row 3 \(line 4\)" in warning.value
    assert not at.error, "not repeated as generic row errors"
    (rows,) = [frame.value for frame in at.dataframe if "where" in frame.value]
    assert rows["id"].tolist() == ["unknown-1", "unknown-2"]
    (table,) = [frame.value for frame in at.dataframe if "lat" in frame.value]
    assert table["place"].tolist() == ["Quetta"]
    assert marker_points(at) == {QUETTA}, "no location is guessed"


SEED_EVENT = "Coordinated attacks across Balochistan (1 Feb 2026)"


def link_note(at: AppTest) -> str | None:
    """The note on what the link asked for that the page ignores, if any (as
    shown: the Markdown's escapes taken out)."""
    notes = [i.value for i in at.info if "link were ignored" in i.value]
    assert len(notes) <= 1
    return notes[0].replace("\\", "") if notes else None


@pytest.mark.parametrize(
    ("params", "key", "chosen"),
    [
        ({"event": SEED_EVENT}, "event", ["balochistan-2026-02-01"]),
        ({"event": "balochistan-2026-02-01"}, "event", ["balochistan-2026-02-01"]),
        # The sidebar's own form of the layers: one label per value.
        ({"layers": ["Deaths", "Heat map"]}, LAYERS_KEY, ["deaths", "heat"]),
        # Links written before the sidebar chose the layers.
        ({"layers": "prison,heat"}, LAYERS_KEY, ["prison", "heat"]),
        ({"place": "Balochistan"}, PLACES_KEY, ["Balochistan"]),
        ({"target": "prison", "projector": "true"}, TARGET_TYPES_KEY, ["prison"]),
    ],
)
def test_a_link_the_page_can_follow_gets_no_note(params, key, chosen):
    at = run_link(**params)
    assert link_note(at) is None
    assert at.multiselect(key=key).value == chosen


def test_a_link_choosing_layers_by_label_draws_those():
    at = run_link(layers=["Deaths", "Heat map"])
    hidden = set(payload(at)["hidden"])
    assert "deaths" not in hidden
    assert "heat" not in hidden
    assert {"names", "prison"} <= hidden


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"event": "no-such-event"}, "event 'no-such-event' is not in the data."),
        ({"event": ["Atlantis raid (1 Jan 2026)", SEED_EVENT]}, "event 'Atlantis raid"),
        ({"layers": ["Deaths", "Lasers"]}, "layer 'Lasers' is not on this map."),
        ({"layers": "prison,lasers"}, "layer 'lasers' is not on this map."),
        ({"projector": "yes"}, "projector 'yes': expected true or false."),
    ],
)
def test_a_link_the_page_cannot_follow_gets_a_note(params, shown):
    note = link_note(run_link(**params))
    assert note is not None
    assert shown in note


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (  # no server on that port
            "postgresql+psycopg://nobody:hunter2@127.0.0.1:1/incidents",
            [
                "postgresql+psycopg://nobody:***@127.0.0.1:1/incidents",
                "Connection refused",
                "server is running",
            ],
        ),
        (  # a scheme SQLAlchemy has no dialect for
            "mongodb://nobody:hunter2@127.0.0.1/incidents",
            [
                "mongodb://nobody:***@127.0.0.1/incidents",
                "mongodb",
                "server is running",
            ],
        ),
        (  # not a URL at all
            "nobody:hunter2@somewhere",
            ["`nobody:***@somewhere`", "URL cannot be read", "server is running"],
        ),
        (  # a port that is not a number
            "postgresql://nobody:hunter2@127.0.0.1:five/incidents",
            ["postgresql://nobody:***@127.0.0.1:five/incidents"],
        ),
        (  # a file that is not an SQLite database
            "sqlite:///{garbage}",
            ["file is not a database", "may read and write the file it names"],
        ),
    ],
)
def test_a_database_that_cannot_be_opened_is_said_not_raised(
    url, said, tmp_path, monkeypatch, caplog
):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("not a database\n" * 100)
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url.format(garbage=garbage))
    logs = logging.getLogger("components")
    logs.addHandler(caplog.handler)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    finally:
        logs.removeHandler(caplog.handler)
    assert not at.exception, [e.message for e in at.exception]
    (error,) = at.error
    assert "The incident database could not be opened" in error.value
    assert DATABASE_URL_VARIABLE in error.value
    for part in said:
        assert part in error.value
    assert "hunter2" not in error.value
    assert not at.metric, "the page stops at the message"
    assert not [e for e in at.main if e.type == "component_instance"]
    (record,) = [r for r in caplog.records if "cannot open" in r.getMessage()]
    assert record.exc_info is not None  # the whole exception, for whoever runs it
    assert "hunter2" not in record.getMessage()


def test_the_default_database_file_is_named_when_it_cannot_be_opened(
    tmp_path, monkeypatch
):
    monkeypatch.delenv(DATABASE_URL_VARIABLE)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    (tmp_path / "user").mkdir()
    (tmp_path / "user" / "incidents.sqlite").write_text("not a database\n" * 100)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    (error,) = at.error
    assert str(tmp_path / "user" / "incidents.sqlite") in error.value
    assert "file is not a database" in error.value
    assert "may read and write that file and its folder" in error.value
    assert not at.metric


def test_the_import_panel_says_the_upload_limit_the_config_sets(anonymous_writing):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit = config["server"]["maxUploadSize"]
    captions = [caption.value for caption in run_app().caption]
    assert f"Files up to {limit:,} MB (the server's upload limit)." in " ".join(
        captions
    )
    assert any("python -m components.store import FILE" in c for c in captions)
