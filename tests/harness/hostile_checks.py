"""Hostile input through every entry point: the checks.

Every text of ``tests/data/hostile/payloads.json`` is put into the text fields of
each entry point's input, and every file of ``tests/data/hostile/files/`` is given
to each file reader. An input passes when its text arrives as the characters it is
(a spreadsheet formula gains its leading quote in CSV, as documented), or when it
is refused with a message that says where, and when nothing is evaluated, nothing
crashes with an error that is not the project's own, and no file the payload names
is created. The store's cases (:mod:`tests.harness.hostile_store`, forged sign-in
claims among them) run on each database, and every text is sent as the launch
link's token to a running server through a TCP forwarder
(:mod:`tests.harness.hostile_access`). ``tests/test_hostile.py`` asserts every
case; ``python -m bench.hostile`` runs them all (:func:`run_all`) and prints the
table. The browser entry points (the live page and the standalone HTML, in
headless Chromium) run in ``tests/browser/test_hostile.py`` on the same corpus.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from components.domain.access import ANONYMOUS_WRITE_VARIABLE
from components.domain.fields import MAX_TEXT_LENGTH
from components.domain.table import incidents_frame
from components.exports.files import geojson_bytes, standalone_html, to_csv
from components.formats import detect_csv_format, formats, import_csv
from components.formats.geojson import read_geojson
from components.formats.ours import CsvStore, write_dataset
from components.gazetteer import default_gazetteer
from components.gazetteer.batch import geocode_csv
from components.map.folium_map import base_map, incident_layers, map_payload
from components.report import decode_report, extract
from components.support.errors import IncidentMapError
from components.support.text import newlines_as_lf, spreadsheet_cell
from tests.harness.hostile_access import launch_tokens_through_a_forwarder
from tests.harness.hostile_inputs import (
    ROOT,
    SEED,
    Outcome,
    Payload,
    csv_bytes,
    hostile_files,
    hostile_frame,
    import_file,
    payload_strings,
    payloads,
    seed_frame,
    stored,
    write_hostile_data,
)
from tests.harness.hostile_store import STORE_CASES, run_store_cases, via_store_cli


def _not_evaluated(output: str, payload: Payload) -> Outcome | None:
    """A failure if the output shows the payload's template was evaluated."""
    if payload.text == "{{7*7}}" and "{{7*7}}" not in output:
        return Outcome(False, "{{7*7}} did not arrive as written")
    return None


def _check_strings(strings: list[str], payload: Payload) -> Outcome:
    if not any(value.startswith(stored(payload.text)) for value in strings):
        return Outcome(False, "payload not among the map strings")
    return _not_evaluated("\n".join(strings), payload) or Outcome(True)


# --- Text entry points --------------------------------------------------------------


def via_import(fmt: str) -> Callable[[Payload], Outcome]:
    def check(payload: Payload) -> Outcome:
        data = import_file(fmt, payload)
        result = import_csv(data, formats()[fmt], f"{fmt}.csv")
        if payload.refused:
            reasons = [reject.reason for reject in result.rejects]
            if result.imported == 0 and reasons and ":" in reasons[0]:
                return Outcome(True)
            return Outcome(False, f"not refused: {reasons or 'imported'}")
        if result.rejects:
            return Outcome(False, f"rejected: {result.rejects[0].reason}")
        values = result.incidents[0].values()
        wanted = stored(payload.text)[: MAX_TEXT_LENGTH - 1]
        if not any(wanted in value for value in values):
            return Outcome(False, "payload not in the imported row")
        return _loaded_literally(result, wanted)

    return check


def _loaded_literally(result, wanted: str) -> Outcome:
    """The imported rows load as the dashboard loads them, text intact."""
    with tempfile.TemporaryDirectory() as directory:
        write_dataset(Path(directory), result.events, result.incidents, "import")
        dataset = CsvStore(Path(directory)).load()
    if dataset.problems:
        return Outcome(False, f"loader: {dataset.problems[0]}")
    frame = incidents_frame(dataset.incidents)
    text = frame.select_dtypes(include=["object", "string", "category"])
    text = text.astype(object).to_numpy().ravel()
    if not any(isinstance(value, str) and wanted in value for value in text):
        return Outcome(False, "payload not in the loaded table")
    return Outcome(True)


