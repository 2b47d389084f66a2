"""The lookup a command uses: the offline gazetteer, chained to the online
geocoder where one is configured (``online.py``)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from components.domain.places import Match
from components.gazetteer.core import Gazetteer, default_gazetteer
from components.gazetteer.online import configured_fallback


def resolver(
    *, fuzzy: bool, offline: bool, gazetteer: Gazetteer | None = None
) -> Callable[[str], Match]:
    """The gazetteer's ``match`` (the shipped one unless ``gazetteer`` is given),
    chained to the online geocoder where configured."""
    gazetteer = gazetteer or default_gazetteer()
    if not offline:
        fallback = configured_fallback(gazetteer)
        if fallback is not None:
            return functools.partial(fallback.match, fuzzy=fuzzy)
    return functools.partial(gazetteer.match, fuzzy=fuzzy)
