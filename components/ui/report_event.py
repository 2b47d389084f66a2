"""The review's event and source: which event the rows go into (a new one, or a
recorded one the report matches), and where the text comes from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from components.domain.model import Event
from components.domain.review import ChosenEvent, NewEvent, ReviewSource
from components.domain.vocabularies import DatePrecision
from components.report import Extraction
from components.report.intake import EventMatch, Review, new_event_id
from components.support.text import markdown_text as md

NEW_EVENT = "A new event"
EXISTING_EVENT = "An event already on the map"


def event_inputs(
    extraction: Extraction, events: Mapping[str, Event], match: EventMatch | None
) -> ChosenEvent:
    """The event the rows go into: a new one unless the report's date and places
    match a recorded one; then that one is offered, with why."""
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
        return ChosenEvent(event_id, event.name, event.date, event.date_precision)
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
    new = NewEvent(
        new_event_id(name, date, events),
        name,
        date,
        DatePrecision(date_precision),
        admin1,
    )
    return ChosenEvent(new.id, new.name, new.date, new.date_precision, new)


def source_inputs(extraction: Extraction, name: str) -> ReviewSource:
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
    return ReviewSource(title, location, publisher, source_date)


def source_now(review: Review) -> ReviewSource:
    """The source as the inputs now say (they come after the names to place)."""
    state = st.session_state
    return ReviewSource(
        title=state.get("report_source_title") or review.extraction.title[:200],
        location=state.get("report_location") or review.name,
    )
