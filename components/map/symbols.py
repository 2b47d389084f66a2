"""How each target type looks on the map: a shape and a colour per target class.

Colour alone cannot carry meaning to everyone (about one man in twelve sees red
and green alike) or on a washed-out projector, so every class has a shape of its
own as well as a colour from the Okabe-Ito palette (Okabe and Ito, "Color
Universal Design", 2008), chosen to stay apart under the common colour-vision
deficiencies; ``tests/test_symbols.py`` checks that they do. Province-wide items
(place not reported) are drawn hollow, with a dashed outline, in their class's
shape and colour. Pure: no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

from components.domain.vocabularies import NOT_REPORTED, TARGET_TYPES

SHAPE_PATHS: dict[str, str] = {
    "circle": "M12 3a9 9 0 1 0 0.01 0Z",
    "square": "M4 4h16v16H4Z",
    "triangle": "M12 2.5 22 20.5H2Z",
    "diamond": "M12 1.5 22.5 12 12 22.5 1.5 12Z",
    "hexagon": "M12 2 20.7 7v10L12 22 3.3 17V7Z",
    "star": (
        "M12 1.8l2.9 6.5 7 .6-5.3 4.7 1.6 6.9L12 16.9l-6.2 3.6 1.6-6.9L2.1 8.9l7-.6Z"
    ),
    "cross": "M8.5 2h7v6.5H22v7h-6.5V22h-7v-6.5H2v-7h6.5Z",
    "ring": "M12 3a9 9 0 1 0 0.01 0ZM12 8a4 4 0 1 1-0.01 0Z",
}
"""Each shape as SVG path data on a 24 x 24 grid (the map, the legend and the
layer control draw the same paths)."""
SHAPES = tuple(SHAPE_PATHS)


@dataclass(frozen=True, slots=True)
class TargetClass:
    """A group of target types drawn alike."""

    key: str
    label: str
    colour: str
    shape: str
    codes: tuple[str, ...]


TARGET_CLASSES: tuple[TargetClass, ...] = (
    TargetClass(
        "security",
        "Police, paramilitary and prisons",
        "#0072B2",  # Okabe-Ito blue
        "square",
        ("police_paramilitary", "frontier_corps_hq", "prison"),
    ),
    TargetClass("military", "Military", "#000000", "triangle", ("military",)),
    TargetClass(
        "government",
        "Government and politics",
        "#E69F00",  # orange
        "diamond",
        ("government", "diplomatic", "political_party"),
    ),
    TargetClass(
        "infrastructure",
        "Transport, utilities and telecoms",
        "#009E73",  # bluish green
        "hexagon",
        (
            "railway",
            "transportation",
            "aviation",
            "maritime",
            "utilities",
            "telecoms",
            "food_water",
        ),
    ),
    TargetClass(
        "civilians",
        "Civilians, markets and business",
        "#D55E00",  # vermillion
        "circle",
        ("private_citizens", "market", "bank", "business", "tourists"),
    ),
    TargetClass(
        "services",
        "Schools, hospitals, religion, media, NGOs",
        "#CC79A7",  # reddish purple
        "star",
        ("school", "hospital", "religious", "media", "ngo"),
    ),
    TargetClass(
        "militants",
        "Militants",
        "#56B4E9",  # sky blue
        "cross",
        ("non_state_militia",),
    ),
    TargetClass(
        "unknown",
        "Other or not reported",
        "#6E6E6E",  # neutral grey, apart from every hue above
        "ring",
        ("other", "abortion_related", NOT_REPORTED),
    ),
)

CLASS_OF: dict[str, TargetClass] = {
    code: target_class for target_class in TARGET_CLASSES for code in target_class.codes
}
DEATHS_COLOUR = "#B2182B"
"""The deaths circles: a red apart from every class colour, drawn as an outline."""


def target_class(code: str) -> TargetClass:
    """The class a target type code belongs to."""
    return CLASS_OF[code]


def missing_codes() -> list[str]:
    """Target types no class covers (a test keeps this empty)."""
    return [code for code in TARGET_TYPES if code not in CLASS_OF]


SIDE_COLOURS: dict[str, str] = {
    "killed_civilians": "#A6122D",  # dark red
    "killed_security": "#0B4F8A",  # dark blue
    "killed_attackers": "#3D3D3D",  # near black
    "killed_unspecified": "#6B4C00",  # dark ochre
}
"""The colour of each side's deaths figure, on light ground (each over 7:1 on
white). A deaths figure of several sides is shown side by side in these colours,
never summed unseen."""
DARK_SIDE_COLOURS: dict[str, str] = {
    "killed_civilians": "#FF9DAA",
    "killed_security": "#9DCBFF",
    "killed_attackers": "#E6E6E6",
    "killed_unspecified": "#F2D27A",
}
"""The same on the projector's dark ground (each over 7:1 on #0b1a2a)."""
SIDE_SHORT: dict[str, str] = {
    "killed_civilians": "civilians",
    "killed_security": "security",
    "killed_attackers": "attackers",
    "killed_unspecified": "group not reported",
}
"""A side's name in a legend or callout."""