def via_geojson_import(payload: Payload) -> Outcome:
    frame = seed_frame().head(3)
    seed = CsvStore(SEED).load()
    frame = frame.assign(notes=payload.text, source_excerpt=payload.text)
    result = read_geojson(geojson_bytes(frame, seed.events), "hostile.geojson")
    if payload.refused or payload.overlong:
        refused = result.imported == 0 and len(result.rejects) == len(frame)
        named = all("notes" in reject.reason for reject in result.rejects)
        return Outcome(refused and named, "" if refused else "not refused by field")
    if result.rejects:
        return Outcome(False, f"rejected: {result.rejects[0].reason}")
    return _loaded_literally(result, stored(payload.text))


def via_report(payload: Payload) -> Outcome:
    text = (
        f"{payload.text}\nGunmen attacked a police station in Turbat on 3 March "
        f"2026, killing 4 policemen. A witness said: {payload.text}"
    )
    try:
        decoded = decode_report(text.encode("utf-8"), "pasted text")
        extraction = extract(decoded)
    except IncidentMapError as error:
        return Outcome(False, f"refused: {error}")
    document = json.dumps(extraction.as_json(), ensure_ascii=False)
    for evidence in _evidence_items(extraction.as_json()):
        quoted = decoded[evidence["start"] : evidence["end"]]
        if evidence["text"] != quoted:
            return Outcome(False, f"evidence {evidence['text']!r} is not {quoted!r}")
    return _not_evaluated(document + text, payload) or Outcome(True)


def _evidence_items(document: object) -> Iterator[dict]:
    if isinstance(document, dict):
        if {"text", "start", "end"} <= document.keys():
            yield document
        for value in document.values():
            yield from _evidence_items(value)
    elif isinstance(document, list):
        for value in document:
            yield from _evidence_items(value)


def via_data_directory(payload: Payload) -> Outcome:
    with tempfile.TemporaryDirectory() as directory:
        write_hostile_data(Path(directory), [payload])
        dataset = CsvStore(Path(directory)).load()
    if payload.refused or payload.overlong:
        named = dataset.problems and all(p.field for p in dataset.problems)
        return Outcome(bool(named), "" if named else "not refused by field")
    if dataset.problems:
        return Outcome(False, f"loader: {dataset.problems[0]}")
    frame = incidents_frame(dataset.incidents)
    literal = (frame["notes"] == stored(payload.text)).all()
    return Outcome(bool(literal), "" if literal else "notes changed on loading")


def via_csv_export(payload: Payload) -> Outcome:
    frame = hostile_frame(payload)
    rows = list(csv.DictReader(io.StringIO(to_csv(frame).decode("utf-8"))))
    expected = spreadsheet_cell(newlines_as_lf(frame["notes"].iloc[0]))
    if rows[0]["notes"] != expected:
        return Outcome(False, f"notes cell is {rows[0]['notes'][:60]!r}")
    return Outcome(True)


def via_geojson_export(payload: Payload) -> Outcome:
    frame = hostile_frame(payload)
    seed = CsvStore(SEED).load()
    collection = json.loads(geojson_bytes(frame, seed.events))
    notes = collection["features"][0]["properties"]["notes"]
    ok = notes == frame["notes"].iloc[0]
    return Outcome(ok, "" if ok else f"notes property is {notes[:60]!r}")


def via_standalone_html(payload: Payload) -> Outcome:
    frame = hostile_frame(payload)
    html = standalone_html(frame, stored(payload.text), [payload.text]).decode()
    return _check_strings(payload_strings(html), payload)


def via_live_map(payload: Payload) -> Outcome:
    """The layers as streamlit-folium turns them into the script it sends."""
    from streamlit_folium import generate_leaflet_string

    frame = hostile_frame(payload)
    fmap = base_map()
    layers = incident_layers(map_payload(frame))
    for layer in layers:
        layer.add_to(fmap)
    fmap.get_root().render()
    script = generate_leaflet_string(layers[0])
    return _check_strings(payload_strings(script), payload)


def via_convert_cli(payload: Payload) -> Outcome:
    from components.convert import main as convert

    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "acled.csv"
        source.write_bytes(import_file("acled", payload))
        out = Path(directory) / "map.html"
        with contextlib.redirect_stderr(io.StringIO()):
            status = convert(
                [str(source), "--from", "acled", "--to", "html", "-o", str(out)]
            )
        if status != 0:
            return Outcome(False, f"exit status {status}")
        html = out.read_text("utf-8")
        rejected = (Path(directory) / "acled.rejects.csv").exists()
    if payload.refused:
        return Outcome(rejected, "" if rejected else "not refused")
    strings = payload_strings(html)
    wanted = stored(payload.text)[: MAX_TEXT_LENGTH - 1]
    ok = any(wanted in value for value in strings)
    return Outcome(ok, "" if ok else "payload not among the map strings")


