"""A named site inside a town is what the incident is reported as; its point
stays the town's."""

import pytest

from components.report import extract
from components.report.sites import SITE_RULES, names_a_site


@pytest.mark.parametrize("rule", SITE_RULES, ids=lambda rule: rule.name)
def test_each_site_rule_finds_its_example(rule):
    match = rule.search(rule.example)
    assert match is not None, "the rule does not fire on its example"
    assert match.group("site") == rule.expected


def _reported(text):
    return {i.place.name: i.place_reported for i in extract(text).incidents}


@pytest.mark.parametrize(
    ("text", "town", "site"),
    [
        (
            "Terrorists stormed Bacha Khan University in Charsadda on Wednesday, "
            "killing 20 people.",
            "Charsadda",
            "Bacha Khan University",
        ),
        (
            "A suicide bomber blew himself up outside Lahore's Gaddafi Stadium on "
            "Tuesday, killing six policemen.",
            "Lahore",
            "Gaddafi Stadium",
        ),
        (
            "KARACHI: Two Chinese nationals were killed on Sunday when a suicide "
            "bomber struck their convoy in Karachi. The bomber also died in the "
            "explosion near the Jinnah International Airport.",
            "Karachi",
            "Jinnah International Airport",
        ),
        (
            "A suicide bomber set off his explosives in the courtyard of the Shah "
            "Noorani shrine, in a remote, mountainous part of Khuzdar district, "
            "killing 52 people.",
            "Khuzdar",
            "Shah Noorani shrine",
        ),
        (
            "Two suicide bombers killed 80 people in the attack on All Saints "
            "Church in the old city area of Quetta.",
            "Quetta",
            "All Saints Church",
        ),
        (
            "Gunmen forced their way into a college in Garissa at dawn, killing 15 "
            "people. Survivors described scenes at Garissa University College.",
            "Garissa",
            "Garissa University College",
        ),
        (
            "Car bombs went off at a hotel in Quetta on Friday, killing 20 people. "
            "The attack on the Hotel Sahafi lasted an hour.",
            "Quetta",
            "Hotel Sahafi",
        ),
        (
            "Governor Azad said the blast at the 'Amir Al-Momenin' mosque in "
            "Zahedan had killed 15 people.",
            "Zahedan",
            "Amir Al-Momenin mosque",
        ),
    ],
)
def test_the_site_an_attack_hit_is_reported_at_its_town(text, town, site):
    found = extract(text).incidents
    (incident,) = [i for i in found if i.place.name == town]
    assert incident.place_reported == site
    assert incident.place.kind == "town"  # the town's point, not a finer one


@pytest.mark.parametrize(
    "text",
    [
        # a hospital the hurt were taken to is no site of the attack
        "A bomb killed three policemen in Peshawar on Monday. The wounded went to "
        "Peshawar's Lady Reading Hospital.",
        "Gunmen killed two policemen in Peshawar on Monday. An emergency was "
        "declared at Lady Reading Hospital in Peshawar.",
        # a town's possession is no site's name
        "A bomb went off at Quetta's railway station on Monday, killing two people.",
        # an official's hospital is no site of the attack
        "A bomb killed two people in Loralai on Monday. Dr Faheem, medical "
        "superintendent of Loralai Civil Hospital, said 17 injured were brought "
        "to the hospital.",
        # two scenes: a site with no town named is not given to either
        "Bombs went off in Quetta and Turbat on Monday, killing five people. One "
        "blast went off near the Civil Hospital.",
    ],
)
def test_no_site_is_taken_from_a_destination_or_an_untied_sentence(text):
    assert all(town == reported for town, reported in _reported(text).items())


def test_a_site_named_for_another_place_of_the_report_is_not_this_ones():
    text = (
        "Gunmen killed three policemen in Quetta on Monday, a day after they "
        "left Turbat. The attack took place near the Turbat House hotel."
    )
    assert _reported(text).get("Quetta") == "Quetta"


@pytest.mark.parametrize(
    ("name", "site"),
    [
        ("Bacha Khan University", True),
        ("Lachi Toll Plaza", True),
        ("Hazarganji market", True),
        ("Charsadda", False),
        ("Dera Ismail Khan", False),
    ],
)
def test_a_site_is_told_by_its_last_word(name, site):
    assert names_a_site(name) is site
