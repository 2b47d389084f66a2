"""A popup's incidents, a page at a time: what the app serves when a marker or a
point is clicked, so the payload itself carries no incident's text.

Each payload drawn on the page registers where its groups' incidents come from
(:class:`PageSource`: the loaded table, or the database) with its group table
under a token that only that payload names: an HMAC of its content with a
secret of this process, so a page's address cannot be guessed, and the same
payload built again names the same one. :data:`POPUPS` keeps the latest
:data:`KEPT` of them; a popup of an older map is told to reload the page.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from components.map.contract import PopupPage
from components.map.payload.groups import GROUP_COLUMNS, in_groups
from components.map.payload.popups import popup_incidents

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
"""Incidents per page a popup asks for."""
MAX_GROUPS = 64
"""Groups one request may name (a click on a crowded canvas picks several)."""
KEPT = 32
"""Payloads whose popups are served: the maps on screen and the ones before."""


class PageSource(Protocol):
    """Where a payload's incidents come from."""

    def page(
        self, groups: pd.DataFrame, start: int, size: int
    ) -> tuple[int, pd.DataFrame, Mapping[str, list[str]]]:
        """(incidents in ``groups``, the rows ``start`` to ``start + size`` of
        them in (date, id) order, the earlier figures of those rows)."""
        ...


class GoneError(LookupError):
    """The payload asked about is no longer served (or never was)."""


class FrameSource:
    """The incidents of a table the page holds (``latest``, in the store's
    (date, id) order, with earlier figures ``history``), held weakly: a table
    the page no longer shows is let go."""

    def __init__(self, latest: pd.DataFrame, history: Mapping[str, list[str]]) -> None:
        self._latest = weakref.ref(latest)
        self._history = history

    def page(
        self, groups: pd.DataFrame, start: int, size: int
    ) -> tuple[int, pd.DataFrame, Mapping[str, list[str]]]:
        latest = self._latest()
        if latest is None:
            raise GoneError("the table this map was drawn from is gone")
        rows = np.flatnonzero(in_groups(latest, groups))
        return len(rows), latest.iloc[rows[start : start + size]], self._history


@dataclass(frozen=True)
class _Entry:
    source: PageSource
    groups: pd.DataFrame
    """The payload's group table (a group's number is its position)."""


class PopupPages:
    """The payloads whose popups are served, by token (thread-safe)."""

    def __init__(self, kept: int = KEPT) -> None:
        self._secret = secrets.token_bytes(32)
        self._kept = kept
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def token(self, content: str, selection: str) -> str:
        """The token of a payload whose content hashes to ``content``, drawn
        from ``selection`` (what says which incidents: the table and the
        filters): the same for the same payload of the same selection, however
        often it is built, and not to be guessed without this process's
        secret."""
        message = f"{content}:{selection}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:32]

    def register(self, token: str, source: PageSource, groups: pd.DataFrame) -> None:
        with self._lock:
            self._entries[token] = _Entry(source, groups[GROUP_COLUMNS])
            self._entries.move_to_end(token)
            while len(self._entries) > self._kept:
                self._entries.popitem(last=False)

    def groups(self, token: str) -> pd.DataFrame:
        """The group table of the payload ``token`` names (a group's number is
        its position); :class:`GoneError` for a payload not served."""
        with self._lock:
            entry = self._entries.get(token)
        if entry is None:
            raise GoneError("this map is no longer served")
        return entry.groups

    def page(self, token: str, numbers: Sequence[int], start: int) -> PopupPage:
        """A page of the incidents of the groups ``numbers`` of the payload
        ``token`` names. Raises :class:`GoneError` for a payload not served
        (any more) and ValueError for groups it does not have."""
        with self._lock:
            entry = self._entries.get(token)
            if entry is not None:
                self._entries.move_to_end(token)
        if entry is None:
            raise GoneError("this map is no longer served")
        if not numbers or len(numbers) > MAX_GROUPS or start < 0:
            raise ValueError("ask for 1 to 64 groups, from incident 0 on")
        if min(numbers) < 0 or max(numbers) >= len(entry.groups):
            raise ValueError("no such group on this map")
        chosen = entry.groups.iloc[sorted(set(numbers))]
        total, rows, history = entry.source.page(chosen, start, PAGE_SIZE)
        deaths = chosen["deaths"].to_numpy()
        return {
            "total": int(total),
            "deaths": int(deaths[deaths >= 0].sum()) if (deaths >= 0).any() else -1,
            "start": start,
            "incidents": popup_incidents(rows, history),
        }


POPUPS = PopupPages()
"""The popups this process serves."""
