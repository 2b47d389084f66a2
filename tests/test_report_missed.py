"""A place's name the analyst says the reader missed: found in the text as the
report writes it, or refused with the reason."""

import re

import pytest

from components.gazetteer import default_gazetteer
from components.report import extract
from components.report.missed import ANALYST_RULE, MissedNameError, missed_name

KASHAP = (
    "QUETTA, 5 March 2026: Gunmen rounded up Kashap\u2019s villagers on Tuesday "
    "and shot dead six of them in Kech district, officials said.\n\n"
    "Police said the Mir  Kalat road was closed."
)


def test_the_reader_lists_no_name_for_the_village():
    found = extract(KASHAP)
    named = [u.name for u in found.unplaced] + [
        i.place_reported for i in found.incidents
    ]
    assert "Kashap" not in named


@pytest.mark.parametrize("typed", ["Kashap", "  kashap ", "KASHAP"])
def test_a_typed_name_is_found_as_the_report_writes_it(typed):
    item = missed_name(KASHAP, typed, default_gazetteer())
    assert item.name == "Kashap"
    assert KASHAP[item.start : item.end] == "Kashap"
    assert item.sentence.text.startswith("QUETTA, 5 March 2026: Gunmen rounded up")
    assert item.rule == ANALYST_RULE
    assert not item.incident
    assert item.wider is None


def test_a_name_split_over_two_spaces_is_one_name():
    item = missed_name(KASHAP, "Mir Kalat", default_gazetteer())
    assert item.name == "Mir Kalat"
    assert item.sentence.text.startswith("Police said")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Type the place's name"),
        ("   ", "Type the place's name"),
        ("Atlantis", "'Atlantis' is not in the report's text"),
        ("Kasha", "'Kasha' is not in the report's text"),  # part of a word
        ("Kech", "'Kech' is in the gazetteer already (Kech, district)"),
        ("x" * 81, "at most 80 characters; this is 81"),
    ],
)
def test_a_name_that_cannot_be_listed_says_why(typed, reason):
    with pytest.raises(MissedNameError, match=re.escape(reason)):
        missed_name(KASHAP, typed, default_gazetteer())


def test_markup_typed_as_a_name_is_only_looked_for():
    with pytest.raises(MissedNameError, match="is not in the report's text"):
        missed_name(KASHAP, "<b>Kashap</b>", default_gazetteer())
