"""Batch geocoding of a CSV column: python -m components.gazetteer --csv ..."""

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from components.domain.places import Match, Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer.batch import ADDED_COLUMNS, added_cells, geocode_csv
from components.support.errors import BatchError
from components.support.progress import Progress
from tests.conftest import ROOT

ROWS = [
    ["id", "town", "note"],
    ["1", "Noshki", "alias"],
    ["2", "Quetta", ""],
    ["3", "Mastng", "misspelt"],
    ["4", "Atlantis", "unknown"],
    ["5", "=cmd|' /C calc'!A0", "formula"],
    ["6"],
]


def run(rows, column="town", **kwargs) -> list[dict[str, str]]:
    from components.gazetteer import default_gazetteer

    source = io.BytesIO(_csv(rows).encode("utf-8"))
    out = io.StringIO()
    geocode_csv(source, out, column, default_gazetteer().match, **kwargs)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def test_every_row_comes_out_with_the_added_columns():
    out = run(ROWS)
    assert [row["id"] for row in out] == ["1", "2", "3", "4", "5", "6"]
    assert list(out[0])[-6:] == ADDED_COLUMNS
    noshki, quetta, mastng, atlantis, formula, short = out
    assert (noshki["matched_name"], noshki["match"]) == ("Nushki", "alias")
    assert noshki["geonameid"] == "1168749"
    assert (noshki["lat"], noshki["lon"], noshki["geo_precision"]) == (
        "29.55218",
        "66.02288",
        "1",
    )
    assert quetta["match"] == "exact"
    assert (mastng["matched_name"], mastng["match"]) == ("Mastung", "fuzzy")
    for miss in (atlantis, formula, short):
        assert miss["match"] == "miss"
        assert miss["lat"] == miss["matched_name"] == miss["geonameid"] == ""
    assert formula["town"] == "=cmd|' /C calc'!A0", "the analyst's cells are kept"
    assert short["note"] == ""


def test_curated_places_have_no_geonames_id():
    (kech,) = run([["town"], ["Kech District"]])
    assert (kech["matched_name"], kech["geo_precision"]) == ("Kech", "2")
    assert kech["geonameid"] == ""


@pytest.mark.parametrize(
    ("rows", "column", "message"),
    [
        ([["place"], ["Quetta"]], "town", "no column 'town'"),
        ([["town", "lat"], ["Quetta", "1"]], "town", "already has column(s) lat"),
        ([], "town", "empty"),
    ],
)
def test_files_that_cannot_be_geocoded_say_why(rows, column, message):
    with pytest.raises(BatchError, match=re.escape(message)):
        run(rows, column)


def test_progress_is_drawn_when_asked():
    stream = io.StringIO()
    run(ROWS, progress=Progress("geocoding", 100, stream, enabled=True))
    assert "geocoding:" in stream.getvalue()
    assert "6 rows" in stream.getvalue()


def test_cli_writes_csv_to_stdout_and_a_summary_to_stderr(tmp_path: Path):
    path = tmp_path / "in.csv"
    path.write_text(_csv(ROWS), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "components.gazetteer",
            "--csv",
            str(path),
            "--column",
            "town",
            "--offline",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(out) == 6
    assert "6 rows: 1 alias, 1 exact, 1 fuzzy, 3 miss" in result.stderr
    assert "\r" not in result.stderr, "no progress bar when stderr is not a terminal"


def test_cli_names_a_missing_file(tmp_path: Path, capsys):
    from components.gazetteer.__main__ import main

    assert main(["--csv", str(tmp_path / "nope.csv"), "--column", "x"]) == 2
    assert "nope.csv" in capsys.readouterr().err


def test_a_place_name_that_looks_like_a_formula_is_neutralised():
    place = Place(-9, "=SUM(A1)", "town", 1.0, 2.0, "", GeoPrecision.TOWN)
    cells = added_cells(Match("x", "exact", place))
    assert cells[4] == "'=SUM(A1)"


def test_warnings_of_the_online_geocoder_are_gathered_once():
    def resolve(name: str) -> Match:
        return Match(name, "miss", warning="the online geocoder did not answer")

    source = io.BytesIO(_csv([["town"], ["A"], ["B"]]).encode())
    result = geocode_csv(source, io.StringIO(), "town", resolve)
    assert result.warnings == ["the online geocoder did not answer"]
    assert result.counts == {"miss": 2}


def test_hostile_cells_are_kept_and_missed():
    out = run([["town"], ["x" * 10_000], ["\x00\x1b[31m"], ["Quetta\u202e"]])
    assert [row["match"] for row in out] == ["miss", "miss", "exact"]
    assert out[0]["town"] == "x" * 10_000


def test_text_that_is_not_utf8_names_its_row():
    from components.gazetteer import default_gazetteer

    source = io.BytesIO(b"\xef\xbb\xbftown\nQuetta\nM\xe4stung\n")
    with pytest.raises(BatchError, match="line 3 is not UTF-8 text"):
        geocode_csv(source, io.StringIO(), "town", default_gazetteer().match)


def test_a_byte_order_mark_and_windows_line_ends_are_read():
    from components.gazetteer import default_gazetteer

    source = io.BytesIO("\ufefftown,n\r\nNoshki,1\r\n".encode())
    out = io.StringIO()
    geocode_csv(source, out, "town", default_gazetteer().match)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["town"], row["n"], row["matched_name"]) == ("Noshki", "1", "Nushki")
