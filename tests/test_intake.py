import datetime as dt

import pandas as pd
import pytest

from components.domain.vocabularies import FigureScope
from components.report import extract
from components.report.intake import (
    codes_of,
    incident_rows,
    label_rows,
    matching_event,
    new_event_id,
    propose,
)
from tests.conftest import SEED_REPORT

TURBAT_PANJGUR = (
    "Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 "
    "policemen; a bomb near a bank in Panjgur injured 7 civilians."
)
REPORT = (
    "TURBAT, Pakistan - 3 March 2026\n"
    "Gunmen attacked a police station in Turbat and a market in Kech district. "
    "Separately, a bank was torched in Balochistan province. "
    "Seven policemen and 3 civilians were killed, and 12 people were injured."
)


def by_target(rows):
    return {(row["place"], row["target_type"]): row for row in rows}


def test_each_incident_is_a_row_with_its_own_figures():
    rows = by_target(propose(extract(TURBAT_PANJGUR)))
    assert set(rows) == {("Turbat", "police_paramilitary"), ("Panjgur", "bank")}
    turbat = rows["Turbat", "police_paramilitary"]
    assert (turbat["killed_security"], turbat["attack_types"]) == ("4", "armed_assault")
    assert turbat["evidence"] == "4 policemen"
    assert turbat["date"] == "2026-03-03"
    panjgur = rows["Panjgur", "bank"]
    assert (panjgur["injured"], panjgur["attack_types"]) == ("7", "bombing")
    assert panjgur["killed_security"] == ""


def test_proposed_rows_save_as_proposed(db_store):
    event = {
        "id": "turbat-2026-03-03",
        "name": "Turbat and Panjgur",
        "date": "2026-03-03",
        "date_precision": "1",
        "admin1": "Balochistan",
        "source_title": "A report",
        "source_location": "pasted text",
    }
    rows = incident_rows(
        propose(extract(TURBAT_PANJGUR)),
        event_id=event["id"],
        date=dt.date(2026, 3, 3),
        date_precision=1,
        source={"source_title": "A report", "source_location": "pasted text"},
        existing=db_store.frame(),
    )
    db_store.add(rows, [event], author="editor@example.org")
    added = {i.place: i for i in db_store.load().incidents if i.event_id == event["id"]}
    assert added["Turbat"].casualties.killed_security == 4
    assert added["Panjgur"].casualties.injured == 7


def test_figures_named_for_no_place_are_the_event_totals():
    rows = propose(extract(REPORT))
    places = by_target(rows)
    assert ("Turbat", "police_paramilitary") in places
    assert ("Kech", "market") in places
    bank = places["Balochistan", "bank"]
    assert (bank["geo_precision"], bank["attack_types"]) == ("3", "facility_attack")
    (totals,) = [r for r in rows if r["figure_scope"] == FigureScope.EVENT]
    assert (
        totals["killed_security"],
        totals["killed_civilians"],
        totals["injured"],
    ) == (
        "7",
        "3",
        "12",
    )
    assert totals["place"] == "Balochistan"
    assert "not added" in totals["notes"]


def test_labels_go_both_ways():
    rows = propose(extract(TURBAT_PANJGUR))
    labelled = label_rows(rows)
    assert labelled[0]["target_type"] == "Police and paramilitary posts"
    assert labelled[0]["attack_types"] == "Armed assault"
    assert [r["target_type"] for r in codes_of(labelled)] == [
        r["target_type"] for r in rows
    ]
    assert [r["attack_types"] for r in codes_of(labelled)] == [
        r["attack_types"] for r in rows
    ]


def test_nothing_found_proposes_nothing():
    assert propose(extract("The weather was mild and the roads were quiet.")) == []


def test_an_event_with_the_same_date_and_places_is_offered(seed_frame, seed):
    found = extract("Militants attacked a prison in Mastung on 1 February 2026.")
    match = matching_event(found, seed_frame, seed.events)
    assert match is not None
    assert match.event_id == "balochistan-2026-02-01"
    assert "Mastung" in match.reason
    assert "1 Feb 2026" in match.reason
    later = extract(TURBAT_PANJGUR)
    assert matching_event(later, seed_frame, seed.events) is None


@pytest.mark.skipif(not SEED_REPORT.exists(), reason=f"{SEED_REPORT} is not present")
def test_seed_proposal_matches_the_hand_encoded_ties():
    rows = propose(extract(SEED_REPORT.read_text(encoding="utf-8")))
    places = by_target(rows)
    assert {("Mastung", "prison"), ("Noshki", "police_paramilitary")} <= set(places)
    assert ("Gwadar", "not_reported") in places
    (totals,) = [r for r in rows if r["figure_scope"] == FigureScope.EVENT]
    assert (totals["place"], totals["geo_precision"]) == ("Balochistan", "3")
    assert (totals["killed_civilians"], totals["killed_attackers"]) == ("31", "145")
    assert "at least 145 attackers" in totals["notes"]


