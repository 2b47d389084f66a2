"""Who changed what: the latest saves, undo, and one incident's history and edit."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.domain.model import CASUALTY_FIELDS
from components.store import DatabaseStore
from components.support.errors import DataFileError, IncidentMapError
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)

INCIDENT_KEY = "history_incident"
OPENED = "history_opened_versions"
"""The version of each incident when its edit form was opened: a save names it,
so a change someone else saved meanwhile is not overwritten."""


def history_panel(frame: pd.DataFrame, store: DatabaseStore, access: Access) -> None:
    if message := st.session_state.pop("history_saved", None):
        st.success(message, icon="✅")
    chosen = bool(st.session_state.get(INCIDENT_KEY))
    with st.expander("History: who changed what", expanded=chosen):
        _saves(store, access)
        _incident(frame, store, access)


def _saves(store: DatabaseStore, access: Access) -> None:
    saves = store.recent_saves(15)
    st.markdown("**Latest saves**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "save": s.id,
                    "when (UTC)": s.saved_at.strftime("%Y-%m-%d %H:%M"),
                    "by": s.author,
                    "kind": s.kind + (f" of save {s.undoes}" if s.undoes else ""),
                    "incidents": s.incidents,
                    "reason or source": s.reason or s.source,
                }
                for s in saves
            ]
        ),
        hide_index=True,
        key="history_saves",
        width="stretch",
    )
    undoable = [s.id for s in saves if s.kind in ("add", "import", "edit", "undo")]
    if not (access.can_write and undoable):
        return
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    chosen = left.selectbox("Undo a save", undoable, key="history_undo_save")
    if right.button(f"Undo save {chosen}", key="history_undo"):
        try:
            result = store.undo(chosen, author=access.author)
        except IncidentMapError as error:
            st.error(md(str(error)), icon=":material/error:")
            return
        st.session_state["history_saved"] = (
            f"Save {result.save_id} undid save {chosen}; both stay in the history."
        )
        st.rerun()


MAX_CHOICES = 2_000
"""The incident list offers the first rows of the selection, as the table does."""


def _incident(frame: pd.DataFrame, store: DatabaseStore, access: Access) -> None:
    shown = frame.head(MAX_CHOICES)
    if len(frame) > MAX_CHOICES:
        st.caption(
            f"The list offers the first {MAX_CHOICES:,} incidents of the selection; "
            "narrow the filters to reach the others."
        )
    names = (
        shown["place"].astype(str) + " · " + shown["target_label"].astype(str)
    ).tolist()
    labels = dict(zip(shown["id"].tolist(), names, strict=True))
    incident_id = st.selectbox(
        "An incident's history",
        list(labels),
        index=None,
        format_func=lambda key: f"{labels[key]} ({key})",
        key=INCIDENT_KEY,
        placeholder="Choose an incident",
    )
    if incident_id is None:
        return
    for entry in store.history(incident_id):
        changes = "; ".join(entry.changes) or "no field changed"
        state = " — retracted" if entry.retracted else ""
        why = f" — {md(entry.reason)}" if entry.reason else ""
        st.markdown(
            f"{entry.number}. **{md(entry.author)}**, "
            f"{entry.saved_at:%Y-%m-%d %H:%M} ({entry.kind}{state}): "
            f"{md(changes)}{why}"
        )
    if access.can_write:
        _edit_form(frame, store, access, incident_id)


def _edit_form(
    frame: pd.DataFrame, store: DatabaseStore, access: Access, incident_id: str
) -> None:
    opened = st.session_state.setdefault(OPENED, {})
    version = opened.setdefault(incident_id, store.version_of(incident_id))
    row = frame.loc[frame["id"] == incident_id].iloc[0]
    with st.form(f"edit_{incident_id}"):
        st.markdown(f"**Change this incident** (you opened version {version})")
        columns = st.columns(len(CASUALTY_FIELDS))
        values = {}
        for column, (field, label) in zip(
            columns, CASUALTY_FIELDS.items(), strict=True
        ):
            current = row[field]
            values[field] = column.number_input(
                label,
                min_value=0,
                max_value=1_000_000,
                value=None if pd.isna(current) else int(current),
                step=1,
                key=f"edit_{incident_id}_{field}",
            )
        notes = st.text_area(
            "Notes", value=row["notes"], key=f"edit_{incident_id}_notes"
        )
        reason = st.text_input(
            "Why (kept with the change)", key=f"edit_{incident_id}_why"
        )
        if not st.form_submit_button("Save the change"):
            return
    changes = {f: "" if v is None else str(int(v)) for f, v in values.items()}
    changes["notes"] = notes
    try:
        result = store.edit(
            incident_id,
            changes,
            expected_version=version,
            author=access.author,
            reason=reason,
        )
    except DataFileError as error:
        st.error("Nothing was saved:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return
    except IncidentMapError as error:
        opened.pop(incident_id, None)
        st.error(md(str(error)), icon=":material/error:")
        return
    opened.pop(incident_id, None)
    st.session_state["history_saved"] = f"Saved as save {result.save_id}."
    logger.info("page edit of %s by %s", incident_id, access.author)
    st.rerun()
