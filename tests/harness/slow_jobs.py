"""Jobs for worker-process tests, importable by the worker: one that takes
longer than any limit a test sets."""

from __future__ import annotations

import time


def never_done(*_args: object) -> None:
    """Sleep far past any test's limit (a reading that hangs)."""
    time.sleep(120)
