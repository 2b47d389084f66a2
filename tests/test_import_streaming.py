"""Imports that stream: a batch of rows at a time, rejects on disk, ids as digests,
GeoJSON parsed a feature at a time; the same rows, rejects and events as an import
that holds the whole file."""

import codecs
import csv
import io
import json
import subprocess
import sys

import pytest

from components.formats import (
    ImportResult,
    csv_batches,
    formats,
    import_csv,
)
from components.formats import result as result_module
from components.formats.geojson import geojson_batches, read_geojson
from components.formats.ours import CsvStore
from components.formats.result import SeenIds
from components.support.errors import ImportFormatError, InputFileError
from components.support.files import write_file
from tests.conftest import ROOT
from tests.harness.big_files import write_acled_csv, write_geojson


@pytest.fixture(scope="module")
def acled_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "acled.csv"
    rows = write_acled_csv(path, 1, chunk=3_000)
    return path, rows


def test_a_streamed_import_gives_what_a_whole_one_does(acled_file):
    path, rows = acled_file
    whole = import_csv(path.read_bytes(), formats()["acled"], path.name)
    streamed = ImportResult.streamed("ACLED", path.name)
    batches = list(
        csv_batches(path.read_bytes(), formats()["acled"], streamed, batch=700)
    )
    assert max(len(b) for b in batches) == 700
    assert [row for b in batches for row in b] == whole.incidents
    assert streamed.incidents == []
    assert (streamed.read, streamed.imported, streamed.rejected) == (
        whole.read,
        whole.imported,
        len(whole.rejects),
    )
    assert streamed.read == rows
    assert 0 < streamed.rejected < rows
    assert streamed.events == whole.events
    assert streamed.reject_reasons() == whole.reject_reasons()
    assert streamed.rejects_csv() == whole.rejects_csv()
    streamed.close()


def test_a_streamed_import_keeps_only_the_first_rejects_in_memory(
    acled_file, monkeypatch
):
    monkeypatch.setattr(result_module, "KEPT_REJECTS", 10)
    path, _ = acled_file
    streamed = ImportResult.streamed("ACLED", path.name)
    for _ in csv_batches(path.read_bytes(), formats()["acled"], streamed):
        pass
    assert len(streamed.rejects) == 10
    assert streamed.rejected > 10
    rows = list(csv.DictReader(io.StringIO(streamed.rejects_csv().decode())))
    assert len(rows) == streamed.rejected
    assert rows[0]["reason"].startswith("event_type: 'Protests'")
    streamed.close()


def test_a_repeated_id_is_found_across_the_digests_merges(monkeypatch):
    monkeypatch.setattr(SeenIds, "MERGE", 3)
    seen = SeenIds()
    for n in range(10):
        seen.add(f"id-{n}")
    assert all(f"id-{n}" in seen for n in range(10))
    assert "id-10" not in seen
    assert "" not in seen


def test_an_id_twice_in_a_large_file_is_rejected_however_far_apart(
    acled_file, tmp_path
):
    path, rows = acled_file
    lines = path.read_bytes().splitlines(keepends=True)
    copy = tmp_path / "twice.csv"
    copy.write_bytes(b"".join([*lines, lines[1]]))  # row 1 again at the end
    result = import_csv(copy.read_bytes(), formats()["acled"], copy.name)
    last = result.rejects[-1]
    assert last.row == rows + 1
    assert "appears twice in the file" in last.reason or "Protests" in last.reason


def _collection(features, *, events=None, first=None) -> bytes:
    members = {"type": "FeatureCollection", "features": features}
    if events is not None:
        members["events"] = events
    if first is not None:
        members = {first: members.pop(first), **members}
    return json.dumps(members).encode()


FEATURE = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [67.00141, 30.18414]},
    "properties": {
        "id": "f-1",
        "event_id": "ev-1",
        "date": "2026-02-01",
        "date_precision": 1,
        "place": "Quetta",
        "geo_precision": 1,
        "target_type": "police_paramilitary",
        "attack_types": "armed_assault",
        "killed_security": 2,
        "source_title": "A test feature",
        "source_location": "tests/test_import_streaming.py",
    },
}
EVENT = {
    "id": "ev-1",
    "name": "A test event",
    "date": "2026-02-01",
    "date_precision": 1,
    "source_title": "A test",
    "source_location": "tests/test_import_streaming.py",
}


@pytest.mark.parametrize("first", ["features", "events", "type"])
def test_geojson_members_may_come_in_any_order(first):
    data = _collection([FEATURE], events=[EVENT], first=first)
    result = read_geojson(data, "order.geojson")
    assert result.imported == 1
    assert [e["id"] for e in result.events] == ["ev-1"]


