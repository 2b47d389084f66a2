"""A one-line progress display for long command-line jobs, on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30


class Progress:
    """Shows ``label: 42% [#####    ] 12,345 rows`` on one line, a few times a second.

    Off (it writes nothing) unless ``enabled``, which defaults to whether the stream
    is a terminal, so piped and logged output stays clean.
    """

    def __init__(
        self,
        label: str,
        total: int | None,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        interval: float = 0.2,
    ) -> None:
        self.label = label
        self.total = total or None
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)
        self.enabled = isatty() if enabled is None else enabled
        self.interval = interval
        self._shown = 0.0
        self._drawn = False

    def update(self, done: int, rows: int, *, force: bool = False) -> None:
        """``done`` in the unit of ``total`` (bytes); ``rows`` handled so far."""
        now = time.monotonic()
        if not self.enabled or (not force and now - self._shown < self.interval):
            return
        self._shown = now
        if self.total:
            share = min(done / self.total, 1.0)
            filled = round(share * BAR_WIDTH)
            bar = f"{share:4.0%} [{'#' * filled}{' ' * (BAR_WIDTH - filled)}] "
        else:
            bar = ""
        self.stream.write(f"\r{self.label}: {bar}{rows:,} rows")
        self.stream.flush()
        self._drawn = True

    def close(self, done: int, rows: int) -> None:
        """Draw the final state and end the line."""
        self.update(done, rows, force=True)
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
