"""The hostile-input corpus through every entry point (python -m bench.hostile runs the
same checks and prints the table). Each case can fail: the harness compares what
arrives with what was sent."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.harness.hostile_access import launch_tokens_through_a_forwarder
from tests.harness.hostile_checks import (
    FILE_ENTRY_POINTS,
    TEXT_ENTRY_POINTS,
    Outcome,
    hostile_files,
    payloads,
)
from tests.harness.hostile_store import STORE_CASES

PLACEHOLDER = Path("/incident-map-marker-placeholder")
TEXTS = payloads(PLACEHOLDER)
FILES = hostile_files()
FAST_SAMPLE = (
    "script end",
    "jinja expression",
    "jinja os.system",
    "formula equals",
    "bidi override",
    "carriage return",
    "escape sequence",
    "too long text",
)
"""The texts the fast lane sends through every entry point: one of each kind they
treat apart (markup breaking out, a template, a command, a formula, control and
line-break characters, refused, overlong). The rest are marked slow."""


def _text_cases() -> list:
    return [
        pytest.param(
            entry,
            payload,
            id=f"{payload.name}-{entry}",
            marks=() if payload.name in FAST_SAMPLE else pytest.mark.slow,
        )
        for payload in TEXTS
        for entry in TEXT_ENTRY_POINTS
    ]


@pytest.mark.parametrize(("entry", "payload"), _text_cases())
def test_hostile_text_arrives_literally_or_is_refused_with_where(
    entry, payload, tmp_path
):
    marker = tmp_path / "evaluated"
    armed = replace(payload, text=payload.text.replace(str(PLACEHOLDER), str(marker)))
    outcome: Outcome = TEXT_ENTRY_POINTS[entry](armed)
    assert outcome.passed, outcome.detail
    assert not marker.exists(), "a payload ran a command on the server"


@pytest.mark.parametrize(
    "entry",
    [
        # The page runs the whole app per file; the pure reader is the same code.
        pytest.param(e, marks=pytest.mark.slow) if e.endswith("(AppTest)") else e
        for e in FILE_ENTRY_POINTS
    ],
)
@pytest.mark.parametrize("path", list(FILES), ids=[p.name for p in FILES])
def test_hostile_files_are_refused_or_read_as_expected(entry, path):
    outcome: Outcome = FILE_ENTRY_POINTS[entry](path, FILES[path])
    assert outcome.passed, outcome.detail


def test_the_corpus_covers_every_kind_of_hostile_input():
    assert set(FAST_SAMPLE) <= {p.name for p in TEXTS}
    names = " ".join(p.name for p in TEXTS)
    for kind in ("script", "jinja", "formula", "bidi", "urdu", "long", "markdown"):
        assert kind in names
    files = " ".join(p.name for p in FILES)
    for kind in ("duplicate-columns", "overflow", "exponent", "bad-coordinates"):
        assert kind in files


@pytest.mark.parametrize("case", list(STORE_CASES))
def test_the_store_holds_against_races_forgery_and_absurd_arguments(
    case, database_url, data_copy
):
    outcome = STORE_CASES[case](database_url, data_copy)
    assert outcome.passed, outcome.detail


@pytest.mark.slow
def test_launch_links_with_hostile_tokens_through_a_forwarder_are_refused():
    """The dashboard behind a TCP forwarder (every visitor 127.0.0.1): each hostile
    text as the launch token is refused without a cookie; the server's own token
    is let in."""
    outcomes = dict(launch_tokens_through_a_forwarder(TEXTS))
    failed = {name: o.detail for name, o in outcomes.items() if not o.passed}
    assert failed == {}
    assert len(outcomes) == len(TEXTS) + 4
