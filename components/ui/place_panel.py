"""In the review: every name the gazetteer does not know, where its incident is
proposed meanwhile, and a way to place it: a click on a small map, typed
coordinates, or a district of the report's province; and a box to type a name
the reader missed altogether, as the report writes it, to place it the same
way. What is placed goes into the team gazetteer (the database) with its author
and the report it came from, and every later report finds it. No point is ever
guessed: the analyst gives it.

The form is a fragment: a click on its map reruns it alone; placing a name reads
the report again (the name is now known) and reruns the page.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import folium
import streamlit as st
from streamlit_folium import st_folium

from components.domain.places import Place
from components.domain.team_places import TeamPlace, make_draft
from components.domain.viewport import MapView
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.gazetteer.team import team_place_of
from components.map.assets import map_assets
from components.map.base_layers import DEFAULT_VIEW, base_map
from components.report import Extraction
from components.report.missed import (
    ANALYST_RULE,
    MAX_NAME,
    MissedNameError,
    missed_name,
)
from components.report.name_model import NAME_RULE
from components.report.unplaced import UnplacedName
from components.support.errors import IncidentMapError, RowError
from components.support.text import html_text
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)

MAP_KEY = "place_map"
MAP_HEIGHT = 400
NAME_KEY = "place_name"
MISSED_KEY = "place_missed"
"""Session state: the names the analyst listed, by the report's text."""
CLICKED = "place_clicked"
KEPT_COLOUR = "#777777"
CHOSEN_COLOUR = "#d55e00"
ZOOM = {GeoPrecision.TOWN: 11, GeoPrecision.NEAR_TOWN: 9, GeoPrecision.REGION: 7}


@dataclass(frozen=True)
class Unplaced:
    """One name to place, with what the review says of it."""

    name: str
    item: UnplacedName

    @property
    def key(self) -> str:
        return normalize_name(self.name).replace(" ", "_")

    def status(self) -> str:
        item, wider = self.item, self.item.wider
        if wider is not None and item.incident:
            return (
                f"its incident is proposed at **{md(wider.name)}** "
                f"({md(item.precision_label or wider.kind)} precision) meanwhile"
            )
        if item.incident:
            return (
                "the text gives no wider place, so what happened there is not "
                "proposed until it is placed"
            )
        if item.rule == NAME_RULE:
            return (
                "reads as a place's name (the place-name model's reading); no "
                "incident is proposed there"
            )
        if item.rule == ANALYST_RULE:
            return (
                "named by you as a place the reader missed; once placed, the "
                "report is read again, and a row can be added for it below"
            )
        return "named as a place; no incident is proposed there"


def unplaced_names(
    extraction: Extraction, missed: Sequence[UnplacedName] = ()
) -> list[Unplaced]:
    """Each name once, in the order of the text: the reader's, then those the
    analyst named (``missed``) that it does not list."""
    seen: dict[str, Unplaced] = {}
    for item in [*extraction.unplaced, *missed]:
        key = normalize_name(item.name)
        if key not in seen or (item.incident and not seen[key].item.incident):
            seen[key] = Unplaced(item.name, item)
    return list(seen.values())


def team_credits(extraction: Extraction, team: Sequence[TeamPlace]) -> list[str]:
    """A line per place of the report that the team gazetteer gave: who added it."""
    lines = []
    for place in dict.fromkeys(i.place for i in extraction.incidents):
        placed = team_place_of(place, team)
        if placed is not None:
            lines.append(
                f":material/where_to_vote: **{md(place.name)}** is from the team "
                "gazetteer: "
                f"{md(placed.credit())}."
            )
    return lines


