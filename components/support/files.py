"""Reading and writing the files people name on the command line, safely.

Inputs must be regular files (not a directory, a device such as ``/dev/zero``, or
a pipe that never ends) and are read with a size cap before any parsing. Outputs
are written whole or not at all: to a temporary file beside the target, then
renamed over it; a device or pipe named as output (``/dev/stdout``) is written
directly. A new output gets the permissions any file the user writes gets (the
umask decides), and a replaced one keeps its own. Every failure is an
:class:`~components.support.errors.InputFileError` or
:class:`~components.support.errors.OutputFileError` with a one-line message.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from components.support.errors import InputFileError, OutputFileError

logger = logging.getLogger(__name__)

MB = 1024 * 1024
MAX_LINE_BYTES = MB
"""A line of a text file longer than this is refused: no real CSV or GeoNames
line comes near it, and a file of one endless line must not fill the memory."""


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_regular_file(path: Path) -> int:
    """The size of ``path`` in bytes, if it is a regular file one can read."""
    try:
        info = path.stat()
    except OSError as error:
        raise InputFileError(f"{path}: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            f"{path}: is not a regular file (a device, pipe or socket); "
            "save the data to a file first"
        )
    return info.st_size


def read_capped(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    size = check_regular_file(path)
    if size > limit:
        raise InputFileError(
            f"{path}: is {size / MB:,.1f} MB; a {what} may be at most "
            f"{limit / MB:,.0f} MB"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputFileError(f"{path}: {_reason(error)}") from None
    if len(data) > limit:  # it grew while we read it
        raise InputFileError(f"{path}: is larger than {limit / MB:,.0f} MB")
    return data


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """A regular file opened for reading in binary, and its size, for streaming."""
    size = check_regular_file(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputFileError(f"{path}: {_reason(error)}") from None
    with handle:
        yield handle, size


def bounded_lines(
    stream: IO[bytes], name: str, limit: int = MAX_LINE_BYTES
) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) of a binary stream, refusing a line over ``limit``."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit:
            raise InputFileError(
                f"{name}, line {number}: longer than {limit // 1024:,} kB; "
                "is this a text file of the expected kind?"
            )
        yield number, raw


def check_output_path(path: Path) -> None:
    """Refuse an output that is a directory or whose folder does not exist."""
    if path.is_dir():
        raise OutputFileError(f"{path}: is a directory; name a file to write")
    parent = path.parent
    if not parent.is_dir():
        raise OutputFileError(f"{path}: the folder {parent} does not exist")


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of them) to ``path`` whole, or leave what
    was there untouched."""
    chunks = [data] if isinstance(data, bytes) else data
    written = 0
    check_output_path(path)
    if path.exists() and not path.is_file():
        # A device or pipe (e.g. /dev/stdout): nothing to replace atomically.
        try:
            with path.open("wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
        except OSError as error:
            raise OutputFileError(f"{path}: {_reason(error)}") from None
        return
    try:
        descriptor, temporary = _create_beside(path)
    except OSError as error:
        raise OutputFileError(f"{path}: {_reason(error)}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in chunks:
                written += handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputFileError(f"{path}: {_reason(error)}") from None
    except BaseException:  # the chunks failed: nothing half-written is left
        Path(temporary).unlink(missing_ok=True)
        raise
    logger.info("wrote %s (%d bytes)", path, written)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file in ``path``'s folder, opened for writing.

    Created with mode 0666 less the umask, as ``open()`` and the shell create
    files (``tempfile.mkstemp`` makes them owner-only, which suits secrets, not
    exports meant to be shared); if ``path`` exists, with its permissions.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
        try:
            descriptor = os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        if mode is not None:
            os.chmod(descriptor, mode)
        return descriptor, temporary
    raise FileExistsError(f"no free temporary name beside {path}")
