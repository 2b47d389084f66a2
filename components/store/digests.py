"""SHA-256 digests of the seed files, remembered by size and modification time.

Every start compares the data files with what the database was seeded from;
hashing a data file of a million rows takes about half a second, so a digest is
kept in a small JSON file beside the table cache and reused while the file's
size and modification time (in nanoseconds) are the same, as make and rsync
decide whether a file changed. A file changed in the last seconds is not
remembered (its clock tick may hide a second change, as Git's index knows).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

SETTLED_NS = 2_000_000_000
"""A file unchanged this long (two seconds) has its digest remembered."""


def file_digests(paths: Iterable[Path], memo: Path | None) -> dict[str, str]:
    """``{resolved path: sha256}`` for ``paths``; ``memo`` (may be None) is the
    JSON file of digests already computed, updated when one was not."""
    known = _read(memo)
    digests: dict[str, str] = {}
    remembered: dict[str, list] = {}
    for path in paths:
        key = str(path.resolve())
        status = path.stat()
        stamp = [status.st_size, status.st_mtime_ns]
        entry = known.get(key)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == stamp:
            digest = str(entry[2])
        else:
            with path.open("rb") as file:
                digest = hashlib.file_digest(file, "sha256").hexdigest()
        digests[key] = digest
        if time.time_ns() - status.st_mtime_ns > SETTLED_NS:
            remembered[key] = [*stamp, digest]
    if memo is not None and remembered != known:
        _write(memo, remembered)
    return digests


def _read(memo: Path | None) -> dict:
    if memo is None or not memo.exists():
        return {}
    try:
        loaded = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _write(memo: Path, digests: dict[str, list]) -> None:
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        partial = memo.with_name(f".{memo.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(digests), encoding="utf-8")
        partial.replace(memo)
    except OSError as error:
        logger.warning("cannot remember the seed files' digests in %s: %s", memo, error)
