"""The reports behind one incident: each with its figures as said, the best
figure with its low and high, and the analyst's merge and split (each a save
with its author and reason, undone from the history like any other)."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.domain.model import CASUALTY_FIELDS, RANGE_COLUMNS
from components.domain.sources import BEST_RULE, range_text
from components.store import DatabaseStore
from components.support.errors import DataFileError, IncidentMapError
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)

INCIDENT_KEY = "sources_incident"
MAX_CHOICES = 2_000
"""The list offers the first rows of the selection, as the table does."""


def sources_panel(frame: pd.DataFrame, store: DatabaseStore, access: Access) -> None:
    if message := st.session_state.pop("sources_saved", None):
        st.success(message, icon="✅")
    chosen = bool(st.session_state.get(INCIDENT_KEY))
    with st.expander("Reports behind an incident: merge and split", expanded=chosen):
        shown = frame.head(MAX_CHOICES)
        labels = dict(
            zip(
                shown["id"].tolist(),
                (
                    shown["place"].astype(str)
                    + " · "
                    + shown["target_label"].astype(str)
                    + " · "
                    + shown["sources"].astype(str)
                    + " report(s)"
                ).tolist(),
                strict=True,
            )
        )
        incident_id = st.selectbox(
            "An incident",
            list(labels),
            index=None,
            format_func=lambda key: f"{labels[key]} ({key})",
            key=INCIDENT_KEY,
            placeholder="Choose an incident",
        )
        if incident_id is None:
            st.caption(f"Figures: {BEST_RULE}.")
            return
        row = frame.loc[frame["id"] == incident_id].iloc[0]
        _figures(row)
        entries = _reports(store, incident_id)
        if access.can_write:
            _split(store, access, incident_id, entries)
            _merge(store, access, incident_id, labels)


def _figures(row: pd.Series) -> None:
    lines = []
    for column, label in CASUALTY_FIELDS.items():
        best = None if pd.isna(row[column]) else int(row[column])
        low_column, high_column = RANGE_COLUMNS[column]
        low = None if pd.isna(row[low_column]) else int(row[low_column])
        high = None if pd.isna(row[high_column]) else int(row[high_column])
        if best is None and low is None:
            continue
        disagree = " — the reports disagree" if low is not None and low != high else ""
        lines.append(f"- {label}: {range_text(best, low, high)}{disagree}")
    st.markdown("**Best figure (low to high)**\n" + ("\n".join(lines) or "No figures."))
    st.caption(f"{BEST_RULE}.")


def _reports(store: DatabaseStore, incident_id: str) -> list:
    try:
        entries = store.sources(incident_id)
    except IncidentMapError as error:
        st.error(md(str(error)))
        return []
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "report": e.title,
                    "publisher": e.publisher or "not named",
                    "published": e.published,
                    "place as reported": e.place_reported,
                    **{
                        label: getattr(e.casualties, column)
                        for column, label in CASUALTY_FIELDS.items()
                    },
                    "where": e.location,
                }
                for e in entries
            ]
        ),
        hide_index=True,
        key="sources_reports",
        width="stretch",
    )
    return entries


def _split(store, access: Access, incident_id: str, entries: list) -> None:
    if len(entries) < 2:
        return
    with st.form(f"split_{incident_id}"):
        st.markdown("**Split**: one report is of another attack")
        choice = st.selectbox(
            "Report",
            [e.id for e in entries],
            format_func=lambda key: next(e.title for e in entries if e.id == key),
            key="sources_split_choice",
        )
        reason = st.text_input("Why (kept with the change)", key="sources_split_why")
        if not st.form_submit_button("Split it out as an incident of its own"):
            return
    try:
        result, new_id = store.split(
            incident_id, choice, author=access.author, reason=reason
        )
    except (DataFileError, IncidentMapError) as error:
        st.error(f"Nothing was saved: {md(str(error))}", icon=":material/error:")
        return
    st.session_state["sources_saved"] = (
        f"Save {result.save_id}: the report is now incident {md(new_id)}. "
        "Undo it from the history if that was wrong."
    )
    st.rerun()


def _merge(store, access: Access, incident_id: str, labels: dict[str, str]) -> None:
    others = [key for key in labels if key != incident_id]
    if not others:
        return
    with st.form(f"merge_{incident_id}"):
        st.markdown("**Merge**: another incident is this same attack")
        other = st.selectbox(
            "The other incident (it becomes part of this one)",
            others,
            format_func=lambda key: f"{labels[key]} ({key})",
            key="sources_merge_other",
        )
        reason = st.text_input("Why (kept with the change)", key="sources_merge_why")
        if not st.form_submit_button("Merge into this incident"):
            return
    try:
        result = store.merge(incident_id, other, author=access.author, reason=reason)
    except IncidentMapError as error:
        st.error(f"Nothing was saved: {md(str(error))}", icon=":material/error:")
        return
    logger.info("page merge of %s into %s by %s", other, incident_id, access.author)
    st.session_state["sources_saved"] = (
        f"Save {result.save_id}: {md(other)} is now part of {md(incident_id)}. "
        "Undo it from the history if that was wrong."
    )
    st.rerun()
