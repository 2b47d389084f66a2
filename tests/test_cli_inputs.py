"""Every command-line tool: one-line errors and a non-zero exit on bad files."""

import pytest

from components import convert
from components.gazetteer import __main__ as gazetteer
from components.report import __main__ as report
from tests.conftest import ROOT, TEST_DATA

ACLED = str(TEST_DATA / "formats" / "acled.csv")
DATA = str(ROOT / "data")


@pytest.mark.parametrize(
    ("main", "argv", "message"),
    [
        (convert.main, ["/dev/zero", "--from", "acled", "--to", "csv"], "regular"),
        (convert.main, ["/dev/zero", "--from", "geojson", "--to", "csv"], "regular"),
        (
            convert.main,
            ["/nonexistent", "--from", "ours", "--to", "html"],
            "not a data",
        ),
        (convert.main, [ACLED, "--from", "ours", "--to", "html"], "not a data"),
        (convert.main, [DATA, "--from", "ours", "--to", "html", "-o", "/tmp"], "is a"),
        (
            convert.main,
            [DATA, "--from", "ours", "--to", "html", "-o", "/nope/map.html"],
            "does not exist",
        ),
        (
            convert.main,
            [DATA, "--from", "ours", "--to", "csv", "-o", "/dev/full"],
            "No space",
        ),
        (
            convert.main,
            [ACLED, "--from", "acled", "--to", "ours", "-o", DATA],
            "exists",
        ),
        (report.main, ["/dev/zero"], "regular"),
        (report.main, ["/tmp"], "is a directory"),
        (gazetteer.main, ["--csv", "/dev/zero", "--column", "x"], "regular"),
        (gazetteer.main, ["import-geonames", "/dev/zero"], "regular"),
        (gazetteer.main, ["import-geonames", "/nonexistent.zip"], "No such file"),
    ],
)
def test_bad_files_exit_2_with_one_line(capsys, main, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ")
    assert message in err
    assert len(err.splitlines()) == 1, err
