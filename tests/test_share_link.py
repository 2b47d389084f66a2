import datetime as dt

import pytest

from components.domain.layers import layer_labels
from components.domain.share_link import (
    ATTACK,
    EVENT,
    LAYERS,
    PLACE,
    TARGET,
    Link,
    LinkTerms,
    chooses_sidebar,
    defaults,
    layout_of,
    link_notes,
    link_terms,
    read_link,
    write_link,
)
from components.domain.viewport import MapView

SPAN = (dt.date(2026, 1, 1), dt.date(2026, 2, 1))
TERMS = LinkTerms(
    labels={
        EVENT: {  # latest first
            "wave-2": "Second wave (3 Mar 2026)",
            "wave-1": "First wave (1 Feb 2026)",
        },
        PLACE: {
            "Quetta": "Quetta",
            "Gwadar": "Gwadar",
            "Balochistan": "Balochistan (province-wide)",
        },
        TARGET: {"prison": "Prison"},
        ATTACK: {"armed_assault": "Armed assault"},
        LAYERS: layer_labels(["prison"]),
    },
    span=SPAN,
)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Link()),
        ({"event": ["First wave (1 Feb 2026)"]}, Link({EVENT: ("wave-1",)})),
        (
            {"place": ["Balochistan (province-wide)", "Quetta"]},
            Link({PLACE: ("Balochistan", "Quetta")}),
        ),
        ({"place": [""]}, Link({PLACE: ()})),  # nothing chosen: every place
        ({"target": ["Prison"]}, Link({TARGET: ("prison",)})),
        ({"attack": ["Armed assault"]}, Link({ATTACK: ("armed_assault",)})),
        # The sidebar's own form of the layers: one label per value.
        ({"layers": ["Deaths", "Heat map"]}, Link({LAYERS: ("deaths", "heat")})),
        ({"layers": [""]}, Link({LAYERS: ()})),  # no layers at all
        (
            {"dates": ["2026-01-05", "2026-01-20"]},
            Link(dates=(dt.date(2026, 1, 5), dt.date(2026, 1, 20))),
        ),
        ({"dates": [""]}, Link()),  # the whole span
        ({"map": ["7/29.8/66.85"]}, Link(view=MapView(29.8, 66.85, 7))),
        ({"map": ["garbage", "8/29.8/66.85"]}, Link(view=MapView(29.8, 66.85, 8))),
        ({"projector": ["true"]}, Link(projector=True)),
        ({"projector": ["FALSE"]}, Link(projector=False)),
        ({"layout": ["mobile"]}, Link(layout="mobile")),
        ({"layout": ["Analyst"]}, Link(layout="analyst")),
        ({"layout": [""]}, Link()),  # the default layout
        ({"q": ["Mastung bank"]}, Link(search="Mastung bank")),
        ({"q": ["first", '"prison" OR *']}, Link(search='"prison" OR *')),
        ({"q": [""]}, Link()),  # no search
        # Named by code: read, and to be written again as labels.
        ({"event": ["wave-1"]}, Link({EVENT: ("wave-1",)}, rewrite=frozenset({EVENT}))),
        (
            {"place": ["Balochistan"]},
            Link({PLACE: ("Balochistan",)}, rewrite=frozenset({PLACE})),
        ),
        # Links written before the sidebar chose the layers: key,key in one value.
        (
            {"layers": ["prison,heat"]},
            Link({LAYERS: ("prison", "heat")}, rewrite=frozenset({LAYERS})),
        ),
        (
            {"layers": ["prison"]},
            Link({LAYERS: ("prison",)}, rewrite=frozenset({LAYERS})),
        ),
        (  # the map adds counts per area by itself: nothing to choose, no note
            {"layers": ["cells,deaths"]},
            Link({LAYERS: ("deaths",)}, rewrite=frozenset({LAYERS})),
        ),
    ],
)
def test_valid_links(params, expected):
    assert read_link(params, TERMS) == expected


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"colour": ["red"]}, "'colour' is not a setting of this page."),
        ({"event": ["no-such-event"]}, "event 'no-such-event' is not in the data."),
        ({"event": ["First wave (2 Feb 2026)"]}, "event 'First wave (2 Feb 2026)'"),
        ({"place": ["Atlantis"]}, "place 'Atlantis' is not in the data."),
        ({"target": ["mosque"]}, "target 'mosque' is not in the data."),
        ({"attack": ["bombing"]}, "attack 'bombing' is not in the data."),
        ({"dates": ["2026-01-05"]}, "expected two dates"),
        ({"dates": ["2026-01-05", "2026-01-06", "2026-01-07"]}, "expected two dates"),
        ({"dates": ["2025-01-01", "2026-01-20"]}, "outside the data's"),
        ({"dates": ["2026-01-20", "2026-01-05"]}, "outside the data's"),
        ({"dates": ["soon", "later"]}, "expected two dates"),
        ({"map": ["here"]}, "map 'here': expected zoom/latitude/longitude"),
        ({"map": ["20/29.8/66"]}, "map '20/29.8/66': zoom 20 is outside 0-19."),
        ({"layers": ["Lasers"]}, "layer 'Lasers' is not on this map."),
        ({"layers": ["prison,lasers"]}, "layer 'lasers' is not on this map."),
        ({"projector": ["yes"]}, "projector 'yes': expected true or false."),
        (
            {"layout": ["poster"]},
            "layout 'poster': expected one of briefing, analyst, mobile.",
        ),
        ({"layout": ["<script>" * 40]}, "layout '<script><script>"),
        ({"x" * 500: ["1"]}, "is not a setting"),
        ({"place": ["\x1b[31m<b>"]}, "place '?[31m<b>' is not in the data."),
        ({"event": ["y" * 500]}, "is not in the data."),
        ({"q": ["x" * 201]}, "q: the search is 201 characters long; at most 200"),
        ({"q": ["x" * 10_000]}, "q: the search is 10,000 characters long"),
        ({"q": [" ".join("abcdefghijklm")]}, "q: the search has 13 words"),
    ],
)
def test_each_bad_parameter_gets_a_note(params, note):
    (found,) = link_notes(params, TERMS)
    assert note in found
    assert len(found) < 120  # long input is cut short