def test_rows_get_ids_event_date_and_source(seed_frame):
    rows = incident_rows(
        [{"place": "Quetta", "target_type": "market", "killed_civilians": 2.0}],
        event_id="balochistan-2026-02-01",
        date=dt.date(2026, 2, 1),
        date_precision=1,
        source={"source_title": "Later report", "source_date": "2026-02-03"},
        existing=seed_frame,
    )
    (row,) = rows
    assert row["id"].startswith("balochistan-2026-02-01-")
    assert (row["date"], row["killed_civilians"]) == ("2026-02-01", "2")
    assert row["figure_scope"] == FigureScope.INCIDENT


def test_new_totals_revise_the_events_totals(seed_frame):
    (row,) = incident_rows(
        [
            {
                "place": "Balochistan",
                "target_type": "not_reported",
                "killed_civilians": 33,
                "figure_scope": FigureScope.EVENT,
            }
        ],
        event_id="balochistan-2026-02-01",
        date=dt.date(2026, 2, 1),
        date_precision=2,
        source={"source_title": "Later report", "source_date": "2026-02-03"},
        existing=seed_frame,
    )
    assert row["revises"] == "balochistan-2026-02-01-province-totals"


def test_new_event_ids_do_not_collide():
    taken = {"gwadar-attack-2026-03-01"}
    assert new_event_id("Gwadar attack", dt.date(2026, 3, 1), taken) == (
        "gwadar-attack-2026-03-01-2"
    )


def test_blank_cells_stay_blank():
    (row,) = incident_rows(
        [{"place": "Quetta", "target_type": "market", "killed_civilians": pd.NA}],
        event_id="e",
        date=dt.date(2026, 2, 1),
        date_precision=1,
        source={},
        existing=pd.DataFrame(
            columns=["id", "event_id", "current", "place", "place_reported"]
        ),
    )
    assert row["killed_civilians"] == ""


ZARBASTI_REPORT = (
    "QUETTA, 5 March 2026: Gunmen attacked a police post in the Zarbasti area of "
    "Kech district on Tuesday, killing three policemen, officials said."
)


def test_an_unplaced_name_is_proposed_at_its_wider_place_and_saves(db_store):
    (row,) = propose(extract(ZARBASTI_REPORT))
    kech = db_store.gazetteer.get("Kech District")
    assert row["place"] == "Zarbasti"
    assert (float(row["lat"]), float(row["lon"])) == kech.point
    assert row["geo_precision"] == "2"
    assert "'Zarbasti' is not in the gazetteer: kept at Kech (district" in row["notes"]
    saved = _saved(db_store, row, "zarbasti-2026-03-04")
    assert (saved.place, saved.lat, saved.geo_precision) == ("Zarbasti", kech.lat, 2)


def _saved(db_store, row, event_id):
    """The one proposed ``row`` saved as a new event's incident, as loaded."""
    from components.domain.review import NewEvent, ReviewSource

    source = ReviewSource("A report", "pasted text", date=dt.date(2026, 3, 5))
    event = NewEvent(event_id, row["place"], dt.date(2026, 3, 4), 1)
    rows = incident_rows(
        [row],
        event_id=event.id,
        date=event.date,
        date_precision=1,
        source=source.cells(),
        existing=db_store.frame(),
    )
    db_store.add(rows, [event.row(source)], author="editor@example.org")
    (saved,) = [i for i in db_store.load().incidents if i.event_id == event.id]
    return saved


SITE_REPORTS = [
    (
        "CHARSADDA, 20 January 2016: Terrorists stormed Bacha Khan University in "
        "Charsadda on Wednesday morning, killing 20 people, officials said.",
        "Bacha Khan University",
        "Charsadda",
    ),
    (
        "KOHAT, 5 March 2026: Militants attacked a checkpost close to Lachi Toll "
        "Plaza on Tuesday, killing three policemen.",
        "Lachi Toll Plaza",
        "Lachi",
    ),
]


@pytest.mark.parametrize(("text", "site", "town"), SITE_REPORTS)
def test_a_site_in_a_town_is_proposed_as_the_town_and_saves(db_store, text, site, town):
    (row,) = [r for r in propose(extract(text)) if site in r["notes"]]
    assert row["place"] == town
    assert (
        f"Reported as '{site}', in {town}; placed at {town}'s point." in (row["notes"])
    )
    saved = _saved(db_store, row, "site-2026-03-04")
    point = db_store.gazetteer.get(town)
    assert (saved.place, saved.lat, saved.geo_precision) == (town, point.lat, 1)
