"""The inbox's review queue: reports the inbox worker took in (a watched folder,
the team's feeds), read and matched, waiting for a person. Accept (each row a
new incident, or a new source of the incident it matches), edit, or reject with
a reason. Nothing here is on the map until it is accepted.

The worker is a process of its own (``python -m components.inbox run``); the
page sees its work only through the store's queue.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.domain.model import CASUALTY_FIELDS, Event
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES, FigureScope
from components.report.intake import (
    EDITABLE_COLUMNS,
    codes_of,
    incident_rows,
    label_rows,
    new_event_id,
)
from components.store import DatabaseStore
from components.store.queue import QueueItem
from components.support.errors import DataFileError, IncidentMapError
from components.support.text import markdown_text as md
from components.ui.match_review import same_incident_choices, split_rows

logger = logging.getLogger(__name__)

SHOWN = 10
"""Items shown at once, oldest first; the next come as these are decided."""
NEW_EVENT = ""
"""The event choice that makes a new event named from the report."""


def inbox_panel(
    frame: pd.DataFrame,
    events: Mapping[str, Event],
    store: DatabaseStore,
    access: Access,
) -> None:
    if message := st.session_state.pop("inbox_done", None):
        st.success(message, icon="✅")
    try:
        counts = store.queue.counts()
    except IncidentMapError as error:
        st.warning(f"The inbox cannot be read: {md(str(error))}")
        return
    waiting = counts["proposed"]
    reading = counts["queued"] + counts["working"]
    label = f"Inbox: {waiting} report(s) to review"
    if reading:
        label += f", {reading} being read"
    with st.expander(label, expanded=bool(waiting)):
        st.caption(
            "Reports the inbox worker took in from the watched folder and the feeds, "
            "read and matched against the record. Nothing here is on the map until "
            f"you accept it. Accepted so far: {counts['accepted']}; rejected: "
            f"{counts['rejected']}; set aside unread: {counts['failed']}."
        )
        if not access.can_write:
            st.info("Reviewing the inbox needs write access.")
        else:
            for item in store.queue.items("proposed", SHOWN):
                with st.container(border=True):
                    _review(item, frame, events, store, access)
        _set_aside(store, counts["failed"])


def _set_aside(store: DatabaseStore, failed: int) -> None:
    if not failed:
        return
    st.markdown(f"**Set aside unread ({failed})**, each with why:")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "#": item.id,
                    "from": item.origin,
                    "where": item.location,
                    "why": item.note,
                    "received (UTC)": f"{item.received_at:%Y-%m-%d %H:%M}",
                }
                for item in store.queue.items("failed", 200)
            ]
        ),
        hide_index=True,
        key="inbox_failed",
        width="stretch",
    )


def _source(item: QueueItem, title: str, published: dt.date) -> dict[str, str]:
    return {
        "source_title": title,
        "source_publisher": "",
        "source_date": published.isoformat(),
        "source_location": item.location
        if item.origin == "feed"
        else f"inbox: {item.location}",
    }


def _review(
    item: QueueItem,
    frame: pd.DataFrame,
    events: Mapping[str, Event],
    store: DatabaseStore,
    access: Access,
) -> None:
    proposal = item.proposal
    title = str(proposal.get("title") or item.title or item.location)
    date = _date(proposal.get("date")) or item.published or dt.date.today()
    where = "feed" if item.origin == "feed" else "folder"
    st.markdown(f"**#{item.id} · {md(title)}**  \n{where}: {md(item.location)}")
    notes = [item.note] if item.note else []
    notes += [
        f"'{name}' reads as a place the gazetteer does not know"
        for name in proposal.get("unplaced", [])
    ]
    if notes:
        st.caption(md("; ".join(notes)))
    rows = proposal.get("rows", [])
    if not rows:
        st.caption("The report reader found no incident in this report.")
    proposed = pd.DataFrame(label_rows(rows), columns=EDITABLE_COLUMNS)
    proposed.insert(0, "add", True)
    for column in CASUALTY_FIELDS:
        proposed[column] = pd.to_numeric(proposed[column], errors="coerce").astype(
            "Int64"
        )
    edited = st.data_editor(
        proposed,
        key=f"inbox_rows_{item.id}",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_order=[
            "add",
            "place",
            "target_type",
            "attack_types",
            *CASUALTY_FIELDS,
            "date",
            "notes",
        ],
        column_config={
            "add": st.column_config.CheckboxColumn("Add", default=True),
            "target_type": st.column_config.SelectboxColumn(
                "Target", options=[t.label for t in TARGET_TYPES.values()]
            ),
            "attack_types": st.column_config.TextColumn(
                "Attack types",
                help=", ".join(a.label for a in ATTACK_TYPES.values()),
            ),
        },
    )
    chosen = edited[edited["add"].fillna(False)].drop(columns="add")
    keys = [NEW_EVENT, *events]
    event_id = st.selectbox(
        "Event",
        keys,
        format_func=lambda key: (
            f"A new event: {title[:60]}" if key == NEW_EVENT else events[key].name
        ),
        key=f"inbox_event_{item.id}",
    )
    source = _source(item, title, item.published or date)
    new_event = None
    if event_id == NEW_EVENT:
        event_id = new_event_id(title[:80], date, events)
        new_event = {
            "id": event_id,
            "name": title[:80],
            "date": date.isoformat(),
            "date_precision": "1",
            "admin1": "",
            **source,
            "notes": f"Added from inbox item #{item.id}.",
        }
        event_date, precision = date, 1
    else:
        event_date, precision = (
            events[event_id].date,
            int(events[event_id].date_precision),
        )
    complete = _complete(chosen, frame, event_id, event_date, precision, source)
    choices = same_incident_choices(complete, store, key=f"inbox_{item.id}")
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    if left.button(
        f"Accept {len(complete)} row(s)",
        key=f"inbox_accept_{item.id}",
        type="primary",
        disabled=not complete,
    ):
        _accept(item, store, access, complete, choices, new_event, title)
    reason = right.text_input("Why reject it", key=f"inbox_reason_{item.id}")
    if right.button("Reject", key=f"inbox_reject_{item.id}"):
        try:
            store.queue.reject(item.id, author=access.author, reason=reason)
        except IncidentMapError as error:
            st.error(md(str(error)), icon=":material/error:")
            return
        st.session_state["inbox_done"] = f"Item #{item.id} rejected."
        st.rerun()


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _complete(
    chosen: pd.DataFrame,
    frame: pd.DataFrame,
    event_id: str,
    date: dt.date,
    precision: int,
    source: dict[str, str],
) -> list[dict[str, str]]:
    records = codes_of(chosen.to_dict("records"))
    for record in records:
        record["figure_scope"] = record.get("figure_scope") or FigureScope.INCIDENT
    return incident_rows(
        records,
        event_id=event_id,
        date=date,
        date_precision=precision,
        source=source,
        existing=frame,
    )


def _accept(
    item: QueueItem,
    store: DatabaseStore,
    access: Access,
    rows: list[dict[str, str]],
    choices: list[str | None],
    new_event: dict[str, str] | None,
    title: str,
) -> None:
    new, attached = split_rows(rows, choices)
    try:
        result = store.queue.accept(
            item.id,
            new,
            [new_event] if new_event and new else [],
            attached,
            author=access.author,
            reason=f"from the inbox: '{title[:120]}'",
            source=item.location,
        )
    except DataFileError as error:
        st.error("Nothing was added. Fix these and try again:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return
    except IncidentMapError as error:
        st.error(f"Nothing was added: {md(str(error))}", icon=":material/error:")
        return
    sources = sum(len(r) for r in attached.values())
    logger.info("inbox item #%d accepted as save %d", item.id, result.save_id)
    st.session_state["inbox_done"] = (
        f"Item #{item.id} accepted: {len(new)} new incident(s)"
        + (f", {sources} as a new source of incidents held" if sources else "")
        + "."
    )
    st.rerun()