def place_names(
    text: str,
    extraction: Extraction,
    gazetteer: Gazetteer,
    save: Callable[..., bool],
    *,
    can_place: bool,
) -> None:
    """List the unplaced names of the report ``text``; with ``can_place``, a box
    to name a place the reader missed and the form to place them. ``save(draft)``
    saves a place and reads the report again (True if done)."""
    missed = [
        item
        for item in st.session_state.get(MISSED_KEY, {}).get(_text_key(text), [])
        if not gazetteer.candidates(item.name)  # placed since: the reader knows it
    ]
    names = unplaced_names(extraction, missed)
    if names:
        st.markdown(
            f"**{len(names)} name(s) the gazetteer does not know.** Place each one "
            "so this and every later report finds it."
        )
    for unplaced in names:
        st.markdown(
            f"- :material/location_off: **{md(unplaced.name)}**: {unplaced.status()}."
        )
    if not can_place:
        return
    _name_a_missed_place(text, gazetteer)
    if names:
        _place_form(names, extraction, gazetteer, save)


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _name_a_missed_place(text: str, gazetteer: Gazetteer) -> None:
    """A box to type a place's name the reader neither proposed nor listed; a
    name found in the text joins the names to place (kept for this report)."""
    with st.form("missed_place", clear_on_submit=True, border=False):
        typed, button = st.columns([4, 1], vertical_alignment="bottom")
        name = typed.text_input(
            "A place the reader missed",
            max_chars=MAX_NAME,
            placeholder="Type a place's name as the report writes it",
            help="A village or area the report names that is not proposed and not "
            "listed below: it joins the names to place.",
            key="missed_place_name",
        )
        listed = button.form_submit_button(
            "List it to place", width="stretch", key="missed_place_list"
        )
    if not listed:
        return
    try:
        item = missed_name(text, name, gazetteer)
    except MissedNameError as error:
        st.warning(md(str(error)), icon="🔎")
        return
    logger.info("the analyst listed %r to place", item.name)
    by_text = st.session_state.setdefault(MISSED_KEY, {})
    by_text.setdefault(_text_key(text), []).append(item)
    st.rerun()  # list it with the others, and offer it in the form


@st.fragment
def _place_form(
    names: list[Unplaced],
    extraction: Extraction,
    gazetteer: Gazetteer,
    save: Callable[..., bool],
) -> None:
    chosen = names[0]
    if len(names) > 1:
        by_name = {u.name: u for u in names}
        chosen = by_name[
            st.selectbox("Name to place", list(by_name), key=NAME_KEY) or names[0].name
        ]
    item = chosen.item
    province = _province(item, extraction)
    lat_key, lon_key = f"place_lat_{chosen.key}", f"place_lon_{chosen.key}"
    point = _point(lat_key, lon_key)
    on_map, form = st.columns([3, 2], gap="medium")
    with on_map:
        _click_map(chosen, point, lat_key, lon_key)
    form.caption(
        f"Click on the map where {md(chosen.name)} is, or type its coordinates; "
        "or, where the report says no more, choose its district. The grey ring is "
        "where it is kept now; the orange dot, the point you chose."
    )
    left, right = form.columns(2)
    with left:
        lat = st.number_input(
            "Latitude",
            min_value=-90.0,
            max_value=90.0,
            value=None,
            format="%.5f",
            key=lat_key,
        )
    with right:
        lon = st.number_input(
            "Longitude",
            min_value=-180.0,
            max_value=180.0,
            value=None,
            format="%.5f",
            key=lon_key,
        )
    districts = _districts(gazetteer, province)
    with form:
        district = st.selectbox(
            f"District ({province or 'province not known'})",
            list(districts),
            index=_district_index(list(districts), item.wider),
            placeholder="Choose a district",
            key=f"place_district_{chosen.key}",
        )
    if form.button(
        f"Place {md(chosen.name)} at this point",
        type="primary",
        disabled=lat is None or lon is None,
        width="stretch",
        key=f"place_at_point_{chosen.key}",
    ):
        where = districts.get(district or "")
        _save(
            save,
            chosen.name,
            lat,
            lon,
            GeoPrecision.TOWN,
            _admin(item, where, province, gazetteer),
        )
    if form.button(
        f"Place {md(chosen.name)} in the district only",
        disabled=district is None,
        width="stretch",
        help="Kept at the district's point, at district precision: for a name the "
        "report places no closer.",
        key=f"place_in_district_{chosen.key}",
    ):
        where = districts[district]
        _save(
            save,
            chosen.name,
            where.lat,
            where.lon,
            GeoPrecision.NEAR_TOWN,
            _admin(item, where, province, gazetteer),
        )


