import datetime as dt

import pytest

from components.domain.layers import HEAT_KEY, layer_keys
from components.domain.share_link import (
    hidden_layers,
    link_notes,
    map_view,
)
from components.domain.viewport import MapView

OPTIONS = {"place": ["Quetta", "Gwadar"], "target": ["prison"], "attack": []}
SPAN = (dt.date(2026, 1, 1), dt.date(2026, 2, 1))
LAYERS = layer_keys(["prison"])


def notes(**params: list[str]) -> list[str]:
    return link_notes(params, OPTIONS, SPAN, LAYERS)


def test_map_view_of_a_link_takes_the_last_valid_value():
    assert map_view({"map": ["7/29.8/66.85"]}) == MapView(29.8, 66.85, 7)
    assert map_view({"map": ["garbage"]}) is None
    assert map_view({}) is None


def test_layers_default_to_all_but_the_heat_map():
    assert hidden_layers({}, LAYERS) == {HEAT_KEY}
    assert hidden_layers({"layers": ["prison,heat"]}, LAYERS) == {
        "deaths",
        "names",
        "cells",
    }


def test_a_clean_link_has_no_notes():
    assert (
        notes(
            place=["Quetta"],
            target=["prison"],
            dates=["2026-01-05", "2026-01-20"],
            map=["7/29.8/66.85"],
            layers=["prison,heat"],
        )
        == []
    )


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"colour": ["red"]}, "'colour' is not a setting of this page."),
        ({"place": ["Atlantis"]}, "place 'Atlantis' is not in the data."),
        ({"target": ["mosque"]}, "target 'mosque' is not in the data."),
        ({"dates": ["2026-01-05"]}, "expected two dates"),
        ({"dates": ["2025-01-01", "2026-01-20"]}, "outside the data's"),
        ({"dates": ["soon", "later"]}, "expected two dates"),
        ({"map": ["here"]}, "map 'here': expected zoom/latitude/longitude"),
        ({"layers": ["prison,lasers"]}, "layer 'lasers' is not on this map."),
        ({"x" * 500: ["1"]}, "is not a setting"),
        ({"place": ["\x1b[31m<b>"]}, "place '?[31m<b>' is not in the data."),
    ],
)
def test_each_bad_parameter_gets_a_note(params, note):
    (found,) = link_notes(params, OPTIONS, SPAN, LAYERS)
    assert note in found
    assert len(found) < 120  # long input is cut short
