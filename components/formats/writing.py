"""A data directory in our format written a batch at a time, for imports that stream.

``incidents/<name>.csv`` grows in a pending file beside it as batches come;
:meth:`DatasetWriter.finish` writes ``events.csv`` (known only once every row is
through) and puts both in place. Until then nothing of the directory is in place,
and a failure removes the pending file.
"""

from __future__ import annotations

import csv
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from components.domain.records import INCIDENT_COLUMNS
from components.formats.ours import check_new_data_directory, write_dataset
from components.support.text import newlines_as_lf

logger = logging.getLogger(__name__)


class DatasetWriter:
    """A new data directory ``directory`` whose incidents file is ``name``.csv,
    written as rows come (use as a context manager)."""

    def __init__(self, directory: Path, name: str) -> None:
        check_new_data_directory(directory)
        self.directory = directory
        self.path = directory / "incidents" / f"{name}.csv"
        if self.path.exists():
            raise FileExistsError(f"{self.path} exists; choose a new directory")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".pending"
        )
        self._pending = Path(name)
        self._file = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(
            self._file, fieldnames=INCIDENT_COLUMNS, lineterminator="\n"
        )
        self._writer.writeheader()
        self.rows = 0

    def add(self, rows: Iterable[Mapping[str, str]]) -> None:
        for row in rows:
            self._writer.writerow(
                {c: newlines_as_lf(str(row.get(c, ""))) for c in INCIDENT_COLUMNS}
            )
            self.rows += 1

    def finish(self, events: Sequence[Mapping[str, str]]) -> None:
        """Write ``events.csv`` and put the incidents file in place."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        write_dataset(self.directory, events, [], self.path.stem)
        os.replace(self._pending, self.path)
        logger.info("wrote %s: %d incident(s)", self.directory, self.rows)

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if not self._file.closed:
            self._file.close()
        self._pending.unlink(missing_ok=True)


def staged_rows(path: Path) -> Iterable[dict[str, str]]:
    """The incident rows of a file :class:`DatasetWriter` wrote, one at a time."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {column: row.get(column) or "" for column in INCIDENT_COLUMNS}
