"""Importing GeoNames' country dump format (fixture: tests/data/geonames/XX.txt,
fictional places in GeoNames' 19-column layout, plain and zipped)."""

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from components.domain.vocabularies import GeoPrecision
from components.gazetteer import DEFAULT_DIRECTORY, Gazetteer
from components.gazetteer.geonames import (
    alternate_names,
    import_geonames,
    main,
    open_dump,
)
from components.support.progress import Progress
from tests.conftest import TEST_DATA

DUMP = TEST_DATA / "geonames"


def _places(directory: Path) -> dict[str, dict]:
    with (directory / "places.csv").open(encoding="utf-8") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize("name", ["XX.txt", "XX.zip"])
def test_import_keeps_populated_places_and_admin_areas(tmp_path, name):
    result = import_geonames(DUMP / name, tmp_path)
    places = _places(tmp_path)
    assert set(places) == {
        "Kili Testabad",
        "Testkot",
        "Testwar District",
        "Testgarh Tehsil",
    }
    assert (result.places, result.skipped, result.error_count) == (4, 2, 2)
    village = places["Kili Testabad"]
    assert (village["kind"], village["precision"], village["admin1"]) == (
        "town",
        "1",
        "Balochistan",
    )
    assert village["population"] == "", "GeoNames' 0 means unknown"
    assert places["Testwar District"]["precision"] == "2"
    assert places["Testgarh Tehsil"]["admin1"] == "Punjab"


def test_malformed_lines_are_reported_with_their_numbers(tmp_path):
    result = import_geonames(DUMP / "XX.txt", tmp_path)
    assert result.errors[0].startswith("line 4: 3 columns")
    assert result.errors[1].startswith("line 6: could not convert")


def test_imported_places_extend_the_gazetteer(tmp_path):
    import_geonames(DUMP / "XX.zip", tmp_path)
    gazetteer = Gazetteer.from_directory(DEFAULT_DIRECTORY, [tmp_path])
    found = gazetteer.match("Testabad")
    assert (found.kind, found.place.name) == ("alias", "Kili Testabad")
    assert gazetteer.match("Kili Testabad").precision == GeoPrecision.TOWN
    assert gazetteer.lookup("Quetta").geonameid == 1167528, "shipped places stay"
    assert gazetteer.match("TSTB").kind == "miss", "codes are not names"


def test_a_second_import_adds_to_the_first(tmp_path):
    import_geonames(DUMP / "XX.txt", tmp_path)
    other = tmp_path / "YY.txt"
    line = (DUMP / "XX.txt").read_text(encoding="utf-8").splitlines()[0]
    other.write_text(line.replace("90000001", "90000099").replace("Kili ", "Lower "))
    import_geonames(other, tmp_path)
    assert {"Kili Testabad", "Lower Testabad"} <= set(_places(tmp_path))


def test_cli_imports_with_progress_and_exit_status(tmp_path, capsys):
    assert main([str(DUMP / "XX.zip"), "--out", str(tmp_path), "--progress"]) == 1
    err = capsys.readouterr().err
    assert "100% [" in err
    assert "line 4:" in err
    assert "4 places" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip, not geonames", "1 columns"), (b"", "0 places")],
)
def test_cli_reports_files_that_are_not_dumps(tmp_path, capsys, content, message):
    path = tmp_path / "PK.txt"
    path.write_bytes(content)
    main([str(path), "--out", str(tmp_path / "user")])
    assert message in capsys.readouterr().err


def test_zip_without_a_dump_is_refused(tmp_path):
    path = tmp_path / "PK.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    expected = r"expected one GeoNames \.txt"
    with pytest.raises(ValueError, match=expected), open_dump(path):
        pass


def test_zip_member_is_chosen_by_the_archives_name(tmp_path):
    path = tmp_path / "XX.zip"
    shutil.copy(DUMP / "XX.zip", path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("other.txt", "x")
    with open_dump(path) as (stream, size):
        assert stream.readline().startswith(b"90000001\t")
        assert size == (DUMP / "XX.txt").stat().st_size


@pytest.mark.parametrize(
    ("alternates", "expected"),
    [
        (["Quetta", "QUETTA", "Kweta"], ["Kweta"]),
        (["UET", "http://x", "Quetta 2"], []),
        (["\u06a9\u0648\u0626\u0679\u06c1"], ["\u06a9\u0648\u0626\u0679\u06c1"]),
    ],
)
def test_alternate_names_leave_out_codes_and_repeats(alternates, expected):
    assert [name for name, _ in alternate_names("Quetta", alternates)] == expected


def test_progress_is_silent_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress("x", 10, stream)
    progress.update(5, 1, force=True)
    progress.close(10, 2)
    assert stream.getvalue() == ""
