"""Paste or upload a report, review the incidents it describes, and add them."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.domain.model import CASUALTY_FIELDS, Event
from components.domain.review import ChosenEvent, ReviewSource
from components.domain.team_places import PlaceDraft
from components.domain.vocabularies import (
    ATTACK_TYPES,
    FIGURE_SCOPES,
    TARGET_TYPES,
    FigureScope,
)
from components.report import Extraction, decode_report
from components.report.intake import (
    COUNT_COLUMNS,
    EDITABLE_COLUMNS,
    Review,
    codes_of,
    incident_rows,
    label_rows,
    matching_event,
    propose,
)
from components.report.model import ReportIncident
from components.report.scene_model import CONTEXT, doubted
from components.report.sites import names_a_site
from components.support.errors import DataFileError, IncidentMapError, ReportError
from components.support.text import html_text
from components.support.text import markdown_text as md
from components.ui.loading import data_store
from components.ui.match_review import same_incident_choices, save_reviewed
from components.ui.place_panel import place_names, team_credits
from components.ui.report_event import event_inputs, source_inputs, source_now
from components.ui.report_reading import read_report, start_reader
from components.ui.sidebar import show_event

logger = logging.getLogger(__name__)

STATE = "report_review"
TEXT_KEY = "report_text"
FILE_KEY = "report_file"
ROWS_KEY = "report_rows"
SCOPE_LABELS = {
    FigureScope.INCIDENT: "This place",
    FigureScope.EVENT: "Whole event (total)",
}
REVIEW_ORDER = [
    "add",
    "place",
    "geo_precision",
    "target_type",
    "attack_types",
    *COUNT_COLUMNS,
    "injured",
    "figure_scope",
    "date",
    "notes",
    "evidence",
    "source_excerpt",
]
"""The review table's columns as shown (its points are kept, not shown)."""


def report_panel(
    frame: pd.DataFrame, events: Mapping[str, Event], access: Access
) -> None:
    said = st.container()  # always here, so the panel below keeps its place
    if message := st.session_state.pop("report_added", None):
        said.success(message, icon="✅")
    start_reader()
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
        if isinstance(review, Review):
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
    except ReportError as error:
        logger.info("report refused: %s", error)
        st.error(md(str(error)))
        return
    extraction = read_report(text, data_store().team_places())
    if extraction is None:
        return
    st.session_state[STATE] = Review(name, text, extraction)
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
            else _place_label(incident)
        )
        blocks.append(
            f"<p style='margin:0.4rem 0 0'><b>{html_text(where)}</b></p>"
            f"<ul style='font-size:0.9rem;line-height:1.45;margin:0'>"
            f"{''.join(dict.fromkeys(items))}</ul>"
        )
    if not blocks:
        return "<p>No incident found: no known place, target, attack or figure.</p>"
    return "".join(blocks)


def _place_label(incident: ReportIncident) -> str:
    """How the review names an incident's place: a name kept at a wider place
    until placed, a site inside its town ('Bacha Khan University (Charsadda)'),
    or the gazetteer's name."""
    if incident.unplaced is not None:
        return f"{incident.place_reported} (at {incident.place.name} until placed)"
    if names_a_site(incident.place_reported):
        return f"{incident.place_reported} ({incident.place.name})"
    return incident.place.name


def _summary(extraction: Extraction) -> str:
    places = [_place_label(i) for i in extraction.incidents if not i.event_wide]
    parts = [f"**{len(places)} place(s)** attacked: {md(', '.join(places) or '—')}"]
    wide = [_wide_figures(i) for i in extraction.incidents if i.event_wide]
    if wide:
        parts.append("no finer place named for the figures at " + md("; ".join(wide)))
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


def _wide_figures(incident: ReportIncident) -> str:
    """'Kech (district): 6 civilians killed': a place the report's figures stand
    at because it names no finer one for them."""
    said = [
        f"{value:,} {side} {outcome}"
        for outcome, sides in incident.counts.items()
        for side, value in sides.items()
        if value is not None
    ]
    named = f"{incident.place.name} ({incident.place.kind})"
    return f"{named}: {', '.join(said)}" if said else named


def _context(review: Review) -> None:
    """The places the rules proposed and the scene model took away, each with a
    box that proposes it again (and one to take back a place put back)."""
    extraction = review.extraction
    names = {
        m.place.geonameid: m.place.name
        for m in extraction.other_places
        if m.role == CONTEXT
    }
    taken = len(names)
    names |= {
        i.place.geonameid: i.place.name
        for i in extraction.incidents
        if i.place.geonameid in review.scenes
    }
    if not names:
        return
    if taken:
        st.markdown(
            f"**{taken} place(s) named in the news but not proposed**: the scene "
            "model reads them as the news's setting rather than places attacked. "
            "Tick one that was attacked:"
        )
    scenes = set(review.scenes)
    for geonameid, name in names.items():
        ticked = st.checkbox(
            f"{name} was attacked: propose it",
            value=geonameid in scenes,
            key=f"report_scene_{geonameid}",
        )
        if ticked != (geonameid in scenes):
            scenes.symmetric_difference_update({geonameid})
            _read_again(review, review.current, frozenset(scenes))
            return


def _doubted(extraction: Extraction) -> None:
    """The proposed places the scene model doubts: the ones to check first."""
    places = doubted(extraction.incidents)
    if not places:
        return
    names = ", ".join(
        f"{md(i.place_reported)} ({i.scene_likelihood:.2f})" for i in places
    )
    st.markdown(
        f":material/help: **Check first: the scene model doubts {len(places)} "
        f"proposed place(s)**: {names}. Places it doubts are more often not where "
        "an attack happened; untick a row if so."
    )