def _save(save, name, lat, lon, precision, admin: tuple[str, str, str]) -> None:
    admin1, district, country = admin
    try:
        draft = make_draft(
            name,
            lat,
            lon,
            precision,
            admin1=admin1,
            district=district,
            country=country,
        )
    except RowError as error:
        st.error(f"Not placed: {md(str(error))}")
        return
    try:
        done = save(draft)
    except IncidentMapError as error:
        logger.warning("placing %r failed: %s", name, error)
        st.error(f"Not placed: {md(str(error))}")
        return
    if done:
        st.rerun(scope="app")


def _point(lat_key: str, lon_key: str) -> tuple[float, float] | None:
    lat, lon = st.session_state.get(lat_key), st.session_state.get(lon_key)
    return None if lat is None or lon is None else (float(lat), float(lon))


def _click_map(
    chosen: Unplaced, point: tuple[float, float] | None, lat_key: str, lon_key: str
) -> None:
    """The small map; a click there fills in the coordinates."""
    wider = chosen.item.wider
    precision = chosen.item.precision or GeoPrecision.REGION
    # The view stays where it opened (and where the analyst panned it): a click
    # adds the dot, it does not move the map.
    centre = wider.point if wider is not None else DEFAULT_VIEW.centre
    zoom = ZOOM.get(precision, DEFAULT_VIEW.zoom)
    shown = folium.FeatureGroup(name="place")
    if wider is not None:
        folium.CircleMarker(
            wider.point,
            radius=14,
            color=KEPT_COLOUR,
            weight=3,
            fill=False,
            tooltip=folium.Tooltip(
                html_text(f"{chosen.name}: kept at {wider.name} for now"),
                permanent=True,
                direction="left",
                offset=(-14, 0),
            ),
        ).add_to(shown)
    if point is not None:
        folium.CircleMarker(
            point, radius=7, color=CHOSEN_COLOUR, fill=True, fill_opacity=0.9
        ).add_to(shown)
    returned = st_folium(
        base_map(map_assets(), MapView(centre[0], centre[1], zoom)),
        key=f"{MAP_KEY}_{chosen.key}",
        feature_group_to_add=shown,
        returned_objects=["last_clicked"],
        center=centre,
        zoom=zoom,
        height=MAP_HEIGHT,
        use_container_width=True,
    )
    clicked = (returned or {}).get("last_clicked")
    if not clicked:
        return
    try:
        here = (round(float(clicked["lat"]), 5), round(float(clicked["lng"]), 5))
    except (KeyError, TypeError, ValueError):
        return
    if st.session_state.get(f"{CLICKED}_{chosen.key}") != here:
        st.session_state[f"{CLICKED}_{chosen.key}"] = here
        st.session_state[lat_key], st.session_state[lon_key] = here
        st.rerun(scope="fragment")


def _province(item: UnplacedName, extraction: Extraction) -> str:
    if item.wider is not None and item.wider.admin1:
        return item.wider.admin1
    wide = extraction.totals_place
    return wide.place.admin1 if wide is not None else ""


def _districts(gazetteer: Gazetteer, province: str) -> dict[str, Place]:
    found = {
        p.name: p
        for p in gazetteer
        if p.kind == "district" and province and p.admin1 == province
    }
    return dict(sorted(found.items()))


def _district_index(names: list[str], wider: Place | None) -> int | None:
    if wider is None:
        return None
    name = wider.name if wider.kind == "district" else wider.district
    return names.index(name) if name in names else None


def _admin(
    item: UnplacedName, district: Place | None, province: str, gazetteer: Gazetteer
) -> tuple[str, str, str]:
    """(province, district, country) of a place being placed: the district
    chosen, else what the text's wider place says."""
    wider = item.wider
    admin1 = (district.admin1 if district else "") or province
    name = district.name if district else ""
    if not name and wider is not None:
        name = wider.name if wider.kind == "district" else wider.district
    country = (district.country if district else "") or (
        wider.country if wider is not None else ""
    )
    if not country and admin1:
        area = gazetteer.get(f"{admin1} province")
        country = area.country if area is not None else ""
    return admin1, name, country
