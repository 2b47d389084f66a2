"""Paste or upload a report, review what it claims, and add it to the map."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.data import DataFileError
from components.errors import IncidentMapError
from components.intake import EDITABLE_COLUMNS, incident_rows, new_event_id, propose
from components.model import (
    ATTACK_TYPES,
    CASUALTY_FIELDS,
    TARGET_TYPES,
    DatePrecision,
    Event,
    GeoPrecision,
)
from components.report import Evidence, Extraction, ReportError, decode_report, extract
from components.text import html_text
from components.text import markdown_text as md
from components.ui.loading import data_store

logger = logging.getLogger(__name__)

STATE = "report_review"
TEXT_KEY = "report_text"
FILE_KEY = "report_file"
ROWS_KEY = "report_rows"
NEW_EVENT = "A new event"
EXISTING_EVENT = "An event already on the map"


def report_panel(frame: pd.DataFrame, events: Mapping[str, Event]) -> None:
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
            _extract(upload, pasted)
        review = st.session_state.get(STATE)
        if review:
            _review(review, frame, events)


def _extract(upload, pasted: str) -> None:
    try:
        if upload is not None:
            name, text = upload.name, decode_report(upload.getvalue(), upload.name)
        elif pasted.strip():
            name, text = (
                "pasted text",
                decode_report(pasted.encode("utf-8"), "The text"),
            )
        else:
            st.warning("Paste a report or choose a file first.")
            return
        extraction = extract(text)
    except ReportError as error:
        logger.info("report refused: %s", error)
        st.error(md(str(error)))
        return
    st.session_state[STATE] = {"name": name, "text": text, "extraction": extraction}
    st.session_state.pop(ROWS_KEY, None)


def _highlight(evidence: Evidence) -> str:
    """The sentence, escaped, with the evidence marked."""
    sentence = evidence.sentence
    start = evidence.start - evidence.sentence_start
    end = start + len(evidence.text)
    return (
        f"{html_text(sentence[:start])}<mark>{html_text(sentence[start:end])}</mark>"
        f"{html_text(sentence[end:])}"
    )


def _evidence_list(extraction: Extraction) -> str:
    items = []
    for mention in extraction.places:
        label = f"{mention.place.name} ({GeoPrecision(mention.geo_precision).label})"
        items.append((f"Place: {label}", mention.evidence))
    items += [(f"Target: {t.label}", t.evidence) for t in extraction.targets]
    items += [(f"Attack: {a.label}", a.evidence) for a in extraction.attacks]
    for figure in extraction.figures:
        value = f"{figure.value}" + (f" to {figure.high}" if figure.high else "")
        items.append(
            (f"{figure.outcome.title()}: {value} {figure.group}", figure.evidence)
        )
    if extraction.date_evidence:
        items.append((f"Date: {extraction.date:%d %B %Y}", extraction.date_evidence))
    if not items:
        return "<p>Nothing found: no known place, target, attack or figure.</p>"
    rows = "".join(
        f"<li><b>{html_text(label)}</b> — {_highlight(evidence)}</li>"
        for label, evidence in items
    )
    return f'<ul style="font-size:0.9rem;line-height:1.5">{rows}</ul>'


def _review(review: dict, frame: pd.DataFrame, events: Mapping[str, Event]) -> None:
    extraction: Extraction = review["extraction"]
    st.markdown("**What the report says**, with the words it rests on:")
    st.html(_evidence_list(extraction))
    proposed = pd.DataFrame(propose(extraction), columns=EDITABLE_COLUMNS)
    proposed.insert(0, "add", True)
    for column in CASUALTY_FIELDS:
        proposed[column] = pd.to_numeric(proposed[column], errors="coerce").astype(
            "Int64"
        )
    st.markdown(
        "**Rows to add** — edit, untick or delete any; add rows with the + below."
    )
    edited = st.data_editor(
        proposed,
        key=ROWS_KEY,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "add": st.column_config.CheckboxColumn("Add", default=True),
            "place": st.column_config.TextColumn("Place", required=True),
            "geo_precision": st.column_config.SelectboxColumn(
                "Geo precision",
                options=["", "1", "2", "3"],
                help="Blank: the gazetteer's",
            ),
            "target_type": st.column_config.SelectboxColumn(
                "Target", options=list(TARGET_TYPES), required=True
            ),
            "attack_types": st.column_config.TextColumn(
                "Attack types",
                help="Codes separated by ';': " + ", ".join(ATTACK_TYPES),
            ),
            **{
                column: st.column_config.NumberColumn(label, min_value=0, step=1)
                for column, label in CASUALTY_FIELDS.items()
            },
            "notes": st.column_config.TextColumn("Notes", width="large"),
            "source_excerpt": st.column_config.TextColumn("Source text", disabled=True),
        },
    )
    first_line = next(
        (line.strip() for line in review["text"].splitlines() if line.strip()), ""
    )
    left, right = st.columns(2)
    with left:
        event_id, date, date_precision, new_event = _event_inputs(
            extraction, events, first_line
        )
    with right:
        source = _source_inputs(extraction, review["name"], first_line)
    chosen = edited[edited["add"].fillna(False)].drop(columns="add")
    if st.button(
        f"Add {len(chosen)} row(s) to the map",
        type="primary",
        disabled=chosen.empty,
        key="report_add",
    ):
        rows = incident_rows(
            chosen.to_dict("records"),
            event_id=event_id,
            date=date,
            date_precision=date_precision,
            source=source,
            existing=frame,
        )
        event_rows = (
            [{**new_event, **source, "notes": "Added from a report."}]
            if new_event
            else []
        )
        try:
            data_store().add(rows, events=event_rows)
        except DataFileError as error:
            st.error("Nothing was added. Fix these and try again:")
            st.code(
                "\n".join(str(problem) for problem in error.problems), language=None
            )
            return
        except (IncidentMapError, OSError) as error:
            logger.warning("adding rows from a report failed: %s", error)
            st.error(f"Nothing was added: {md(str(error))}. The data are as they were.")
            return
        revised = sum(1 for row in rows if row["revises"])
        st.session_state["report_added"] = (
            f"Added {len(rows)} row(s) from '{md(source['source_title'])}'"
            + (f"; {revised} revise earlier figures" if revised else "")
            + ". They are saved in data/user/."
        )
        del st.session_state[STATE]
        st.rerun()


def _event_inputs(
    extraction: Extraction, events: Mapping[str, Event], first_line: str
) -> tuple[str, dt.date, int, dict[str, str] | None]:
    """(event id, date, date precision, new event row or None)."""
    st.markdown("**Event**")
    choice = st.radio(
        "Add the rows to",
        [NEW_EVENT, EXISTING_EVENT],
        key="report_event_choice",
        disabled=not events,
        index=1 if events else 0,
        horizontal=True,
    )
    if choice == EXISTING_EVENT and events:
        event_id = st.selectbox(
            "Event",
            list(events),
            format_func=lambda key: events[key].name,
            key="report_event",
        )
        event = events[event_id]
        date, date_precision, new_event = (
            event.date,
            int(event.date_precision),
            None,
        )
    else:
        name = st.text_input(
            "Event name", value=first_line[:80], key="report_event_name"
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
        wide = [m for m in extraction.places if m.geo_precision == GeoPrecision.REGION]
        admin1 = st.text_input(
            "Province",
            value=wide[0].place.admin1 if wide else "",
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


def _source_inputs(
    extraction: Extraction, name: str, first_line: str
) -> dict[str, str]:
    st.markdown("**Source**")
    title = st.text_input("Title", value=first_line[:200], key="report_source_title")
    publisher = st.text_input("Publisher (blank if not named)", key="report_publisher")
    source_date = st.date_input(
        "Published",
        value=extraction.date or dt.date.today(),
        key="report_source_date",
    )
    location = st.text_input(
        "Where the text is (URL or file)",
        value=name,
        key="report_location",
    )
    return {
        "source_title": title,
        "source_publisher": publisher,
        "source_date": source_date.isoformat(),
        "source_location": location,
    }
