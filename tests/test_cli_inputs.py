"""Every command-line tool: one-line errors and a non-zero exit on bad files."""

import pytest

from components import convert
from components.gazetteer import __main__ as gazetteer
from components.report import __main__ as report
from tests.conftest import ROOT, TEST_DATA
from tests.harness.hostile_inputs import Payload, import_file

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
        (convert.main, ["in\x1b[2J.csv", "--from", "acled", "--to", "csv"], "(\\x1b)"),
        (convert.main, [ACLED, "--from", "acled", "--to", "csv", "-o", "a\x00"], "x00"),
        (
            convert.main,
            [ACLED, "--from", "acled", "--to", "csv", "--encoding", "\r"],
            "\\r",
        ),
        (convert.main, [ACLED, "--from", "nope", "--to", "csv"], "invalid choice"),
        (gazetteer.main, ["Quetta\x00"], "control character (\\x00)"),
        (gazetteer.main, ["--csv", "in\x07.csv", "--column", "place"], "(\\x07)"),
        (gazetteer.main, ["--csv", ACLED, "--column", "\x1b"], "(\\x1b)"),
        (gazetteer.main, ["import-geonames", "PK\x00.zip"], "(\\x00)"),
    ],
)
def test_bad_files_exit_2_with_one_line(capsys, main, argv, message):
    assert exit_status(main, argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ")
    assert message in err
    assert len(err.splitlines()) == 1, err
    assert not any(c in err for c in "\x00\x07\x1b\r")


def exit_status(main, argv: list[str]) -> int:
    """What the command exits with, whether it returns it or raises SystemExit."""
    try:
        return main(argv)
    except SystemExit as done:
        return int(done.code or 0)


def test_rejects_go_beside_the_input_when_the_output_is_stdout(
    tmp_path, monkeypatch, capsys
):
    folder, elsewhere = tmp_path / "inputs", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    source = folder / "acled.csv"
    source.write_bytes(import_file("acled", Payload("escape", "\x1b[31mred")))
    monkeypatch.chdir(elsewhere)
    assert convert.main([str(source), "--from", "acled", "--to", "csv"]) == 0
    err = capsys.readouterr().err
    assert (folder / "acled.rejects.csv").is_file(), err
    assert list(elsewhere.iterdir()) == []
    assert f"rejected rows and reasons: {folder / 'acled.rejects.csv'}" in err