def _read_again(
    review: Review, current: frozenset[int], scenes: frozenset[int]
) -> None:
    """Read the report again with what a person marked (sentences that are
    current news, places that were attacked), and show that reading."""
    extraction = read_report(review.text, data_store().team_places(), current, scenes)
    if extraction is None:
        return
    st.session_state[STATE] = dataclasses.replace(
        review, extraction=extraction, current=current, scenes=scenes
    )
    st.session_state.pop(ROWS_KEY, None)
    st.rerun()


def _background(review: Review) -> None:
    extraction = review.extraction
    if not extraction.background:
        return
    st.markdown(
        f"**{len(extraction.background)} sentence(s) about earlier events**, "
        "not counted. Tick one if it is in fact current news:"
    )
    current = set(review.current)
    changed = False
    for item in extraction.background:
        why = " (the background model's reading)" if item.learned else ""
        ticked = st.checkbox(
            f"This is current: {item.evidence.sentence[:160]}{why}",
            value=item.key in current,
            key=f"report_current_{item.key}",
        )
        if ticked != (item.key in current):
            current.symmetric_difference_update({item.key})
            changed = True
    ticked_now = [item for item in extraction.background if item.key in current]
    if changed:
        _read_again(review, frozenset(current), review.scenes)
        return
    if ticked_now:
        st.caption(f"{len(ticked_now)} sentence(s) read as current news.")


def _review(
    review: Review, frame: pd.DataFrame, events: Mapping[str, Event], access: Access
) -> None:
    extraction = review.extraction
    store = data_store()
    if message := st.session_state.pop("report_placed", None):
        st.success(message, icon="📌")
    st.markdown(_summary(extraction))
    if extraction.notice:
        st.warning(md(extraction.notice), icon="⏱️")
    for line in team_credits(extraction, store.team_places()):
        st.markdown(line)
    place_names(
        review.text,
        extraction,
        store.gazetteer,
        lambda draft: _place(review, draft, access),
        can_place=access.can_write,
    )
    with st.expander("What the report says, with the words it rests on"):
        st.html(_evidence_html(extraction))
    _doubted(extraction)
    _context(review)
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
        column_order=REVIEW_ORDER,
        column_config=_editor_columns(),
    )
    left, right = st.columns(2)
    match = matching_event(extraction, frame, events)
    with left:
        event = event_inputs(extraction, events, match)
    with right:
        source = source_inputs(extraction, review.name)
    chosen = edited[edited["add"].fillna(False)].drop(columns="add")
    rows = _rows(chosen, frame, event, source)
    choices = same_incident_choices(rows, data_store(), key="report")
    if st.button(
        f"Add {len(chosen)} row(s) to the map",
        type="primary",
        disabled=chosen.empty,
        key="report_add",
    ):
        _add(rows, choices, event, source, access.author)


def _place(review: Review, draft: PlaceDraft, access: Access) -> bool:
    """Save where a name is (the team gazetteer), then read the report again so
    its rows use the new place. True when both are done."""
    store = data_store()
    source = source_now(review)
    placed, _ = store.place(draft, author=access.author, source=source.cited())
    extraction = read_report(
        review.text, store.team_places(), review.current, review.scenes
    )
    if extraction is None:
        return False
    st.session_state[STATE] = dataclasses.replace(review, extraction=extraction)
    st.session_state.pop(ROWS_KEY, None)
    title = review.extraction.title  # named from the places: name them again
    for key, default in (
        ("report_event_name", title[:80]),
        ("report_source_title", title[:200]),
    ):
        if st.session_state.get(key) == default:
            del st.session_state[key]
    st.session_state["report_placed"] = (
        f"Placed {md(placed.name)} at {placed.draft.lat:.5f}, "
        f"{placed.draft.lon:.5f} ({placed.draft.precision.label} precision) in the "
        "team gazetteer; this and every later report use it."
    )
    return True


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
    event: ChosenEvent,
    source: ReviewSource,
) -> list[dict[str, str]]:
    """The reviewed rows as complete rows to save (codes, ids, event, source)."""
    scopes = {label: code for code, label in SCOPE_LABELS.items()}
    records = codes_of(chosen.to_dict("records"))
    for record in records:
        record["figure_scope"] = scopes.get(
            str(record.get("figure_scope") or ""), FigureScope.INCIDENT
        )
    return incident_rows(
        records,
        event_id=event.id,
        date=event.date,
        date_precision=int(event.date_precision),
        source=source.cells(),
        existing=frame,
    )


def _add(
    rows: list[dict[str, str]],
    choices: list[str | None],
    event: ChosenEvent,
    source: ReviewSource,
    author: str,
) -> None:
    event_rows = [event.new.row(source)] if event.new else []
    try:
        _, added, attached = save_reviewed(
            data_store(),
            rows,
            choices,
            event_rows,
            author=author,
            source=source.location,
            reason=f"from the report '{source.title}'",
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
        show_event(event.id)
    revised = sum(
        1
        for row, choice in zip(rows, choices, strict=True)
        if row["revises"] and not choice
    )
    st.session_state["report_added"] = (
        f"Added {added} row(s) from '{md(source.title)}' to "
        f"'{md(event.name)}'"
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
