"""Who changed what: the latest saves, undo, and one incident's history and edit."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.store import DatabaseStore
from components.support.errors import IncidentMapError
from components.support.text import markdown_text as md
from components.ui.incident_edit import edit_form

logger = logging.getLogger(__name__)

INCIDENT_KEY = "history_incident"
"""The incident whose history shows (also set by a click in the incident list)."""


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
    chosen = st.session_state.get(INCIDENT_KEY)
    if chosen and chosen not in set(shown["id"]):  # clicked in the incident list
        row = frame[frame["id"] == chosen]
        if len(row):
            shown = pd.concat([row, shown])
        else:  # no longer selected
            del st.session_state[INCIDENT_KEY]
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
        edit_form(store, access, incident_id)
