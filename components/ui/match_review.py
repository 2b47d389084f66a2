"""'The same incident as #N?': the matcher's proposal for each reviewed row, the
reviewer's choice, and the save that adds a report as a source of an incident
already held instead of a new row. Used by the report panel and the inbox."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import streamlit as st

from components.domain.model import CASUALTY_FIELDS
from components.store import DatabaseStore
from components.store.saving import SaveResult
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)

NEW = "A new incident"


def _has_figures(row: Mapping[str, object]) -> bool:
    return any(str(row.get(column) or "").strip() for column in CASUALTY_FIELDS)


def proposals(
    rows: Sequence[Mapping[str, object]], store: DatabaseStore
) -> list[tuple[str | None, str]]:
    """(incident id or None, why) for each row: the matcher's answer."""
    answers: list[tuple[str | None, str]] = []
    for row in rows:
        proposal = store.propose_match(row)
        if proposal is None:
            answers.append((None, ""))
        else:
            answers.append((proposal.incident_id, proposal.summary()))
    return answers


def same_incident_choices(
    rows: Sequence[Mapping[str, object]],
    store: DatabaseStore,
    key: str,
    answers: Sequence[tuple[str | None, str]] | None = None,
) -> list[str | None]:
    """For each row, the incident it is a new report of (None: a new incident),
    as the reviewer confirms it; the matcher's proposal is the default."""
    answers = list(answers) if answers is not None else proposals(rows, store)
    choices: list[str | None] = [None] * len(rows)
    matched = [(n, a) for n, a in enumerate(answers) if a[0] is not None]
    if not matched:
        return choices
    st.markdown(
        f"**Already on the map?** {len(matched)} row(s) describe an incident the "
        "record holds. Confirm to add the report as a source of it (its figures "
        "are kept as said, and the incident shows the range); or keep it new."
    )
    for number, (incident_id, why) in matched:
        row = rows[number]
        label = f"Row {number + 1}: {row.get('place', '')}" + (
            "" if _has_figures(row) else " (no figures)"
        )
        same = f"Same incident as #{incident_id}"
        picked = st.radio(
            md(label),
            [same, NEW],
            key=f"{key}_same_{number}",
            horizontal=True,
        )
        st.caption(md(why))
        choices[number] = incident_id if picked == same else None
    return choices


def split_rows(
    rows: Sequence[Mapping[str, str]], choices: Sequence[str | None]
) -> tuple[list[Mapping[str, str]], dict[str, list[Mapping[str, str]]]]:
    """(rows that are new incidents, {incident id: rows that are its sources})."""
    new = [row for row, choice in zip(rows, choices, strict=True) if choice is None]
    attached: dict[str, list[Mapping[str, str]]] = {}
    for row, choice in zip(rows, choices, strict=True):
        if choice is not None:
            attached.setdefault(choice, []).append(row)
    return new, attached


def save_reviewed(
    store: DatabaseStore,
    rows: Sequence[Mapping[str, str]],
    choices: Sequence[str | None],
    events: Sequence[Mapping[str, str]],
    *,
    author: str,
    reason: str,
    source: str,
) -> tuple[SaveResult, int, int]:
    """One save: the rows chosen new as incidents, the others as sources of the
    incidents chosen. Returns the save, how many rows are new and how many
    are sources."""
    new, attached = split_rows(rows, choices)
    needed = events if new else ()
    result = store.add_reviewed(
        new, needed, attached, author=author, reason=reason, source=source
    )
    sources = sum(len(r) for r in attached.values())
    logger.info("reviewed report saved: %d new, %d source(s)", len(new), sources)
    return result, len(new), sources
