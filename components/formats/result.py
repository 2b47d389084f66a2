"""What one import read, made and refused, in memory that does not grow with the file.

An import that collects its rows (the page's, a small file's) keeps every reject and
warning in :class:`ImportResult`. An import that streams (``--to ours``, ``store
import``) keeps the first :data:`KEPT_REJECTS` rejects and :data:`KEPT_WARNINGS`
warnings to show, counts the rest, and writes every reject to a spool file on disk
(:class:`RejectSpool`) from which the rejects CSV is written a chunk at a time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from components.support.text import newlines_as_lf, spreadsheet_cell

Row = dict[str, str]

KEPT_REJECTS = 1_000
"""Rejects a streamed import keeps in memory to show; the others are on disk."""
KEPT_WARNINGS = 200
"""Warnings a streamed import keeps to show; the others are counted."""


@dataclass(frozen=True)
class Reject:
    """A source row that was not imported, with where it is and why."""

    row: int
    """1 for the first data row after the header."""
    line: int
    reason: str
    original: Mapping[str, str]


class RejectSpool:
    """Every reject of a streamed import, one JSON line each in a temporary file,
    with the source's columns in the order first seen."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.columns: dict[str, None] = {}

    def add(self, reject: Reject) -> None:
        original = {str(k): _text(v) for k, v in reject.original.items()}
        self.columns.update(dict.fromkeys(original))
        line = [reject.row, reject.line, reject.reason, original]
        self._file.write(json.dumps(line, ensure_ascii=False) + "\n")

    def __iter__(self) -> Iterator[Reject]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            row, number, reason, original = json.loads(line)
            yield Reject(row, number, reason, original)
        self._file.seek(0, io.SEEK_END)

    def close(self) -> None:
        self._file.close()


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return repr(type(value).__name__)


@dataclass
class ImportResult:
    """What one import read, made and refused."""

    format_name: str
    source_name: str
    incidents: list[Row] = field(default_factory=list)
    """The imported rows; empty when the import streamed them on."""
    events: list[Row] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    """Every reject, or the first :data:`KEPT_REJECTS` of a streamed import."""
    read: int = 0
    imported: int = 0
    rejected: int = 0
    geocoded: int = 0
    """Rows placed from their place names because their coordinates were unusable."""
    warnings: list[str] = field(default_factory=list)
    """Imported rows with a field that was not used as given: row, field and why
    (the first :data:`KEPT_WARNINGS` of a streamed import)."""
    warned: int = 0
    event_ids: set[str] = field(default_factory=set)
    """The events the imported rows belong to."""
    spool: RejectSpool | None = None
    """Where a streamed import keeps every reject (None: all are in ``rejects``)."""
    event_rows: int = 0
    """Imported rows in the event the import makes for the file, dated from
    ``first_date`` to ``last_date``."""
    first_date: str = ""
    last_date: str = ""
    _reasons: dict[str, list] = field(default_factory=dict)

    @classmethod
    def streamed(cls, format_name: str, source_name: str) -> ImportResult:
        """A result for an import whose rows go on in batches, not into memory."""
        return cls(format_name, source_name, spool=RejectSpool())

    def summary(self) -> str:
        return (
            f"{self.source_name} ({self.format_name}): {self.read:,} rows read, "
            f"{self.imported:,} imported ({self.geocoded:,} placed from their place "
            f"names), {self.rejected:,} rejected"
        )

    def add_reject(self, reject: Reject) -> None:
        self.rejected += 1
        tally = self._reasons.setdefault(reject.reason.split(":")[0], [0, reject])
        tally[0] += 1
        if self.spool is None:
            self.rejects.append(reject)
            return
        self.spool.add(reject)
        if len(self.rejects) < KEPT_REJECTS:
            self.rejects.append(reject)

    def add_warning(self, warning: str) -> None:
        self.warned += 1
        if self.spool is None or len(self.warnings) < KEPT_WARNINGS:
            self.warnings.append(warning)

    def add_incident(self, incident: Row, import_event_id: str) -> None:
        """Count an imported row (and its date, if it is in the import's event)."""
        self.imported += 1
        self.event_ids.add(incident["event_id"])
        if incident["event_id"] == import_event_id:
            date = incident["date"]
            self.event_rows += 1
            self.first_date = min(self.first_date or date, date)
            self.last_date = max(self.last_date, date)

    def reject_reasons(self, limit: int = 8) -> list[tuple[int, str]]:
        """(rows, an example reason) per field named in the reasons, commonest first."""
        ranked = sorted(self._reasons.values(), key=lambda t: t[0], reverse=True)
        return [
            (count, f"row {example.row}: {example.reason}")
            for count, example in ranked[:limit]
        ]

    def all_rejects(self) -> Iterator[Reject]:
        return iter(self.spool) if self.spool is not None else iter(self.rejects)

    def rejects_csv_chunks(self) -> Iterator[bytes]:
        """The rejected rows as they came, with row, line and reason first (line
        breaks inside cells as LF, formulas neutralised), a chunk at a time."""
        columns = ["row", "line", "reason"]
        if self.spool is not None:
            columns.extend(c for c in self.spool.columns if c not in columns)
        else:
            for reject in self.rejects:
                columns.extend(c for c in reject.original if c not in columns)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for reject in self.all_rejects():
            cells = {"row": reject.row, "line": reject.line, "reason": reject.reason}
            cells.update(reject.original)
            writer.writerow(
                {k: spreadsheet_cell(newlines_as_lf(str(v))) for k, v in cells.items()}
            )
            if buffer.tell() > 1 << 20:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode("utf-8")

    def rejects_csv(self) -> bytes:
        """The rejected rows as :meth:`rejects_csv_chunks` gives them, whole."""
        return b"".join(self.rejects_csv_chunks())

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()


class SeenIds:
    """The ids an import has taken, in 16 bytes each (a 120-bit BLAKE2b digest
    and a closing byte that is never NUL, which NumPy's byte strings would drop:
    two ids sharing a digest is not to be expected in any file), so a repeated id
    is found in a file of millions of rows without holding the ids."""

    MERGE = 50_000

    def __init__(self) -> None:
        self._sorted = np.empty(0, dtype="S16")
        self._recent: set[bytes] = set()

    @staticmethod
    def _digest(identifier: str) -> bytes:
        return hashlib.blake2b(identifier.encode(), digest_size=15).digest() + b"\x01"

    def __contains__(self, identifier: str) -> bool:
        digest = self._digest(identifier)
        if digest in self._recent:
            return True
        where = int(np.searchsorted(self._sorted, digest))
        return where < len(self._sorted) and self._sorted[where] == digest

    def add(self, identifier: str) -> None:
        self._recent.add(self._digest(identifier))
        if len(self._recent) >= self.MERGE:
            recent = np.array(sorted(self._recent), dtype="S16")
            self._sorted = np.sort(np.concatenate([self._sorted, recent]))
            self._recent.clear()
