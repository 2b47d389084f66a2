"""The hostile-input corpus through every entry point (python -m bench.hostile runs the
same checks and prints the table). Each case can fail: the harness compares what
arrives with what was sent."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.harness.hostile_checks import (
    FILE_ENTRY_POINTS,
    TEXT_ENTRY_POINTS,
    Outcome,
    hostile_files,
    payloads,
)

PLACEHOLDER = Path("/incident-map-marker-placeholder")
TEXTS = payloads(PLACEHOLDER)
FILES = hostile_files()


@pytest.mark.parametrize("entry", list(TEXT_ENTRY_POINTS))
@pytest.mark.parametrize("payload", TEXTS, ids=[p.name for p in TEXTS])
def test_hostile_text_arrives_literally_or_is_refused_with_where(
    entry, payload, tmp_path
):
    marker = tmp_path / "evaluated"
    armed = replace(payload, text=payload.text.replace(str(PLACEHOLDER), str(marker)))
    outcome: Outcome = TEXT_ENTRY_POINTS[entry](armed)
    assert outcome.passed, outcome.detail
    assert not marker.exists(), "a payload ran a command on the server"


@pytest.mark.parametrize("entry", list(FILE_ENTRY_POINTS))
@pytest.mark.parametrize("path", list(FILES), ids=[p.name for p in FILES])
def test_hostile_files_are_refused_or_read_as_expected(entry, path):
    outcome: Outcome = FILE_ENTRY_POINTS[entry](path, FILES[path])
    assert outcome.passed, outcome.detail


def test_the_corpus_covers_every_kind_of_hostile_input():
    names = " ".join(p.name for p in TEXTS)
    for kind in ("script", "jinja", "formula", "bidi", "urdu", "long", "markdown"):
        assert kind in names
    files = " ".join(p.name for p in FILES)
    for kind in ("duplicate-columns", "overflow", "exponent", "bad-coordinates"):
        assert kind in files