def via_batch_geocoding(payload: Payload) -> Outcome:
    gazetteer = default_gazetteer()
    data = csv_bytes(["place", "note"], [{"place": payload.text, "note": payload.text}])
    out = io.StringIO()
    with contextlib.suppress(IncidentMapError):
        geocode_csv(io.BytesIO(data), out, "place", gazetteer.match)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        wanted = newlines_as_lf(payload.text)
        ok = rows[0]["note"] == wanted and rows[0]["place"] == wanted
        return Outcome(ok, "" if ok else f"cells changed: {rows[0]['note'][:60]!r}")
    return Outcome(True, "refused with a message")


TEXT_ENTRY_POINTS: dict[str, Callable[[Payload], Outcome]] = {
    "import ACLED": via_import("acled"),
    "import GTD": via_import("gtd"),
    "import UCDP GED": via_import("ucdp"),
    "import GeoJSON": via_geojson_import,
    "pasted report": via_report,
    "data directory": via_data_directory,
    "export CSV": via_csv_export,
    "export GeoJSON": via_geojson_export,
    "export standalone HTML": via_standalone_html,
    "live map payload": via_live_map,
    "convert --to html (CLI)": via_convert_cli,
    "gazetteer --csv (CLI)": via_batch_geocoding,
    "store CLI (id, reason, author)": via_store_cli,
}


# --- File entry points --------------------------------------------------------------


def _file_outcome(summary: dict, want: dict) -> Outcome:
    """Compare what a reader did with a file to what it must do."""
    if "refused" in want:
        message = summary.get("refused")
        if message and want["refused"] in message and summary["name"] in message:
            return Outcome(True)
        return Outcome(False, f"wanted refusal {want['refused']!r}, got {summary}")
    if "refused" in summary:
        return Outcome(False, f"refused: {summary['refused']}")
    problems = []
    if "imported" in want and summary["imported"] != want["imported"]:
        problems.append(f"imported {summary['imported']}, wanted {want['imported']}")
    rejects = summary["rejects"]
    for index, fragment in enumerate(want.get("rejects", [])):
        if index >= len(rejects) or fragment not in rejects[index]:
            problems.append(f"reject {index + 1}: wanted {fragment!r} in {rejects}")
    warnings = summary["warnings"]
    for index, fragment in enumerate(want.get("warnings", [])):
        if index >= len(warnings) or fragment not in warnings[index]:
            problems.append(f"warning {index + 1}: wanted {fragment!r} in {warnings}")
    if "literal" in want and want["literal"] not in summary["text"]:
        problems.append("text did not arrive literally")
    return Outcome(not problems, "; ".join(problems))


def read_upload(path: Path) -> dict:
    """A file as the dashboard's import panel reads it."""
    data = path.read_bytes()
    summary: dict = {"name": path.name}
    try:
        if path.suffix in (".geojson", ".json"):
            result = read_geojson(data, path.name)
        else:
            fmt = detect_csv_format(data, path.name)
            result = import_csv(data, formats()[fmt], path.name)
    except IncidentMapError as error:
        summary["refused"] = str(error)
        return summary
    summary.update(
        imported=result.imported,
        rejects=[f"row {r.row}: {r.reason}" for r in result.rejects],
        warnings=result.warnings,
        text=json.dumps(result.incidents, ensure_ascii=False),
    )
    return summary


def via_upload(path: Path, want: dict) -> Outcome:
    return _file_outcome(read_upload(path), want)


def via_convert_file(path: Path, want: dict) -> Outcome:
    from components.convert import main as convert

    source = "geojson" if path.suffix == ".geojson" else _format_of(path)
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "out.csv"
        rejects = Path(directory) / "rejects.csv"
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            flags = ["--from", source, "--to", "csv", "-o", str(out)]
            status = convert([str(path), *flags, "--rejects", str(rejects)])
    message = stderr.getvalue()
    if "refused" in want:
        ok = (
            status == 2 and message.startswith("error: ") and want["refused"] in message
        )
        return Outcome(ok, "" if ok else f"exit {status}: {message[:200]!r}")
    return Outcome(
        status == 0, "" if status == 0 else f"exit {status}: {message[:200]}"
    )


def _format_of(path: Path) -> str:
    """The format a hostile file imitates, from its name (acled-..., gtd-...)."""
    prefix = path.name.split("-")[0]
    return prefix if prefix in formats() else "acled"