def test_geojson_with_a_byte_order_mark_is_read():
    result = read_geojson(codecs.BOM_UTF8 + _collection([FEATURE]), "bom.geojson")
    assert result.imported == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"features": [], "type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (_collection([FEATURE], first="features")[:-1], "is not GeoJSON"),
        (b'{"type": "FeatureCollection"}', "'features' is not a list"),
        (
            b'{"type": "FeatureCollection", "features": [' + b"[" * 100_000,
            "nested too deeply",
        ),
        (_collection([FEATURE]) + b" trailing", "is not GeoJSON"),
    ],
)
def test_geojson_that_cannot_be_read_is_refused_with_one_line(data, message):
    with pytest.raises(ImportFormatError, match=message) as refused:
        read_geojson(data, "bad.geojson")
    assert "\n" not in str(refused.value)


def test_a_geojson_collection_of_the_wrong_type_stops_before_its_rows():
    data = b'{"type": "Topology", "features": [' + b",".join(
        [json.dumps(FEATURE).encode()] * 3
    )
    result = ImportResult.streamed("GeoJSON", "wrong.geojson")
    with pytest.raises(ImportFormatError, match="FeatureCollection"):
        next(iter(geojson_batches(io.BytesIO(data), result)))
    assert result.read == 0


def test_chunks_that_fail_leave_no_file_behind(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.csv"

    def chunks():
        yield b"a,b\n"
        raise ImportFormatError("the input broke off")

    with pytest.raises(ImportFormatError):
        write_file(target, chunks())
    assert list(folder.iterdir()) == []
    write_file(target, iter([b"a,", b"b\n"]))
    assert target.read_bytes() == b"a,b\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_convert_to_ours_streams_a_large_file_into_a_loadable_directory(
    acled_file, tmp_path
):
    path, _ = acled_file
    whole = import_csv(path.read_bytes(), formats()["acled"], path.name)
    out = tmp_path / "out"
    done = run(
        "-m", "components.convert", str(path), "--from", "acled", "--to", "ours",
        "-o", str(out), "--rejects", str(tmp_path / "rejects.csv"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert whole.summary() in done.stderr
    loaded = CsvStore(out).load()
    assert loaded.problems == ()
    assert sorted(i.id for i in loaded.incidents) == sorted(
        row["id"] for row in whole.incidents
    )
    assert list(loaded.events) == [whole.events[0]["id"]]
    assert (tmp_path / "rejects.csv").read_bytes() == whole.rejects_csv()
    assert not list(out.rglob("*.pending"))


@pytest.mark.slow
def test_a_failed_streamed_convert_leaves_no_directory_half_written(tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_bytes(_collection([FEATURE] * 3)[:-40])
    out = tmp_path / "out"
    done = run(
        "-m", "components.convert", str(broken), "--from", "geojson", "--to", "ours",
        "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("error: broken.geojson")
    assert not (out / "events.csv").exists()
    assert not list(out.rglob("*.csv*"))


@pytest.mark.slow
def test_store_import_streams_geojson_with_its_events_after_the_features(tmp_path):
    path = tmp_path / "big.geojson"
    features = write_geojson(path, 1, chunk=2_000)
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = run(
        "-m", "components.store", "--database", url, "import", str(path),
        "--from", "geojson",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"{features:,} incident(s) added, 0 already present" in done.stderr
    again = run(
        "-m", "components.store", "--database", url, "import", str(path),
        "--from", "geojson",
    )  # fmt: skip
    assert f"0 incident(s) added, {features:,} already present" in again.stderr


def test_a_data_directory_is_read_a_row_at_a_time_headers_checked_first(tmp_path):
    from components.formats.ours import raw_rows
    from tests.harness.synthetic_data import write_synthetic

    source = write_synthetic(tmp_path / "data", 50)
    second = source / "incidents" / "second.csv"
    lines = (source / "incidents" / "synthetic.csv").read_text().splitlines()
    second.write_text(
        "\n".join(
            [
                lines[0],
                *(line.replace("synthetic-", "second-", 1) for line in lines[1:11]),
            ]
        )
        + "\n"
    )
    events, incidents = raw_rows(source)
    assert not isinstance(incidents, list)
    rows = list(incidents)
    assert len(rows) == 60
    assert {row["id"][:7] for row in rows} == {"synthet", "second-"}
    assert [e["id"] for e in events] == [rows[0]["event_id"]]
    second.write_text("id,id\n1,2\n")
    with pytest.raises(
        InputFileError,
        match=r"second.csv, line 1: a column name appears more than once",
    ):
        raw_rows(source)
    second.write_bytes(lines[0].encode() + b"\n" + b"caf\xe9\n")
    with pytest.raises(InputFileError, match=r"second.csv: not UTF-8 text"):
        list(raw_rows(source)[1])
