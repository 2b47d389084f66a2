"""Importing ACLED, GTD, UCDP GED or GeoJSON files in the dashboard."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.formats import (
    ImportResult,
    detect_csv_format,
    formats,
    import_csv,
)
from components.formats.geojson import read_geojson
from components.support.errors import DataFileError, IncidentMapError
from components.support.text import markdown_text as md
from components.ui.loading import data_store
from components.ui.sidebar import show_event

UPLOAD_KEY = "import_upload"
ENCODING_KEY = "import_encoding"
ADD_KEY = "import_add"
_RESULT = "import_result"
ADDED = "import_added"
"""The last import's summary, shown until its reader dismisses it."""
DISMISS_KEY = "import_dismiss"

logger = logging.getLogger(__name__)


def import_panel(frame: pd.DataFrame, access: Access) -> None:
    _added_summary()
    with st.expander("Import ACLED, GTD or UCDP GED files"):
        st.caption(
            "The format is recognised from the CSV header (or a .geojson name). "
            "Each row is mapped as data/README.md describes; rows that cannot be "
            "imported are listed with their reasons. Nothing is added until you "
            "choose to."
        )
        st.caption(upload_limit_text(st.get_option("server.maxUploadSize")))
        upload = st.file_uploader(
            "CSV export or GeoJSON", type=["csv", "geojson", "json"], key=UPLOAD_KEY
        )
        encoding = st.selectbox(
            "Text encoding of a CSV", ["utf-8", "cp1252"], key=ENCODING_KEY
        )
        if upload is None:
            return
        try:
            result = _imported(upload.getvalue(), upload.name, upload.file_id, encoding)
        except IncidentMapError as error:
            logger.info("import refused: %s", error)
            st.error(md(str(error)), icon=":material/error:")
            return
        _show(result, frame, access)


def upload_limit_text(limit_mb: int) -> str:
    """What the panel says about the largest file it takes."""
    return (
        f"Files up to {limit_mb:,} MB (the server's upload limit). A larger "
        "export streams in from the command line, in memory that does not grow "
        "with the file: `python -m components.store import FILE --from acled` "
        "(or gtd, ucdp, geojson)."
    )


def _imported(data: bytes, name: str, file_id: str, encoding: str) -> ImportResult:
    """Read once per file and encoding; rereading on every rerun would be slow."""
    cached = st.session_state.get(_RESULT)
    if cached and cached[0] == (file_id, encoding):
        return cached[1]
    bar = st.progress(0.0, text=f"Reading {name}")

    def progress(rows: int, share: float) -> None:
        bar.progress(min(max(share, 0.0), 1.0), text=f"{rows:,} rows read")

    try:
        if name.lower().endswith((".geojson", ".json")):
            result = read_geojson(data, name, progress=progress)
        else:
            fmt = detect_csv_format(data, name, encoding)
            result = import_csv(
                data, formats()[fmt], name, encoding=encoding, progress=progress
            )
    finally:
        bar.empty()
    st.session_state[_RESULT] = ((file_id, encoding), result)
    return result


def _show(result: ImportResult, frame: pd.DataFrame, access: Access) -> None:
    st.markdown(md(result.summary()))
    for count, example in result.reject_reasons():
        st.markdown(f"- {count:,} rejected, e.g. {md(example)}")
    if result.warnings:
        with st.expander(
            f"Why {len(result.warnings):,} of the {result.geocoded:,} rows placed "
            "from their place names did not keep their own coordinates"
        ):
            st.code("\n".join(result.warnings[:200]), language=None)
    if result.rejects:
        st.download_button(
            f"Download the {len(result.rejects):,} rejected rows with reasons (CSV)",
            data=result.rejects_csv,
            on_click="ignore",
            file_name=f"{result.source_name}.rejects.csv",
            mime="text/csv",
        )
    known = set(frame["id"])
    new = [row for row in result.incidents if row["id"] not in known]
    if len(new) < result.imported:
        st.caption(f"{result.imported - len(new):,} of these are already in the data.")
    if not new:
        return
    if st.button(
        f"Add {len(new):,} incidents to the data", key=ADD_KEY, type="primary"
    ):
        store = data_store()
        events = [e for e in result.events if e["id"] not in set(frame["event_id"])]
        try:
            store.add(
                new,
                events,
                author=access.author,
                source=result.source_name,
                kind="import",
            )
        except DataFileError as error:
            st.error("Nothing was added:", icon=":material/error:")
            st.code(
                "\n".join(str(problem) for problem in error.problems), language=None
            )
            return
        except (IncidentMapError, OSError) as error:
            logger.warning("adding %s failed: %s", result.source_name, error)
            st.error(
                f"Nothing was added: {md(str(error))}",
                icon=":material/error:",
            )
            return
        for event in result.events:
            show_event(event["id"])
        st.session_state.pop(_RESULT, None)
        st.session_state[ADDED] = (
            f"Added {len(new):,} incidents from {md(result.source_name)}: "
            f"{md(result.summary())}."
        )
        st.rerun()


def _added_summary() -> None:
    """The last import's summary, until its reader dismisses it (a toast is gone
    before a briefer has read it)."""
    summary = st.session_state.get(ADDED)
    if not summary:
        return
    st.success(summary, icon=":material/task_alt:")
    st.button("Dismiss", key=DISMISS_KEY, on_click=st.session_state.pop, args=(ADDED,))
