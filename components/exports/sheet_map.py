"""The briefing sheet's map, drawn with matplotlib: the outline basemap filling
the map's box (no white bands), the same symbols as the page, deaths circles
with their figure beside them side by side, one label per place placed where it
overlaps nothing (or left out), the province-wide items in a box that names the
province, and a full legend."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.offsetbox import AnchoredOffsetbox, HPacker, TextArea, VPacker
from matplotlib.transforms import Bbox

from components.domain.table import latest_records
from components.domain.viewport import Bounds
from components.domain.vocabularies import GeoPrecision
from components.map.contract import Deaths
from components.map.payload.markers import STACK_RADIUS, stack_offsets
from components.map.payload.viewless import death_circles
from components.map.symbols import (
    DEATHS_COLOUR,
    SIDE_COLOURS,
    SIDE_SHORT,
    TARGET_CLASSES,
    target_class,
)

MARKERS = {
    "circle": "o",
    "square": "s",
    "triangle": "^",
    "diamond": "D",
    "hexagon": "h",
    "star": "*",
    "cross": "P",
    "ring": "o",
}
"""matplotlib's marker for each shape of ``components.map.symbols``."""
LAND, SEA, COAST, BORDER = "#f4f1ea", "#cfe0ec", "#7a9bb5", "#8c7b8f"
PROVINCE = "#5b2a86"
MIN_SPAN = 1.2
"""Degrees: the smallest view, so one town still shows its surroundings."""
MANY = 20_000
"""Above this many points they are drawn small and rasterised."""
MAX_LABELS = 40
LabelMaker = Callable[[Axes, tuple[float, float], str, str], Artist]
"""Draws a label at a point (figure pixels) with an alignment; returns it."""
MARKER_POINTS = 70
"""The markers' area (points squared)."""
FAN_POINTS = 8.0
"""Points between a shared point and the markers fanned out around it."""


def sheet_bounds(frame: pd.DataFrame) -> Bounds | None:
    """The view that holds every incident placed at a town, with a margin."""
    towns = frame[frame["geo_precision"] != int(GeoPrecision.REGION)]
    frame = towns if len(towns) else frame
    if frame.empty:
        return None
    south, north = float(frame["lat"].min()), float(frame["lat"].max())
    west, east = float(frame["lon"].min()), float(frame["lon"].max())
    lat_pad = max((north - south) * 0.15, (MIN_SPAN - (north - south)) / 2, 0)
    lon_pad = max((east - west) * 0.15, (MIN_SPAN - (east - west)) / 2, 0)
    return (south - lat_pad, west - lon_pad, north + lat_pad, east + lon_pad)


def filled_bounds(bounds: Bounds, box_ratio: float) -> Bounds:
    """``bounds`` widened (never cut) to the map box's width/height ratio, so the
    map fills its box: no white bands beside or above it."""
    south, west, north, east = bounds
    scale = math.cos(math.radians((south + north) / 2))
    width, height = (east - west) * scale, north - south
    if width / height < box_ratio:  # too narrow: widen
        extra = (height * box_ratio / scale - (east - west)) / 2
        return (south, west - extra, north, east + extra)
    extra = (width / box_ratio - height) / 2
    return (south - extra, west, north + extra, east)


def _parts(geometry: dict) -> list[list[list[float]]]:
    """Every ring or line of a (Multi)Polygon or (Multi)LineString."""
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Polygon":
        return list(coords)
    if kind == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    if kind == "LineString":
        return [coords]
    if kind == "MultiLineString":
        return list(coords)
    return []


def _draw_basemap(ax: Axes, basemap: dict | None) -> None:
    ax.set_facecolor(SEA)
    if not basemap:
        return
    for feature in basemap.get("features", []):
        kind = feature.get("properties", {}).get("kind")
        geometry = feature.get("geometry") or {}
        if kind == "land":
            ax.add_collection(
                PolyCollection(
                    _parts(geometry), facecolors=LAND, edgecolors="none", zorder=0
                )
            )
        elif kind in ("coast", "border"):
            ax.add_collection(
                LineCollection(
                    _parts(geometry),
                    colors=COAST if kind == "coast" else BORDER,
                    linewidths=0.8 if kind == "coast" else 1.0,
                    linestyles="solid" if kind == "coast" else (0, (4, 2)),
                    zorder=1,
                )
            )
        elif kind == "label" and geometry.get("type") == "Point":
            lon, lat = geometry["coordinates"]
            ax.text(
                lon,
                lat,
                str(feature["properties"].get("name", "")).upper(),
                fontsize=7,
                color="#6b6b6b",
                ha="center",
                zorder=2,
                clip_on=True,
            )


