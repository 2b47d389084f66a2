"""Results remembered by the identity of the table they were worked out from.

The page's tables are shared and never written to: the loaded table is one object
per saved version, a filter with nothing chosen gives that same object back, and a
fragment's reruns keep their arguments. So "the same object" means "the same
rows", and work done once for a table (a briefing, a map's layers) serves every
rerun and every session that shows it, without hashing a million rows. A call
that finds the same work under way in another thread (a session opening while
the server makes the first view ready) waits for it rather than doing it again.
Pure: imports no Streamlit.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def by_table(size: int = 4) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember ``function(table, *rest)`` for the last ``size`` calls, keyed by the
    table's identity and the other arguments (their value when hashable, else
    their identity). An entry goes when its table is freed, so nothing keeps a
    table alive; the result must not be changed by its callers. A call whose
    work another thread is doing waits for that thread's result."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        entries: OrderedDict[tuple[Hashable, ...], tuple[Any, tuple, Any]] = (
            OrderedDict()
        )
        under_way: dict[tuple[Hashable, ...], threading.Event] = {}
        lock = threading.RLock()  # a freed table may be forgotten mid-call

        def forget(key: tuple[Hashable, ...]) -> None:
            with lock:
                entries.pop(key, None)

        @wraps(function)
        def remembered(table: Any, *args: Any, **kwargs: Any) -> Any:
            names = sorted(kwargs)
            rest = (*args, *(kwargs[name] for name in names))
            key = (id(table), *names, *(_key(value) for value in rest))
            while True:
                with lock:
                    entry = entries.get(key)
                    if entry is not None and entry[0]() is table:
                        entries.move_to_end(key)
                        return entry[2]
                    # While another thread works on them, the table and the
                    # arguments are alive: their ids are still theirs.
                    other = under_way.get(key)
                    if other is None:
                        done = under_way[key] = threading.Event()
                        break
                other.wait()  # then look again: that work may have failed
            try:
                result = function(table, *args, **kwargs)
                # Unhashable arguments are kept with the entry, so their ids stay
                # theirs.
                held = tuple(value for value in rest if _key(value)[0] == "is")
                ref = weakref.ref(table, lambda _: forget(key))
                with lock:
                    entries[key] = (ref, held, result)
                    entries.move_to_end(key)
                    while len(entries) > size:
                        entries.popitem(last=False)
            finally:
                with lock:
                    del under_way[key]
                done.set()
            return result

        remembered.forget_all = entries.clear  # type: ignore[attr-defined]
        return remembered  # type: ignore[return-value]

    return decorate


def _key(value: Any) -> tuple[str, Hashable]:
    try:
        hash(value)
    except TypeError:
        return ("is", id(value))
    return ("=", value)
