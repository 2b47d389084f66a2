import math

import pytest

from components.domain.viewport import (
    FIT_PADDING,
    MAP_SIZE,
    MAX_FIT_ZOOM,
    MapView,
    fit_view,
    parse_map_view,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7/29.8/66.85", MapView(29.8, 66.85, 7)),
        ("0/-90/180", MapView(-90, 180, 0)),
        ("19/30.18414/67.00141", MapView(30.18414, 67.00141, 19)),
    ],
)
def test_valid_map_views(text, expected):
    assert parse_map_view(text) == expected
    again = parse_map_view(expected.param())  # written to 4 decimals (~10 m)
    assert again.zoom == expected.zoom
    assert again.centre == pytest.approx(expected.centre, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected zoom/latitude/longitude"),
        ("7/29.8", "expected zoom/latitude/longitude"),
        ("x/29.8/66", "zoom must be a whole number"),
        ("7.5/29.8/66", "zoom must be a whole number"),
        ("20/29.8/66", "outside 0-19"),
        ("-1/29.8/66", "outside 0-19"),
        ("7/91/66", "not on the globe"),
        ("7/29.8/181", "not on the globe"),
        ("7/nan/66", "finite"),
        ("7/29.8/inf", "finite"),
        ("7/29.8/66/1", "expected zoom/latitude/longitude"),
    ],
)
def test_invalid_map_views(text, message):
    with pytest.raises(ValueError, match=message):
        parse_map_view(text)


def _pixels(bounds, zoom):
    """The box's width and height in pixels at ``zoom`` (Web Mercator)."""
    south, west, north, east = bounds

    def y(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)

    scale = 256 * 2**zoom
    return (east - west) / 360 * scale, (y(north) - y(south)) * scale


@pytest.mark.parametrize(
    "bounds",
    [
        (24.9, 61.6, 31.9, 70.3),  # Balochistan
        (29.7, 66.8, 30.2, 67.0),  # Mastung to Quetta
        (-40.0, -20.0, 60.0, 150.0),  # most of the world
        (29.0, 60.0, 29.5, 75.0),  # wide and flat
    ],
)
def test_a_fitted_view_shows_the_whole_box_as_close_as_it_can(bounds):
    view = fit_view(bounds)
    south, west, north, east = bounds
    assert south <= view.lat <= north
    assert view.lon == pytest.approx((west + east) / 2, abs=1e-4)
    room = (MAP_SIZE[0] - 2 * FIT_PADDING, MAP_SIZE[1] - 2 * FIT_PADDING)
    width, height = _pixels(bounds, view.zoom)
    assert width <= room[0]
    assert height <= room[1]
    if view.zoom < MAX_FIT_ZOOM:  # one step closer and it would not fit
        width, height = _pixels(bounds, view.zoom + 1)
        assert width > room[0] or height > room[1]


def test_a_single_point_is_shown_at_town_zoom():
    assert fit_view((29.8, 66.85, 29.8, 66.85)) == MapView(29.8, 66.85, MAX_FIT_ZOOM)
