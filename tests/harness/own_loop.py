"""Running a coroutine from a synchronous test, whatever loop is running.

The browser tests' Playwright session (sync API, session-scoped) keeps an event
loop running in the main thread until the run ends, so ``asyncio.run`` there
refuses; a thread of its own has no running loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_on_own_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` on a thread of its own; its result."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
