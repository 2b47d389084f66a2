"""The page's review queue: the count, accepting three reports of one attack as
one incident with three sources, and rejecting with a reason."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components.formats.ours import DATA_DIR_VARIABLE
from components.inbox import folder
from components.inbox.worker import work_through
from components.store import open_store
from tests.conftest import ROOT
from tests.test_inbox import TURBAT, drop


def queued_app(tmp_path, monkeypatch, texts):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    monkeypatch.setenv("INCIDENT_MAP_ANONYMOUS_WRITE", "1")
    store = open_store(data)[0]
    for number, text in enumerate(texts):
        drop(tmp_path / "inbox", f"r{number}.txt", text)
    folder.scan(tmp_path / "inbox", store.queue)
    work_through(store, "test-worker")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at, data


@pytest.mark.slow
def test_three_reports_of_one_attack_become_one_incident(tmp_path, monkeypatch):
    at, data = queued_app(tmp_path, monkeypatch, TURBAT)
    assert any(e.label == "Inbox: 3 report(s) to review" for e in at.expander)
    rows_before = len(open_store(data)[0].frame())
    at.button(key="inbox_accept_1").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Item #1 accepted: 1 new incident(s)" in s.value for s in at.success)
    for item in (2, 3):
        same = at.radio(key=f"inbox_{item}_same_0")
        assert same.value.startswith("Same incident as #")
        at.button(key=f"inbox_accept_{item}").click().run()
        assert not at.exception, [e.message for e in at.exception]
        assert any("as a new source" in s.value for s in at.success)
    assert any(e.label == "Inbox: 0 report(s) to review" for e in at.expander)
    store = open_store(data)[0]
    frame = store.frame()
    assert len(frame) == rows_before + 1
    turbat = frame[frame["place"] == "Turbat"].iloc[0]
    assert turbat["sources"] == 3
    # Three reports of the same day: the most conservative is the best.
    assert (turbat["killed_security_low"], turbat["killed_security"]) == (4, 4)
    assert turbat["killed_security_high"] == 6
    # A new visit opens on the latest event, Turbat's: counted once, with the
    # range its three reports give.
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    again.run()  # the whole page
    values = {m.label: m.value for m in again.metric}
    assert values["Security forces killed"] == "4"
    captions = " ".join(c.value for c in again.caption)
    assert "security forces killed 4 (4 to 6)" in captions


def test_a_rejected_report_leaves_the_queue_with_why(tmp_path, monkeypatch):
    at, data = queued_app(tmp_path, monkeypatch, TURBAT[:1])
    rows_before = len(open_store(data)[0].frame())
    at.text_input(key="inbox_reason_1").set_value("a drill, not an attack")
    at.button(key="inbox_reject_1").click().run()
    assert not at.exception, [e.message for e in at.exception]
    store = open_store(data)[0]
    (item,) = store.queue.items("rejected")
    assert item.note == "rejected: a drill, not an attack"
    assert len(store.frame()) == rows_before
