from components.domain.layers import (
    CELLS_KEY,
    HEAT_KEY,
    default_layers,
    hidden_layers,
    layer_keys,
    layer_labels,
)


def test_layers_of_a_map_with_two_target_types():
    types = ["prison", "police_paramilitary"]
    assert layer_keys(types) == [
        CELLS_KEY,
        "prison",
        "police_paramilitary",
        "deaths",
        "names",
        HEAT_KEY,
    ]
    assert layer_labels(types) == {
        "prison": "Prison",
        "police_paramilitary": "Police and paramilitary posts",
        "deaths": "Deaths",
        "names": "Place names",
        "heat": "Heat map",
    }
    assert default_layers(types) == ["prison", "police_paramilitary", "deaths", "names"]


def test_a_map_with_no_incidents_still_has_its_other_layers():
    assert list(layer_labels([])) == ["deaths", "names", "heat"]
    assert default_layers([]) == ["deaths", "names"]


def test_the_hidden_layers_are_the_ones_a_person_can_choose_that_are_not_shown():
    types = ["prison", "police_paramilitary"]
    assert hidden_layers(types, default_layers(types)) == {HEAT_KEY}
    assert hidden_layers(types, {"prison", CELLS_KEY}) == {
        "police_paramilitary",
        "deaths",
        "names",
        HEAT_KEY,
    }
    assert hidden_layers([], []) == {"deaths", "names", HEAT_KEY}
