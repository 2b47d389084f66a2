import datetime as dt

import pytest

from components.intake import incident_rows, new_event_id, propose
from components.report import extract
from tests.conftest import SEED_REPORT

REPORT = (
    "TURBAT, Pakistan - 3 March 2026\n"
    "Gunmen attacked a police station in Turbat and a market in Kech district. "
    "Separately, a bank was torched in Balochistan province. "
    "Seven policemen and 3 civilians were killed, and 12 people were injured."
)


def by_target(rows):
    return {(row["place"], row["target_type"]): row for row in rows}


def test_targets_are_tied_to_the_town_named_with_them():
    rows = by_target(propose(extract(REPORT)))
    station = rows["Turbat", "police_paramilitary"]
    assert station["geo_precision"] == "1"
    assert station["attack_types"] == "armed_assault"
    assert "police station in Turbat" in station["source_excerpt"]


def test_a_target_without_a_town_stays_at_province_level():
    rows = by_target(propose(extract(REPORT)))
    bank = rows["Balochistan", "bank"]
    assert bank["geo_precision"] == "3"
    assert bank["attack_types"] == "facility_attack"


def test_figures_go_on_one_row_of_their_own():
    rows = [r for r in propose(extract(REPORT)) if r["killed_security"]]
    (row,) = rows
    assert (row["killed_security"], row["killed_civilians"], row["injured"]) == (
        "7",
        "3",
        "12",
    )
    assert row["killed_attackers"] == ""
    assert row["target_type"] == "not_reported"


def test_nothing_found_proposes_nothing():
    assert propose(extract("The weather was mild and the roads were quiet.")) == []


@pytest.mark.skipif(not SEED_REPORT.exists(), reason=f"{SEED_REPORT} is not present")
def test_seed_proposal_matches_the_hand_encoded_ties():
    rows = by_target(propose(extract(SEED_REPORT.read_text(encoding="utf-8"))))
    assert {("Mastung", "prison"), ("Noshki", "police_paramilitary")} <= set(rows)
    assert ("Gwadar", "not_reported") in rows
    totals = next(r for r in rows.values() if r["killed_civilians"])
    assert (totals["place"], totals["geo_precision"]) == ("Balochistan", "3")
    assert "at least 145 attackers" in totals["notes"]


def test_incident_rows_link_revisions_to_the_event(seed_frame):
    reviewed = [
        {
            "place": "Balochistan",
            "geo_precision": "3",
            "target_type": "not_reported",
            "attack_types": "not_reported",
            "killed_civilians": 35.0,
            "notes": "",
        },
        {"place": "Gwadar", "target_type": "bank", "attack_types": "bombing"},
    ]
    rows = incident_rows(
        reviewed,
        event_id="balochistan-2026-02-01",
        date=dt.date(2026, 2, 1),
        date_precision=2,
        source={"source_title": "Later", "source_location": "pasted text"},
        existing=seed_frame,
    )
    assert rows[0]["revises"] == "balochistan-2026-02-01-province-totals"
    assert rows[0]["killed_civilians"] == "35"
    assert rows[1]["revises"] == ""
    assert len({row["id"] for row in rows}) == 2
    assert not set(row["id"] for row in rows) & set(seed_frame["id"])


def test_new_event_ids_do_not_collide():
    date = dt.date(2026, 3, 3)
    first = new_event_id("Attacks in Kech!", date, [])
    assert first == "attacks-in-kech-2026-03-03"
    assert new_event_id("Attacks in Kech!", date, [first]) == f"{first}-2"
