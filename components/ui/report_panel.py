"""Paste or upload a report, review the incidents it describes, and add them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.domain.model import CASUALTY_FIELDS, Event
from components.domain.vocabularies import (
    ATTACK_TYPES,
    FIGURE_SCOPES,
    TARGET_TYPES,
    DatePrecision,
    FigureScope,
)
from components.report import Extraction, decode_report, extract
from components.report.intake import (
    COUNT_COLUMNS,
    EDITABLE_COLUMNS,
    codes_of,
    incident_rows,
    label_rows,
    matching_event,
    new_event_id,
    propose,
)
from components.support.errors import DataFileError, IncidentMapError, ReportError
from components.support.text import html_text
from components.support.text import markdown_text as md
from components.ui.loading import data_store
from components.ui.match_review import same_incident_choices, save_reviewed
from components.ui.sidebar import show_event

logger = logging.getLogger(__name__)

STATE = "report_review"
TEXT_KEY = "report_text"
FILE_KEY = "report_file"
ROWS_KEY = "report_rows"
NEW_EVENT = "A new event"
EXISTING_EVENT = "An event already on the map"
SCOPE_LABELS = {
    FigureScope.INCIDENT: "This place",
    FigureScope.EVENT: "Whole event (total)",
}


def report_panel(
    frame: pd.DataFrame, events: Mapping[str, Event], access: Access
) -> None:
    if message := st.session_state.pop("report_added", None):
        st.success(message, icon="✅")
    with st.expander("Add incidents from a report", expanded=STATE in st.session_state):
        st.caption(
            "Paste a report or upload a .txt, .md or .html file. Nothing is added "
            "until you review the rows and press 'Add to the map'."
        )
        upload = st.file_uploader(
            "Report file", type=["txt", "md", "html", "htm"], key=FILE_KEY
        )
        pasted = st.text_area("Or paste the text", key=TEXT_KEY, height=150)
        if st.button("Extract", key="report_extract"):
            _read(upload, pasted)
        review = st.session_state.get(STATE)
        if review:
            _review(review, frame, events, access)


def _read(upload, pasted: str) -> None:
    try:
        if upload is not None:
            name, text = upload.name, decode_report(upload.getvalue(), upload.name)
        elif pasted.strip():
            name = "pasted text"
            text = decode_report(pasted.encode("utf-8"), "The text")
        else:
            st.warning("Paste a report or choose a file first.")
            return
        extraction = extract(text)
    except ReportError as error:
        logger.info("report refused: %s", error)
        st.error(md(str(error)))
        return
    st.session_state[STATE] = {
        "name": name,
        "text": text,
        "extraction": extraction,
        "current": frozenset(),
    }
    st.session_state.pop(ROWS_KEY, None)
    st.rerun()  # the panel opens on the review, whatever else the page changed


def _highlight(sentence: str, start: int, length: int) -> str:
    """The sentence, escaped, with ``length`` characters from ``start`` marked."""
    end = start + length
    return (
        f"{html_text(sentence[:start])}<mark>{html_text(sentence[start:end])}</mark>"
        f"{html_text(sentence[end:])}"
    )


def _evidence_html(extraction: Extraction) -> str:
    """Each incident with the words every item rests on, marked in its sentence."""
    blocks = []
    for incident in extraction.incidents:
        items = []
        for evidence in incident.evidence:
            offset = evidence.start - evidence.sentence_start
            marked = _highlight(evidence.sentence, offset, len(evidence.text))
            items.append(f"<li><b>{html_text(evidence.what)}</b>: {marked}</li>")
        where = (
            f"{incident.place.name} (whole event)"
            if incident.event_wide
            else incident.place.name
        )
        blocks.append(
            f"<p style='margin:0.4rem 0 0'><b>{html_text(where)}</b></p>"
            f"<ul style='font-size:0.9rem;line-height:1.45;margin:0'>"
            f"{''.join(dict.fromkeys(items))}</ul>"
        )
    if not blocks:
        return "<p>No incident found: no known place, target, attack or figure.</p>"
    return "".join(blocks)


def _summary(extraction: Extraction) -> str:
    places = [i.place.name for i in extraction.incidents if not i.event_wide]
    parts = [f"**{len(places)} place(s)** attacked: {md(', '.join(places) or '—')}"]
    if extraction.date:
        parts.append(f"dated {extraction.date.day} {extraction.date:%B %Y}")
    totals = extraction.total_counts
    killed = {s: v for s, v in totals["killed"].items() if v is not None}
    if killed and extraction.totals_place:
        figures = ", ".join(f"{v:,} {side}" for side, v in killed.items())
        parts.append(
            f"report-wide totals at {md(extraction.totals_place.place.name)}: "
            f"{figures} killed (the places' own figures are part of them)"
        )
    return "; ".join(parts) + "."


def _background(review: dict) -> None:
    extraction: Extraction = review["extraction"]
    if not extraction.background:
        return
    st.markdown(
        f"**{len(extraction.background)} sentence(s) about earlier events**, "
        "not counted. Tick one if it is in fact current news:"
    )
    current = set(review["current"])
    changed = False
    for item in extraction.background:
        ticked = st.checkbox(
            f"This is current: {item.evidence.sentence[:160]}",
            value=item.key in current,
            key=f"report_current_{item.key}",
        )
        if ticked != (item.key in current):
            current.symmetric_difference_update({item.key})
            changed = True
    ticked_now = [item for item in extraction.background if item.key in current]
    if changed:
        review["current"] = frozenset(current)
        review["extraction"] = extract(review["text"], current=current)
        st.session_state.pop(ROWS_KEY, None)
        st.rerun()
    if ticked_now:
        st.caption(f"{len(ticked_now)} sentence(s) read as current news.")


def _review(
    review: dict, frame: pd.DataFrame, events: Mapping[str, Event], access: Access
) -> None:
    extraction: Extraction = review["extraction"]
    st.markdown(_summary(extraction))
    for name in extraction.unplaced:
        st.warning(
            f"'{md(name.name)}' reads as a place but is not in the gazetteer; its "
            "incident is not proposed. Add its spelling to the gazetteer, or add a "
            "row by hand with its lat and lon.",
            icon="📍",
        )
    with st.expander("What the report says, with the words it rests on"):
        st.html(_evidence_html(extraction))
    _background(review)
    proposed = pd.DataFrame(label_rows(propose(extraction)), columns=EDITABLE_COLUMNS)
    proposed.insert(0, "add", True)
    for column in [*COUNT_COLUMNS, "injured"]:
        proposed[column] = pd.to_numeric(proposed[column], errors="coerce").astype(
            "Int64"
        )
    proposed["date"] = pd.to_datetime(proposed["date"], errors="coerce").dt.date
    proposed["figure_scope"] = proposed["figure_scope"].map(SCOPE_LABELS)
    st.markdown(
        "**Rows to add**: one per place and target; an incident's figures sit on "
        "its first row, beside the words they come from. Edit, untick or add rows."
    )
    edited = st.data_editor(
        proposed,
        key=ROWS_KEY,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_order=["add", *[c for c in EDITABLE_COLUMNS if c not in ("lat", "lon")]],
        column_config=_editor_columns(),
    )
    left, right = st.columns(2)
    match = matching_event(extraction, frame, events)
    with left:
        event_id, date, date_precision, new_event = _event_inputs(
            extraction, events, match
        )
    with right:
        source = _source_inputs(extraction, review["name"])
    chosen = edited[edited["add"].fillna(False)].drop(columns="add")
    rows = _rows(chosen, frame, (event_id, date, date_precision), source)
    choices = same_incident_choices(rows, data_store(), key="report")
    if st.button(
        f"Add {len(chosen)} row(s) to the map",
        type="primary",
        disabled=chosen.empty,
        key="report_add",
    ):
        _add(rows, choices, events, (event_id, new_event), source, access.author)


def _editor_columns() -> dict:
    return {
        "add": st.column_config.CheckboxColumn("Add", default=True),
        "place": st.column_config.TextColumn("Place", required=True),
        "geo_precision": st.column_config.SelectboxColumn(
            "Geo precision",
            options=["1", "2", "3"],
            help="1 the town, 2 near a town or a district, 3 the province",
        ),
        "target_type": st.column_config.SelectboxColumn(
            "Target", options=[t.label for t in TARGET_TYPES.values()], required=True
        ),
        "attack_types": st.column_config.TextColumn(
            "Attack types",
            help="Separated by commas: "
            + ", ".join(a.label for a in ATTACK_TYPES.values()),
        ),
        **{
            column: st.column_config.NumberColumn(
                label, min_value=0, max_value=1_000_000, step=1
            )
            for column, label in CASUALTY_FIELDS.items()
        },
        "figure_scope": st.column_config.SelectboxColumn(
            "Figures are for",
            options=list(SCOPE_LABELS.values()),
            help="; ".join(f"{SCOPE_LABELS[k]}: {v}" for k, v in FIGURE_SCOPES.items()),
        ),
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "evidence": st.column_config.TextColumn("Figures' words", disabled=True),
        "notes": st.column_config.TextColumn("Notes", width="large"),
        "source_excerpt": st.column_config.TextColumn("Source text", disabled=True),
    }


def _rows(
    chosen: pd.DataFrame,
    frame: pd.DataFrame,
    event: tuple[str, dt.date, int],
    source: dict[str, str],
) -> list[dict[str, str]]:
    """The reviewed rows as complete rows to save (codes, ids, event, source)."""
    event_id, date, date_precision = event
    scopes = {label: code for code, label in SCOPE_LABELS.items()}
    records = codes_of(chosen.to_dict("records"))
    for record in records:
        record["figure_scope"] = scopes.get(
            str(record.get("figure_scope") or ""), FigureScope.INCIDENT
        )
    return incident_rows(
        records,
        event_id=event_id,
        date=date,
        date_precision=date_precision,
        source=source,
        existing=frame,
    )


def _add(
    rows: list[dict[str, str]],
    choices: list[str | None],
    events: Mapping[str, Event],
    event: tuple[str, dict[str, str] | None],
    source: dict[str, str],
    author: str,
) -> None:
    event_id, new_event = event
    event_rows = (
        [{**new_event, **source, "notes": "Added from a report."}] if new_event else []
    )
    try:
        _, added, attached = save_reviewed(
            data_store(),
            rows,
            choices,
            event_rows,
            author=author,
            source=source["source_location"],
            reason=f"from the report '{source['source_title']}'",
        )
    except DataFileError as error:
        st.error("Nothing was added. Fix these and try again:")
        st.code("\n".join(str(problem) for problem in error.problems), language=None)
        return
    except (IncidentMapError, OSError) as error:
        logger.warning("adding rows from a report failed: %s", error)
        st.error(f"Nothing was added: {md(str(error))}")
        return
    if added:
        show_event(event_id)
    revised = sum(
        1
        for row, choice in zip(rows, choices, strict=True)
        if row["revises"] and not choice
    )
    event_name = new_event["name"] if new_event else events[event_id].name
    st.session_state["report_added"] = (
        f"Added {added} row(s) from '{md(source['source_title'])}' to "
        f"'{md(event_name)}'"
        + (f"; {revised} revise earlier figures" if revised else "")
        + (
            f"; {attached} as a new source of incidents already held"
            if attached
            else ""
        )
        + "."
    )
    del st.session_state[STATE]
    st.rerun()


def _event_inputs(
    extraction: Extraction, events: Mapping[str, Event], match
) -> tuple[str, dt.date, int, dict[str, str] | None]:
    """(event id, date, date precision, new event row or None). A new event unless
    the report's date and places match a recorded one; then that one is offered,
    with why."""
    st.markdown("**Event**")
    choice = st.radio(
        "Add the rows to",
        [NEW_EVENT, EXISTING_EVENT],
        key="report_event_choice",
        disabled=not events,
        index=1 if match else 0,
        horizontal=True,
    )
    if match:
        st.caption(f"Offered because the report has the {md(match.reason)}.")
    if choice == EXISTING_EVENT and events:
        keys = list(events)
        event_id = st.selectbox(
            "Event",
            keys,
            index=keys.index(match.event_id) if match else len(keys) - 1,
            format_func=lambda key: events[key].name,
            key="report_event",
        )
        event = events[event_id]
        return event_id, event.date, int(event.date_precision), None
    name = st.text_input(
        "Event name", value=extraction.title[:80], key="report_event_name"
    )
    date = st.date_input(
        "Event date",
        value=extraction.date or dt.date.today(),
        key="report_event_date",
    )
    date_precision = st.selectbox(
        "Date precision",
        [p.value for p in DatePrecision],
        format_func=lambda code: DatePrecision(code).label,
        key="report_precision",
    )
    wide = extraction.totals_place
    admin1 = st.text_input(
        "Province",
        value=wide.place.admin1 if wide else "",
        key="report_admin1",
    )
    event_id = new_event_id(name, date, events)
    new_event = {
        "id": event_id,
        "name": name,
        "date": date.isoformat(),
        "date_precision": str(date_precision),
        "admin1": admin1,
    }
    return event_id, date, date_precision, new_event


def _source_inputs(extraction: Extraction, name: str) -> dict[str, str]:
    st.markdown("**Source**")
    title = st.text_input(
        "Title", value=extraction.title[:200], key="report_source_title"
    )
    publisher = st.text_input("Publisher (blank if not named)", key="report_publisher")
    source_date = st.date_input(
        "Published",
        value=extraction.date or dt.date.today(),
        key="report_source_date",
    )
    location = st.text_input(
        "Where the text is (URL or file)", value=name, key="report_location"
    )
    return {
        "source_title": title,
        "source_publisher": publisher,
        "source_date": source_date.isoformat(),
        "source_location": location,
    }