def marker_points(ax: Axes, towns: pd.DataFrame) -> pd.DataFrame:
    """One marker per target class and point (``cls``, ``lon``, ``lat``), the
    classes sharing a point fanned out around it as on the page (none drawn
    under another); many points are drawn where they are."""
    classes = towns["target_type"].map(lambda code: target_class(code).key)
    points = (
        towns.assign(cls=classes.to_numpy())[["cls", "lat", "lon"]]
        .drop_duplicates()
        .reset_index(drop=True)
    )
    if points.empty or len(towns) > MANY:
        return points
    offsets = stack_offsets(points)
    scale = FAN_POINTS / STACK_RADIUS * ax.figure.dpi / 72
    moved = offsets["dx"].ne(0) | offsets["dy"].ne(0)
    if moved.any():
        xy = ax.transData.transform(points.loc[moved, ["lon", "lat"]].to_numpy())
        xy[:, 0] += offsets.loc[moved, "dx"].to_numpy() * scale
        xy[:, 1] -= offsets.loc[moved, "dy"].to_numpy() * scale
        lon_lat = ax.transData.inverted().transform(xy)
        points.loc[moved, "lon"] = lon_lat[:, 0]
        points.loc[moved, "lat"] = lon_lat[:, 1]
    return points


def _draw_incidents(ax: Axes, points: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Markers by target class at ``points`` (``marker_points``); the classes
    drawn (label, colour, shape)."""
    drawn = []
    many = len(points) > MANY
    for cls in TARGET_CLASSES:
        mine = points[(points["cls"] == cls.key).to_numpy()]
        if mine.empty:
            continue
        ring = cls.shape == "ring"
        ax.scatter(
            mine["lon"],
            mine["lat"],
            s=6 if many else MARKER_POINTS,
            marker=MARKERS[cls.shape],
            c="white" if ring else cls.colour,
            edgecolors=cls.colour if ring else "white",
            linewidths=1.6 if ring else 0.8,
            zorder=4,
            rasterized=many,
        )
        drawn.append((cls.label, cls.colour, cls.shape))
    return drawn


def _province_classes(province: pd.DataFrame) -> list[tuple[str, str, str, int]]:
    classes = province["target_type"].map(lambda code: target_class(code).key)
    counts = classes.value_counts()
    return [
        (cls.label, cls.colour, cls.shape, int(counts[cls.key]))
        for cls in TARGET_CLASSES
        if cls.key in counts
    ]


def _sides_box(sides: Sequence[Mapping], size: float = 8.5) -> HPacker:
    parts: list[Artist] = []
    for i, side in enumerate(sides):
        if i:
            parts.append(TextArea(" · ", textprops={"fontsize": size, "color": "#555"}))
        parts.append(
            TextArea(
                f"{side['value']:,}",
                textprops={
                    "fontsize": size,
                    "fontweight": "bold",
                    "color": side["colour"],
                },
            )
        )
    return HPacker(children=parts, pad=0, sep=0)


def _province_box(ax: Axes, province: pd.DataFrame, deaths: Sequence[Deaths]) -> None:
    """The province-wide items in a box at the map's top left: the province's
    name, its items by class and its deaths by side (never summed)."""
    rows: list[Artist] = []
    for name, items in province.groupby("place", sort=False):
        head = TextArea(
            f"{name}: whole province, the source does not say where",
            textprops={"fontsize": 8, "fontweight": "bold", "color": PROVINCE},
        )
        counts = ", ".join(
            f"{label} {count}" for label, _, _, count in _province_classes(items)
        )
        wrapped = textwrap.fill(counts, 70)
        lines: list[Artist] = [head, TextArea(wrapped, textprops={"fontsize": 7})]
        sides = [d for d in deaths if d["wide"] and d["place"] == name]
        if sides:
            lines.append(
                HPacker(
                    children=[
                        TextArea("Deaths: ", textprops={"fontsize": 8.5}),
                        _sides_box(sides[0]["sides"]),
                    ],
                    pad=0,
                    sep=0,
                )
            )
        rows.append(VPacker(children=lines, pad=0, sep=2))
    if not rows:
        return
    box = AnchoredOffsetbox(
        loc="upper left",
        child=VPacker(children=rows, pad=0, sep=6),
        pad=0.4,
        borderpad=0.6,
        frameon=True,
    )
    box.patch.set_edgecolor(PROVINCE)
    box.patch.set_linestyle((0, (4, 2)))
    box.patch.set_linewidth(1.2)
    box.patch.set_facecolor((1, 1, 1, 0.95))
    box.set_zorder(8)
    ax.add_artist(box)


def _draw_deaths(ax: Axes, deaths: Sequence[Deaths]) -> list[Deaths]:
    """Circles at the towns (area grows with deaths); their figures, to place."""
    figures = []
    for circle in [d for d in deaths if not d["wide"]][:MAX_LABELS]:
        ax.scatter(
            circle["lon"],
            circle["lat"],
            s=(circle["radius"] * 1.6) ** 2,
            facecolors=(0.70, 0.09, 0.17, 0.10),
            edgecolors=DEATHS_COLOUR,
            linewidths=1.4,
            zorder=2,
        )
        figures.append(circle)
    return figures


def _place_labels(
    ax: Axes, labels: list[tuple[float, float, LabelMaker, float]], avoid: list[Bbox]
) -> int:
    """Greedy placement: each label (lon, lat, artist maker, reach in points) takes
    the first spot around its point overlapping no label placed before it, no
    marker and no box on the map, inside the map; else it is left out. Returns
    how many were placed."""
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    renderer = FigureCanvasAgg(fig).get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = list(avoid)
    placed = 0
    px = fig.dpi / 72
    for lon, lat, make, reach in labels:
        x, y = ax.transData.transform((lon, lat))
        r = (reach + 3) * px
        d = (reach * 0.72 + 3) * px
        for dx, dy, ha, va in (
            (r, 0, "left", "center"),
            (-r, 0, "right", "center"),
            (0, -r, "center", "top"),
            (0, r, "center", "bottom"),
            (d, d, "left", "bottom"),
            (d, -d, "left", "top"),
            (-d, -d, "right", "top"),
            (-d, d, "right", "bottom"),
        ):
            artist = make(ax, (x + dx, y + dy), ha, va)
            box = artist.get_window_extent(renderer)
            inside = (
                box.x0 >= frame.x0
                and box.x1 <= frame.x1
                and box.y0 >= frame.y0
                and box.y1 <= frame.y1
            )
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                placed += 1
                break
            artist.remove()
    return placed


def _name_maker(name: str) -> LabelMaker:
    def make(ax: Axes, at: tuple[float, float], ha: str, va: str):
        inches = (at[0] / ax.figure.dpi, at[1] / ax.figure.dpi)
        return ax.annotate(
            name,
            inches,
            xycoords=ax.figure.dpi_scale_trans,
            fontsize=8,
            color="#1b1b1b",
            ha=ha,
            va=va,
            zorder=6,
            annotation_clip=False,
            bbox={"boxstyle": "square,pad=0.1", "fc": (1, 1, 1, 0.6), "ec": "none"},
        )

    return make


def _figure_maker(sides: Sequence[Mapping]) -> LabelMaker:
    def make(ax: Axes, at: tuple[float, float], ha: str, va: str):
        box = AnchoredOffsetbox(
            loc={
                ("left", "center"): "center left",
                ("right", "center"): "center right",
                ("center", "top"): "upper center",
                ("center", "bottom"): "lower center",
                ("left", "bottom"): "lower left",
                ("left", "top"): "upper left",
                ("right", "top"): "upper right",
                ("right", "bottom"): "lower right",
            }[(ha, va)],
            child=_sides_box(sides),
            pad=0.1,
            borderpad=0,
            frameon=True,
            bbox_to_anchor=(at[0] / ax.figure.dpi, at[1] / ax.figure.dpi),
            bbox_transform=ax.figure.dpi_scale_trans,
        )
        box.patch.set_facecolor((1, 1, 1, 0.75))
        box.patch.set_edgecolor("none")
        box.set_zorder(7)
        ax.add_artist(box)
        return box

    return make


def _legend(ax: Axes, classes: list[tuple[str, str, str]], province: bool, deaths):
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=MARKERS[shape],
            markersize=7,
            markerfacecolor="white" if shape == "ring" else colour,
            markeredgecolor=colour if shape == "ring" else "white",
            label=label,
        )
        for label, colour, shape in classes
    ]
    if province:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="s",
                markersize=9,
                markerfacecolor="white",
                markeredgecolor=PROVINCE,
                label="Whole province (place not given): in the box",
            )
        )
    if deaths:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=10,
                markerfacecolor=(0.70, 0.09, 0.17, 0.10),
                markeredgecolor=DEATHS_COLOUR,
                label="Deaths (area grows with deaths)",
            )
        )
        for key in deaths:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="s",
                    markersize=6,
                    markerfacecolor=SIDE_COLOURS[key],
                    markeredgecolor=SIDE_COLOURS[key],
                    label=f"  {SIDE_SHORT[key]} killed",
                )
            )
    if not handles:
        return None
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=6.5,
        framealpha=0.94,
        title="Legend",
        title_fontsize=7,
    )
    legend.set_zorder(9)
    legend.get_title().set_fontweight("bold")
    return legend


def draw_map(
    ax: Axes, frame: pd.DataFrame, bounds: Bounds | None, basemap: dict | None
) -> None:
    """The sheet's map of ``frame`` in ``ax``, over ``bounds`` (default: fitted)."""
    latest = latest_records(frame)
    wide = (latest["geo_precision"] == int(GeoPrecision.REGION)).to_numpy()
    towns, province = latest[~wide], latest[wide]
    bounds = bounds or sheet_bounds(latest) or (23.5, 60.0, 32.5, 75.0)
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    box = ax.get_position()
    fig_w, fig_h = fig.get_size_inches()
    bounds = filled_bounds(bounds, (box.width * fig_w) / (box.height * fig_h))
    south, west, north, east = bounds
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("auto")
    ax.set_xticks([])
    ax.set_yticks([])
    _draw_basemap(ax, basemap)
    deaths = death_circles(latest)
    circles = _draw_deaths(ax, deaths)
    points = marker_points(ax, towns)
    classes = _draw_incidents(ax, points)
    _province_box(ax, province, deaths)
    sides = sorted(
        {side["key"] for d in deaths for side in d["sides"]},
        key=list(SIDE_COLOURS).index,
    )
    legend = _legend(ax, classes, not province.empty, sides)
    canvas = FigureCanvasAgg(fig)  # sizes known: boxes to keep labels off
    canvas.draw()
    renderer = canvas.get_renderer()
    avoid = [a.get_window_extent(renderer) for a in ax.artists]
    if legend is not None:
        avoid.append(legend.get_window_extent(renderer))
    px = ax.figure.dpi / 72
    half = math.sqrt(MARKER_POINTS) / 2 * px
    for lon, lat in points[["lon", "lat"]].drop_duplicates().head(2_000).to_numpy():
        x, y = ax.transData.transform((lon, lat))
        avoid.append(Bbox([[x - half, y - half], [x + half, y + half]]))
    radius = {(round(c["lat"], 4), round(c["lon"], 4)): c["radius"] for c in circles}
    labels: list[tuple[float, float, LabelMaker, float]] = [
        (c["lon"], c["lat"], _figure_maker(c["sides"]), c["radius"] * 0.8)
        for c in circles
    ]
    named = towns.groupby("place", sort=False)[["lat", "lon"]].median()
    top = towns["place"].value_counts().index[:MAX_LABELS]
    for name, (lat, lon) in named.loc[named.index.isin(top)].iterrows():
        if south <= lat <= north and west <= lon <= east:
            reach = max(radius.get((round(lat, 4), round(lon, 4)), 0) * 0.8, 6)
            labels.append((lon, lat, _name_maker(str(name)), reach))
    _place_labels(ax, labels, avoid)
