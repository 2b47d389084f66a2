"""The worker process the page reads reports in: results come back, a job past
its time is stopped and the next one runs, errors are the job's own."""

from __future__ import annotations

import sys
import time
import types

import pytest

from components.report.intake import read_for_review, warm_up
from components.store import DATA_DIR_VARIABLE
from components.support.errors import WorkerTimeoutError
from components.support.worker import Worker
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # starts worker processes (about 1.5 s each)

REPORT = (
    "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat, killing "
    "four policemen."
)


@pytest.fixture(scope="module")
def worker():
    pool = Worker(1, warm_up, "the report reader")
    yield pool
    pool.close()


def test_a_report_is_read_in_the_worker(worker):
    extraction = worker.run(read_for_review, REPORT, limit=30, wait=60)
    assert [i.place.name for i in extraction.incidents] == ["Turbat"]


def test_a_job_past_its_time_is_stopped_and_the_next_runs(worker):
    started = time.perf_counter()
    with pytest.raises(WorkerTimeoutError) as caught:
        worker.run(time.sleep, 30, limit=0.5, wait=60)
    assert not caught.value.queued
    assert "did not finish within 0.5 s" in str(caught.value)
    assert time.perf_counter() - started < 20
    extraction = worker.run(read_for_review, REPORT, limit=30, wait=60)
    assert extraction.incidents


def test_a_wait_past_the_callers_limit_drops_the_job(worker):
    with pytest.raises(WorkerTimeoutError) as caught:
        worker.run(time.sleep, 30, limit=60, wait=0.5)
    assert caught.value.queued
    assert worker.run(read_for_review, REPORT, limit=30, wait=60).incidents


def test_the_jobs_own_error_comes_back(worker):
    with pytest.raises(ValueError, match="invalid literal"):
        worker.run(int, "not a number", limit=30, wait=60)


def _what_the_main_file_left() -> tuple[list[str], bool]:
    """In a worker: the names its main module holds, and whether Streamlit is in."""
    names = [name for name in vars(sys.modules["__main__"]) if name[:2] != "__"]
    return sorted(names), "streamlit" in sys.modules


def test_a_worker_started_by_the_page_draws_no_page(tmp_path, monkeypatch):
    """Streamlit runs app.py as ``__main__``; a worker it starts runs that file
    again, as ``__mp_main__``, and must not open the data or import Streamlit."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    page = types.ModuleType("__main__")
    page.__file__ = str(ROOT / "app.py")  # as Streamlit's script runner sets it
    monkeypatch.setitem(sys.modules, "__main__", page)
    pool = Worker(1, name="a worker of the page")
    try:
        names, streamlit = pool.run(_what_the_main_file_left, limit=60, wait=120)
    finally:
        pool.close()
    assert names == ["main"]
    assert not streamlit
    written = [path.name for path in tmp_path.rglob("*")]
    assert written == ["database"]  # the test's own folder, left empty