@contextlib.contextmanager
def anonymous_writing() -> Iterator[None]:
    """``INCIDENT_MAP_ANONYMOUS_WRITE=1`` while the block runs."""
    saved = os.environ.get(ANONYMOUS_WRITE_VARIABLE)
    os.environ[ANONYMOUS_WRITE_VARIABLE] = "1"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(ANONYMOUS_WRITE_VARIABLE, None)
        else:
            os.environ[ANONYMOUS_WRITE_VARIABLE] = saved


def via_page(path: Path, want: dict) -> Outcome:
    """The dashboard (AppTest) with the file uploaded in the import panel."""
    from streamlit.testing.v1 import AppTest

    from components.ui.import_panel import UPLOAD_KEY

    # The second run draws the rest of the page (the map's first report does it
    # in a browser), where the import panel is: for a writer (AppTest has no
    # browser to hold the launch link's cookie, so anonymous writing is on).
    with anonymous_writing():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run().run()
        mime = "application/geo+json" if path.suffix == ".geojson" else "text/csv"
        upload = next(u for u in at.file_uploader if u.key == UPLOAD_KEY)
        upload.set_value((path.name, path.read_bytes(), mime)).run()
    if at.exception:
        return Outcome(False, f"traceback on the page: {at.exception[0].message}")
    shown = "\n".join(e.value for e in [*at.error, *at.markdown]).replace("\\", "")
    if "refused" in want and want["refused"] not in shown:
        return Outcome(False, "the refusal is not on the page")
    return Outcome(True)


FILE_ENTRY_POINTS: dict[str, Callable[[Path, dict], Outcome]] = {
    "file upload, import panel (pure)": via_upload,
    "file, convert (CLI)": via_convert_file,
    "file upload, the page (AppTest)": via_page,
}


# --- Running them -------------------------------------------------------------------


@dataclass
class Tally:
    tried: int = 0
    passed: int = 0


def run_all(
    include_page: bool = True,
    include_databases: bool = True,
    include_server: bool = True,
) -> tuple[dict[str, Tally], list[str]]:
    """Every entry point over the corpus, the store's cases on each database
    (:data:`tests.harness.hostile_store.STORE_CASES`) and the launch link through
    a TCP forwarder to a running server: tallies and the failures."""
    tallies: dict[str, Tally] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as directory:
        marker = Path(directory) / "evaluated"
        texts = payloads(marker)
        for entry, check in TEXT_ENTRY_POINTS.items():
            tally = tallies.setdefault(entry, Tally())
            for payload in texts:
                outcome = _guarded(check, payload)
                if marker.exists():
                    outcome = Outcome(False, "a payload ran a command")
                    marker.unlink()
                _count(tally, failures, entry, payload.name, outcome)
        for entry, check_file in FILE_ENTRY_POINTS.items():
            if entry.endswith("(AppTest)") and not include_page:
                continue
            tally = tallies.setdefault(entry, Tally())
            for path, want in hostile_files().items():
                outcome = _guarded(functools.partial(check_file, want=want), path)
                _count(tally, failures, entry, path.name, outcome)
    if include_databases:
        tally = tallies.setdefault(
            f"store cases ({len(STORE_CASES)} per database)", Tally()
        )
        for name, outcome in run_store_cases():
            _count(tally, failures, "store", name, outcome)
    if include_server:
        entry = "launch link token, through a TCP forwarder"
        tally = tallies.setdefault(entry, Tally())
        try:
            for name, outcome in launch_tokens_through_a_forwarder(
                payloads(Path(tempfile.gettempdir()) / "unused-marker")
            ):
                _count(tally, failures, entry, name, outcome)
        except Exception as error:  # the server did not start: one failure
            _count(tally, failures, entry, "the server", _crashed(error))
    return tallies, failures


def _crashed(error: Exception) -> Outcome:
    return Outcome(False, f"{type(error).__name__}: {str(error)[:200]}")


def _guarded(check: Callable, value: object) -> Outcome:
    try:
        return check(value)
    except Exception as error:  # any crash is a failure to report
        return Outcome(False, f"{type(error).__name__}: {str(error)[:200]}")


def _count(tally: Tally, failures: list[str], entry: str, name: str, outcome: Outcome):
    tally.tried += 1
    tally.passed += outcome.passed
    if not outcome.passed:
        failures.append(f"{entry} / {name}: {outcome.detail}")
