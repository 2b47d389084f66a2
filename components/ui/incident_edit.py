"""Changing a saved incident: every field a person may edit, what the change will
be (said before it is saved), and the save itself, as a new revision with its
author and reason that History lists and can undo.

The place is named (and placed by the gazetteer) or clicked on the map; the form
is a fragment, so changing a field reruns the form alone. What it shows as
problems comes from the same validator the store's save runs
(``components.domain.edits.check_edit``), so what the form accepts is saved.
"""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.domain.access import Access
from components.domain.edits import (
    LABELS,
    changed_cells,
    check_edit,
    describe_changes,
)
from components.domain.model import CASUALTY_FIELDS
from components.domain.vocabularies import (
    ATTACK_TYPES,
    FIGURE_SCOPES,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)
from components.store import DatabaseStore
from components.store.saving import EditableIncident
from components.support.errors import DataFileError, IncidentMapError
from components.support.text import markdown_text as md
from components.ui import map_focus

logger = logging.getLogger(__name__)

OPENED = "edit_opened"
"""{incident id: the incident as its form was opened}: a save names that
version, so a change someone else saved meanwhile is never overwritten."""
SAVED = "history_saved"
"""The message the History panel shows after the page runs again."""
GAZETTEER_PRECISION = ""
"""The geo precision option that leaves it to the gazetteer's match."""


def edit_form(store: DatabaseStore, access: Access, incident_id: str) -> None:
    """The form that changes ``incident_id`` (for someone who may write)."""
    _form(store, access, incident_id)


@st.fragment
def _form(store: DatabaseStore, access: Access, incident_id: str) -> None:
    opened = st.session_state.setdefault(OPENED, {})
    start: EditableIncident = opened.get(incident_id) or store.editable(incident_id)
    opened[incident_id] = start
    before = start.cells
    key = f"edit_{incident_id}_{start.version}"
    st.markdown(f"**Change this incident** (you opened version {start.version})")
    now = store.version_of(incident_id)
    if now != start.version:
        st.warning(
            f"A later save changed this incident (now version {now}); a save from "
            "this form would be refused.",
            icon=":material/history:",
        )
        st.button(
            "Start again from the latest version",
            key=f"{key}_reopen",
            on_click=opened.pop,
            args=(incident_id, None),
        )
    after = dict(before)
    _place(store, before, after, key)
    _what(before, after, key)
    _figures(before, after, key)
    _source(before, after, key)
    after["notes"] = st.text_area("Notes", value=before["notes"], key=f"{key}_notes")
    reason = st.text_input(
        "Why (kept with the change)",
        key=f"{key}_why",
        placeholder="e.g. a second source places it at the market",
    )
    changes = describe_changes(before, after)
    problems = check_edit(before, after, store.gazetteer)
    if changes:
        listing = "\n".join(f"- {md(change)}" for change in changes)
        st.markdown(f"**What will change**\n{listing}")
    else:
        st.caption("Nothing is changed yet.")
    if problems:
        listing = "\n".join(
            f"- {md(LABELS.get(p.field, p.field))}: {md(p.message)}" for p in problems
        )
        st.error(f"This cannot be saved yet:\n{listing}", icon=":material/error:")
    ready = bool(changes) and not problems and bool(reason.strip())
    if not st.button(
        "Save the change",
        key=f"{key}_save",
        disabled=not ready,
        help=None if ready else "Change a field and say why first.",
    ):
        return
    _save(store, access, incident_id, start, after, reason)


def _place(store: DatabaseStore, before: dict, after: dict, key: str) -> None:
    name_box, precision_box = st.columns([2, 1])
    after["place"] = name_box.text_input(
        "Place, as the source names it",
        value=before["place"],
        key=f"{key}_place",
        on_change=_new_place,
        args=(key,),
    )
    found = store.gazetteer.match(after["place"], fuzzy=False)
    if found.place is not None:
        place = found.place
        name_box.caption(
            md(
                f"The gazetteer's {place.name} ({place.admin1 or place.country}) at "
                f"{place.lat:.4f}, {place.lon:.4f}."
            )
        )
    elif after["place"].strip():
        closest = ", ".join(found.suggestions[:3])
        name_box.caption(
            md(
                f"Not in the gazetteer{f'; closest: {closest}' if closest else ''}. "
                "Pick its point on the map, or correct the name."
            )
        )
    precisions = [GAZETTEER_PRECISION, *(str(int(p)) for p in GeoPrecision)]
    after["geo_precision"] = precision_box.selectbox(
        LABELS["geo_precision"],
        precisions,
        index=_index(f"{key}_geo_precision", precisions, before["geo_precision"]),
        format_func=_precision_label,
        key=f"{key}_geo_precision",
    )
    point = _point(before, key)
    after["lat"], after["lon"] = (
        (f"{point[0]:.5f}", f"{point[1]:.5f}") if point else ("", "")
    )
    pick, own = st.columns(2)
    if map_focus.picking() == key:
        pick.info("Click the map where it happened (beside the markers).", icon="📍")
        own.button("Stop picking", key=f"{key}_stop", on_click=map_focus.stop_picking)
    else:
        pick.button(
            "Pick the point on the map",
            key=f"{key}_pick",
            on_click=map_focus.start_picking,
            args=(key,),
        )
        if point:
            own.button(
                "Use the place's own point",
                key=f"{key}_unpin",
                on_click=_unpin,
                args=(key,),
            )
    if point is None:
        st.caption("Drawn at the gazetteer's point for the place.")
        return
    town, km = store.gazetteer.nearest(*point)
    st.caption(
        md(
            f"Drawn at {point[0]:.5f}, {point[1]:.5f} (a point of its own), "
            f"{km:,.1f} km from {town.name}, the nearest town the gazetteer knows."
        )
    )


