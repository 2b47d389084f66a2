"""The place-name model: names no slot rule looked at are listed for the
analyst, never proposed as incidents."""

from __future__ import annotations

import datetime as dt

from components.report import extract
from components.report.name_model import NAME_RULE, using
from components.ui.place_panel import Unplaced

DAY = dt.date(2026, 3, 3)
LEDE = "Gunmen killed four policemen at a checkpost in Turbat on Monday. "


def listed(text: str) -> dict[str, bool]:
    """The unplaced names the model found, each with whether it is an incident."""
    return {
        u.name: u.incident
        for u in extract(text, published=DAY).unplaced
        if u.rule == NAME_RULE
    }


def test_a_home_village_no_slot_rule_reads_is_listed_not_proposed():
    text = LEDE + "The bodies were sent to Gulzarabad, their native village."
    assert listed(text) == {"Gulzarabad": False}
    assert [i.place.name for i in extract(text, published=DAY).incidents] == ["Turbat"]


def test_where_the_dead_were_buried_is_listed():
    text = LEDE + "The constable was buried in his ancestral graveyard at Shambani."
    assert listed(text) == {"Shambani": False}


def test_without_the_model_such_a_name_is_not_listed():
    text = LEDE + "The bodies were sent to Gulzarabad, their native village."
    with using(None):
        assert not [u for u in extract(text, published=DAY).unplaced]


def test_people_groups_and_outlets_are_not_listed():
    text = (
        "Gunmen killed four policemen at a checkpost in Turbat on Monday, Deputy "
        "Commissioner Abdul Rahim Khan told Dawn. The Balochistan Liberation Army "
        "claimed the attack in a statement on Telegram."
    )
    assert listed(text) == {}


def test_a_name_a_slot_rule_found_is_not_listed_twice():
    text = LEDE + "The attackers fled towards Kalatuk, police said."
    found = extract(text, published=DAY).unplaced
    assert [(u.name, u.rule == NAME_RULE) for u in found] == [("Kalatuk", False)]


def test_the_review_says_whose_reading_it_is():
    text = LEDE + "The bodies were sent to Gulzarabad, their native village."
    (item,) = extract(text, published=DAY).unplaced
    assert "the place-name model's reading" in Unplaced(item.name, item).status()
