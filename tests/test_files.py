"""Files named on the command line: inputs checked and capped, outputs whole."""

import io
import os
import stat
from pathlib import Path

import pytest

from components.support.errors import IncidentMapError, InputFileError, OutputFileError
from components.support.files import bounded_lines, read_capped, write_file


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (Path("/dev/zero"), "is not a regular file"),
        (Path("/tmp"), "is a directory"),
        (Path("/nonexistent/file.csv"), "No such file or directory"),
    ],
)
def test_inputs_that_are_not_regular_files_are_refused(path, message):
    with pytest.raises(InputFileError, match=message):
        read_capped(path, 1024)


def test_inputs_over_the_cap_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputFileError, match=r"big.txt: is 0.0 MB; a report may"):
        read_capped(big, 1024, "report")
    assert read_capped(big, 4096) == b"x" * 2048


def test_endless_lines_are_refused_with_their_number():
    stream = io.BytesIO(b"a,b\n" + b"x" * 100)
    lines = bounded_lines(stream, "f.csv", limit=50)
    assert next(lines) == (1, b"a,b\n")
    with pytest.raises(InputFileError, match=r"f\.csv, line 2: longer than"):
        next(lines)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}", "is a directory"),
        ("{tmp}/missing/out.csv", "the folder .* does not exist"),
        ("/dev/full", "No space left on device"),
    ],
)
def test_unwritable_outputs_are_refused_with_a_reason(tmp_path, target, message):
    with pytest.raises(OutputFileError, match=message):
        write_file(Path(target.format(tmp=tmp_path)), b"data")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "out.csv"
    out.write_bytes(b"old")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("components.support.files.os.replace", fail)
    with pytest.raises(OutputFileError, match="No space left"):
        write_file(out, b"new")
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["out.csv"]


def test_errors_share_the_project_root():
    assert issubclass(InputFileError, IncidentMapError)
    assert issubclass(OutputFileError, OSError)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_output_gets_the_permissions_the_umask_gives(tmp_path, umask):
    target = tmp_path / "out.csv"
    old = os.umask(umask)
    try:
        write_file(target, b"a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_replaced_output_keeps_its_permissions(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.csv"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    write_file(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in folder.iterdir()] == ["out.csv"]