def _index(key: str, options: list[str], current: str) -> int:
    """A choice's first position: the stored value's, until the widget holds one
    (then Streamlit keeps that, and a default is not asked for)."""
    if key in st.session_state or current not in options:
        return 0
    return options.index(current)


def _point(before: dict, key: str) -> tuple[float, float] | None:
    """The record's own point: as stored, or the one last clicked for this form."""
    name = f"{key}_point"
    if name not in st.session_state:
        pinned = before["lat"].strip() and before["lon"].strip()
        st.session_state[name] = (
            (float(before["lat"]), float(before["lon"])) if pinned else None
        )
    clicked = map_focus.picked(key)
    if clicked is not None:
        st.session_state[name] = clicked
        map_focus.forget_pick(key)
    return st.session_state[name]


def _unpin(key: str) -> None:
    st.session_state[f"{key}_point"] = None


def _new_place(key: str) -> None:
    """A new name: its point and precision are the gazetteer's, unless set again."""
    st.session_state[f"{key}_point"] = None
    st.session_state[f"{key}_geo_precision"] = GAZETTEER_PRECISION


def _precision_label(code: str) -> str:
    if code == GAZETTEER_PRECISION:
        return "the gazetteer's, for the place"
    return f"{code}: {GeoPrecision(int(code)).label}"


def _what(before: dict, after: dict, key: str) -> None:
    target, attack = st.columns(2)
    targets = list(TARGET_TYPES)
    after["target_type"] = target.selectbox(
        LABELS["target_type"],
        targets,
        index=_index(f"{key}_target_type", targets, before["target_type"]),
        format_func=lambda code: TARGET_TYPES[code].label,
        key=f"{key}_target_type",
    )
    chosen = [c for c in before["attack_types"].split(";") if c in ATTACK_TYPES]
    after["attack_types"] = ";".join(
        attack.multiselect(
            LABELS["attack_types"],
            list(ATTACK_TYPES),
            default=chosen,
            format_func=lambda code: ATTACK_TYPES[code].label,
            key=f"{key}_attack_types",
        )
    )
    day, precision = st.columns(2)
    after["date"] = _date_input(day, "date", before, key)
    codes = [str(int(p)) for p in DatePrecision]
    after["date_precision"] = precision.selectbox(
        LABELS["date_precision"],
        codes,
        index=_index(f"{key}_date_precision", codes, before["date_precision"]),
        format_func=lambda code: f"{code}: {DatePrecision(int(code)).label}",
        key=f"{key}_date_precision",
    )


def _date_input(where: DeltaGenerator, field: str, before: dict, key: str) -> str:
    """A date field of the form, as ISO text ('' when blank)."""
    return _iso(
        where.date_input(
            LABELS[field],
            value=_day(before[field]),
            min_value=dt.date(1900, 1, 1),
            max_value=dt.date(2100, 12, 31),
            key=f"{key}_{field}",
        )
    )


def _figures(before: dict, after: dict, key: str) -> None:
    columns = st.columns(len(CASUALTY_FIELDS))
    for column, (field, label) in zip(columns, CASUALTY_FIELDS.items(), strict=True):
        after[field] = column.text_input(
            label,
            value=before[field],
            key=f"{key}_{field}",
            placeholder="not reported",
            help="A whole number; blank where the source gives none (never 0).",
        )
    scopes = list(FIGURE_SCOPES)
    after["figure_scope"] = st.selectbox(
        LABELS["figure_scope"],
        scopes,
        index=_index(f"{key}_figure_scope", scopes, before["figure_scope"]),
        format_func=FIGURE_SCOPES.__getitem__,
        key=f"{key}_figure_scope",
    )


def _source(before: dict, after: dict, key: str) -> None:
    title, publisher, day = st.columns([2, 1, 1])
    after["source_title"] = title.text_input(
        LABELS["source_title"], value=before["source_title"], key=f"{key}_source_title"
    )
    after["source_publisher"] = publisher.text_input(
        LABELS["source_publisher"],
        value=before["source_publisher"],
        key=f"{key}_source_publisher",
    )
    after["source_date"] = _date_input(day, "source_date", before, key)
    after["source_location"] = st.text_input(
        LABELS["source_location"],
        value=before["source_location"],
        key=f"{key}_source_location",
    )
    after["source_excerpt"] = st.text_area(
        LABELS["source_excerpt"],
        value=before["source_excerpt"],
        key=f"{key}_source_excerpt",
    )


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ""


def _save(
    store: DatabaseStore,
    access: Access,
    incident_id: str,
    start: EditableIncident,
    after: dict[str, str],
    reason: str,
) -> None:
    opened = st.session_state[OPENED]
    changes = changed_cells(start.cells, after)
    said = ", ".join(c.label.lower() for c in describe_changes(start.cells, after))
    try:
        result = store.edit(
            incident_id,
            changes,
            expected_version=start.version,
            author=access.author,
            reason=reason.strip(),
        )
    except DataFileError as error:
        st.error("Nothing was saved:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return
    except IncidentMapError as error:  # a conflict: open it again to see theirs
        opened.pop(incident_id, None)
        st.error(md(str(error)), icon=":material/error:")
        return
    opened.pop(incident_id, None)
    st.session_state[SAVED] = (
        f"Saved as save {result.save_id}: {said} of {incident_id}."
    )
    logger.info("page edit of %s by %s: %s", incident_id, access.author, list(changes))
    st.rerun(scope="app")
