"""Target classes: each a shape and a colour, told apart under the common
colour-vision deficiencies (simulated with colorspacious, CAM02-UCS distances)."""

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from components.map.symbols import SHAPE_PATHS, TARGET_CLASSES, missing_codes

MIN_DELTA_E = 10
"""CAM02-UCS distance two symbol colours keep at least (about 10 just-noticeable
differences), for every kind of vision simulated."""


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def seen(colour: str, deficiency: str | None) -> np.ndarray:
    if deficiency is None:
        return rgb(colour)
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(rgb(colour), space, "sRGB1"), 0, 1)


def test_every_target_type_has_a_class():
    assert missing_codes() == []


def test_every_class_has_its_own_shape():
    shapes = [c.shape for c in TARGET_CLASSES]
    assert len(set(shapes)) == len(shapes)
    assert set(shapes) <= set(SHAPE_PATHS)


@pytest.mark.parametrize(
    "deficiency", [None, "deuteranomaly", "protanomaly", "tritanomaly"]
)
def test_class_colours_stay_apart(deficiency):
    colours = {c.key: seen(c.colour, deficiency) for c in TARGET_CLASSES}
    closest = min(
        (deltaE(colours[a], colours[b], input_space="sRGB1"), a, b)
        for a, b in itertools.combinations(colours, 2)
    )
    assert closest[0] >= MIN_DELTA_E, closest
