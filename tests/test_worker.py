"""The worker process the page reads reports in: results come back, a job past
its time is stopped and the next one runs, errors are the job's own."""

from __future__ import annotations

import time

import pytest

from components.report.intake import read_for_review, warm_up
from components.support.errors import WorkerTimeoutError
from components.support.worker import Worker

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
