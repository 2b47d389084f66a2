"""The hostile-input corpus and the inputs made from it.

``tests/data/hostile/payloads.json`` holds hostile texts (HTML and script,
JavaScript breakouts, template syntax, formulas, bidi and control characters,
overlong text); ``tests/data/hostile/files/`` holds hostile files, with what
reading each must give in ``expected.json``. This module reads them and writes
what the entry points take: an import file with a payload in its text columns, the
seed table with a payload leading every text field, and a data directory with one
incident per payload (what the browser tests serve). The checks of every entry
point are in :mod:`tests.harness.hostile_checks`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.domain.records import EVENT_COLUMNS, INCIDENT_COLUMNS
from components.domain.table import incidents_frame
from components.formats.ours import CsvStore, write_dataset
from components.support.text import newlines_as_lf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "hostile"
FORMATS = ROOT / "tests" / "data" / "formats"
SEED = ROOT / "data"
MARKER = "{marker}"
"""Replaced in payloads by a path that must never be created."""

TEMPLATE_CHECK = "{{7*7}} {%raw%} {# comment #}"
"""Template syntax that shows whether a page was rendered from data: it must
arrive as written."""

TEXT_COLUMNS = ("place_reported", "notes", "source_title", "source_excerpt")
"""Frame columns the export entry points fill with the payload."""

IMPORT_TEXT_COLUMNS = {
    "acled": ("notes", "source", "actor1"),
    "gtd": ("summary", "scite1", "gname", "target1"),
    "ucdp": ("source_headline", "source_article", "side_b", "where_description"),
}
"""Source columns that become incident text, per format."""


@dataclass(frozen=True)
class Outcome:
    """What one check of a hostile input found."""

    passed: bool
    detail: str = ""


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    refused: bool = False
    """The field checks refuse this text (control characters other than tab and
    line breaks)."""
    overlong: bool = False
    """Longer than a field may be: the data loader refuses it; importers clip the
    source's text, marked with an ellipsis."""


def payloads(marker: Path) -> list[Payload]:
    """The hostile texts, with ``{marker}`` pointing at ``marker``."""
    corpus = json.loads((CORPUS / "payloads.json").read_text("utf-8"))
    return [
        Payload(
            p["name"],
            p["text"].replace(MARKER, str(marker)),
            p.get("refused", False),
            p.get("overlong", False),
        )
        for p in corpus["payloads"]
    ]


def hostile_files() -> dict[Path, dict]:
    """Each hostile file and what importing it must give."""
    expected = json.loads((CORPUS / "files" / "expected.json").read_text("utf-8"))
    return {CORPUS / "files" / name: want for name, want in expected["files"].items()}


def stored(text: str) -> str:
    """The text as the field checks keep it: line breaks as LF, no surrounding
    space."""
    return newlines_as_lf(text).strip()


def payload_strings(script: str) -> list[str]:
    """The strings of every map payload in generated JavaScript (a map file's
    popups' too)."""
    calls = re.findall(r"IncidentMap\.payload\((.*)\);", script)
    if not calls:
        raise AssertionError("no IncidentMap.payload call in the script")
    payloads = [json.loads(call) for call in calls]
    return [
        text
        for payload in payloads
        for text in payload["strings"] + (payload["inline"] or {}).get("strings", [])
    ]


# --- Inputs the entry points read ---------------------------------------------------


def _fixture_row(name: str) -> tuple[list[str], dict[str, str]]:
    with (FORMATS / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), next(reader)


def csv_bytes(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    """A CSV file with CR LF line ends, as RFC 4180 and spreadsheets write."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def import_file(fmt: str, payload: Payload) -> bytes:
    """One row of the format's fixture with the payload in its text columns."""
    columns, row = _fixture_row(fmt)
    for column in IMPORT_TEXT_COLUMNS[fmt]:
        row[column] = payload.text
    return csv_bytes(columns, [row])


def seed_frame() -> pd.DataFrame:
    return incidents_frame(CsvStore(SEED).load().incidents)


def hostile_frame(payload: Payload) -> pd.DataFrame:
    """The seed incidents with the payload leading every text field."""
    frame = seed_frame()
    for column in TEXT_COLUMNS:
        frame[column] = stored(payload.text) + " " + frame[column].astype(str)
    frame["place"] = frame["place_reported"]
    return frame


def hostile_loaded_frame(directory: Path) -> pd.DataFrame:
    """The incident table of a data directory written by :func:`write_hostile_data`."""
    return incidents_frame(CsvStore(directory).load().incidents)


def write_hostile_data(directory: Path, texts: list[Payload]) -> Path:
    """A data directory with one incident per text (in every text field) and an
    event named after the first: what the browser tests serve."""
    seed = CsvStore(SEED).load()
    event = next(iter(seed.events.values()))
    rows = []
    for number, payload in enumerate(t for t in texts if not t.refused):
        text = stored(payload.text)
        rows.append(
            {
                **{column: "" for column in INCIDENT_COLUMNS},
                "id": f"hostile-{number:03d}",
                "event_id": event.id,
                "date": "2026-02-01",
                "date_precision": "1",
                "place": text,
                "lat": f"{27 + (number % 8) * 0.5:.2f}",
                "lon": f"{63 + (number // 8) * 0.6:.2f}",
                "geo_precision": "2",
                "target_type": "market",
                "attack_types": "armed_assault",
                "killed_civilians": "1",
                "source_title": text,
                "source_publisher": text,
                "source_location": text,
                "source_excerpt": text,
                "notes": text,
            }
        )
    event_row = {column: "" for column in EVENT_COLUMNS}
    event_row.update(
        id=event.id,
        name=f"Wave {stored(texts[0].text)}",
        date="2026-02-01",
        date_precision="1",
        admin1="Balochistan",
        source_title=stored(texts[0].text),
        source_location="tests/data/hostile/payloads.json",
    )
    write_dataset(directory, [event_row], rows, "hostile")
    return directory