@pytest.mark.parametrize(
    ("params", "chosen", "note"),
    [
        (
            {"event": ["no-such-event", "First wave (1 Feb 2026)"]},
            {EVENT: ("wave-1",)},
            "event 'no-such-event'",
        ),
        ({"layers": ["Deaths", "Lasers"]}, {LAYERS: ("deaths",)}, "layer 'Lasers'"),
        ({"layers": ["deaths,lasers"]}, {LAYERS: ("deaths",)}, "layer 'lasers'"),
    ],
)
def test_the_rest_of_a_half_bad_parameter_is_read(params, chosen, note):
    link = read_link(params, TERMS)
    assert link.chosen == chosen
    (found,) = link.notes
    assert note in found


def test_a_parameter_naming_nothing_known_leaves_the_default():
    link = read_link({"layers": ["lasers,phasers"], "event": ["nope"]}, TERMS)
    assert link.chosen == {}
    assert len(link.notes) == 3


def test_dates_need_data_of_more_than_one_day():
    terms = LinkTerms(TERMS.labels, span=(SPAN[0], SPAN[0]))
    (note,) = link_notes({"dates": ["2026-01-01", "2026-01-01"]}, terms)
    assert "the data have one date, so there is no range" in note


@pytest.mark.parametrize(
    "link",
    [
        Link({EVENT: ("wave-2", "wave-1"), PLACE: ("Balochistan",)}),
        Link({TARGET: ("prison",), ATTACK: ("armed_assault",)}, projector=True),
        Link({LAYERS: ("prison", "names", "heat")}, view=MapView(29.8, 66.85, 7)),
        Link({LAYERS: ()}, projector=False),
        Link(dates=(dt.date(2026, 1, 5), dt.date(2026, 1, 20))),
        Link(layout="analyst", projector=True),
        Link({PLACE: ("Quetta",)}, search="bank \u0645\u0633\u062a\u0648\u0646\u06af"),
    ],
)
def test_a_written_link_reads_back_as_it_was(link):
    params = write_link(link, TERMS)
    assert all(value == value.strip() for v in params.values() for value in v)
    assert read_link(params, TERMS) == link


def test_a_link_named_by_codes_is_written_again_with_labels():
    link = read_link({"target": ["prison"], "layers": ["prison,deaths"]}, TERMS)
    written = write_link(link, TERMS)
    assert written == {"target": ["Prison"], "layers": ["Prison", "Deaths"]}
    assert read_link(written, TERMS).rewrite == frozenset()


def test_defaults_are_the_latest_event_and_every_layer_but_the_heat_map():
    assert defaults(TERMS) == {
        EVENT: ("wave-2",),
        PLACE: (),
        TARGET: (),
        ATTACK: (),
        LAYERS: ("prison", "deaths", "names"),
    }
    assert defaults(LinkTerms({})) == dict.fromkeys(
        (EVENT, PLACE, TARGET, ATTACK, LAYERS), ()
    )


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], False),
        (["map"], False),
        (["colour"], False),
        (["map", "place"], True),
        (["layers"], True),
        (["projector"], True),
        (["event"], True),
        (["dates"], True),
        (["layout"], True),
        (["q"], False),  # the incident list's search, not the sidebar's
        (["q", "target"], True),
    ],
)
def test_what_chooses_the_sidebar(names, expected):
    assert chooses_sidebar(names) is expected


def test_terms_of_the_seed(seed, seed_frame):
    terms = link_terms(seed_frame, seed.events)
    assert terms.labels[PLACE]["Balochistan"] == "Balochistan (province-wide)"
    assert terms.labels[PLACE]["Mastung"] == "Mastung"
    assert terms.labels[TARGET]["prison"] == "Prison"
    assert list(terms.labels[LAYERS])[-3:] == ["deaths", "names", "heat"]
    assert list(terms.labels[LAYERS])[:-3] == list(terms.labels[TARGET])
    assert terms.labels[EVENT] == {
        "balochistan-2026-02-01": "Coordinated attacks across Balochistan (1 Feb 2026)"
    }
    assert terms.span == (dt.date(2026, 2, 1), dt.date(2026, 2, 1))


@pytest.mark.parametrize(
    ("values", "layout"),
    [
        ([], "briefing"),
        ([""], "briefing"),
        (["poster"], "briefing"),
        (["MOBILE"], "mobile"),
    ],
)
def test_a_layout_parameter_chooses_a_layout_or_the_default(values, layout):
    assert layout_of(values) == layout
