"""Reading a report off the page's own process: the reader runs in one worker
process per server (``components.support.worker``), so one long paste never
stalls the other visitors' pages, and a reading that runs past its time is
stopped with a message instead of holding the server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import streamlit as st

from components.domain.team_places import TeamPlace
from components.report import Extraction
from components.report.intake import read_for_review, warm_up
from components.support.errors import (
    IncidentMapError,
    ReportError,
    WorkerError,
    WorkerTimeoutError,
)
from components.support.text import markdown_text as md
from components.support.worker import Worker

logger = logging.getLogger(__name__)

READER_PROCESSES = 1
"""One reading at a time per server: the reader is CPU-bound, and the machine's
other cores serve the pages (``python -m bench.report_worker``)."""
READ_LIMIT_S = 20.0
"""A reading's own time, past which it is stopped. The reader keeps to its own
budget (``components.report.TIME_BUDGET_SECONDS`` of CPU) on any text; this
bounds what that cannot (a loaded machine, a reader fault)."""
READ_WAIT_S = 60.0
"""How long a visitor waits, queueing behind other readings included."""


@st.cache_resource(show_spinner=False)
def _reader() -> Worker:
    return Worker(READER_PROCESSES, warm_up, "The report reader")


def start_reader() -> None:
    """Start the worker (it loads the gazetteer) before the first paste."""
    _reader().start()


def read_report(
    text: str,
    team: Sequence[TeamPlace] = (),
    current: Iterable[int] = (),
    scenes: Iterable[int] = (),
) -> Extraction | None:
    """The extraction, read in the worker with a spinner; None, with the reason
    on the page, where it could not be read."""
    try:
        with st.spinner("Reading the report…", show_time=True):
            return _reader().run(
                read_for_review,
                text,
                tuple(team),
                tuple(current),
                tuple(scenes),
                limit=READ_LIMIT_S,
                wait=READ_WAIT_S,
            )
    except WorkerTimeoutError as error:
        logger.warning("report reading dropped: %s", error)
        if error.queued:
            st.error(
                f"The report reader was busy with other reports for "
                f"{error.seconds:g} seconds, so this one was not read. Try again "
                "in a moment.",
                icon="⏱️",
            )
        else:
            st.error(
                f"Reading this report took longer than {error.seconds:g} seconds, so "
                "it was stopped and nothing was proposed. Paste a shorter part of "
                "it, or try again when the server is less busy.",
                icon="⏱️",
            )
    except ReportError as error:
        st.error(md(str(error)))
    except (WorkerError, IncidentMapError) as error:
        logger.error("report reading failed: %s", error)
        st.error(f"The report could not be read: {md(str(error))}. Try again.")
    return None
